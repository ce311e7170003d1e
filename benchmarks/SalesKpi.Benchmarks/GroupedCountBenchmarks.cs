using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace SalesKpi.Benchmarks;

/// <summary>A compact activity fact, shaped like the domain's activity struct (int-backed rep id, instant, kind).</summary>
public readonly record struct BenchActivity(Instant Timestamp, int Rep, byte Kind);

/// <summary>
/// Engine self-check: grouped count by rep × business day × kind (Europe/Paris, with DST) against a hand-written loop
/// over the same array that does the same zone conversion with the same cached-interval trick and counts into a dense
/// array. Facts are in time order, as activity streams usually are.
/// </summary>
[MemoryDiagnoser]
public class GroupedCountBenchmarks
{
    private const int Reps = 50;
    private const int Days = 365;
    private const int Kinds = 6;
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    private BenchActivity[] _facts = [];
    private Metric<BenchActivity, (int Rep, byte Kind)> _metric = null!;
    private EvaluationOptions<BenchActivity> _options = null!;

    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _facts = Generate(N, seed: 42);
        _metric = Metric.Count<BenchActivity>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Day, a => a.Timestamp);
        _options = EvaluationOptions<BenchActivity>.InZone(Zone);
    }

    public static BenchActivity[] Generate(int n, int seed)
    {
        var random = new Random(seed);
        long start = Instant.FromUtc(2026, 1, 1, 0, 0).ToUnixTimeTicks();
        long span = Duration.FromDays(Days - 1).BclCompatibleTicks;
        var facts = new BenchActivity[n];
        for (int i = 0; i < n; i++)
        {
            long t = start + (span / n * i) + random.NextInt64(span / n);
            facts[i] = new BenchActivity(Instant.FromUnixTimeTicks(t), random.Next(Reps), (byte)random.Next(Kinds));
        }

        return facts;
    }

    [Benchmark(Baseline = true)]
    public int HandLoop() => HandCount(_facts).Length;

    [Benchmark]
    public int HandLoopDictionary() => HandCountDictionary(_facts);

    [Benchmark]
    public int EngineSinglePass() => _metric.CreateState(_options).Add(_facts).CellCount;

    [Benchmark]
    public int EngineEvaluateToTable() => _metric.Evaluate(_facts, _options).Count;

    /// <summary>A typical hand-written loop: a dictionary keyed by (rep, business date, kind), dates from <c>InZone</c>.</summary>
    public static int HandCountDictionary(BenchActivity[] facts)
    {
        var counts = new Dictionary<(int, LocalDate, byte), int>();
        foreach (ref readonly var f in facts.AsSpan())
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, (f.Rep, f.Timestamp.InZone(Zone).Date, f.Kind), out _)++;
        }

        return counts.Count;
    }

    /// <summary>The hand-written reference: the same work with everything known in advance (dense arrays, one zone).</summary>
    public static int[] HandCount(BenchActivity[] facts)
    {
        const long ticksPerDay = 864_000_000_000L;
        long baseDay = Instant.FromUtc(2026, 1, 1, 0, 0).ToUnixTimeTicks() / ticksPerDay - 1;
        var counts = new int[Reps * (Days + 2) * Kinds];
        long start = long.MaxValue, end = long.MinValue, offset = 0;
        foreach (ref readonly var f in facts.AsSpan())
        {
            long ticks = f.Timestamp.ToUnixTimeTicks();
            if (ticks < start || ticks >= end)
            {
                var interval = Zone.GetZoneInterval(f.Timestamp);
                start = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue;
                end = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
                offset = interval.WallOffset.Ticks;
            }

            int day = (int)(((ticks + offset) / ticksPerDay) - baseDay);
            counts[(((f.Rep * (Days + 2)) + day) * Kinds) + f.Kind]++;
        }

        return counts;
    }
}
