using System;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace SalesKpi.Benchmarks;

/// <summary>
/// Merging a thousand partial states (for example one per day or per grain), directly and through their plain-data
/// snapshots: the cost that decides whether distributed or incremental evaluation is practical.
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmarks
{
    private Metric<BenchActivity, (int Rep, byte Kind)> _metric = null!;
    private EvaluationOptions<BenchActivity> _options = null!;
    private KpiState<BenchActivity, (int Rep, byte Kind)>[] _states = [];
    private KpiSnapshot<(int Rep, byte Kind)>[] _snapshots = [];

    [GlobalSetup]
    public void Setup()
    {
        _metric = Metric.Count<BenchActivity>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Week, a => a.Timestamp);
        _options = EvaluationOptions<BenchActivity>.InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]);
        (_states, _snapshots) = Partials(_metric, _options, 1_000, 2_000);
    }

    public static (KpiState<BenchActivity, (int Rep, byte Kind)>[] States, KpiSnapshot<(int Rep, byte Kind)>[] Snapshots) Partials(
        Metric<BenchActivity, (int Rep, byte Kind)> metric, EvaluationOptions<BenchActivity> options, int count, int factsEach)
    {
        var facts = GroupedCountBenchmarks.Generate(count * factsEach, seed: 7);
        var states = new KpiState<BenchActivity, (int Rep, byte Kind)>[count];
        var snapshots = new KpiSnapshot<(int Rep, byte Kind)>[count];
        for (int i = 0; i < count; i++)
        {
            states[i] = metric.CreateState(options).Add(facts.AsSpan(i * factsEach, factsEach));
            snapshots[i] = states[i].ToSnapshot();
        }

        return (states, snapshots);
    }

    [Benchmark]
    public int MergeThousandStates()
    {
        var total = _metric.CreateState(_options);
        foreach (var state in _states)
        {
            total.Merge(state);
        }

        return total.CellCount;
    }

    [Benchmark]
    public int RestoreAndMergeThousandSnapshots()
    {
        var total = _metric.CreateState(_options);
        foreach (var snapshot in _snapshots)
        {
            total.Merge(_metric.Restore(snapshot, _options));
        }

        return total.CellCount;
    }

    [Benchmark]
    public int MergeThousandSnapshotsDirectly()
    {
        var total = _metric.CreateState(_options);
        foreach (var snapshot in _snapshots)
        {
            total.Merge(snapshot);
        }

        return total.CellCount;
    }
}
