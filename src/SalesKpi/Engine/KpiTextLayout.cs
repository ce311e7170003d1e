namespace SalesKpi;

/// <summary>How <see cref="KpiTable{TKey}.ToText(KpiTextLayout)"/> lays out a table.</summary>
public enum KpiTextLayout
{
    /// <summary>One row per group key and one column per period (a single <c>value</c> column when not per period).</summary>
    Grid = 0,

    /// <summary>One row per cell with its value, numerator, denominator, fact count, 95% interval and censored count.</summary>
    Long = 1,
}
