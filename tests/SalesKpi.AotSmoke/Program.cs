using System;
using System.Linq;
using NodaTime;
using SalesKpi;
using SalesKpi.Forecasting;
using SalesKpi.SampleData;

// Exercises the library after Native AOT compilation: calendars, sample data, data quality, the engine, forecasting.
int failures = 0;

void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine($"AOT smoke check failed: {what}");
        failures++;
    }
}

var fiscal = ReportingCalendar.Fiscal(2, FiscalYearNaming.EndYear);
Check(fiscal.GetPeriod(new LocalDate(2026, 11, 27), PeriodKind.Quarter).Label == "FY2027 Q4", "fiscal quarter label");

var sample = SampleOrganisation.Generate(new SampleOptions { Seed = 3, Activities = 5_000 });
Check(sample.Facts.Activities.Length == 5_000, "sample activity count");
Check(DataQualityCheck.Run(sample.Facts).IsClean, "sample data is clean");

// The engine: lambda and value-type filters, grouping, periods in a zone, shared accumulation.
var activities = sample.Facts.Activities.ToArray();
int handCalls = 0;
foreach (var a in activities)
{
    handCalls += a.Kind == SalesActivityKind.Call ? 1 : 0;
}

var weeklyCalls = Metric.Count<SalesActivity>().Where(ActivityFilter.Of(SalesActivityKind.Call)).By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp);
var tables = Metric.EvaluateAll(activities, sample.OrganisationZone, weeklyCalls, weeklyCalls.Cumulative());
decimal engineCalls = 0;
foreach (var cell in tables[0])
{
    engineCalls += cell.Value.ExactValue!.Value;
}

Check(engineCalls == handCalls, "weekly calls per rep add up to all calls");
var lambdaCalls = Metric.Count<SalesActivity>().Where(a => a.Kind == SalesActivityKind.Call).Evaluate(activities)[Ungrouped.All];
Check(lambdaCalls.ExactValue == handCalls, "lambda filter count");
Check(tables[1].Count >= tables[0].Count, "cumulative table covers the weekly cells");
var homeZones = BusinessDateBasis<RepId>.RepHomeZone(_ => sample.OrganisationZone);
var perRepAndKind = Metric.Count<SalesActivity>().By(ActivityKey.RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp)
    .Evaluate(activities, EvaluationOptions<SalesActivity>.InBasis(homeZones, ActivityKey.Rep, sample.OrganisationZone));
decimal keyedCalls = 0;
foreach (var cell in perRepAndKind)
{
    keyedCalls += cell.Key.Kind == SalesActivityKind.Call ? cell.Value.ExactValue!.Value : 0;
}

Check(keyedCalls == handCalls, "value-type keys and basis rep: daily calls per (rep, kind) add up to all calls");
var callFilter = ActivityFilter.Of(SalesActivityKind.Call);
var callCount = Metric.Count<SalesActivity>().Where(callFilter).By(ActivityKey.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp);
var callSeconds = Metric.Sum<SalesActivity>(a => (long)(a.Duration?.TotalSeconds ?? 0)).Where(callFilter).By(ActivityKey.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp);
var sharedPass = Metric.EvaluateAll(activities, sample.OrganisationZone, callCount, callSeconds);
Check(sharedPass[1].Cells.SequenceEqual(callSeconds.Evaluate(activities, sample.OrganisationZone).Cells), "a shared pass of two primitives equals their own evaluations");

// A conversion read by delegates and by a value type: both compiled ahead of time, equal tables.
var leadStages = sample.Facts.Leads.Select(l => new LeadStages([.. l.StageHistory], l.Profile.Industry ?? "")).ToArray();
var asOf = EvaluationOptions<LeadStages>.InZone(sample.OrganisationZone).WithAsOf(Instant.FromUtc(2030, 1, 1, 0, 0));
var byDelegates = Metric.Conversion<LeadStages, StageChange<LeadStage>>(
        l => l.Stages, s => s.At, s => s.Stage == LeadStage.Mql, s => s.Stage == LeadStage.Sal, Duration.FromDays(30))
    .By(l => l.Industry).Evaluate(leadStages, asOf);
var byValue = Metric.Conversion<LeadStages, StageChange<LeadStage>, MqlToSal>(default, Duration.FromDays(30), ConversionBasis.Cohort, ConversionCounting.UniqueEntities)
    .By(l => l.Industry).Evaluate(leadStages, asOf);
Check(byDelegates.Count > 0 && byValue.Cells.SequenceEqual(byDelegates.Cells), "a conversion read by a value type equals the delegate form");

var series = TimeSeries.Of([112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140], 12);
var forecast = ExponentialSmoothing.AutoEts().Fit(series).Forecast(3, 95);
Check(forecast.Point.Count == 3 && forecast.Interval(95).Lower[0] < forecast.Point[0], "AutoEts forecast with interval");
var naive = new Naive().Fit(series).Forecast(1);
Check(Math.Abs(naive.Point[0] - 140) < 1e-12, "naive forecast");

if (failures > 0)
{
    return 1;
}

Console.WriteLine("AOT smoke passed");
return 0;

/// <summary>A lead's stage changes in an array, for the value-type conversion.</summary>
internal readonly record struct LeadStages(StageChange<LeadStage>[] Stages, string Industry);

/// <summary>MQL to SAL over <see cref="LeadStages"/>.</summary>
internal readonly struct MqlToSal : IConversionEvents<LeadStages, StageChange<LeadStage>>
{
    public ReadOnlySpan<StageChange<LeadStage>> EventsOf(in LeadStages fact) => fact.Stages;

    public Instant TimeOf(in StageChange<LeadStage> e) => e.At;

    public bool IsFrom(in StageChange<LeadStage> e) => e.Stage == LeadStage.Mql;

    public bool IsTo(in StageChange<LeadStage> e) => e.Stage == LeadStage.Sal;
}
