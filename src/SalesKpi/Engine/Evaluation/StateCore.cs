using System;

namespace SalesKpi;

/// <summary>The mutable evaluation state behind a <see cref="KpiState{TFact, TKey}"/>.</summary>
internal abstract class StateCore<TFact, TKey>
    where TKey : notnull
{
    public abstract long FactsAdded { get; }

    public abstract int CellCount { get; }

    public abstract void Add(ReadOnlySpan<TFact> facts);

    public abstract void MergeFrom(StateCore<TFact, TKey> other);

    public abstract StateCore<TFact, TKey> Clone();

    public abstract KpiTable<TKey> ToTable();

    public abstract KpiTable<TNew> RollUp<TNew>(Func<TKey, TNew> map)
        where TNew : notnull;

    public abstract KpiSnapshot<TKey> ToSnapshot();

    public abstract void Load(KpiSnapshot<TKey> snapshot);
}
