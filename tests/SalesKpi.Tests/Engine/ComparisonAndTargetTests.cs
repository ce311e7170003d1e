using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class ComparisonAndTargetTests
{
    // ISO week 10 of 2026 starts Monday 2 March, week 11 starts 9 March: 4 calls in W10, 5 in W11.
    private static readonly Act[] WeeklyCalls =
    [
        .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 3), Kind.Call), 4),
        .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 10), Kind.Call), 5),
    ];

    private static readonly Metric<Act, Ungrouped> Weekly = Metric.Count<Act>().PerPeriod(PeriodKind.Week, a => a.At);

    [Fact]
    public void ChangeFrom_previous_period_is_the_absolute_difference()
    {
        var table = Weekly.ChangeFrom(PeriodOffset.PreviousPeriod).Evaluate(WeeklyCalls, T.Utc);
        Assert.Equal(4m, table[Ungrouped.All, T.Week(2026, 3, 2)].ExactValue);  // 4 − 0 (no calls the week before)
        Assert.Equal(1m, table[Ungrouped.All, T.Week(2026, 3, 9)].ExactValue);  // 5 − 4
    }

    [Fact]
    public void RelativeChangeFrom_divides_by_the_earlier_value_and_is_undefined_from_zero()
    {
        var table = Weekly.RelativeChangeFrom(PeriodOffset.PreviousPeriod).Evaluate(WeeklyCalls, T.Utc);
        var w11 = table[Ungrouped.All, T.Week(2026, 3, 9)];
        Assert.Equal(0.25m, w11.ExactValue);          // (5 − 4) / 4
        Assert.Equal(1m, w11.ExactNumerator);
        Assert.Equal(4m, w11.ExactDenominator);
        Assert.True(table[Ungrouped.All, T.Week(2026, 3, 2)].IsUndefined);  // (4 − 0) / 0
    }

    [Fact]
    public void Same_period_last_year_compares_march_with_march()
    {
        // March 2025: 3 deals; March 2026: 6 → offset value 3, relative change (6 − 3) / 3 = 1.
        Act[] deals =
        [
            .. Enumerable.Repeat(new Act(1, T.At(2025, 3, 15), Kind.Call), 3),
            .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 20), Kind.Call), 6),
        ];
        var monthly = Metric.Count<Act>().PerPeriod(PeriodKind.Month, a => a.At);
        Assert.Equal(3m, monthly.Offset(PeriodOffset.SamePeriodLastYear).Evaluate(deals, T.Utc)[Ungrouped.All, T.Month(2026, 3)].ExactValue);
        Assert.Equal(1m, monthly.RelativeChangeFrom(PeriodOffset.SamePeriodLastYear).Evaluate(deals, T.Utc)[Ungrouped.All, T.Month(2026, 3)].ExactValue);
    }

    [Fact]
    public void Same_period_last_year_of_a_week_is_the_same_week_number()
    {
        // 2025-W10 runs 3–9 March 2025 (2 calls); 2026-W10 runs 2–8 March 2026 (3 calls); 2 March 2025 is the Sunday
        // of 2025-W09 (1 call). The calendar maps week number to week number, so 2026-W10 compares with 2025-W10 (2),
        // not with the week containing its start date minus a year (2025-W09, 1).
        Act[] facts =
        [
            .. Enumerable.Repeat(new Act(1, T.At(2025, 3, 4), Kind.Call), 2),
            new(1, T.At(2025, 3, 2), Kind.Call),
            .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 3), Kind.Call), 3),
        ];
        var table = Metric.Count<Act>().PerPeriod(PeriodKind.Week, a => a.At).Offset(PeriodOffset.SamePeriodLastYear).Evaluate(facts, T.Utc);
        Assert.Equal(2m, table[Ungrouped.All, T.Week(2026, 3, 2)].ExactValue);
    }

    [Fact]
    public void Offset_back_several_periods()
    {
        // January 2, February 3, March 5 → March vs January: 5 − 2 = 3.
        Act[] facts =
        [
            .. Enumerable.Repeat(new Act(1, T.At(2026, 1, 10), Kind.Call), 2),
            .. Enumerable.Repeat(new Act(1, T.At(2026, 2, 10), Kind.Call), 3),
            .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 10), Kind.Call), 5),
        ];
        var table = Metric.Count<Act>().PerPeriod(PeriodKind.Month, a => a.At).ChangeFrom(PeriodOffset.Back(2)).Evaluate(facts, T.Utc);
        Assert.Equal(3m, table[Ungrouped.All, T.Month(2026, 3)].ExactValue);
    }

    [Fact]
    public void Comparisons_need_periods()
    {
        var ex = Assert.Throws<ArgumentException>(() => Metric.Count<Act>().ChangeFrom(PeriodOffset.PreviousPeriod));
        Assert.Equal("metric", ex.ParamName);
    }

    [Fact]
    public void Attainment_is_actual_over_target_exactly()
    {
        // Rep 1 won 90,000 against 120,000 → 0.75; rep 2 has no target → Undefined; rep 3 a zero target → Undefined.
        Act[] wins = [new(1, T.At(2026, 3, 2), Kind.Call, Amount: 50_000m), new(1, T.At(2026, 3, 9), Kind.Call, Amount: 40_000m), new(2, T.At(2026, 3, 2), Kind.Call, Amount: 1m), new(3, T.At(2026, 3, 2), Kind.Call, Amount: 1m)];
        var table = Metric.Sum<Act>(a => a.Amount).By(a => a.Rep)
            .Attainment((rep, _) => rep switch { 1 => 120_000m, 3 => 0m, _ => null })
            .Evaluate(wins);
        Assert.Equal(0.75m, table[1].ExactValue);
        Assert.Equal(90_000m, table[1].ExactNumerator);
        Assert.Equal(120_000m, table[1].ExactDenominator);
        Assert.True(table[2].IsUndefined);
        Assert.True(table[3].IsUndefined);
    }

    [Fact]
    public void Pace_prorates_the_target_to_the_elapsed_days_at_as_of()
    {
        // March has 31 days; as of 10 March, 10 days have elapsed (1st to 10th inclusive).
        // 40 calls against 155 for the month: 40 / (155 × 10 / 31) = 40 / 50 = 0.8.
        // February (past): 30 calls against 30 → 1. April (future): nothing elapsed → Undefined.
        Act[] calls =
        [
            .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 5), Kind.Call), 40),
            .. Enumerable.Repeat(new Act(1, T.At(2026, 2, 5), Kind.Call), 30),
            new(1, T.At(2026, 4, 20), Kind.Call),
        ];
        var pace = Metric.Count<Act>().PerPeriod(PeriodKind.Month, a => a.At).Pace((_, month) => month!.Value.Start.Month == 2 ? 30m : 155m);
        var options = EvaluationOptions<Act>.InZone(T.Utc).WithAsOf(Instant.FromUtc(2026, 3, 10, 15, 0));
        var table = pace.Evaluate(calls, options);
        Assert.Equal(0.8m, table[Ungrouped.All, T.Month(2026, 3)].ExactValue);
        Assert.Equal(50m, table[Ungrouped.All, T.Month(2026, 3)].ExactDenominator);
        Assert.Equal(1m, table[Ungrouped.All, T.Month(2026, 2)].ExactValue);
        Assert.True(table[Ungrouped.All, T.Month(2026, 4)].IsUndefined);
    }

    [Fact]
    public void Pace_without_as_of_is_a_clear_error()
    {
        var pace = Metric.Count<Act>().PerPeriod(PeriodKind.Month, a => a.At).Pace((_, _) => 10m);
        var ex = Assert.Throws<ArgumentException>(() => pace.Evaluate(WeeklyCalls, T.Utc));
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Derived_arithmetic_aligns_metrics_over_different_facts_on_key_and_period()
    {
        // March: rep 1 has 6 activities and 2 won deals → 3 per win; rep 2 has 3 activities and no win → Undefined (3/0);
        // rep 3 has a win and no activity → 0/1 = 0.
        Act[] activities = [.. Enumerable.Repeat(new Act(1, T.At(2026, 3, 3), Kind.Call), 6), .. Enumerable.Repeat(new Act(2, T.At(2026, 3, 3), Kind.Email), 3)];
        Won[] wins = [new(1, T.At(2026, 3, 4), 10m), new(1, T.At(2026, 3, 20), 20m), new(3, T.At(2026, 3, 8), 5m)];
        var acts = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Month, a => a.At).Evaluate(activities, T.Utc);
        var won = Metric.Count<Won>().By(w => w.Rep).PerPeriod(PeriodKind.Month, w => w.At).Evaluate(wins, T.Utc);
        var perWin = acts.DividedBy(won);
        var march = T.Month(2026, 3);
        Assert.Equal(3m, perWin[1, march].ExactValue);
        Assert.True(perWin[2, march].IsUndefined);
        Assert.Equal(3m, perWin[2, march].ExactNumerator);
        Assert.Equal(0m, perWin[3, march].ExactValue);
        Assert.Equal([1, 2, 3], perWin.Keys);
        Assert.Throws<ArgumentException>(() => acts.DividedBy(Metric.Count<Won>().By(w => w.Rep).Evaluate(wins)));
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public void The_sum_of_two_count_tables_is_the_count_table_of_both_fact_sets(int seedA, int seedB, byte repsA, byte repsB)
    {
        // Counts add over disjoint fact sets cell by cell; Plus aligns on key and period over the union of both tables'
        // cells, a missing cell entering as 0.
        var a = T.RandomActs(150, seedA, reps: 1 + (repsA % 6), days: 70);
        var b = T.RandomActs(150, seedB, reps: 1 + (repsB % 6), days: 40);
        var weekly = Metric.Count<Act>().By(x => x.Rep).PerPeriod(PeriodKind.Week, x => x.At);

        var sum = weekly.Evaluate(a, T.Utc).Plus(weekly.Evaluate(b, T.Utc));
        var both = weekly.Evaluate([.. a, .. b], T.Utc);

        Assert.Equal(both.Count, sum.Count);
        foreach (var cell in both)
        {
            Assert.Equal(cell.Value.ExactValue, sum[cell.Key, cell.Period!.Value].ExactValue);
        }
    }

    [Fact]
    public void Tables_of_one_period_kind_on_calendars_whose_periods_overlap_do_not_combine()
    {
        // Monday weeks against Sunday weeks, and calendar quarters against fiscal quarters from February: aligned on their
        // starts, each cell would meet an empty one and the result would be silently wrong.
        Act[] activities = [new(1, T.At(2026, 3, 3), Kind.Call), new(1, T.At(2026, 3, 10), Kind.Call), new(1, T.At(2026, 5, 12), Kind.Call)];
        Won[] wins = [new(1, T.At(2026, 3, 4), 10m), new(1, T.At(2026, 5, 13), 10m)];
        var mondayWeeks = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At).Evaluate(activities, T.Utc);
        var sundayWeeks = Metric.Count<Won>().By(w => w.Rep).PerPeriod(ReportingCalendar.Gregorian(IsoDayOfWeek.Sunday), PeriodKind.Week, w => w.At).Evaluate(wins, T.Utc);
        var error = Assert.Throws<ArgumentException>(() => mondayWeeks.DividedBy(sundayWeeks));
        Assert.Equal("other", error.ParamName);
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);

        var quarters = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Quarter, a => a.At).Evaluate(activities, T.Utc);
        var fiscalQuarters = Metric.Count<Won>().By(w => w.Rep).PerPeriod(ReportingCalendar.Fiscal(2, FiscalYearNaming.EndYear), PeriodKind.Quarter, w => w.At).Evaluate(wins, T.Utc);
        Assert.Throws<ArgumentException>(() => quarters.Plus(fiscalQuarters));

        // Quarters of a fiscal year from April, and the months of any fiscal calendar, are calendar quarters and months
        // under other names: those combine.
        var aprilQuarters = Metric.Count<Won>().By(w => w.Rep).PerPeriod(ReportingCalendar.Fiscal(4, FiscalYearNaming.EndYear), PeriodKind.Quarter, w => w.At).Evaluate(wins, T.Utc);
        Assert.Equal(3m, quarters.Plus(aprilQuarters)[1, ReportingCalendar.Iso.GetPeriod(new LocalDate(2026, 1, 1), PeriodKind.Quarter)].ExactValue); // 2 calls + 1 win in Jan–Mar
        var months = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Month, a => a.At).Evaluate(activities, T.Utc);
        var fiscalMonths = Metric.Count<Won>().By(w => w.Rep).PerPeriod(ReportingCalendar.Fiscal(4, FiscalYearNaming.EndYear), PeriodKind.Month, w => w.At).Evaluate(wins, T.Utc);
        Assert.Equal(2m, months.DividedBy(fiscalMonths)[1, T.Month(2026, 3)].ExactValue);
    }
}
