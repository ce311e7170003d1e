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
        var previous = metric.Filter;
        var filter = previous is null ? predicate : fact => previous(fact) && predicate(fact);
        return new Metric<TFact, TKey>(metric) { Filter = filter, Description = metric.Description + " | where" };
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
