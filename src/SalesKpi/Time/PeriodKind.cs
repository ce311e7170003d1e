namespace SalesKpi;

/// <summary>The granularity of a reporting period.</summary>
public enum PeriodKind
{
    /// <summary>One business day.</summary>
    Day = 0,

    /// <summary>One week, starting on the calendar's week start.</summary>
    Week = 1,

    /// <summary>One month (a calendar month, or a retail month of four or five weeks).</summary>
    Month = 2,

    /// <summary>One quarter of the (fiscal) year.</summary>
    Quarter = 3,

    /// <summary>One half of the (fiscal) year.</summary>
    Half = 4,

    /// <summary>One (fiscal) year.</summary>
    Year = 5,
}
