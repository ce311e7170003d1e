namespace SalesKpi;

/// <summary>
/// A filter condition as a value type, for <see cref="Metric.Where{TFact, TKey, TPredicate}(Metric{TFact, TKey}, TPredicate)"/>:
/// the evaluation loop is compiled for the predicate's type, so its test is inlined instead of called through a
/// delegate, and a struct fact is read in place instead of copied.
/// </summary>
/// <remarks>
/// Use it for the filters of metrics evaluated over millions of facts, where a delegate call per fact is a measurable
/// share of the cost; a lambda is simpler everywhere else and gives the same results. The predicate must be pure: it may be
/// called for a fact more than once, from any thread, in any order.
/// </remarks>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <example>
/// <code>
/// readonly struct IsCall : IFactPredicate&lt;SalesActivity&gt;
/// {
///     public bool Test(in SalesActivity activity) => activity.Kind == SalesActivityKind.Call;
/// }
///
/// var calls = Metric.Count&lt;SalesActivity&gt;().Where(new IsCall());
/// </code>
/// </example>
public interface IFactPredicate<TFact>
{
    /// <summary>Returns whether <paramref name="fact"/> is kept.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns><see langword="true"/> to keep the fact.</returns>
    bool Test(in TFact fact);
}
