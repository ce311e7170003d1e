using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesKpi.Benchmarks.Compare;
using SalesKpi.SampleData;

namespace SalesKpi.Benchmarks.Kpis;

/// <summary>
/// Standard KPIs of KPI-SPEC.md over a generated organisation (10⁴ and 10⁶ activities; leads one per 10 activities,
/// deals one per 100), each written with the engine as the catalog will define it: connect rate, win rate, average
/// deal size, sales cycle, MQL → SAL conversion, and the days-met count of a daily call goal (with its hand loop).
/// </summary>
[MemoryDiagnoser]
public class KpiBenchmarks
{
    private Dataset _data = null!;
    private Metric<SalesActivity, RepId> _connectRate = null!;
    private Metric<Deal, RepId> _winRate = null!;
    private Metric<Deal, RepId> _averageDealSize = null!;
    private Metric<Deal, Ungrouped> _salesCycle = null!;
    private Metric<Lead, Ungrouped> _mqlToSal = null!;
    private W1DailyActivity _dailyGoal = null!;

    [Params(10_000, 1_000_000)]
    public int Activities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new Dataset(SampleOrganisation.Generate(new SampleOptions { Seed = 42, Activities = Activities, Sessions = 0 }));
        var calendar = _data.Sample.ReportingCalendar;
        _connectRate = Metric.Rate<SalesActivity>(a => a.Outcome == SalesActivityOutcome.Connected)
            .Where(a => a.Kind == SalesActivityKind.Call)
            .By(a => a.Rep)
            .PerPeriod(calendar, PeriodKind.Month, a => a.Timestamp);
        _winRate = Metric.Rate<Deal>(d => d.IsWon)
            .Where(d => d.Outcome.IsClosed)
            .By(d => d.Owner)
            .PerPeriod(calendar, PeriodKind.Quarter, d => d.Outcome.ClosedAt!.Value);
        _averageDealSize = Metric.Mean<Deal>(d => d.Amount!.Value.Amount)
            .Where(d => d.IsWon && d.Amount is { Amount: > 0 })
            .By(d => d.Owner);
        _salesCycle = Metric.Median<Deal>(d => (d.Outcome.ClosedAt!.Value - d.Created).TotalDays)
            .Where(d => d.IsWon);
        _mqlToSal = Metric.Conversion<Lead, StageChange<LeadStage>>(
                l => l.StageHistory, s => s.At, s => s.Stage == LeadStage.Mql, s => s.Stage == LeadStage.Sal, Duration.FromDays(30))
            .PerPeriod(calendar, PeriodKind.Month);
        _dailyGoal = new W1DailyActivity();
    }

    [Benchmark]
    public int ConnectRatePerRepPerMonth() => _connectRate.Evaluate(_data.Activities, _data.ActivityOptions).Count;

    [Benchmark]
    public int WinRatePerRepPerQuarter() => _winRate.Evaluate(_data.Deals, _data.DealOptions).Count;

    [Benchmark]
    public int AverageDealSizePerRep() => _averageDealSize.Evaluate(_data.Deals).Count;

    [Benchmark]
    public int SalesCycleMedianDays() => _salesCycle.Evaluate(_data.Deals).Count;

    [Benchmark]
    public int MqlToSalCohortPerMonth() => _mqlToSal.Evaluate(_data.Leads, _data.LeadOptions).Count;

    /// <summary>Activities per rep per day by kind and the working days with at least 50 calls (comparison workload W1).</summary>
    [Benchmark]
    public object DailyCallGoalDaysMet() => _dailyGoal.SalesKpi(_data);

    [Benchmark]
    public object DailyCallGoalDaysMetHandLoop() => _dailyGoal.HandLoop(_data);
}
