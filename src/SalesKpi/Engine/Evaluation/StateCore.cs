using System;

namespace SalesKpi;

/// <summary>The mutable evaluation state behind a <see cref="KpiState{TFact, TKey}"/>.</summary>
internal abstract class StateCore<TFact, TKey> : IBatchTarget<TFact>
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

    /// <summary>
    /// Re-keys the cells with <paramref name="map"/>, keeping only those <paramref name="keep"/> accepts, merges them into
    /// a fresh state of <paramref name="target"/> (same primitive) and finishes that into a table.
    /// </summary>
    public abstract KpiTable<TOut> FilterRollUp<TOut>(Metric<TFact, TOut> target, EvaluationOptions<TFact>? options, Func<TKey, TOut> map, Func<TKey, ReportingPeriod?, bool> keep)
        where TOut : notnull;

    public abstract KpiSnapshot<TKey> ToSnapshot();

    /// <summary>Adds the snapshot's cells: into an empty state (restore, duplicates rejected) or by merging.</summary>
    public abstract void Load(KpiSnapshot<TKey> snapshot, bool merge);
}
