using System;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Replaces each period's value by the value of the period <paramref name="offset"/> before it (for example last year's value beside this year's).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="offset">Which earlier period.</param>
    /// <returns>The offset metric.</returns>
    /// <remarks>Deferred. An earlier period without a cell contributes the metric's empty value (0 for counts, Undefined for means).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// var lastYear = monthlyBookings.Offset(PeriodOffset.SamePeriodLastYear);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Offset<TFact, TKey>(this Metric<TFact, TKey> metric, PeriodOffset offset)
        where TKey : notnull => Compare(metric, offset, OffsetMode.Value, "value at " + offset);

    /// <summary>Replaces each period's value v(t) by its absolute change v(t) − v(t − offset).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="offset">Which earlier period to compare with.</param>
    /// <returns>The change metric (exact when the values are).</returns>
    /// <remarks>Deferred. Undefined when either value is Undefined; an earlier period without a cell counts as the empty value.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// var callsChange = weeklyCalls.ChangeFrom(PeriodOffset.PreviousPeriod);   // 40 then 50 → +10
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> ChangeFrom<TFact, TKey>(this Metric<TFact, TKey> metric, PeriodOffset offset)
        where TKey : notnull => Compare(metric, offset, OffsetMode.Change, "change from " + offset);

    /// <summary>Replaces each period's value v(t) by its relative change (v(t) − v(t − offset)) ÷ v(t − offset).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="offset">Which earlier period to compare with.</param>
    /// <returns>The relative-change metric: a ratio with the change as numerator and the earlier value as denominator.</returns>
    /// <remarks>Deferred. Undefined when the earlier value is 0 or either value is Undefined (growth from nothing has no percentage).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// var growth = monthlyBookings.RelativeChangeFrom(PeriodOffset.SamePeriodLastYear);   // 120 vs 100 → 0.2
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> RelativeChangeFrom<TFact, TKey>(this Metric<TFact, TKey> metric, PeriodOffset offset)
        where TKey : notnull => Compare(metric, offset, OffsetMode.RelativeChange, "relative change from " + offset);

    private static Metric<TFact, TKey> Compare<TFact, TKey>(Metric<TFact, TKey> metric, PeriodOffset offset, OffsetMode mode, string step)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Period is null)
        {
            throw Misuse("A period-over-period comparison needs a metric per period: call PerPeriod first.");
        }

        return WithStage(metric, new OffsetStage<TKey>(offset, mode), step);
    }

    private static Metric<TFact, TKey> WithStage<TFact, TKey>(Metric<TFact, TKey> metric, ValueStage<TKey> stage, string step)
        where TKey : notnull
    {
        var stages = new ValueStage<TKey>[metric.Stages.Length + 1];
        metric.Stages.CopyTo(stages, 0);
        stages[^1] = stage;
        return new Metric<TFact, TKey>(metric) { Stages = stages, Description = metric.Description + " | " + step };
    }
}
