using System;
using System.Linq;
using System.Diagnostics;
using NodaTime;

namespace SalesKpi.Benchmarks;

/// <summary>
/// A quick stopwatch comparison (not a BenchmarkDotNet run) printing the engine/hand-loop time ratio and the bytes
/// allocated per fact; run with <c>dotnet run -c Release -- selfcheck [n]</c>.
/// </summary>
internal static class SelfCheck
{
    public static int Run(int n)
    {
        var facts = GroupedCountBenchmarks.Generate(n, seed: 42);
        var metric = Metric.Count<BenchActivity>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Day, a => a.Timestamp);
        var options = EvaluationOptions<BenchActivity>.InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]);

        // Correctness first: both give the same counts.
        var hand = GroupedCountBenchmarks.HandCount(facts);
        long handTotal = 0;
        foreach (int c in hand)
        {
            handTotal += c;
        }

        var table = metric.Evaluate(facts, options);
        decimal engineTotal = 0;
        foreach (var cell in table)
        {
            engineTotal += cell.Value.ExactValue!.Value;
        }

        if (handTotal != engineTotal || engineTotal != n)
        {
            Console.Error.WriteLine($"Mismatch: hand {handTotal}, engine {engineTotal}, n {n}");
            return 1;
        }

        double handMs = Best(() => GroupedCountBenchmarks.HandCount(facts));
        double dictionaryMs = Best(() => GroupedCountBenchmarks.HandCountDictionary(facts));
        double engineMs = Best(() => metric.CreateState(options).Add(facts));
        double tableMs = Best(() => metric.Evaluate(facts, options));
        long before = GC.GetAllocatedBytesForCurrentThread();
        metric.CreateState(options).Add(facts);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var full = metric.CreateState(options).Add(facts);
        long beforeTable = GC.GetAllocatedBytesForCurrentThread();
        full.ToTable();
        long tableBytes = GC.GetAllocatedBytesForCurrentThread() - beforeTable;
        Console.WriteLine(FormattableString.Invariant(
            $"n={n}: hand loop {handMs:F1} ms, dictionary hand loop {dictionaryMs:F1} ms, engine single pass {engineMs:F1} ms (ratio {engineMs / handMs:F2}), engine with table {tableMs:F1} ms; single pass allocated {allocated} bytes = {(double)allocated / n:F4} bytes/fact ({table.Count} cells); ToTable allocated {tableBytes / table.Count} bytes/cell"));

        var domain = DomainGroupedCountBenchmarks.Generate(n, seed: 42);
        var domainMetric = Metric.Count<SalesActivity>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Day, a => a.Timestamp);
        var domainOptions = EvaluationOptions<SalesActivity>.InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]);
        double domainHandMs = Best(() => DomainGroupedCountBenchmarks.HandCount(domain));
        double domainEngineMs = Best(() => domainMetric.CreateState(domainOptions).Add(domain));
        Console.WriteLine(FormattableString.Invariant(
            $"SalesActivity (40 bytes), n={n}: hand loop {domainHandMs:F1} ms, engine single pass {domainEngineMs:F1} ms (ratio {domainEngineMs / domainHandMs:F2})"));
        var valueMetric = Metric.Count<SalesActivity>().By(ActivityKey.RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp);
        if (!valueMetric.Evaluate(domain, domainOptions).Cells.SequenceEqual(domainMetric.Evaluate(domain, domainOptions).Cells))
        {
            Console.WriteLine("value-type selectors disagree with the lambdas");
            return 1;
        }

        double valueEngineMs = Best(() => valueMetric.CreateState(domainOptions).Add(domain));
        Console.WriteLine(FormattableString.Invariant(
            $"SalesActivity with ActivityKey.RepAndKind and ActivityTime.Timestamp, n={n}: engine single pass {valueEngineMs:F1} ms (ratio {valueEngineMs / domainHandMs:F2})"));

        var weekly = Metric.Count<BenchActivity>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Week, a => a.Timestamp);
        var (states, snapshots) = MergeBenchmarks.Partials(weekly, options, 1_000, 2_000);
        double mergeMs = Best(() =>
        {
            var total = weekly.CreateState(options);
            foreach (var s in states)
            {
                total.Merge(s);
            }
        });
        double restoreMs = Best(() =>
        {
            var total = weekly.CreateState(options);
            foreach (var s in snapshots)
            {
                total.Merge(s);
            }
        });
        Console.WriteLine(FormattableString.Invariant(
            $"merging 1000 partial states of {states[0].CellCount} cells each: {mergeMs:F1} ms; merging their snapshots: {restoreMs:F1} ms"));
        return 0;
    }

    private static double Best(Action action)
    {
        double best = double.MaxValue;
        for (int i = 0; i < 7; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
