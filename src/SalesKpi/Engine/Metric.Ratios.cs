using System;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>A ratio of sums Σnumerator ÷ Σdenominator over the same facts.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="numerator">A fact's numerator; must be finite.</param>
    /// <param name="denominator">A fact's denominator; must be finite.</param>
    /// <returns>An ungrouped ratio carrying both sums. Empty cell or zero denominator: Undefined.</returns>
    /// <remarks>Deferred. Rolls up and windows as a ratio of sums (pooled), never as a mean of ratios.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// var talkShare = Metric.Ratio&lt;Call&gt;(c => c.TalkMinutes, c => c.TotalMinutes);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Ratio<TFact>(Func<TFact, double> numerator, Func<TFact, double> denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        return new(new KernelAggregation<TFact, RatioAccumulator, RatioKernel<TFact>>("ratio:double", new(numerator, denominator)));
    }

    /// <summary>An exact ratio of decimal sums Σnumerator ÷ Σdenominator over the same facts.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="numerator">A fact's numerator.</param>
    /// <param name="denominator">A fact's denominator.</param>
    /// <returns>An ungrouped ratio carrying both sums. Empty cell or zero denominator: Undefined.</returns>
    /// <remarks>Deferred. The quotient is computed in <see langword="decimal"/>.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// var valueWinRate = Metric.Ratio&lt;Deal&gt;(d => d.IsWon ? d.Amount : 0m, d => d.Amount).Where(d => d.IsClosed);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Ratio<TFact>(Func<TFact, decimal> numerator, Func<TFact, decimal> denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        return new(new KernelAggregation<TFact, DecimalRatioAccumulator, DecimalRatioKernel<TFact>>("ratio:decimal", new(numerator, denominator)));
    }

    /// <summary>
    /// A ratio of two counts over the same facts: facts matching <paramref name="numerator"/> ÷ facts matching
    /// <paramref name="denominator"/> (for example replies ÷ emails sent, calls per meeting booked).
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="numerator">Whether a fact counts in the numerator.</param>
    /// <param name="denominator">Whether a fact counts in the denominator.</param>
    /// <returns>
    /// An ungrouped exact ratio; it can exceed 1 and has no interval (use <see cref="Rate{TFact}"/> for a proportion).
    /// Empty cell or zero denominator: Undefined.
    /// </returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// var replyRatio = Metric.Ratio&lt;Activity&gt;(a => a.Kind == Kind.Reply, a => a.Kind == Kind.Email);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Ratio<TFact>(Func<TFact, bool> numerator, Func<TFact, bool> denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        return new(new KernelAggregation<TFact, PairCountAccumulator, CountRatioKernel<TFact>>("pair", new(numerator, denominator)));
    }

    /// <summary>
    /// The proportion of facts that are successes (successes ÷ trials, every fact a trial), with n and a 95% Wilson
    /// score interval.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="success">Whether a fact is a success.</param>
    /// <returns>An ungrouped rate, exact. Empty cell: Undefined (0/0).</returns>
    /// <remarks>Deferred. Restrict the trials with <c>Where</c> (for example to calls) before or after.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="success"/> is null.</exception>
    /// <example>
    /// <code>
    /// var connectRate = Metric.Rate&lt;Activity&gt;(a => a.Outcome == Outcome.Connected).Where(a => a.Kind == Kind.Call);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Rate<TFact>(Func<TFact, bool> success)
    {
        ArgumentNullException.ThrowIfNull(success);
        return new(new KernelAggregation<TFact, PairCountAccumulator, RateKernel<TFact>>("rate", new(success)));
    }
}
