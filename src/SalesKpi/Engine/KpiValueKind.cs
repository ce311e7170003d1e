namespace SalesKpi;

/// <summary>What a <see cref="KpiValue"/> measures, which decides the parts it carries.</summary>
public enum KpiValueKind
{
    /// <summary>A plain number: a count, a sum, an extreme, a percentile, a difference.</summary>
    Number = 0,

    /// <summary>A quotient of two quantities (a mean, a ratio of sums, an attainment); carries numerator and denominator.</summary>
    Ratio = 1,

    /// <summary>
    /// A proportion of successes among trials (0 to 1); carries numerator (successes), denominator (trials) and a 95%
    /// Wilson score interval.
    /// </summary>
    Rate = 2,
}
