namespace SalesKpi;

/// <summary>Which time zone turns an event's <see cref="NodaTime.Instant"/> into its business date.</summary>
public enum BusinessDateBasisKind
{
    /// <summary>One zone for everybody: the organisation's zone.</summary>
    OrganisationZone = 1,

    /// <summary>Each rep's own home zone.</summary>
    RepHomeZone = 2,
}
