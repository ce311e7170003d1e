using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// <c>compare</c>: generates the data once, runs every workload with every engine (warm-up runs, then the timed
/// runs), checks that all engines agree exactly, and prints
/// <c>workload,engine,median_ms,min_ms,max_ms,allocated_bytes</c> lines on standard output (progress and the
/// summary go to standard error). Exit code 0 when all engines agree, 1 when any disagree, 2 on bad arguments.
/// </summary>
internal static class CompareCommand
{
    private static readonly Workload[] AllWorkloads =
    [
        new W1DailyActivity(),
        new W2MqlToSalByIcp(),
        new W3MqlToWonDays(),
        new W4MonthlyWonMovingAverage(),
        new W5WeeklyScorecard(),
    ];

    public static int Run(ReadOnlySpan<string> args)
    {
        CompareOptions options;
        try
        {
            options = CompareOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var total = Stopwatch.StartNew();
        Log($"compare: {options.Activities} activities, {options.Leads} leads, {options.Deals} deals, seed {options.Seed}, {options.Runs} timed runs; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var sw = Stopwatch.StartNew();
        var data = Dataset.Generate(options);
        Log($"generated in {sw.Elapsed.TotalSeconds:F1} s: {data.Sample.Facts}");

        Console.WriteLine("workload,engine,median_ms,min_ms,max_ms,allocated_bytes");
        DuckDbStore? duckDb = null;
        if (options.WantsEngine(EngineNames.DuckDb))
        {
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            sw.Restart();
            duckDb = DuckDbStore.Load(data, options.DuckDbThreads, options.DuckDbDatesInQuery);
            double ms = sw.Elapsed.TotalMilliseconds;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Csv("all", EngineNames.DuckDbLoad, new Timing(ms, ms, ms, allocated));
            Log($"DuckDB {duckDb.Version} in memory, threads={options.DuckDbThreads}, loaded with the appender in {ms / 1000:F1} s; business dates computed {(duckDb.DatesInQuery ? "in each query" : "at load")}");
        }

        if (options.WantsEngine(EngineNames.SalesKpi) || options.WantsEngine(EngineNames.SalesKpiSerial) || options.WantsEngine(EngineNames.HandLoop))
        {
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            sw.Restart();
            data.BuildRows(datesAtLoad: !options.DuckDbDatesInQuery);
            double ms = sw.Elapsed.TotalMilliseconds;
            Csv("all", EngineNames.RowsLoad, new Timing(ms, ms, ms, GC.GetAllocatedBytesForCurrentThread() - before));
            string deals = data.RowsHaveDays
                ? $"{data.ActivityDayRows.Length} activity rows of {Unsafe.SizeOf<ActivityDayRow>()} B and {data.DealDayRows.Length} deal rows of {Unsafe.SizeOf<DealDayRow>()} B with business dates resolved at load"
                : $"{data.DealRows.Length} deal rows of {Unsafe.SizeOf<DealRow>()} B with close instants";
            Log($"projected into {deals}, and {data.LeadRows.Length} lead rows of {Unsafe.SizeOf<LeadRow>()} B (with their stage changes in arrays of {Unsafe.SizeOf<StageRow>()} B values) in {ms:F0} ms");
        }

        long inputBytes = (long)data.Activities.Length * Unsafe.SizeOf<SalesActivity>();
        Log($"activity input: {data.Activities.Length} x {Unsafe.SizeOf<SalesActivity>()} B = {inputBytes / 1e6:F0} MB");
        var failures = new List<string>();
        var medians = new Dictionary<(string Workload, string Engine), double>();
        var allocations = new Dictionary<string, long>();
        try
        {
            foreach (var workload in AllWorkloads.Where(w => options.WantsWorkload(w.Name)))
            {
                Log($"{workload.Name}: {workload.Title}");
                var engines = OrderForReference(workload.Engines(data, duckDb)).Where(e => options.WantsEngine(e.Engine)).ToList();

                // Warm-up runs, each result checked against the reference and dropped at once, so the timed runs
                // below all see the same managed heap (the data set and the small reference result).
                ResultSet? reference = null;
                string? referenceEngine = null;
                foreach (var engine in engines)
                {
                    var result = engine.ToResultSet(engine.Run());
                    WarmUp(engine);
                    if (reference is null)
                    {
                        reference = result;
                        referenceEngine = engine.Engine;
                        Log($"  {engine.Engine}: {result.RowCount} result rows (reference)");
                        continue;
                    }

                    var differences = ResultSet.Compare(reference, result, 10);
                    if (differences.Count == 0)
                    {
                        Log($"  {engine.Engine}: agrees with {referenceEngine} ({result.RowCount} rows)");
                    }
                    else
                    {
                        failures.Add($"{workload.Name}: {engine.Engine} disagrees with {referenceEngine}");
                        Log($"  {engine.Engine}: DISAGREES with {referenceEngine}; first differences:");
                        foreach (var d in differences)
                        {
                            Log("    " + d);
                        }
                    }
                }

                // Let the background compiler finish the optimised (tier-1) code of what the warm-up made hot.
                Thread.Sleep(WarmUpPause);
                var timings = MeasureInterleaved(engines, options.Runs);
                for (int e = 0; e < engines.Count; e++)
                {
                    Csv(workload.Name, engines[e].Engine, timings[e]);
                    if (timings[e].Collections is { } counts)
                    {
                        Log(string.Create(CultureInfo.InvariantCulture, $"  {engines[e].Engine}: collections in {options.Runs} timed runs (gen0 counts younger too) {counts[0]}/{counts[1]}/{counts[2]}, mean pause {timings[e].GcPauseMs:F1} ms per run"));
                    }
                    medians[(workload.Name, engines[e].Engine)] = timings[e].Median;
                    if (engines[e].Engine == EngineNames.SalesKpi)
                    {
                        allocations[workload.Name] = timings[e].Allocated;
                    }
                }
            }
        }
        finally
        {
            duckDb?.Dispose();
        }

        PrintRatios(medians);
        Log("saleskpi allocation as a share of the activity input (goal < 10%):");
        foreach (var (workload, bytes) in allocations)
        {
            Log(string.Create(CultureInfo.InvariantCulture, $"  {workload}: {bytes:N0} B = {100.0 * bytes / inputBytes:F2}%"));
        }

        Log($"total {total.Elapsed.TotalSeconds:F1} s, of which {CollectionTime.TotalSeconds:F1} s in full collections between timed runs");
        if (failures.Count > 0)
        {
            Log("ENGINES DISAGREE:");
            foreach (var f in failures)
            {
                Log("  " + f);
            }

            return 1;
        }

        Log("all engines agree");
        return 0;
    }

    /// <summary>Warm-up: at least this many runs of each engine (the checked run included) …</summary>
    private const int MinimumWarmUpRuns = 3;

    /// <summary>… and until this much time was spent in them, so that small sizes also reach optimised code.</summary>
    private static readonly TimeSpan MinimumWarmUpTime = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan WarmUpPause = TimeSpan.FromMilliseconds(300);

    private static void WarmUp(EngineRun engine)
    {
        var elapsed = Stopwatch.StartNew();
        for (int run = 1; run < MinimumWarmUpRuns || (elapsed.Elapsed < MinimumWarmUpTime && run < 100); run++)
        {
            GC.KeepAlive(engine.Run());
        }
    }

    /// <summary>
    /// A full collection (about 0.3 s with the whole organisation in memory) precedes a timed run only when more than
    /// this was allocated since the last one, so no run pays for much of another's garbage.
    /// </summary>
    private const long CollectAfterBytes = 64L << 20;

    /// <summary>Time spent in the full collections before timed runs (not timed itself; reported to explain the total).</summary>
    private static TimeSpan CollectionTime { get; set; }

    private static IEnumerable<EngineRun> OrderForReference(IReadOnlyList<EngineRun> runs) =>
        runs.OrderBy(r => r.Engine == EngineNames.HandLoop ? 0 : 1);

    private readonly record struct Timing(double Median, double Min, double Max, long Allocated, int[]? Collections = null, double GcPauseMs = 0);

    /// <summary>
    /// The timed runs (after the warm-up runs), round-robin across the engines, so that load from other processes on
    /// the machine falls on all engines alike. A timed run starts after a full collection when more than
    /// <see cref="CollectAfterBytes"/> were allocated since the last one. Allocated bytes are the process's managed
    /// allocations during the run, on every thread (parallel evaluations allocate on the pool's threads too; DuckDB's own
    /// threads allocate outside the managed heap).
    /// </summary>
    private static Timing[] MeasureInterleaved(List<EngineRun> engines, int runs)
    {
        var times = new double[engines.Count][];
        var allocated = new long[engines.Count];
        var collections = new int[engines.Count][];
        var pauses = new double[engines.Count];
        for (int e = 0; e < engines.Count; e++)
        {
            times[e] = new double[runs];
            allocated[e] = long.MaxValue;
            collections[e] = new int[3];
        }

        long allocatedAtCollection = long.MinValue / 2;
        for (int i = 0; i < runs; i++)
        {
            for (int e = 0; e < engines.Count; e++)
            {
                if (GC.GetTotalAllocatedBytes() - allocatedAtCollection > CollectAfterBytes)
                {
                    long gcStart = Stopwatch.GetTimestamp();
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    CollectionTime += Stopwatch.GetElapsedTime(gcStart);
                    allocatedAtCollection = GC.GetTotalAllocatedBytes();
                }

                Span<int> gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
                var pauseBefore = GC.GetTotalPauseDuration();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                long start = Stopwatch.GetTimestamp();
                object result = engines[e].Run();
                long end = Stopwatch.GetTimestamp();
                long after = GC.GetTotalAllocatedBytes(precise: true);
                pauses[e] += (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
                for (int g = 0; g < 3; g++)
                {
                    collections[e][g] += GC.CollectionCount(g) - gcBefore[g];
                }

                GC.KeepAlive(result);
                times[e][i] = Stopwatch.GetElapsedTime(start, end).TotalMilliseconds;
                allocated[e] = Math.Min(allocated[e], after - before);
            }
        }

        var timings = new Timing[engines.Count];
        for (int e = 0; e < engines.Count; e++)
        {
            var t = times[e];
            Array.Sort(t);
            double median = runs % 2 == 1 ? t[runs / 2] : (t[(runs / 2) - 1] + t[runs / 2]) / 2;
            timings[e] = new Timing(median, t[0], t[^1], allocated[e], collections[e], pauses[e] / runs);
        }

        return timings;
    }

    private static void Csv(string workload, string engine, Timing t)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload},{engine},{t.Median:F2},{t.Min:F2},{t.Max:F2},{t.Allocated}"));
        Console.Out.Flush();
    }

    private static void PrintRatios(Dictionary<(string Workload, string Engine), double> medians)
    {
        Log("ratios of medians: saleskpi/handloop (goal <= 2), duckdb/saleskpi (goal >= 3), linq/saleskpi; then the library on one thread, and over the domain types");
        foreach (var workload in medians.Keys.Select(k => k.Workload).Distinct())
        {
            string Ratio(string a, string b) =>
                medians.TryGetValue((workload, a), out double x) && medians.TryGetValue((workload, b), out double y) && y > 0
                    ? (x / y).ToString("F2", CultureInfo.InvariantCulture)
                    : "n/a";
            string domain = medians.ContainsKey((workload, EngineNames.SalesKpiDomain))
                ? $"; saleskpi_domain/handloop_domain {Ratio(EngineNames.SalesKpiDomain, EngineNames.HandLoopDomain)}, duckdb/saleskpi_domain {Ratio(EngineNames.DuckDb, EngineNames.SalesKpiDomain)}, duckdb/saleskpi_domain_parallel {Ratio(EngineNames.DuckDb, EngineNames.SalesKpiDomainParallel)}"
                : string.Empty;
            Log($"  {workload}: saleskpi/handloop {Ratio(EngineNames.SalesKpi, EngineNames.HandLoop)}, duckdb/saleskpi {Ratio(EngineNames.DuckDb, EngineNames.SalesKpi)}, linq/saleskpi {Ratio(EngineNames.Linq, EngineNames.SalesKpi)}; saleskpi_serial/handloop {Ratio(EngineNames.SalesKpiSerial, EngineNames.HandLoop)}, duckdb/saleskpi_serial {Ratio(EngineNames.DuckDb, EngineNames.SalesKpiSerial)}{domain}");
        }
    }

    private static void Log(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.Flush();
    }
}
