using System;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Replaces each value by its attainment: actual ÷ target.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="target">The target of a key in a period (period <see langword="null"/> when not per period), or <see langword="null"/> for none.</param>
    /// <returns>The attainment metric: a ratio with the actual as numerator and the target as denominator.</returns>
    /// <remarks>Deferred. Undefined when the target is missing or 0, or the actual is Undefined; exact when the actual is.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// var quotaAttainment = wonAmountPerRepPerQuarter.Attainment((rep, quarter) => quota[rep]);   // 90,000 of 120,000 → 0.75
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Attainment<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, ReportingPeriod?, decimal?> target)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(target);
        return WithStage(metric, new TargetStage<TKey>(target, pace: false), "attainment");
    }

    /// <summary>
    /// Replaces each value by its pace against a target: actual ÷ (target × elapsed fraction of the period at the as-of date),
    /// 1 meaning exactly on track.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="target">The full-period target of a key in a period, or <see langword="null"/> for none.</param>
    /// <returns>The pace metric: a ratio with the actual as numerator and the prorated target as denominator.</returns>
    /// <remarks>
    /// Deferred; the evaluation needs options with an as-of instant (its date in the reporting zone). Elapsed fraction =
    /// (calendar days from the period start through the as-of date, inclusive, clamped to the period) ÷ days in the
    /// period; past periods therefore show plain attainment and future periods are Undefined (nothing elapsed).
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// // 40 calls by day 10 of a 30-day month against 150: 40 ÷ (150 × 10/30) = 0.8
    /// var callPace = monthlyCalls.Pace((rep, month) => 150m);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Pace<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, ReportingPeriod?, decimal?> target)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(target);
        if (metric.Period is null)
        {
            throw Misuse("Pace needs a metric per period: call PerPeriod first.");
        }

        return WithStage(metric, new TargetStage<TKey>(target, pace: true), "pace");
    }
}
