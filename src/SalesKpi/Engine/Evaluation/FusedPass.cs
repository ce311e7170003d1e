using System;
using System.Collections.Generic;

namespace SalesKpi;

/// <summary>A state that can share its cells, or its key and period slots, with states of other metrics in one pass.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TKey">The group key type.</typeparam>
internal interface ISharableCore<TFact, TKey>
    where TKey : notnull
{
    StateCore<TFact, TKey> Core { get; }

    Metric<TFact, TKey> Metric { get; }

    /// <summary>Creates a state of <paramref name="metric"/> (the same accumulation, finished its own way) that reads this state's cells.</summary>
    ISharableCore<TFact, TKey> Share(Metric<TFact, TKey> metric);

    /// <summary>Creates a state of <paramref name="metric"/> (another primitive, the same filter and slots) on this state's key and period slots, or <see langword="null"/>.</summary>
    ISharableCore<TFact, TKey>? Join(Metric<TFact, TKey> metric);

    void CountAdded(long facts);

    /// <summary>Applies the filter and finds the key and period slots of the kept facts; returns how many were kept.</summary>
    int Slot(ReadOnlySpan<TFact> facts, int[] selection, int[] keys, int[] periods);

    /// <summary>Adds the facts at the <paramref name="selection"/> indices to the cells of the slots found for them.</summary>
    void AddSlotted(ReadOnlySpan<TFact> facts, ReadOnlySpan<int> selection, ReadOnlySpan<int> keys, ReadOnlySpan<int> periods);
}

/// <summary>
/// Evaluates several metrics over the same facts. Metrics with the same filter, key selector and time selector instances
/// (and calendar and period kind) share one pass: the filter runs and each kept fact's key and period are found once,
/// then each primitive adds it. Among those, metrics that differ only after accumulation (windows, fill, comparisons,
/// targets) also share the accumulation. The others run their own loop. Every table equals what the metric's own
/// evaluation gives.
/// </summary>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TKey">The group key type.</typeparam>
internal sealed class FusedPass<TFact, TKey> : IBatchTarget<TFact>
    where TKey : notnull
{
    private const int ChunkLength = 4096;

    private readonly StateCore<TFact, TKey>[] _cores;
    private readonly List<StateCore<TFact, TKey>> _separate = [];
    private readonly List<List<ISharableCore<TFact, TKey>>> _passes = [];
    private readonly List<(ISharableCore<TFact, TKey> Sharer, ISharableCore<TFact, TKey> Owner)> _sharing = [];
    private readonly bool[] _isSharer;

    public FusedPass(ReadOnlySpan<Metric<TFact, TKey>> metrics, EvaluationOptions<TFact>? options)
    {
        _cores = new StateCore<TFact, TKey>[metrics.Length];
        _isSharer = new bool[metrics.Length];
        for (int i = 0; i < metrics.Length; i++)
        {
            var metric = metrics[i] ?? throw new ArgumentNullException(nameof(metrics), $"Metric {i} of {metrics.Length} is null.");
            int shared = _sharing.Count;
            _cores[i] = metric.EntityFilter is null ? Place(metric, options) : Separate(metric.EntityFilter.CreateCore(metric, options));
            _isSharer[i] = _sharing.Count > shared;
        }
    }

    /// <summary>
    /// Adds the facts of another pass over the same metrics (built from the same metric instances, in the same order),
    /// for example one that read another partition of the facts. A state that reads another state's cells is not merged
    /// on its own: its owner's merge brings its cells.
    /// </summary>
    public void MergeFrom(FusedPass<TFact, TKey> other)
    {
        for (int i = 0; i < _cores.Length; i++)
        {
            if (!_isSharer[i])
            {
                _cores[i].MergeFrom(other._cores[i]);
            }
        }
    }

    public void Add(ReadOnlySpan<TFact> facts)
    {
        int[]? selection = null;
        int[]? keys = null;
        int[]? periods = null;
        foreach (var pass in _passes)
        {
            if (pass.Count == 1)
            {
                pass[0].Core.Add(facts);
                continue;
            }

            selection ??= new int[ChunkLength];
            keys ??= new int[ChunkLength];
            periods ??= new int[ChunkLength];
            for (int start = 0; start < facts.Length; start += ChunkLength)
            {
                var chunk = facts.Slice(start, Math.Min(ChunkLength, facts.Length - start));

                // The first state's filter and selectors are every state's of the pass (same instances).
                int kept = pass[0].Slot(chunk, selection, keys, periods);
                foreach (var member in pass)
                {
                    member.AddSlotted(chunk, selection.AsSpan(0, kept), keys.AsSpan(0, kept), periods.AsSpan(0, kept));
                }
            }

            foreach (var member in pass)
            {
                member.CountAdded(facts.Length);
            }
        }

        foreach (var core in _separate)
        {
            core.Add(facts);
        }
    }

    public KpiTable<TKey>[] ToTables()
    {
        foreach (var (sharer, owner) in _sharing)
        {
            sharer.CountAdded(owner.Core.FactsAdded);
        }

        var tables = new KpiTable<TKey>[_cores.Length];
        for (int i = 0; i < tables.Length; i++)
        {
            tables[i] = _cores[i].ToTable();
        }

        return tables;
    }

    private StateCore<TFact, TKey> Place(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options)
    {
        foreach (var pass in _passes)
        {
            if (!SameSlots(pass[0].Metric, metric))
            {
                continue;
            }

            foreach (var member in pass)
            {
                if (ReferenceEquals(member.Metric.Aggregation, metric.Aggregation))
                {
                    var sharer = member.Share(metric);
                    _sharing.Add((sharer, member));
                    return sharer.Core;
                }
            }

            if (pass[0].Join(metric) is { } joined)
            {
                pass.Add(joined);
                return joined.Core;
            }
        }

        var core = metric.Aggregation.CreateCore(metric, options);
        if (core is ISharableCore<TFact, TKey> sharable)
        {
            _passes.Add([sharable]);
            return core;
        }

        return Separate(core);
    }

    private StateCore<TFact, TKey> Separate(StateCore<TFact, TKey> core)
    {
        _separate.Add(core);
        return core;
    }

    /// <summary>Whether two metrics keep the same facts and place them in the same cells (equal filters, key and time selectors by reference).</summary>
    private static bool SameSlots(Metric<TFact, TKey> a, Metric<TFact, TKey> b)
    {
        bool sameFilter = a.FilterStage is null ? b.FilterStage is null : a.FilterStage.SameAs(b.FilterStage);
        if (!sameFilter || !ReferenceEquals(a.KeySelector, b.KeySelector))
        {
            return false;
        }

        if (a.Period is null || b.Period is null)
        {
            return a.Period is null && b.Period is null;
        }

        return ReferenceEquals(a.Period, b.Period)
            || (ReferenceEquals(a.Period.Calendar, b.Period.Calendar)
                && a.Period.Kind == b.Period.Kind
                && (a.Period.Time is null ? b.Period.Time is null : a.Period.Time.SameAs(b.Period.Time))
                // Equal date selectors (the same time stage type) share a pass although each built its own date delegate.
                && (a.Period.TimeIsDay || ReferenceEquals(a.Period.Date, b.Period.Date)));
    }
}
