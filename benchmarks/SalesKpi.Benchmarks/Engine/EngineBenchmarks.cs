using System;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace SalesKpi.Benchmarks.Engine;

/// <summary>
/// Engine primitives and combinators over N activities (10⁴, 10⁶, 10⁷) with a hand-written loop as the baseline:
/// single pass and table, grouping, periods in each rep's zone, windows, comparisons and parallel evaluation.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly DateTimeZone Organisation = DateTimeZoneProviders.Tzdb["America/New_York"];

    private SalesActivity[] _facts = [];
    private DatedActivity[] _dated = [];
    private int _reps;
    private EvaluationOptions<SalesActivity> _repZones = null!;
    private EvaluationOptions<SalesActivity> _orgZone = null!;

    private static readonly Metric<SalesActivity, Ungrouped> Count = Metric.Count<SalesActivity>();
    private static readonly Metric<SalesActivity, Ungrouped> CountCalls = Metric.Count<SalesActivity>().Where(a => a.Kind == SalesActivityKind.Call);
    private static readonly Metric<SalesActivity, Ungrouped> CountCallsValueFilter = Metric.Count<SalesActivity>().Where(ActivityFilter.Of(SalesActivityKind.Call));
    private static readonly Metric<SalesActivity, RepId> TalkSecondsByRep = Metric.Sum<SalesActivity>(a => (long)(a.Duration?.TotalSeconds ?? 0)).By(a => a.Rep);
    private static readonly Metric<SalesActivity, (RepId, SalesActivityKind)> CountByRepKind = Metric.Count<SalesActivity>().By(a => a.Rep).ThenBy(a => a.Kind);
    private static readonly Metric<SalesActivity, RepId> ConnectRateByRep =
        Metric.Rate<SalesActivity>(a => a.Outcome == SalesActivityOutcome.Connected).Where(a => a.Kind == SalesActivityKind.Call).By(a => a.Rep);
    private static readonly Metric<SalesActivity, RepId> MedianCallSecondsByRep =
        Metric.Median<SalesActivity>(a => a.Duration!.Value.TotalSeconds).Where(a => a.Kind == SalesActivityKind.Call).By(a => a.Rep);
    private static readonly Metric<SalesActivity, RepId> AccountsTouchedByRep =
        Metric.DistinctCount<SalesActivity>(a => a.Account.Value).Where(a => !a.Account.IsNone).By(a => a.Rep);
    private static readonly Metric<SalesActivity, RepId> DailyByRep =
        Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp);
    private static readonly Metric<SalesActivity, RepId> WeeklyRolling4 =
        Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, a => a.Timestamp).Rolling(4);
    private static readonly Metric<SalesActivity, RepId> MonthlyChange =
        Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, a => a.Timestamp).ChangeFrom(PeriodOffset.PreviousPeriod);

    // Value-type filter, key and time selectors: the weekly calls and call seconds of each rep.
    private static readonly ActivityFilter Calls = ActivityFilter.Of(SalesActivityKind.Call);
    private static readonly Metric<SalesActivity, (RepId Rep, SalesActivityKind Kind)> CountByRepKindValueKey = Metric.Count<SalesActivity>().By(ActivityKey.RepAndKind);
    private static readonly Metric<SalesActivity, RepId> WeeklyCalls =
        Metric.Count<SalesActivity>().Where(Calls).By(ActivityKey.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp);
    private static readonly Metric<SalesActivity, RepId> WeeklyCallSeconds =
        Metric.Sum<SalesActivity>(a => (long)(a.Duration?.TotalSeconds ?? 0)).Where(Calls).By(ActivityKey.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp);

    private static readonly Metric<SalesActivity, RepId> Monthly =
        Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, a => a.Timestamp);

    // Four weekly scorecard lines: calls, connected calls, emails, meetings held. Either four filtered counts, or one
    // count by (rep, kind and outcome) whose cells make up the four lines.
    private static readonly Metric<SalesActivity, RepId>[] FourWeeklyLines =
    [
        WeeklyLine(ActivityFilter.Of(SalesActivityKind.Call)),
        WeeklyLine(ActivityFilter.Of(SalesActivityKind.Call, SalesActivityOutcome.Connected)),
        WeeklyLine(ActivityFilter.Of(SalesActivityKind.Email)),
        WeeklyLine(ActivityFilter.Of(SalesActivityKind.Meeting, SalesActivityOutcome.Held)),
    ];

    private static readonly Metric<SalesActivity, (RepId Rep, int KindAndOutcome)> WeeklyByKindAndOutcome =
        Metric.Count<SalesActivity>()
            .By(FactKey<SalesActivity, (RepId Rep, int KindAndOutcome)>.Of(default(RepKindAndOutcome), "rep, kind and outcome"))
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp);

    // The same daily count over activities whose business dates were resolved once (in each rep's zone, as _repZones):
    // a value-type date selector, and a LocalDate lambda.
    private static readonly Metric<DatedActivity, RepId> DailyByRepDated =
        Metric.Count<DatedActivity>().By(d => d.Rep).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, default(DatedOn));
    private static readonly Metric<DatedActivity, RepId> DailyByRepDatedLambda =
        Metric.Count<DatedActivity>().By(d => d.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, d => EpochDay.ToDate(d.Day));

    [Params(10_000, 1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _facts = SyntheticActivities.Generate(N, seed: 42);
        _reps = SyntheticActivities.RepCount(N);
        _repZones = EvaluationOptions<SalesActivity>.InBasis(BusinessDateBasis<RepId>.RepHomeZone(SyntheticActivities.ZoneOf), a => a.Rep, Organisation);
        _orgZone = EvaluationOptions<SalesActivity>.InZone(Organisation);
        _dated = new DatedActivity[_facts.Length];
        for (int i = 0; i < _facts.Length; i++)
        {
            var rep = _facts[i].Rep;
            _dated[i] = new DatedActivity(rep, EpochDay.FromDate(_facts[i].Timestamp.InZone(SyntheticActivities.ZoneOf(rep)).Date));
        }
    }

    /// <summary>Activities per rep per business day in the rep's zone, by hand: a dense array and a cached zone offset per zone.</summary>
    [Benchmark(Baseline = true)]
    public int HandLoopDailyByRep()
    {
        const int days = 400;
        long baseDay = (Instant.FromUtc(2026, 1, 1, 0, 0).ToUnixTimeTicks() / Compare.Dataset.TicksPerDay) - 2;
        var zones = new Compare.ZoneDays(SyntheticActivities.Zones);
        var counts = new int[_reps * days];
        foreach (ref readonly var a in _facts.AsSpan())
        {
            int rep = a.Rep.Value;
            int day = (int)(zones.UnixDay(rep % 3, a.Timestamp.ToUnixTimeTicks()) - baseDay);
            counts[(rep * days) + day]++;
        }

        int cells = 0;
        foreach (int c in counts)
        {
            cells += c > 0 ? 1 : 0;
        }

        return cells;
    }

    [Benchmark]
    public int CountAll() => Count.Evaluate(_facts).Count;

    [Benchmark]
    public int CountWhereCall() => CountCalls.Evaluate(_facts).Count;

    /// <summary>The same filter as a value type compiled into the loop (<see cref="ActivityFilter"/>).</summary>
    [Benchmark]
    public int CountWhereCallValueFilter() => CountCallsValueFilter.Evaluate(_facts).Count;

    [Benchmark]
    public int SumByRep() => TalkSecondsByRep.Evaluate(_facts).Count;

    [Benchmark]
    public int CountByRepThenKind() => CountByRepKind.Evaluate(_facts).Count;

    /// <summary>The same grouping with the value-type key <see cref="ActivityKey.RepAndKind"/>.</summary>
    [Benchmark]
    public int CountByRepAndKindValueKey() => CountByRepKindValueKey.Evaluate(_facts).Count;

    [Benchmark]
    public int RateByRep() => ConnectRateByRep.Evaluate(_facts).Count;

    [Benchmark]
    public int MedianByRep() => MedianCallSecondsByRep.Evaluate(_facts).Count;

    [Benchmark]
    public int DistinctCountByRep() => AccountsTouchedByRep.Evaluate(_facts).Count;

    /// <summary>The baseline's work through the engine: single pass and table.</summary>
    [Benchmark]
    public int DailyByRepInRepZone() => DailyByRep.Evaluate(_facts, _repZones).Count;

    /// <summary>The single pass alone (state, no table).</summary>
    [Benchmark]
    public int DailyByRepSinglePassOnly() => DailyByRep.CreateState(_repZones).Add(_facts).CellCount;

    /// <summary>The daily count over activities carrying their business dates (an 8-byte value each): no zone consulted.</summary>
    [Benchmark]
    public int DailyByRepByDate() => DailyByRepDated.Evaluate(_dated).Count;

    [Benchmark]
    public int DailyByRepByDateLambda() => DailyByRepDatedLambda.Evaluate(_dated).Count;

    [Benchmark]
    public int DailyByRepInOrganisationZone() => DailyByRep.Evaluate(_facts, _orgZone).Count;

    [Benchmark]
    public int DailyByRepParallel() => DailyByRep.EvaluateParallel(_facts, _repZones).Count;

    [Benchmark]
    public int WeeklyRolling4Weeks() => WeeklyRolling4.Evaluate(_facts, _repZones).Count;

    [Benchmark]
    public int MonthlyChangeFromPrevious() => MonthlyChange.Evaluate(_facts, _repZones).Count;

    /// <summary>A monthly count, its 3-month moving sum and its change from the previous month, each evaluated alone.</summary>
    [Benchmark]
    public int MonthlyThreeWaysSeparately() =>
        Monthly.Evaluate(_facts, _repZones).Count + Monthly.Rolling(3).Evaluate(_facts, _repZones).Count + Monthly.ChangeFrom(PeriodOffset.PreviousPeriod).Evaluate(_facts, _repZones).Count;

    /// <summary>The same three tables from one shared accumulation (<see cref="Metric.EvaluateAll{TFact, TKey}(SalesActivity[], EvaluationOptions{SalesActivity}, ReadOnlySpan{Metric{SalesActivity, TKey}})"/>).</summary>
    [Benchmark]
    public int MonthlyThreeWaysTogether()
    {
        var tables = Metric.EvaluateAll(_facts, _repZones, Monthly, Monthly.Rolling(3), Monthly.ChangeFrom(PeriodOffset.PreviousPeriod));
        return tables[0].Count + tables[1].Count + tables[2].Count;
    }

    /// <summary>Two primitives with the same value-type filter, key and time selectors, evaluated one after the other.</summary>
    [Benchmark]
    public int WeeklyCallsAndSecondsSeparately() =>
        WeeklyCalls.Evaluate(_facts, _repZones).Count + WeeklyCallSeconds.Evaluate(_facts, _repZones).Count;

    /// <summary>The same two in one shared pass: the filter, key and period found once per fact.</summary>
    [Benchmark]
    public int WeeklyCallsAndSecondsTogether()
    {
        var tables = Metric.EvaluateAll(_facts, _repZones, WeeklyCalls, WeeklyCallSeconds);
        return tables[0].Count + tables[1].Count;
    }

    /// <summary>The same two on every core: each partition in one shared pass, then merged (<see cref="Metric.EvaluateAllParallel{TFact, TKey}(ReadOnlyMemory{TFact}, EvaluationOptions{TFact}, int, ReadOnlySpan{Metric{TFact, TKey}})"/>).</summary>
    [Benchmark]
    public int WeeklyCallsAndSecondsTogetherParallel()
    {
        var tables = Metric.EvaluateAllParallel(_facts, _repZones, 0, WeeklyCalls, WeeklyCallSeconds);
        return tables[0].Count + tables[1].Count;
    }

    /// <summary>Four weekly lines with different value-type filters: four passes (<see cref="Metric.EvaluateAll{TFact, TKey}(SalesActivity[], EvaluationOptions{SalesActivity}, ReadOnlySpan{Metric{SalesActivity, TKey}})"/> shares none).</summary>
    [Benchmark]
    public long FourWeeklyLinesFiltered()
    {
        var tables = Metric.EvaluateAll(_facts, _repZones, FourWeeklyLines);
        return tables[0].Count + tables[1].Count + tables[2].Count + tables[3].Count;
    }

    /// <summary>The same four lines from one pass counting by (rep, kind and outcome) per week, then one walk over its cells.</summary>
    [Benchmark]
    public long FourWeeklyLinesOnePass()
    {
        int call = SalesActivityKind.Call.Code;
        int email = SalesActivityKind.Email.Code;
        int meeting = SalesActivityKind.Meeting.Code;
        long calls = 0, connected = 0, emails = 0, held = 0;
        foreach (var cell in WeeklyByKindAndOutcome.Evaluate(_facts, _repZones))
        {
            int kind = cell.Key.KindAndOutcome >> 4;
            var outcome = (SalesActivityOutcome)(cell.Key.KindAndOutcome & 0xF);
            long n = cell.Value.Count;
            calls += kind == call ? n : 0;
            connected += kind == call && outcome == SalesActivityOutcome.Connected ? n : 0;
            emails += kind == email ? n : 0;
            held += kind == meeting && outcome == SalesActivityOutcome.Held ? n : 0;
        }

        return calls + connected + emails + held;
    }

    private static Metric<SalesActivity, RepId> WeeklyLine(ActivityFilter line) =>
        Metric.Count<SalesActivity>().Where(line).By(ActivityKey.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp);

    private readonly struct RepKindAndOutcome : IFactKey<SalesActivity, (RepId Rep, int KindAndOutcome)>
    {
        public (RepId Rep, int KindAndOutcome) KeyOf(in SalesActivity fact) => (fact.Rep, (fact.Kind.Code << 4) | (int)fact.Outcome);
    }

    /// <summary>An activity projected with its business date: the rep and the epoch day.</summary>
    private readonly record struct DatedActivity(RepId Rep, int Day);

    private readonly struct DatedOn : IFactDate<DatedActivity>
    {
        public int EpochDayOf(in DatedActivity fact) => fact.Day;
    }
}
