namespace SalesKpi;

/// <summary>The forecast category a rep or manager assigns to a deal.</summary>
/// <remarks>
/// The cumulative roll-up (KPI-SPEC §2) is: Commit = Closed + Commit; Best case = Closed + Commit + Best case;
/// Open pipeline = Pipeline + Best case + Commit. <see cref="Omitted"/> is excluded from every roll-up.
/// </remarks>
public enum ForecastCategory
{
    /// <summary>In the pipeline, not yet committed (the default).</summary>
    Pipeline = 0,

    /// <summary>Could close in the period if things go well.</summary>
    BestCase = 1,

    /// <summary>Expected to close in the period.</summary>
    Commit = 2,

    /// <summary>Already closed (won).</summary>
    Closed = 3,

    /// <summary>Left out of the forecast.</summary>
    Omitted = 4,
}
