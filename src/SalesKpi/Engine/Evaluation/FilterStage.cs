using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SalesKpi;

/// <summary>The filter of a metric as a value type the evaluation loops are compiled for, with its delegate form for other uses.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
internal abstract class FilterStage<TFact>
{
    /// <summary>Gets the filter as a delegate (the same instance every time).</summary>
    public abstract Func<TFact, bool> Delegate { get; }

    public static FilterStage<TFact> Of(Func<TFact, bool> predicate) =>
        new FilterStage<TFact, DelegatePredicate<TFact>>(new DelegatePredicate<TFact>(predicate), predicate);

    public static FilterStage<TFact> Of<TPredicate>(TPredicate predicate)
        where TPredicate : struct, IFactPredicate<TFact> =>
        new FilterStage<TFact, TPredicate>(predicate, fact => predicate.Test(in fact));

    /// <summary>Returns the stage keeping the facts this one keeps and then <paramref name="predicate"/> keeps (a delegate stage).</summary>
    public FilterStage<TFact> And(Func<TFact, bool> predicate)
    {
        var first = Delegate;
        return Of(fact => first(fact) && predicate(fact));
    }

    /// <summary>
    /// Returns the stage keeping the facts this one keeps and then <paramref name="predicate"/> keeps: compiled for
    /// <typeparamref name="TPredicate"/>, with this stage's test as a delegate before it. (Built from the new predicate's
    /// type only, never from this stage's, so chains of filters do not nest types without bound.)
    /// </summary>
    public FilterStage<TFact> And<TPredicate>(TPredicate predicate)
        where TPredicate : struct, IFactPredicate<TFact> =>
        Of(new PrefixedPredicate<TFact, TPredicate>(Delegate, predicate));

    /// <summary>Whether <paramref name="other"/> keeps exactly the facts this stage keeps: the same predicate type and an equal predicate (delegates by reference).</summary>
    public abstract bool SameAs(FilterStage<TFact>? other);

    /// <summary>Runs the single-pass loop of <paramref name="core"/>, compiled for this filter's type.</summary>
    public abstract void Run<TKey, TAcc, TKernel, TSink>(KernelStateCore<TFact, TKey, TAcc, TKernel> core, ReadOnlySpan<TFact> facts, ref TSink sink)
        where TKey : notnull
        where TAcc : struct, IAccumulator<TAcc>
        where TKernel : struct, IKernel<TFact, TAcc>
        where TSink : struct, IFactSink;
}

internal sealed class FilterStage<TFact, TPredicate>(TPredicate predicate, Func<TFact, bool> asDelegate) : FilterStage<TFact>
    where TPredicate : struct, IFactPredicate<TFact>
{
    private readonly TPredicate _predicate = predicate;

    public override Func<TFact, bool> Delegate { get; } = asDelegate;

    public override bool SameAs(FilterStage<TFact>? other) =>
        ReferenceEquals(this, other)
        || (other is FilterStage<TFact, TPredicate> same && EqualityComparer<TPredicate>.Default.Equals(_predicate, same._predicate));

    public override void Run<TKey, TAcc, TKernel, TSink>(KernelStateCore<TFact, TKey, TAcc, TKernel> core, ReadOnlySpan<TFact> facts, ref TSink sink) =>
        core.Run(facts, _predicate, ref sink);
}

/// <summary>Keeps every fact (the filter of a metric without one; the JIT removes the test).</summary>
internal readonly struct NoPredicate<TFact> : IFactPredicate<TFact>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Test(in TFact fact) => true;
}

internal readonly struct DelegatePredicate<TFact>(Func<TFact, bool> predicate) : IFactPredicate<TFact>, IEquatable<DelegatePredicate<TFact>>
{
    private readonly Func<TFact, bool> _predicate = predicate;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Test(in TFact fact) => _predicate(fact);

    public bool Equals(DelegatePredicate<TFact> other) => ReferenceEquals(_predicate, other._predicate);

    public override bool Equals(object? obj) => obj is DelegatePredicate<TFact> other && Equals(other);

    public override int GetHashCode() => _predicate.GetHashCode();
}

internal readonly struct PrefixedPredicate<TFact, TPredicate>(Func<TFact, bool> first, TPredicate then) : IFactPredicate<TFact>, IEquatable<PrefixedPredicate<TFact, TPredicate>>
    where TPredicate : struct, IFactPredicate<TFact>
{
    private readonly Func<TFact, bool> _first = first;
    private readonly TPredicate _then = then;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Test(in TFact fact) => _first(fact) && _then.Test(in fact);

    public bool Equals(PrefixedPredicate<TFact, TPredicate> other) =>
        ReferenceEquals(_first, other._first) && EqualityComparer<TPredicate>.Default.Equals(_then, other._then);

    public override bool Equals(object? obj) => obj is PrefixedPredicate<TFact, TPredicate> other && Equals(other);

    public override int GetHashCode() => _first.GetHashCode();
}
