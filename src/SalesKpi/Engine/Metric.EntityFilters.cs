using System;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>
    /// Keeps only the facts of entities whose value of <paramref name="condition"/> — in the same period, over all their
    /// facts — satisfies <paramref name="predicate"/> (for example only the days on which a rep made at least 50 calls).
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <typeparam name="TEntity">The entity type (for example a rep id).</typeparam>
    /// <param name="metric">The metric to filter.</param>
    /// <param name="entity">A fact's entity; must not return null.</param>
    /// <param name="condition">An ungrouped metric without periods or windows, evaluated per entity (and per period of <paramref name="metric"/>).</param>
    /// <param name="predicate">Whether an entity's condition value qualifies it; an entity with no facts for the condition sees its empty value (0 for counts).</param>
    /// <returns>The filtered metric.</returns>
    /// <remarks>
    /// Deferred. The condition ignores <paramref name="metric"/>'s own filters (it has its own). Mergeable: states keep
    /// values per entity until the table is finished. The snapshot of such a metric is made of two parts (the metric per
    /// key and entity, the condition per entity; see <see cref="KpiSnapshot.Parts"/>) and restores like any other.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="condition"/> is per period, windowed, compared, filled or itself entity-filtered, or
    /// <paramref name="metric"/> already has an entity filter.
    /// </exception>
    /// <example>
    /// <code>
    /// var calls = Metric.Count&lt;Activity&gt;().Where(a => a.Kind == Kind.Call);
    /// // per day: how many reps made at least 50 calls
    /// var repsOnTarget = Metric.DistinctCount&lt;Activity&gt;(a => a.Rep)
    ///     .PerPeriod(PeriodKind.Day, a => a.Timestamp)
    ///     .WhereEntity(a => a.Rep, calls, v => v.GetValueOrDefault(0) >= 50);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> WhereEntity<TFact, TKey, TEntity>(this Metric<TFact, TKey> metric, Func<TFact, TEntity> entity, Metric<TFact, Ungrouped> condition, Func<KpiValue, bool> predicate)
        where TKey : notnull
        where TEntity : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(predicate);
        if (condition.Period is not null || condition.Window is not null || condition.Stages.Length > 0 || condition.Fill is not null || condition.EntityFilter is not null)
        {
            throw new ArgumentException("The condition must be a plain ungrouped metric: it takes its periods from the filtered metric.", nameof(condition));
        }

        if (condition.Aggregation.HasIntrinsicTime || metric.Aggregation.HasIntrinsicTime)
        {
            throw new ArgumentException("Conversions cannot take part in an entity filter.", nameof(condition));
        }

        if (metric.EntityFilter is not null)
        {
            throw Misuse("The metric already has an entity filter.");
        }

        return new Metric<TFact, TKey>(metric)
        {
            EntityFilter = new EntityFilter<TFact, TKey, TEntity>(entity, condition, predicate),
            Description = metric.Description + " | where entity",
        };
    }
}
