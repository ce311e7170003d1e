using System;
using System.Diagnostics;
using NodaTime;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// <c>compare-breakdown</c>: where the library's time goes in the activity workloads — the single pass
/// (<c>KpiState.Add</c>) against building the table (<c>ToTable</c>), with and without per-fact zones, grouping and
/// periods — so a slow workload can be traced to a phase. Prints one line per step on standard error.
/// </summary>
internal static class Breakdown
{
    public static int Run(ReadOnlySpan<string> args)
    {
        var options = CompareOptions.Parse(args);
        var data = Dataset.Generate(options);
        var activities = data.Activities;
        var orgZone = EvaluationOptions<SalesActivity>.InZone(data.Sample.OrganisationZone);
        Console.Error.WriteLine($"{activities.Length} activities, {data.Reps.Length} reps");

        Floor(activities);
        Step("count (ungrouped)", Metric.Count<SalesActivity>(), null, activities);
        Step("count where kind = call", Metric.Count<SalesActivity>().Where(a => a.Kind == SalesActivityKind.Call), null, activities);
        Step("count by rep", Metric.Count<SalesActivity>().By(a => a.Rep), null, activities);
        Step("count by (rep, kind)", Metric.Count<SalesActivity>().By(a => a.Rep).ThenBy(a => a.Kind), null, activities);
        Step("count by rep per week, organisation zone", Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, a => a.Timestamp), orgZone, activities);
        Step("count by rep per week, rep's zone", Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, a => a.Timestamp), data.ActivityOptions, activities);
        Step("count by rep per day, organisation zone", Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp), orgZone, activities);
        var zoneOfRep = data.ZoneOfRep;
        Step("count by rep per day, rep's zone (InZoneOf)", Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp), EvaluationOptions<SalesActivity>.InZoneOf(a => zoneOfRep[a.Rep.Value], data.Sample.OrganisationZone), activities);
        Step("count by rep per day, rep's zone", Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp), data.ActivityOptions, activities);
        Step("count by (rep, kind) per day, rep's zone (W1)", Metric.Count<SalesActivity>().By(a => a.Rep).ThenBy(a => a.Kind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp), data.ActivityOptions, activities);
        Step("W1 with ActivityKey.RepAndKind, ActivityTime, basis rep ActivityKey.Rep", Metric.Count<SalesActivity>().By(ActivityKey.RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp), data.ActivityOptions, activities);
        StepParallel("the same on 2 partitions (W1 parallel)", Metric.Count<SalesActivity>().By(ActivityKey.RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp), data.ActivityOptions, activities);
        Step("count by rep per day, rep's zone, empty days filled", Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp).FillEmpty(), data.ActivityOptions, activities);
        Step("count by rep per day, rep's zone, rolling 7 days", Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp).Rolling(7), data.ActivityOptions, activities);
        Step("count where call by rep per week, rep's zone (W5 line)", Metric.Count<SalesActivity>().Where(a => a.Kind == SalesActivityKind.Call).By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, a => a.Timestamp), data.ActivityOptions, activities);
        Step("the same with ActivityFilter, ActivityKey.Rep, ActivityTime", Metric.Count<SalesActivity>().Where(ActivityFilter.Of(SalesActivityKind.Call)).By(ActivityKey.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp), data.ActivityOptions, activities);

        var dayRows = ActivityDayRow.From(data);
        Console.Error.WriteLine($"{dayRows.Length} activity rows with business dates resolved at load");
        Step("count by rep per day, by date", Metric.Count<ActivityDayRow>().By(ActivityDayRowSelectors.Rep).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, default(ActivityDayRowSelectors.Day)), null, dayRows);
        Step("count by rep, no periods", Metric.Count<ActivityDayRow>().By(ActivityDayRowSelectors.Rep), null, dayRows);
        Step("count by rep × 16 + kind as one int key, no periods", Metric.Count<ActivityDayRow>().By(FactKey<ActivityDayRow, int>.Of(default(RepTimesSixteenPlusKind), "rep × 16 + kind")), null, dayRows);
        Step("count by (rep, kind), no periods", Metric.Count<ActivityDayRow>().By(ActivityDayRowSelectors.RepAndKind), null, dayRows);
        Step("count by (rep, day) as one int key, no periods (290 k keys)", Metric.Count<ActivityDayRow>().By(FactKey<ActivityDayRow, int>.Of(default(RepTimes400PlusDayOfYear), "rep × 400 + day of year")), null, dayRows);
        Step("the same key per month, by date", Metric.Count<ActivityDayRow>().By(FactKey<ActivityDayRow, int>.Of(default(RepTimes400PlusDayOfYear), "rep × 400 + day of year")).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Month, default(ActivityDayRowSelectors.Day)), null, dayRows);
        Step("count by (rep, kind) per day, by date (W1 rows)", Metric.Count<ActivityDayRow>().By(ActivityDayRowSelectors.RepAndKind).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, default(ActivityDayRowSelectors.Day)), null, dayRows);
        StepParallel("the same on 2 partitions (W1 rows parallel)", Metric.Count<ActivityDayRow>().By(ActivityDayRowSelectors.RepAndKind).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, default(ActivityDayRowSelectors.Day)), null, dayRows);
        Step("the same, date by a LocalDate lambda", Metric.Count<ActivityDayRow>().By(ActivityDayRowSelectors.RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, r => EpochDay.ToDate(r.Day)), null, dayRows);


        data.BuildRows(datesAtLoad: false);
        Console.Error.WriteLine($"{data.LeadRows.Length} lead rows");
        Step("MQL -> SAL by industry and band, delegates (W2 rows)", W2MqlToSalByIcp.MqlToSalRowsByDelegates, data.LeadRowOptions, data.LeadRows);
        Step("the same, events read by a value type", W2MqlToSalByIcp.MqlToSalRows, data.LeadRowOptions, data.LeadRows);

        var won = Metric.Sum<Deal>(d => d.Amount!.Value, Currency.Usd).Where(d => d.IsWon).By(d => d.Owner)
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, d => d.Outcome.ClosedAt!.Value);
        Console.Error.WriteLine($"{data.Deals.Length} deals");
        Step("won amount by owner per month (W4)", won, data.DealOptions, data.Deals);
        Step("the same, empty months filled (W4)", won.FillEmpty(), data.DealOptions, data.Deals);
        Step("the same, rolling 3 months, filled (W4)", won.Rolling(3).FillEmpty(), data.DealOptions, data.Deals);
        return 0;
    }

    /// <summary>The memory floor: one pass that reads a field of every activity (the array streams from memory once).</summary>
    private static void Floor(SalesActivity[] facts)
    {
        double best = double.MaxValue;
        long sum = 0;
        for (int run = 0; run < 5; run++)
        {
            long t0 = Stopwatch.GetTimestamp();
            sum = 0;
            foreach (ref readonly var a in facts.AsSpan())
            {
                sum += a.Rep.Value;
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        long bytes = (long)facts.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<SalesActivity>();
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{"floor: read every activity once",-58} {best,8:F1} ms ({best * 1e6 / facts.Length,5:F1} ns/fact, {bytes / best / 1e6,5:F1} GB/s; checksum {sum})"));
    }

    private static void Step<TFact, TKey>(string name, Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, TFact[] facts)
        where TKey : notnull
    {
        double add = double.MaxValue;
        double table = double.MaxValue;
        long addBytes = 0;
        long tableBytes = 0;
        int cells = 0;
        for (int run = 0; run < 4; run++)
        {
            GC.Collect();
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            var state = metric.CreateState(options);
            state.Add(facts);
            long t1 = Stopwatch.GetTimestamp();
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            var result = state.ToTable();
            long t2 = Stopwatch.GetTimestamp();
            long a2 = GC.GetAllocatedBytesForCurrentThread();
            if (run > 0)
            {
                add = Math.Min(add, Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                table = Math.Min(table, Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                addBytes = a1 - a0;
                tableBytes = a2 - a1;
            }

            cells = result.Count;
        }

        Console.Error.WriteLine(FormattableString.Invariant(
            $"{name,-58} add {add,8:F1} ms ({add * 1e6 / facts.Length,5:F1} ns/fact, {addBytes,12:N0} B)  table {table,8:F1} ms ({tableBytes,13:N0} B, {cells,9:N0} cells, {(cells == 0 ? 0 : tableBytes / cells),5} B/cell)"));
    }

    /// <summary>Times a two-partition evaluation's phases: both partitions added at once, the merge, the table.</summary>
    private static void StepParallel<TFact, TKey>(string name, Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, TFact[] facts)
        where TKey : notnull
    {
        double add = double.MaxValue;
        double merge = double.MaxValue;
        double table = double.MaxValue;
        int half = facts.Length / 2;
        for (int run = 0; run < 4; run++)
        {
            GC.Collect();
            long t0 = Stopwatch.GetTimestamp();
            var first = metric.CreateState(options);
            var second = metric.CreateState(options);
            System.Threading.Tasks.Parallel.Invoke(
                () => first.Add(facts.AsSpan(0, half)),
                () => second.Add(facts.AsSpan(half)));
            long t1 = Stopwatch.GetTimestamp();
            first.Merge(second);
            long t2 = Stopwatch.GetTimestamp();
            _ = first.ToTable();
            long t3 = Stopwatch.GetTimestamp();
            if (run > 0)
            {
                add = Math.Min(add, Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                merge = Math.Min(merge, Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                table = Math.Min(table, Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds);
            }
        }

        Console.Error.WriteLine(FormattableString.Invariant(
            $"{name,-58} add {add,8:F1} ms  merge {merge,8:F1} ms  table {table,8:F1} ms"));
    }

    /// <summary>A key of high cardinality (one per rep and day of the year), to show grouping by hundreds of thousands of keys.</summary>
    private readonly struct RepTimes400PlusDayOfYear : IFactKey<ActivityDayRow, int>
    {
        public int KeyOf(in ActivityDayRow fact) => (fact.Rep.Value * 400) + (((fact.Day % 365) + 365) % 365);
    }

    /// <summary>The (rep, kind) pair as one integer, to show the cost of a composite key against an integer one.</summary>
    private readonly struct RepTimesSixteenPlusKind : IFactKey<ActivityDayRow, int>
    {
        public int KeyOf(in ActivityDayRow fact) => (fact.Rep.Value * 16) + fact.Kind;
    }
}
