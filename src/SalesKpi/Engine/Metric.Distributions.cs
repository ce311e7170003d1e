using System;
using System.Globalization;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Counts the distinct members (64-bit identities, for example user or account ids) among the facts.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="member">The identity of a fact's member (an <see langword="int"/>-backed id widens to <see langword="long"/>).</param>
    /// <returns>An ungrouped distinct count, exact. Empty cell: 0. <see cref="KpiValue.Count"/> is the number of facts.</returns>
    /// <remarks>
    /// Deferred. Each cell keeps its member set, so windows and roll-ups stay exact: a weekly rolling window over daily
    /// cells counts each user once (WAU), not the sum of daily actives.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="member"/> is null.</exception>
    /// <example>
    /// <code>
    /// var dailyActiveUsers = Metric.DistinctCount&lt;Login&gt;(l => l.UserId).PerPeriod(PeriodKind.Day, l => l.At);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> DistinctCount<TFact>(Func<TFact, long> member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(new KernelAggregation<TFact, DistinctAccumulator, DistinctKernel<TFact>>("distinct", new(member)));
    }

    /// <summary>The median: the 0.5 percentile by linear interpolation (R type 7); the mean of the middle two of an even count.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact; must be finite.</param>
    /// <returns>An ungrouped median. Empty cell: Undefined.</returns>
    /// <remarks>Deferred. Exact percentiles keep every value of a cell (memory per fact in that cell, allocated per cell in growing blocks).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var medianCycle = Metric.Median&lt;Deal&gt;(d => d.CycleDays);   // of 3, 5, 8, 10: (5 + 8) / 2 = 6.5
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Median<TFact>(Func<TFact, double> value) => Percentile(value, 0.5);

    /// <summary>
    /// The <paramref name="probability"/> percentile by linear interpolation between order statistics (R type 7, the
    /// spreadsheet and numpy default): with the n values ascending x[0..n−1], h = (n − 1)p and
    /// q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact; must be finite.</param>
    /// <param name="probability">The probability p in [0, 1]; 0 gives the minimum, 1 the maximum.</param>
    /// <returns>An ungrouped percentile. Empty cell: Undefined; a single value is every percentile.</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1] or NaN.</exception>
    /// <example>
    /// <code>
    /// var p90Response = Metric.Percentile&lt;Lead&gt;(l => l.ResponseMinutes, 0.9);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Percentile<TFact>(Func<TFact, double> value, double probability)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must lie in [0, 1].");
        }

        string name = probability == 0.5 ? "median" : string.Create(CultureInfo.InvariantCulture, $"percentile {probability}");
        return new(new KernelAggregation<TFact, SampleAccumulator, QuantileKernel<TFact>>("samples", new(value, probability))) { Description = name };
    }
}
