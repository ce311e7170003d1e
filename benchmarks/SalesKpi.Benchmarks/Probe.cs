using System;
using System.Diagnostics;
using NodaTime;

namespace SalesKpi.Benchmarks;

/// <summary>Times the parts of the engine's hot loop separately (development aid).</summary>
internal static class Probe
{
    public static int Sink { get; private set; }

    public static void Run(int n)
    {
        var facts = GroupedCountBenchmarks.Generate(n, 42);
        Func<BenchActivity, (int, byte)> key = a => (a.Rep, a.Kind);
        Func<BenchActivity, Instant> time = a => a.Timestamp;
        var zone = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var ks = new int[n];
        var ps = new int[n];
        Time("replica of the engine loop", () =>
        {
            var map = new KeyMap<(int, byte)>();
            var cache = new ZoneDayCache(zone);
            var periods = new PeriodSlots(ReportingCalendar.Iso, PeriodKind.Day);
            var cells = new CellStore<CountAccumulator>();
            foreach (ref readonly var f in facts.AsSpan())
            {
                int k = map.GetOrAdd(key(f));
                int p = cache.PeriodSlot(time(f), periods);
                cells.GetOrAdd(k, p).N++;
            }
        });
        Time("replica with inlined selectors", () =>
        {
            var map = new KeyMap<(int, byte)>();
            var cache = new ZoneDayCache(zone);
            var periods = new PeriodSlots(ReportingCalendar.Iso, PeriodKind.Day);
            var cells = new CellStore<CountAccumulator>();
            foreach (ref readonly var f in facts.AsSpan())
            {
                int k = map.GetOrAdd((f.Rep, f.Kind));
                int p = cache.PeriodSlot(f.Timestamp, periods);
                cells.GetOrAdd(k, p).N++;
            }
        });
        Time("hand loop", () => GroupedCountBenchmarks.HandCount(facts));
        Time("engine Add", () => Metric.Count<BenchActivity>().By(key).PerPeriod(PeriodKind.Day, time).CreateState(zone).Add(facts));
        Time("keys (delegate + map)", () =>
        {
            var map = new KeyMap<(int, byte)>();
            for (int i = 0; i < facts.Length; i++)
            {
                ks[i] = map.GetOrAdd(key(facts[i]));
            }
        });
        Time("key delegate only", () =>
        {
            int s = 0;
            for (int i = 0; i < facts.Length; i++)
            {
                s += key(facts[i]).Item1;
            }

            Sink = s;
        });
        Time("time (delegate + zone + period)", () =>
        {
            var cache = new ZoneDayCache(zone);
            var periods = new PeriodSlots(ReportingCalendar.Iso, PeriodKind.Day);
            for (int i = 0; i < facts.Length; i++)
            {
                ps[i] = periods.SlotOfDay(cache.DayNumber(time(facts[i])));
            }
        });
        Time("time delegate only", () =>
        {
            long s = 0;
            for (int i = 0; i < facts.Length; i++)
            {
                s += time(facts[i]).ToUnixTimeTicks();
            }

            Sink = (int)s;
        });
        Time("time delegate + zone", () =>
        {
            var cache = new ZoneDayCache(zone);
            int s = 0;
            for (int i = 0; i < facts.Length; i++)
            {
                s += cache.DayNumber(time(facts[i]));
            }

            Sink = s;
        });
        Time("zone + period (no delegate)", () =>
        {
            var cache = new ZoneDayCache(zone);
            var periods = new PeriodSlots(ReportingCalendar.Iso, PeriodKind.Day);
            for (int i = 0; i < facts.Length; i++)
            {
                ps[i] = periods.SlotOfDay(cache.DayNumber(facts[i].Timestamp));
            }
        });
        Time("zone only (no delegate)", () =>
        {
            var cache = new ZoneDayCache(zone);
            int s = 0;
            for (int i = 0; i < facts.Length; i++)
            {
                s += cache.DayNumber(facts[i].Timestamp);
            }

            Sink = s;
        });
        var days = new int[n];
        var keyValues = new (int, byte)[n];
        var dayCache = new ZoneDayCache(zone);
        for (int i = 0; i < n; i++)
        {
            days[i] = dayCache.DayNumber(facts[i].Timestamp);
            keyValues[i] = (facts[i].Rep, facts[i].Kind);
        }

        Time("period only (precomputed days)", () =>
        {
            var periods = new PeriodSlots(ReportingCalendar.Iso, PeriodKind.Day);
            for (int i = 0; i < days.Length; i++)
            {
                ps[i] = periods.SlotOfDay(days[i]);
            }
        });
        Time("map only (precomputed keys)", () =>
        {
            var map = new KeyMap<(int, byte)>();
            for (int i = 0; i < keyValues.Length; i++)
            {
                ks[i] = map.GetOrAdd(keyValues[i]);
            }
        });
        Time("tuple hash only", () =>
        {
            int s = 0;
            for (int i = 0; i < keyValues.Length; i++)
            {
                s += keyValues[i].GetHashCode();
            }

            Sink = s;
        });
        Time("cells (grid + count)", () =>
        {
            var cells = new CellStore<CountAccumulator>();
            for (int i = 0; i < facts.Length; i++)
            {
                cells.GetOrAdd(ks[i], ps[i]).N++;
            }
        });
    }

    private static void Time(string what, Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(FormattableString.Invariant($"{what}: {best:F1} ms"));
    }
}
