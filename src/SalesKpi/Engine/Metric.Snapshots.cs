using System;
using NodaTime;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>
    /// A semi-additive value at period end: for each entity, the value of its latest observation in the cell, summed
    /// over entities (for example open pipeline from deal snapshots: additive across deals, not across time).
    /// </summary>
    /// <typeparam name="TFact">The fact type (one observation of an entity).</typeparam>
    /// <param name="entity">The entity observed (for example a deal id).</param>
    /// <param name="time">When the observation was made; the latest per entity wins, ties go to the larger value.</param>
    /// <param name="value">The observed value (0 for an entity that no longer counts, such as a closed deal).</param>
    /// <returns>An ungrouped exact sum of latest values. Empty cell: 0.</returns>
    /// <remarks>
    /// Deferred. Per period, only observations inside the period count (an entity not observed in a period does not
    /// carry into it). Windows take the latest observation over the whole window.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// var openPipeline = Metric.LastValue&lt;DealSnapshot&gt;(s => s.DealId, s => s.At, s => s.IsOpen ? s.Amount : 0m)
    ///     .PerPeriod(PeriodKind.Month, s => s.At);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> LastValue<TFact>(Func<TFact, long> entity, Func<TFact, Instant> time, Func<TFact, decimal> value)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, LastValueAccumulator, LastValueKernel<TFact>>("last", new(entity, time, value))) { Description = "last value" };
    }
}
