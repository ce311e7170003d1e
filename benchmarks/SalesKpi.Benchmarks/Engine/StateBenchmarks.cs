using System;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace SalesKpi.Benchmarks.Engine;

/// <summary>
/// Mergeable state: merging a thousand partial states (each from a thousandth of 10⁶ activities), and the snapshot
/// round trip of a state of activities per rep per day (the form an adapter would move between machines).
/// </summary>
[MemoryDiagnoser]
public class StateBenchmarks
{
    private const int Facts = 1_000_000;
    private const int Partitions = 1_000;

    private static readonly Metric<SalesActivity, RepId> DailyByRep =
        Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp);

    private readonly EvaluationOptions<SalesActivity> _options = EvaluationOptions<SalesActivity>.InZone(DateTimeZoneProviders.Tzdb["America/New_York"]);
    private KpiState<SalesActivity, RepId>[] _partials = [];
    private KpiState<SalesActivity, RepId> _whole = null!;
    private KpiSnapshot<RepId> _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        var facts = SyntheticActivities.Generate(Facts, seed: 7);
        _partials = new KpiState<SalesActivity, RepId>[Partitions];
        for (int i = 0; i < Partitions; i++)
        {
            int start = Facts / Partitions * i;
            _partials[i] = DailyByRep.CreateState(_options).Add(facts.AsSpan(start, Facts / Partitions));
        }

        _whole = DailyByRep.CreateState(_options).Add(facts);
        _snapshot = _whole.ToSnapshot();
    }

    [Benchmark]
    public int MergeThousandPartialStates()
    {
        var merged = DailyByRep.CreateState(_options);
        foreach (var partial in _partials)
        {
            merged.Merge(partial);
        }

        return merged.CellCount;
    }

    [Benchmark]
    public int ToSnapshot() => _whole.ToSnapshot().Cells.Count;

    [Benchmark]
    public int RestoreFromSnapshot() => DailyByRep.Restore(_snapshot, _options).CellCount;
}
