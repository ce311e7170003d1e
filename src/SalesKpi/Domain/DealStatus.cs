namespace SalesKpi;

/// <summary>Whether a deal is still open, won or lost.</summary>
public enum DealStatus
{
    /// <summary>Still being worked (the default).</summary>
    Open = 0,

    /// <summary>Closed won.</summary>
    Won = 1,

    /// <summary>Closed lost.</summary>
    Lost = 2,
}
