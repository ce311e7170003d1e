namespace SalesKpi;

/// <summary>Which period a conversion is reported in, and so what its rate means.</summary>
public enum ConversionBasis
{
    /// <summary>
    /// Cohort (default): of the entries into stage A in a period, the share that reached B within the window. A rate in
    /// [0, 1] with a Wilson interval; right-censored while some entry's window is still open at the as-of instant.
    /// </summary>
    Cohort = 0,

    /// <summary>
    /// Period: conversions completed in the period (counted when B happens) ÷ entries into A in the period. A ratio
    /// that can exceed 1 (a period can complete conversions of earlier entries); no interval.
    /// </summary>
    Period = 1,
}
