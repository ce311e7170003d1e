namespace SalesKpi;

/// <summary>
/// A group key of a fact as a value type, wrapped by <see cref="FactKey{TFact, TKey}.Of{TSelector}(TSelector, string)"/>
/// for <see cref="Metric.By{TFact, TKey}(Metric{TFact, Ungrouped}, FactKey{TFact, TKey})"/> and for the rep of a
/// business-date basis: the evaluation loop is compiled for the selector's type, so reading the key is inlined instead of
/// called through a delegate.
/// </summary>
/// <remarks>
/// Use it for metrics evaluated over millions of facts, where a delegate call per fact is a measurable share of the cost;
/// a lambda is simpler everywhere else and gives the same results. The selector must be pure and never return null.
/// </remarks>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <example>
/// <code>
/// readonly struct RepAndOutcome : IFactKey&lt;SalesActivity, (RepId, SalesActivityOutcome)&gt;
/// {
///     public (RepId, SalesActivityOutcome) KeyOf(in SalesActivity a) => (a.Rep, a.Outcome);
/// }
///
/// var byRepAndOutcome = FactKey&lt;SalesActivity, (RepId, SalesActivityOutcome)&gt;.Of(new RepAndOutcome(), "rep, outcome");
/// var counts = Metric.Count&lt;SalesActivity&gt;().By(byRepAndOutcome);
/// </code>
/// </example>
public interface IFactKey<TFact, TKey>
{
    /// <summary>Returns the fact's key.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The key; never null.</returns>
    TKey KeyOf(in TFact fact);
}
