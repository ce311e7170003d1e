using System;
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
        double engineMs = Best(() => metric.CreateState(options).Add(facts));
        double tableMs = Best(() => metric.Evaluate(facts, options));
        long before = GC.GetAllocatedBytesForCurrentThread();
        metric.CreateState(options).Add(facts);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine(FormattableString.Invariant(
            $"n={n}: hand loop {handMs:F1} ms, engine single pass {engineMs:F1} ms (ratio {engineMs / handMs:F2}), engine with table {tableMs:F1} ms; single pass allocated {allocated} bytes = {(double)allocated / n:F4} bytes/fact ({table.Count} cells)"));
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
