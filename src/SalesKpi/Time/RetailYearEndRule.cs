namespace SalesKpi;

/// <summary>How the last day of a retail year is found from its anchor month.</summary>
public enum RetailYearEndRule
{
    /// <summary>The year ends on the last given weekday of the anchor month (for example the last Saturday of September).</summary>
    LastWeekdayOfMonth = 1,

    /// <summary>
    /// The year ends on the given weekday nearest to the last day of the anchor month, at most three days before or
    /// after it (for example the Saturday nearest 31 January, the NRF rule).
    /// </summary>
    NearestWeekdayToMonthEnd = 2,
}
