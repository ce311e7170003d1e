using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>
    /// Sets the zero-fill policy: every key × every period (of <paramref name="range"/>, or from the first to the last
    /// period of the data) gets a cell; cells without facts show the metric's empty value.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="range">The business dates whose periods to fill (every period overlapping it), or <see langword="null"/> for the span of the data.</param>
    /// <param name="keys">Keys that must appear even without facts (for example every rep of the team), or <see langword="null"/>.</param>
    /// <returns>The metric with the fill policy.</returns>
    /// <remarks>
    /// Deferred. The empty value is 0 for counts and sums and Undefined for means, rates and percentiles (a rep with no
    /// calls made 0 calls, but has no connect rate). Fill happens after windows and before comparisons and targets.
    /// Without a fill policy, only cells with facts appear (indexers still return the empty value).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keys"/> contains null.</exception>
    /// <example>
    /// <code>
    /// var grid = callsPerRepPerDay.FillEmpty(new DateInterval(monday, friday), allReps);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> FillEmpty<TFact, TKey>(this Metric<TFact, TKey> metric, DateInterval? range = null, IEnumerable<TKey>? keys = null)
        where TKey : notnull =>
        Fill(metric, range, keys, null);

    /// <summary>As <see cref="FillEmpty{TFact, TKey}"/>, but empty cells show <paramref name="value"/> instead of the metric's empty value.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="value">The value of an empty cell (for example <c>KpiValue.Of(0m, 0)</c> to show a mean of nothing as 0).</param>
    /// <param name="range">The dates whose periods to fill, or <see langword="null"/> for the span of the data.</param>
    /// <param name="keys">Keys that must appear, or <see langword="null"/>.</param>
    /// <returns>The metric with the fill policy.</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keys"/> contains null.</exception>
    /// <example>
    /// <code>
    /// var meanOrZero = meanDealSize.FillEmptyWith(KpiValue.Of(0m, 0));
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> FillEmptyWith<TFact, TKey>(this Metric<TFact, TKey> metric, KpiValue value, DateInterval? range = null, IEnumerable<TKey>? keys = null)
        where TKey : notnull =>
        Fill(metric, range, keys, value);

    private static Metric<TFact, TKey> Fill<TFact, TKey>(Metric<TFact, TKey> metric, DateInterval? range, IEnumerable<TKey>? keys, KpiValue? value)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        TKey[]? keyArray = keys?.ToArray();
        if (keyArray is not null && keyArray.Any(k => k is null))
        {
            throw new ArgumentException("The keys to fill contain null.", nameof(keys));
        }

        return new Metric<TFact, TKey>(metric) { Fill = new FillSpec<TKey>(range, keyArray, value), Description = metric.Description + " | fill empty" };
    }
}
