using System;
using System.Runtime.CompilerServices;

namespace SalesKpi;

/// <summary>The value-type key selector of a metric grouped by a <see cref="FactKey{TFact, TKey}"/>, which the evaluation loops are compiled for.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
internal abstract class KeyStage<TFact, TKey>
    where TKey : notnull
{
    /// <summary>Gets the selector as a delegate (the same instance every time), for the paths not compiled per selector.</summary>
    public abstract Func<TFact, TKey> Delegate { get; }

    /// <summary>Runs the single-pass loop of <paramref name="core"/> compiled for the filter's, time's and this key's types.</summary>
    public abstract void Run<TAcc, TKernel, TFilter, TTime, TSink>(KernelStateCore<TFact, TKey, TAcc, TKernel> core, ReadOnlySpan<TFact> facts, TFilter filter, TTime time, ref TSink sink)
        where TAcc : struct, IAccumulator<TAcc>
        where TKernel : struct, IKernel<TFact, TAcc>
        where TFilter : struct, IFactPredicate<TFact>
        where TTime : struct, IFactTime<TFact>
        where TSink : struct, IFactSink;

    /// <summary>Creates the per-fact zone lookup of the rep home-zone <paramref name="basis"/>, with this key as the rep.</summary>
    public abstract FactZones<TFact> RepZones(BusinessDateBasis<TKey> basis);
}

internal sealed class KeyStage<TFact, TKey, TSelector>(TSelector selector) : KeyStage<TFact, TKey>
    where TKey : notnull
    where TSelector : struct, IFactKey<TFact, TKey>
{
    private readonly TSelector _selector = selector;

    public override Func<TFact, TKey> Delegate { get; } = fact => selector.KeyOf(in fact);

    public override void Run<TAcc, TKernel, TFilter, TTime, TSink>(KernelStateCore<TFact, TKey, TAcc, TKernel> core, ReadOnlySpan<TFact> facts, TFilter filter, TTime time, ref TSink sink) =>
        core.Keyed(facts, filter, time, _selector, ref sink);

    public override FactZones<TFact> RepZones(BusinessDateBasis<TKey> basis) => new RepZoneResolver<TFact, TKey, TSelector>(basis, _selector);
}

/// <summary>A key selector delegate as a value type (the loops of metrics grouped by a lambda).</summary>
internal readonly struct DelegateKey<TFact, TKey>(Func<TFact, TKey> key) : IFactKey<TFact, TKey>
{
    private readonly Func<TFact, TKey> _key = key;

    /// <summary>Gets the wrapped delegate.</summary>
    public Func<TFact, TKey> Delegate => _key;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TKey KeyOf(in TFact fact) => _key(fact);
}

/// <summary>The key of an ungrouped metric: never read (every fact goes to key slot 0).</summary>
internal readonly struct NoKey<TFact, TKey> : IFactKey<TFact, TKey>
{
    public TKey KeyOf(in TFact fact) => default!;
}
