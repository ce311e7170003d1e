using System;

namespace SalesKpi;

/// <summary>
/// A group key selector compiled into the evaluation loop: a value-type <see cref="IFactKey{TFact, TKey}"/> with a name.
/// Group by it with <see cref="Metric.By{TFact, TKey}(Metric{TFact, Ungrouped}, FactKey{TFact, TKey})"/>, or name the
/// rep of a business-date basis with it
/// (<see cref="EvaluationOptions{TFact}.InBasis{TRep}(BusinessDateBasis{TRep}, FactKey{TFact, TRep}, NodaTime.DateTimeZone)"/>).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Metrics grouped by the same instance share a pass when evaluated together
/// (<see cref="Metric.EvaluateAll{TFact, TKey}(ReadOnlySpan{TFact}, EvaluationOptions{TFact}?, ReadOnlySpan{Metric{TFact, TKey}})"/>),
/// so keep one instance per key (as <see cref="ActivityKey"/> does).
/// </remarks>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <example>
/// <code>
/// var perRepAndKind = Metric.Count&lt;SalesActivity&gt;().By(ActivityKey.RepAndKind);
/// </code>
/// </example>
public sealed class FactKey<TFact, TKey>
    where TKey : notnull
{
    private FactKey(KeyStage<TFact, TKey> stage, string name)
    {
        Stage = stage;
        Name = name;
    }

    /// <summary>Gets the name of the key, as given.</summary>
    public string Name { get; }

    internal KeyStage<TFact, TKey> Stage { get; }

    /// <summary>Gets the key as a delegate (the same instance every time).</summary>
    internal Func<TFact, TKey> Delegate => Stage.Delegate;

    /// <summary>Creates a key selector from a value-type selector.</summary>
    /// <typeparam name="TSelector">The selector type.</typeparam>
    /// <param name="selector">The selector; pure, and never returning null.</param>
    /// <param name="name">The name of the key, for descriptions.</param>
    /// <returns>The key selector.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    public static FactKey<TFact, TKey> Of<TSelector>(TSelector selector, string name)
        where TSelector : struct, IFactKey<TFact, TKey>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new FactKey<TFact, TKey>(new KeyStage<TFact, TKey, TSelector>(selector), name);
    }

    /// <summary>Returns the key of <paramref name="fact"/>.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The key.</returns>
    public TKey KeyOf(TFact fact) => Stage.Delegate(fact);

    /// <summary>Returns the name.</summary>
    /// <returns>The name of the key.</returns>
    public override string ToString() => Name;
}
