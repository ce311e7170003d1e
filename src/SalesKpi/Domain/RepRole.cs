namespace SalesKpi;

/// <summary>The role a rep holds during a <see cref="RepAssignment"/>.</summary>
public enum RepRole
{
    /// <summary>Another role (the default).</summary>
    Other = 0,

    /// <summary>Sales development rep: prospects and passes leads.</summary>
    Sdr = 1,

    /// <summary>Account executive: works and closes deals.</summary>
    Ae = 2,

    /// <summary>Account manager: looks after existing customers.</summary>
    AccountManager = 3,

    /// <summary>A manager of a team.</summary>
    Manager = 4,
}
