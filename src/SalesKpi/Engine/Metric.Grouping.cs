using System;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Groups the facts by a key: one result row per distinct key (a value tuple groups by several dimensions).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The key type; value tuples such as <c>(RepId, Kind)</c> are the fast way to group by several dimensions.</typeparam>
    /// <param name="metric">An ungrouped metric.</param>
    /// <param name="key">A fact's group key; must not return null.</param>
    /// <returns>The grouped metric.</returns>
    /// <remarks>
    /// Deferred. Keys order the result by their natural order (<see cref="IComparable{T}"/>), otherwise by invariant
    /// text. Group before filling, comparing or targeting (those refer to keys).
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="metric"/> already has a fill policy, comparison or target.</exception>
    /// <example>
    /// <code>
    /// var callsByRepAndKind = Metric.Count&lt;Activity&gt;().By(a => (a.Rep, a.Kind));
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> By<TFact, TKey>(this Metric<TFact, Ungrouped> metric, Func<TFact, TKey> key)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(key);
        return Regroup(metric, key, "by");
    }

    /// <summary>
    /// Groups the facts by a value-type key selector: one result row per distinct key, as the equivalent lambda gives, with
    /// the key read inline in the evaluation loop instead of through a delegate.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="metric">An ungrouped metric.</param>
    /// <param name="key">The key selector, such as <see cref="ActivityKey.RepAndKind"/>.</param>
    /// <returns>The grouped metric.</returns>
    /// <remarks>
    /// Deferred. Use it on hot paths (millions of facts); see <see cref="IFactKey{TFact, TKey}"/>. Metrics grouped by the
    /// same <see cref="FactKey{TFact, TKey}"/> instance share a pass when evaluated together.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="metric"/> already has a fill policy, comparison or target.</exception>
    /// <example>
    /// <code>
    /// var daily = Metric.Count&lt;SalesActivity&gt;().By(ActivityKey.RepAndKind)
    ///     .PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> By<TFact, TKey>(this Metric<TFact, Ungrouped> metric, FactKey<TFact, TKey> key)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(key);
        return Regroup(metric, key.Delegate, "by " + key.Name, key.Stage);
    }

    /// <summary>Adds a grouping dimension: the key becomes the pair (current key, <paramref name="key"/>).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The current key type.</typeparam>
    /// <typeparam name="TKey2">The added dimension's type.</typeparam>
    /// <param name="metric">A grouped metric.</param>
    /// <param name="key">A fact's value of the added dimension; may be null (an optional attribute such as a lead's industry).</param>
    /// <returns>The metric grouped by both.</returns>
    /// <remarks>
    /// Deferred. Equivalent to grouping by the pair at once. Facts whose added value is null form one group of their own
    /// (the pair's second item is null), as SQL groups nulls together; the first dimension must not be null.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is not grouped yet, or already has a fill policy, comparison or target.</exception>
    /// <example>
    /// <code>
    /// var byRepThenKind = Metric.Count&lt;Activity&gt;().By(a => a.Rep).ThenBy(a => a.Kind);
    /// </code>
    /// </example>
    public static Metric<TFact, (TKey, TKey2)> ThenBy<TFact, TKey, TKey2>(this Metric<TFact, TKey> metric, Func<TFact, TKey2> key)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(key);
        var first = metric.KeySelector ?? throw Misuse("ThenBy needs a grouped metric: call By first.");
        return Regroup(metric, fact => (first(fact), key(fact)), "then by");
    }

    private static Metric<TFact, TNew> Regroup<TFact, TKey, TNew>(Metric<TFact, TKey> metric, Func<TFact, TNew> key, string step, KeyStage<TFact, TNew>? stage = null)
        where TKey : notnull
        where TNew : notnull
    {
        if (metric.Fill is not null || metric.Stages.Length > 0)
        {
            throw Misuse("Group before filling, comparing or targeting: those refer to the group keys.");
        }

        return new Metric<TFact, TNew>(metric.Aggregation)
        {
            FilterStage = metric.FilterStage,
            KeySelector = key,
            KeyStage = stage,
            Period = metric.Period,
            Window = metric.Window,
            Description = metric.Description + " | " + step,
            Name = metric.Name,
        };
    }
}
