using System;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The engine self-check on the domain's own <see cref="SalesActivity"/> (40 bytes): activities per rep × business
/// day × kind in Europe/Paris, against a hand-written loop over the same array that does the same zone conversion
/// with a cached offset interval and counts into a dense array.
/// </summary>
[MemoryDiagnoser]
public class DomainGroupedCountBenchmarks
{
    private const int Reps = 50;
    private const int Days = 365;
    private const int Kinds = 6;
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    private SalesActivity[] _facts = [];
    private Metric<SalesActivity, (RepId Rep, SalesActivityKind Kind)> _metric = null!;
    private Metric<SalesActivity, (RepId Rep, SalesActivityKind Kind)> _valueMetric = null!;
    private EvaluationOptions<SalesActivity> _options = null!;

    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _facts = Generate(N, seed: 42);
        _metric = Metric.Count<SalesActivity>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Day, a => a.Timestamp);
        _valueMetric = Metric.Count<SalesActivity>().By(ActivityKey.RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp);
        _options = EvaluationOptions<SalesActivity>.InZone(Zone);
    }

    public static SalesActivity[] Generate(int n, int seed)
    {
        var bench = GroupedCountBenchmarks.Generate(n, seed);
        var facts = new SalesActivity[n];
        for (int i = 0; i < n; i++)
        {
            facts[i] = new SalesActivity(ActivityId.Of(i), RepId.Of(bench[i].Rep), bench[i].Timestamp, SalesActivityKind.FromCode(1 + bench[i].Kind));
        }

        return facts;
    }

    [Benchmark(Baseline = true)]
    public int HandLoop() => HandCount(_facts).Length;

    [Benchmark]
    public int EngineSinglePass() => _metric.CreateState(_options).Add(_facts).CellCount;

    /// <summary>The same with the value-type key and time selectors (<see cref="ActivityKey.RepAndKind"/>, <see cref="ActivityTime.Timestamp"/>).</summary>
    [Benchmark]
    public int EngineSinglePassValueSelectors() => _valueMetric.CreateState(_options).Add(_facts).CellCount;

    public static int[] HandCount(SalesActivity[] facts)
    {
        const long ticksPerDay = 864_000_000_000L;
        long baseDay = (Instant.FromUtc(2026, 1, 1, 0, 0).ToUnixTimeTicks() / ticksPerDay) - 1;
        var counts = new int[Reps * (Days + 2) * Kinds];
        long start = long.MaxValue, end = long.MinValue, offset = 0;
        foreach (ref readonly var f in facts.AsSpan())
        {
            var timestamp = f.Timestamp;
            long ticks = timestamp.ToUnixTimeTicks();
            if (ticks < start || ticks >= end)
            {
                var interval = Zone.GetZoneInterval(timestamp);
                start = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue;
                end = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
                offset = interval.WallOffset.Ticks;
            }

            int day = (int)(((ticks + offset) / ticksPerDay) - baseDay);
            counts[(((f.Rep.Value * (Days + 2)) + day) * Kinds) + f.Kind.Code - 1]++;
        }

        return counts;
    }
}
