using System;

namespace SalesKpi;

/// <summary>
/// The metric algebra: primitives (<see cref="Count{TFact}"/>, <see cref="Sum{TFact}(Func{TFact, decimal})"/>,
/// <see cref="Rate{TFact}"/>, <see cref="Conversion{TFact, TEvent}"/> …) that create definitions, and combinators
/// (<c>Where</c>, <c>By</c>, <c>PerPeriod</c>, <c>Cumulative</c>, <c>ChangeFrom</c>, <c>FillEmpty</c>, <c>Attainment</c> …) that refine them.
/// </summary>
/// <remarks>
/// Every method validates its arguments immediately and returns a new immutable <see cref="Metric{TFact, TKey}"/>;
/// evaluation is deferred to <see cref="Metric{TFact, TKey}.Evaluate(ReadOnlySpan{TFact}, EvaluationOptions{TFact})"/>.
/// </remarks>
public static partial class Metric
{
    /// <summary>Counts facts.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <returns>An ungrouped count. Empty cell: 0 (exact).</returns>
    /// <remarks>Deferred. The value is exact; <see cref="KpiValue.Count"/> equals the value.</remarks>
    /// <example>
    /// <code>
    /// var calls = Metric.Count&lt;Activity&gt;().Where(a => a.Kind == Kind.Call);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Count<TFact>() =>
        new(new KernelAggregation<TFact, CountAccumulator, CountKernel<TFact>>("count", default));

    /// <summary>Sums an integer quantity with overflow checking.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact (an <see langword="int"/> lambda binds here too).</param>
    /// <returns>An ungrouped sum. Empty cell: 0 (exact).</returns>
    /// <remarks>Deferred. Exact; an overflow of the 64-bit sum throws <see cref="OverflowException"/> during evaluation.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var talkSeconds = Metric.Sum&lt;Call&gt;(c => c.DurationSeconds);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Sum<TFact>(Func<TFact, long> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, Int64SumAccumulator, Int64SumKernel<TFact>>("sum:long", new(value, mean: false)));
    }

    /// <summary>Sums a decimal quantity (money) exactly.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact.</param>
    /// <returns>An ungrouped sum. Empty cell: 0 (exact).</returns>
    /// <remarks>Deferred. Exact in <see langword="decimal"/>; partitions merge to exactly the same sum.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var wonAmount = Metric.Sum&lt;Deal&gt;(d => d.Amount).Where(d => d.IsWon);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Sum<TFact>(Func<TFact, decimal> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, DecimalSumAccumulator, DecimalSumKernel<TFact>>("sum:decimal", new(value, mean: false)));
    }

    /// <summary>Sums a floating-point quantity with compensated (Neumaier) summation.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact; must be finite (evaluation throws <see cref="ArgumentException"/> otherwise).</param>
    /// <returns>An ungrouped sum. Empty cell: 0.</returns>
    /// <remarks>Deferred. Independent of fact order and partitioning up to rounding.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var hours = Metric.Sum&lt;Session&gt;(s => s.Hours);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Sum<TFact>(Func<TFact, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, DoubleSumAccumulator, DoubleSumKernel<TFact>>("sum:double", new(value, mean: false)));
    }

    /// <summary>The arithmetic mean Σx ÷ n of an integer quantity.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact.</param>
    /// <returns>An ungrouped mean: a ratio with numerator Σx and denominator n, exact in <see langword="decimal"/>. Empty cell: Undefined (0/0).</returns>
    /// <remarks>Deferred. Rolls up as (Σ of sums) ÷ (Σ of counts), never as a mean of means.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var meanTalk = Metric.Mean&lt;Call&gt;(c => c.DurationSeconds);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Mean<TFact>(Func<TFact, long> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, Int64SumAccumulator, Int64SumKernel<TFact>>("mean:long", new(value, mean: true)));
    }

    /// <summary>The arithmetic mean Σx ÷ n of a decimal quantity, exact to 28 significant digits.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact.</param>
    /// <returns>An ungrouped mean: a ratio with numerator Σx and denominator n. Empty cell: Undefined (0/0).</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var averageDealSize = Metric.Mean&lt;Deal&gt;(d => d.Amount).Where(d => d.IsWon);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Mean<TFact>(Func<TFact, decimal> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, DecimalSumAccumulator, DecimalSumKernel<TFact>>("mean:decimal", new(value, mean: true)));
    }

    /// <summary>The arithmetic mean Σx ÷ n of a floating-point quantity (compensated sum).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact; must be finite.</param>
    /// <returns>An ungrouped mean: a ratio with numerator Σx and denominator n. Empty cell: Undefined (0/0).</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var meanCycleDays = Metric.Mean&lt;Deal&gt;(d => d.CycleDays);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Mean<TFact>(Func<TFact, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, DoubleSumAccumulator, DoubleSumKernel<TFact>>("mean:double", new(value, mean: true)));
    }

    /// <summary>The smallest value of a floating-point quantity.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact; must be finite.</param>
    /// <returns>An ungrouped minimum. Empty cell: Undefined.</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var shortestCall = Metric.Min&lt;Call&gt;(c => c.Minutes);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Min<TFact>(Func<TFact, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, ExtremaAccumulator, ExtremaKernel<TFact>>("extrema:double", new(value, max: false)));
    }

    /// <summary>The largest value of a floating-point quantity.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact; must be finite.</param>
    /// <returns>An ungrouped maximum. Empty cell: Undefined.</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var longestCall = Metric.Max&lt;Call&gt;(c => c.Minutes);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Max<TFact>(Func<TFact, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, ExtremaAccumulator, ExtremaKernel<TFact>>("extrema:double", new(value, max: true)));
    }

    /// <summary>The smallest value of a decimal quantity (exact).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact.</param>
    /// <returns>An ungrouped minimum. Empty cell: Undefined.</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var smallestWin = Metric.Min&lt;Deal&gt;(d => d.Amount).Where(d => d.IsWon);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Min<TFact>(Func<TFact, decimal> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, DecimalExtremaAccumulator, DecimalExtremaKernel<TFact>>("extrema:decimal", new(value, max: false)));
    }

    /// <summary>The largest value of a decimal quantity (exact).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The quantity of a fact.</param>
    /// <returns>An ungrouped maximum. Empty cell: Undefined.</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <example>
    /// <code>
    /// var largestWin = Metric.Max&lt;Deal&gt;(d => d.Amount).Where(d => d.IsWon);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Max<TFact>(Func<TFact, decimal> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new KernelAggregation<TFact, DecimalExtremaAccumulator, DecimalExtremaKernel<TFact>>("extrema:decimal", new(value, max: true)));
    }
}
