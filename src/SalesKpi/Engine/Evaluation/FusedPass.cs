using System;
using System.Collections.Generic;

namespace SalesKpi;

/// <summary>A state whose cells other states of the same accumulation can share.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TKey">The group key type.</typeparam>
internal interface ISharableCore<TFact, TKey>
    where TKey : notnull
{
    StateCore<TFact, TKey> Core { get; }

    Metric<TFact, TKey> Metric { get; }

    /// <summary>Creates a state of <paramref name="metric"/> (the same accumulation, finished its own way) that reads this state's cells.</summary>
    ISharableCore<TFact, TKey> Share(Metric<TFact, TKey> metric);

    void CountAdded(long facts);
}

/// <summary>
/// Evaluates several metrics over the same facts. Metrics that accumulate the same way — the same primitive, filter,
/// key selector and time selector instances, calendar and period kind — and differ only in what is done with the
/// accumulators afterwards (windows, fill, comparisons, targets) share one accumulation; the others accumulate on
/// their own. Every table equals what the metric's own evaluation gives.
/// </summary>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TKey">The group key type.</typeparam>
internal sealed class FusedPass<TFact, TKey> : IBatchTarget<TFact>
    where TKey : notnull
{
    private readonly StateCore<TFact, TKey>[] _cores;
    private readonly List<StateCore<TFact, TKey>> _accumulating = [];
    private readonly List<(ISharableCore<TFact, TKey> Sharer, ISharableCore<TFact, TKey> Owner)> _sharing = [];

    public FusedPass(ReadOnlySpan<Metric<TFact, TKey>> metrics, EvaluationOptions<TFact>? options)
    {
        _cores = new StateCore<TFact, TKey>[metrics.Length];
        var owners = new List<ISharableCore<TFact, TKey>>();
        for (int i = 0; i < metrics.Length; i++)
        {
            var metric = metrics[i] ?? throw new ArgumentNullException(nameof(metrics), $"Metric {i} of {metrics.Length} is null.");
            ISharableCore<TFact, TKey>? owner = null;
            if (metric.EntityFilter is null)
            {
                foreach (var candidate in owners)
                {
                    if (SameAccumulation(candidate.Metric, metric))
                    {
                        owner = candidate;
                        break;
                    }
                }
            }

            if (owner is not null)
            {
                var sharer = owner.Share(metric);
                _sharing.Add((sharer, owner));
                _cores[i] = sharer.Core;
                continue;
            }

            var core = metric.EntityFilter?.CreateCore(metric, options) ?? metric.Aggregation.CreateCore(metric, options);
            if (metric.EntityFilter is null && core is ISharableCore<TFact, TKey> sharable)
            {
                owners.Add(sharable);
            }

            _accumulating.Add(core);
            _cores[i] = core;
        }
    }

    public void Add(ReadOnlySpan<TFact> facts)
    {
        foreach (var core in _accumulating)
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

    private static bool SameAccumulation(Metric<TFact, TKey> a, Metric<TFact, TKey> b)
    {
        if (!ReferenceEquals(a.Aggregation, b.Aggregation)
            || !ReferenceEquals(a.FilterStage, b.FilterStage)
            || !ReferenceEquals(a.KeySelector, b.KeySelector))
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
                && ReferenceEquals(a.Period.Instant, b.Period.Instant)
                && ReferenceEquals(a.Period.Date, b.Period.Date));
    }
}
