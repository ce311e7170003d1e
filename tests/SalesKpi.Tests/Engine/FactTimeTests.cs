using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Value-type time selectors (<see cref="IFactTime{TFact}"/>) and the ready-made <see cref="ActivityTime"/>.</summary>
public sealed class FactTimeTests
{
    private static readonly DateTimeZone[] HomeZones = [T.Paris, T.NewYork, DateTimeZoneProviders.Tzdb["Australia/Sydney"]];

    [Fact]
    public void A_value_type_time_selector_places_facts_in_business_days_by_hand()
    {
        // 23:30 UTC on 28 March is 00:30 on 29 March in Paris (after the spring-forward night: UTC+2 from 01:00 UTC).
        Act[] facts = [new(1, Instant.FromUtc(2026, 3, 28, 23, 30), Kind.Call), new(1, Instant.FromUtc(2026, 3, 28, 22, 30), Kind.Call)];
        var table = Metric.Count<Act>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, new ActAt()).Evaluate(facts, T.Paris);
        Assert.Equal(1m, table[1, T.Day(2026, 3, 28)].ExactValue);
        Assert.Equal(1m, table[1, T.Day(2026, 3, 29)].ExactValue);
    }

    [Property(MaxTest = 50)]
    public void A_value_type_time_selector_gives_the_table_of_the_equivalent_lambda(int seed, bool weekly, byte zoning)
    {
        var facts = T.RandomActs(400, seed, days: 200);
        var kind = weekly ? PeriodKind.Week : PeriodKind.Day;
        var options = (zoning % 3) switch
        {
            0 => EvaluationOptions<Act>.InZone(T.NewYork),
            1 => EvaluationOptions<Act>.InZoneOf(a => HomeZones[a.Rep % 3], T.Paris),
            _ => EvaluationOptions<Act>.InBasis(BusinessDateBasis<int>.RepHomeZone(rep => HomeZones[rep % 3]), a => a.Rep, T.Paris),
        };
        var byLambda = Metric.Sum<Act>(a => a.Amount).Where(a => a.Kind != Kind.Email).By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, kind, a => a.At);
        var byValue = Metric.Sum<Act>(a => a.Amount).Where(a => a.Kind != Kind.Email).By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, kind, new ActAt());
        Assert.Equal(byLambda.Evaluate(facts, options).Cells, byValue.Evaluate(facts, options).Cells);
        Assert.Equal(byLambda.Rolling(3).FillEmpty().Evaluate(facts, options).Cells, byValue.Rolling(3).FillEmpty().Evaluate(facts, options).Cells);
    }

    [Property(MaxTest = 30)]
    public void Value_type_time_and_filter_together_keep_the_merge_laws(int seed, byte cut)
    {
        var facts = T.RandomActs(300, seed);
        var metric = Metric.Count<Act>().Where(new IsCall()).By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, new ActAt());
        int at = cut % 301;
        var merged = metric.CreateState(T.Paris).Add(facts.AsSpan(0, at));
        merged.Merge(metric.Restore(metric.CreateState(T.Paris).Add(facts.AsSpan(at)).ToSnapshot(), T.Paris));
        var lambda = Metric.Count<Act>().Where(a => a.Kind == Kind.Call).By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, a => a.At);
        Assert.Equal(lambda.Evaluate(facts, T.Paris).Cells, merged.ToTable().Cells);
    }

    [Fact]
    public void Activity_time_reads_the_activity_timestamp()
    {
        var start = Instant.FromUtc(2026, 6, 1, 7, 15);
        var activities = Enumerable.Range(1, 500)
            .Select(i => new SalesActivity(ActivityId.Of(i), RepId.Of(1 + (i % 4)), start + Duration.FromMinutes(i * 37L), i % 3 == 0 ? SalesActivityKind.Email : SalesActivityKind.Call))
            .ToArray();
        var byLambda = Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp);
        var byValue = Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp);
        Assert.Equal(byLambda.Evaluate(activities, T.NewYork).Cells, byValue.Evaluate(activities, T.NewYork).Cells);
        Assert.Equal(activities[7].Timestamp.ToUnixTimeTicks(), ActivityTime.Timestamp.UnixTicks(in activities[7]));
        Assert.Equal("timestamp", ActivityTime.Timestamp.ToString());
    }

    [Fact]
    public void Metrics_with_equal_value_type_selectors_share_a_pass()
    {
        var facts = T.RandomActs(2_000, 9);
        var counting = new CountingFilter<Act>(a => a.Kind != Kind.Reply);
        var counted = counting.Filter;
        Func<Act, int> rep = a => a.Rep;
        Metric<Act, int>[] metrics =
        [
            Metric.Count<Act>().Where(counted).By(rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, new ActAt()),
            Metric.Sum<Act>(a => a.Seconds).Where(counted).By(rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, new ActAt()),
        ];
        var tables = Metric.EvaluateAll(facts, T.Paris, metrics);
        Assert.Equal(facts.Length, counting.Calls);
        Assert.Equal(metrics[1].Evaluate(facts, T.Paris).Cells, tables[1].Cells);
    }

    private readonly struct ActAt : IFactTime<Act>
    {
        public long UnixTicks(in Act fact) => fact.At.ToUnixTimeTicks();
    }

    private readonly struct IsCall : IFactPredicate<Act>
    {
        public bool Test(in Act fact) => fact.Kind == Kind.Call;
    }
}
