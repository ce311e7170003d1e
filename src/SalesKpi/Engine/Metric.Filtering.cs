using System;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Keeps only the facts that satisfy <paramref name="predicate"/> (combined with earlier filters by "and").</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="predicate">The condition a fact must meet to count.</param>
    /// <returns>The filtered metric.</returns>
    /// <remarks>Deferred; arguments are checked immediately. Filters act on facts before grouping and periods.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// var calls = Metric.Count&lt;Activity&gt;().Where(a => a.Kind == Kind.Call);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Where<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TFact, bool> predicate)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(predicate);
        var stage = metric.FilterStage is { } previous ? previous.And(predicate) : FilterStage<TFact>.Of(predicate);
        return new Metric<TFact, TKey>(metric) { FilterStage = stage, Description = metric.Description + " | where" };
    }

    /// <summary>
    /// Keeps only the facts that satisfy a value-type <paramref name="predicate"/> (combined with earlier filters by
    /// "and"); the evaluation loop is compiled for its type, so the test is inlined rather than called per fact.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <typeparam name="TPredicate">The predicate type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="predicate">The condition a fact must meet to count.</param>
    /// <returns>The filtered metric.</returns>
    /// <remarks>
    /// Deferred; arguments are checked immediately. Gives the same results as the equivalent lambda filter; use it on hot
    /// paths (millions of facts, many filtered lines such as a scorecard's). See <see cref="IFactPredicate{TFact}"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <example>
    /// <code>
    /// readonly struct IsCall : IFactPredicate&lt;SalesActivity&gt;
    /// {
    ///     public bool Test(in SalesActivity activity) => activity.Kind == SalesActivityKind.Call;
    /// }
    ///
    /// var callsPerRep = Metric.Count&lt;SalesActivity&gt;().Where(new IsCall()).By(a => a.Rep);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Where<TFact, TKey, TPredicate>(this Metric<TFact, TKey> metric, TPredicate predicate)
        where TKey : notnull
        where TPredicate : struct, IFactPredicate<TFact>
    {
        ArgumentNullException.ThrowIfNull(metric);
        var stage = metric.FilterStage is { } previous ? previous.And(predicate) : FilterStage<TFact>.Of(predicate);
        return new Metric<TFact, TKey>(metric) { FilterStage = stage, Description = metric.Description + " | where" };
    }

    /// <summary>Gives the metric a name, used by <see cref="Metric{TFact, TKey}.ToString"/> and as the table's metric description.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="name">The name.</param>
    /// <returns>The named metric.</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    /// <example>
    /// <code>
    /// var calls = Metric.Count&lt;Activity&gt;().Where(a => a.Kind == Kind.Call).Named("calls");
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Named<TFact, TKey>(this Metric<TFact, TKey> metric, string name)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Metric<TFact, TKey>(metric) { Name = name };
    }

    private static ArgumentException Misuse(string message) => Errors.Argument(message, "metric");
}
