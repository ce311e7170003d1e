using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Pace, projection and required daily rate on calendar days and on the working days of a working calendar.</summary>
public sealed class WorkingDayTargetTests
{
    // June 2026 starts on a Monday: 22 working days Monday to Friday. As of Wednesday 10 June, 8 have elapsed
    // (1–5 and 8–10 June) and 14 remain (11–12, 15–19, 22–26, 29–30 June).
    private static readonly Instant June10 = Instant.FromUtc(2026, 6, 10, 15, 0);

    private static readonly Metric<Act, Ungrouped> MonthlyCalls = Metric.Count<Act>().PerPeriod(PeriodKind.Month, a => a.At);

    private static readonly Metric<Act, int> MonthlyCallsPerRep = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Month, a => a.At);

    private static readonly WorkingCalendar NoWeekend = WorkingCalendar.Create([], []);

    private static EvaluationOptions<Act> AsOf(Instant asOf) => EvaluationOptions<Act>.InZone(T.Utc).WithAsOf(asOf);

    private static Act[] Calls(int count, Instant at, int rep = 1) => Enumerable.Repeat(new Act(rep, at, Kind.Call), count).ToArray();

    [Fact]
    public void Pace_on_working_days_prorates_the_target_to_the_elapsed_working_days()
    {
        // 40 calls against 220: expected by now 220 × 8 / 22 = 80, pace 40 / 80 = 0.5.
        // (On calendar days it would be 40 / (220 × 10 / 30) = 40 / 73.33… ≈ 0.545.)
        var table = MonthlyCalls.Pace((_, _) => 220m, WorkingCalendar.MondayToFriday).Evaluate(Calls(40, T.At(2026, 6, 3)), AsOf(June10));
        var cell = table[Ungrouped.All, T.Month(2026, 6)];
        Assert.Equal(0.5m, cell.ExactValue);
        Assert.Equal(40m, cell.ExactNumerator);
        Assert.Equal(80m, cell.ExactDenominator);
        Assert.Equal(40, cell.Count);
    }

    [Fact]
    public void Holidays_are_not_working_days_for_pace_projection_and_required_rate()
    {
        // A holiday on Thursday 4 June: 21 working days, 7 elapsed as of 10 June, 14 remaining.
        // 35 calls against 210: pace 35 / (210 × 7 / 21) = 35 / 70 = 0.5; projected 35 × 21 / 7 = 105;
        // required (210 − 35) / 14 = 12.5 a working day.
        var calendar = WorkingCalendar.Create([new LocalDate(2026, 6, 4)]);
        var calls = Calls(35, T.At(2026, 6, 2));
        var june = T.Month(2026, 6);
        Assert.Equal(0.5m, MonthlyCalls.Pace((_, _) => 210m, calendar).Evaluate(calls, AsOf(June10))[Ungrouped.All, june].ExactValue);
        Assert.Equal(105m, MonthlyCalls.Projected(calendar).Evaluate(calls, AsOf(June10))[Ungrouped.All, june].ExactValue);
        var required = MonthlyCalls.RequiredDailyRate((_, _) => 210m, calendar).Evaluate(calls, AsOf(June10))[Ungrouped.All, june];
        Assert.Equal(12.5m, required.ExactValue);
        Assert.Equal(175m, required.ExactNumerator);
        Assert.Equal(14m, required.ExactDenominator);
    }

    [Fact]
    public void Projected_on_working_days_is_the_actual_times_working_days_over_elapsed_working_days()
    {
        // 40 calls in 8 of June's 22 working days: 40 × 22 / 8 = 110.
        var cell = MonthlyCalls.Projected(WorkingCalendar.MondayToFriday).Evaluate(Calls(40, T.At(2026, 6, 3)), AsOf(June10))[Ungrouped.All, T.Month(2026, 6)];
        Assert.Equal(110m, cell.ExactValue);
        Assert.Equal(KpiValueKind.Number, cell.Kind);
        Assert.Equal(40, cell.Count);
    }

    [Fact]
    public void Required_daily_rate_on_working_days_spreads_the_shortfall_over_the_remaining_working_days()
    {
        // (220 − 40) / 14 = 180 / 14 = 12.857142…
        var cell = MonthlyCalls.RequiredDailyRate((_, _) => 220m, WorkingCalendar.MondayToFriday).Evaluate(Calls(40, T.At(2026, 6, 3)), AsOf(June10))[Ungrouped.All, T.Month(2026, 6)];
        Assert.Equal(180m / 14m, cell.ExactValue);
        Assert.Equal(180m, cell.ExactNumerator);
        Assert.Equal(14m, cell.ExactDenominator);
        Assert.Equal(12.857142857142857, cell.Value!.Value, 1e-12);
    }

    [Fact]
    public void Calendar_day_projection_and_required_rate_count_the_as_of_date_as_elapsed()
    {
        // March 2026: 31 days, 10 elapsed as of 10 March, 21 remaining.
        // 40 calls: projected 40 × 31 / 10 = 124; against 155 the required rate is (155 − 40) / 21 = 115 / 21.
        var calls = Calls(40, T.At(2026, 3, 5));
        var options = AsOf(Instant.FromUtc(2026, 3, 10, 15, 0));
        var march = T.Month(2026, 3);
        Assert.Equal(124m, MonthlyCalls.Projected().Evaluate(calls, options)[Ungrouped.All, march].ExactValue);
        var required = MonthlyCalls.RequiredDailyRate((_, _) => 155m).Evaluate(calls, options)[Ungrouped.All, march];
        Assert.Equal(115m, required.ExactNumerator);
        Assert.Equal(21m, required.ExactDenominator);
        Assert.Equal(115m / 21m, required.ExactValue);
    }

    [Fact]
    public void Nothing_elapsed_is_undefined_never_nan()
    {
        // August 2026 starts on a Saturday: as of Sunday 2 August no working day has elapsed, so pace and projection are
        // Undefined; all 21 working days remain, so the required rate is 210 / 21 = 10.
        var calls = Calls(3, T.At(2026, 8, 1));
        var options = AsOf(Instant.FromUtc(2026, 8, 2, 12, 0));
        var august = T.Month(2026, 8);
        var pace = MonthlyCalls.Pace((_, _) => 210m, WorkingCalendar.MondayToFriday).Evaluate(calls, options)[Ungrouped.All, august];
        var projected = MonthlyCalls.Projected(WorkingCalendar.MondayToFriday).Evaluate(calls, options)[Ungrouped.All, august];
        var required = MonthlyCalls.RequiredDailyRate((_, _) => 213m, WorkingCalendar.MondayToFriday).Evaluate(calls, options)[Ungrouped.All, august];
        Assert.True(pace.IsUndefined);
        Assert.Null(pace.Value);
        Assert.True(projected.IsUndefined);
        Assert.Equal(3, projected.Count);
        Assert.Equal(10m, required.ExactValue);
    }

    [Fact]
    public void Past_periods_show_attainment_and_the_actual_and_have_no_required_rate()
    {
        // May 2026 is over as of 10 June: pace = attainment 63 / 210 = 0.3; projected = the actual 63;
        // no working day remains, so the required rate is Undefined with the shortfall 147 still visible.
        var calls = Calls(63, T.At(2026, 5, 20));
        var may = T.Month(2026, 5);
        Assert.Equal(0.3m, MonthlyCalls.Pace((_, _) => 210m, WorkingCalendar.MondayToFriday).Evaluate(calls, AsOf(June10))[Ungrouped.All, may].ExactValue);
        Assert.Equal(63m, MonthlyCalls.Projected(WorkingCalendar.MondayToFriday).Evaluate(calls, AsOf(June10))[Ungrouped.All, may].ExactValue);
        var required = MonthlyCalls.RequiredDailyRate((_, _) => 210m, WorkingCalendar.MondayToFriday).Evaluate(calls, AsOf(June10))[Ungrouped.All, may];
        Assert.True(required.IsUndefined);
        Assert.Equal(147m, required.ExactNumerator);
        Assert.Equal(0m, required.ExactDenominator);
    }

    [Fact]
    public void Future_periods_have_no_pace_and_no_projection()
    {
        var calls = Calls(5, T.At(2026, 7, 20));
        var july = T.Month(2026, 7);
        Assert.True(MonthlyCalls.Pace((_, _) => 230m, WorkingCalendar.MondayToFriday).Evaluate(calls, AsOf(June10))[Ungrouped.All, july].IsUndefined);
        Assert.True(MonthlyCalls.Projected(WorkingCalendar.MondayToFriday).Evaluate(calls, AsOf(June10))[Ungrouped.All, july].IsUndefined);

        // July 2026 has 23 working days, all remaining: (230 − 5) / 23 = 225 / 23.
        Assert.Equal(225m / 23m, MonthlyCalls.RequiredDailyRate((_, _) => 230m, WorkingCalendar.MondayToFriday).Evaluate(calls, AsOf(June10))[Ungrouped.All, july].ExactValue);
    }

    [Fact]
    public void A_target_already_met_requires_zero_a_day()
    {
        // 250 calls against 220: the shortfall is 0 (not −30), so 0 a day over the 14 remaining working days.
        var cell = MonthlyCalls.RequiredDailyRate((_, _) => 220m, WorkingCalendar.MondayToFriday).Evaluate(Calls(250, T.At(2026, 6, 3)), AsOf(June10))[Ungrouped.All, T.Month(2026, 6)];
        Assert.Equal(0m, cell.ExactValue);
        Assert.Equal(0m, cell.ExactNumerator);
    }

    [Fact]
    public void Missing_target_is_undefined_for_pace_and_required_rate()
    {
        var calls = Calls(10, T.At(2026, 6, 3));
        Assert.True(MonthlyCalls.Pace((_, _) => null, WorkingCalendar.MondayToFriday).Evaluate(calls, AsOf(June10))[Ungrouped.All, T.Month(2026, 6)].IsUndefined);
        Assert.True(MonthlyCalls.RequiredDailyRate((_, _) => null, WorkingCalendar.MondayToFriday).Evaluate(calls, AsOf(June10))[Ungrouped.All, T.Month(2026, 6)].IsUndefined);
    }

    [Fact]
    public void Each_key_can_be_paced_on_its_own_working_calendar()
    {
        // As of Friday 12 June 2026. Rep 1 works Monday–Friday: 10 of 22 working days elapsed; 44 calls against 220
        // → 44 / (220 × 10 / 22) = 44 / 100 = 0.44. Rep 2 works Sunday–Thursday (Friday–Saturday weekend): 9 of 22
        // elapsed (1–4, 7–11 June); 45 calls → 45 / (220 × 9 / 22) = 45 / 90 = 0.5.
        var gulf = WorkingCalendar.Create([], [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday]);
        Act[] calls = [.. Calls(44, T.At(2026, 6, 3), rep: 1), .. Calls(45, T.At(2026, 6, 3), rep: 2)];
        var table = MonthlyCallsPerRep
            .Pace((_, _) => 220m, rep => rep == 1 ? WorkingCalendar.MondayToFriday : gulf)
            .Evaluate(calls, AsOf(Instant.FromUtc(2026, 6, 12, 9, 0)));
        Assert.Equal(0.44m, table[1, T.Month(2026, 6)].ExactValue);
        Assert.Equal(0.5m, table[2, T.Month(2026, 6)].ExactValue);

        // Projected: rep 1 44 × 22 / 10 = 96.8; rep 2 45 × 22 / 9 = 110. Required: rep 1 (220 − 44) / 12 = 176 / 12;
        // rep 2 (220 − 45) / 13 = 175 / 13.
        var projected = MonthlyCallsPerRep.Projected(rep => rep == 1 ? WorkingCalendar.MondayToFriday : gulf).Evaluate(calls, AsOf(Instant.FromUtc(2026, 6, 12, 9, 0)));
        Assert.Equal(96.8m, projected[1, T.Month(2026, 6)].ExactValue);
        Assert.Equal(110m, projected[2, T.Month(2026, 6)].ExactValue);
        var required = MonthlyCallsPerRep.RequiredDailyRate((_, _) => 220m, rep => rep == 1 ? WorkingCalendar.MondayToFriday : gulf).Evaluate(calls, AsOf(Instant.FromUtc(2026, 6, 12, 9, 0)));
        Assert.Equal(12m, required[1, T.Month(2026, 6)].ExactDenominator);
        Assert.Equal(13m, required[2, T.Month(2026, 6)].ExactDenominator);
        Assert.Equal(175m / 13m, required[2, T.Month(2026, 6)].ExactValue);
    }

    [Fact]
    public void A_period_without_working_days_paces_on_calendar_days_and_has_no_required_rate()
    {
        // Saturday 6 June 2026 as a day period: no working day, so the share falls back to calendar days (1 of 1 as of
        // that day): 5 calls against 10 → pace 0.5, projected 5; no working day remains → required rate Undefined.
        var daily = Metric.Count<Act>().PerPeriod(PeriodKind.Day, a => a.At);
        var calls = Calls(5, T.At(2026, 6, 6));
        var options = AsOf(Instant.FromUtc(2026, 6, 6, 20, 0));
        var saturday = T.Day(2026, 6, 6);
        Assert.Equal(0.5m, daily.Pace((_, _) => 10m, WorkingCalendar.MondayToFriday).Evaluate(calls, options)[Ungrouped.All, saturday].ExactValue);
        Assert.Equal(5m, daily.Projected(WorkingCalendar.MondayToFriday).Evaluate(calls, options)[Ungrouped.All, saturday].ExactValue);
        Assert.True(daily.RequiredDailyRate((_, _) => 10m, WorkingCalendar.MondayToFriday).Evaluate(calls, options)[Ungrouped.All, saturday].IsUndefined);
    }

    [Fact]
    public void Projection_of_a_double_sum_is_a_double()
    {
        // 10.5 hours in 8 of 22 working days: 10.5 × 22 / 8 = 28.875.
        var hours = Metric.Sum<Act>(a => a.Seconds / 3600.0).PerPeriod(PeriodKind.Month, a => a.At);
        var cell = hours.Projected(WorkingCalendar.MondayToFriday).Evaluate([new Act(1, T.At(2026, 6, 2), Kind.Call, Seconds: 37_800)], AsOf(June10))[Ungrouped.All, T.Month(2026, 6)];
        Assert.Null(cell.ExactValue);
        Assert.Equal(28.875, cell.Value!.Value, 1e-12);
    }

    [Fact]
    public void A_null_working_calendar_for_a_key_is_a_clear_error()
    {
        var pace = MonthlyCallsPerRep.Pace((_, _) => 10m, _ => null!);
        var ex = Assert.Throws<ArgumentException>(() => pace.Evaluate(Calls(1, T.At(2026, 6, 3), rep: 7), AsOf(June10)));
        Assert.Equal("workingDaysOf", ex.ParamName);
        Assert.Contains("7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Projection_and_required_rate_need_periods_and_an_as_of_instant()
    {
        Assert.Equal("metric", Assert.Throws<ArgumentException>(() => Metric.Count<Act>().Projected()).ParamName);
        Assert.Equal("metric", Assert.Throws<ArgumentException>(() => Metric.Count<Act>().Projected(WorkingCalendar.MondayToFriday)).ParamName);
        Assert.Equal("metric", Assert.Throws<ArgumentException>(() => Metric.Count<Act>().RequiredDailyRate((_, _) => 1m)).ParamName);
        Assert.Equal("metric", Assert.Throws<ArgumentException>(() => Metric.Count<Act>().Pace((_, _) => 1m, WorkingCalendar.MondayToFriday)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => MonthlyCalls.Projected(WorkingCalendar.MondayToFriday).Evaluate(Calls(1, T.At(2026, 6, 3)), T.Utc));
        Assert.Equal("options", ex.ParamName);
    }

    [Property(MaxTest = 60)]
    public void With_every_day_a_working_day_working_day_targets_equal_calendar_day_targets(int seed, ushort asOfOffset, uint goal)
    {
        var facts = T.RandomActs(120, seed);
        var options = AsOf(Instant.FromUtc(2026, 2, 20, 12, 0) + Duration.FromHours(asOfOffset % (24 * 80)));
        decimal target = goal % 500;
        var weekly = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At).FillEmpty();
        Assert.Equal(weekly.Pace((_, _) => target).Evaluate(facts, options).Cells, weekly.Pace((_, _) => target, NoWeekend).Evaluate(facts, options).Cells);
        Assert.Equal(weekly.Projected().Evaluate(facts, options).Cells, weekly.Projected(NoWeekend).Evaluate(facts, options).Cells);
        Assert.Equal(weekly.RequiredDailyRate((_, _) => target).Evaluate(facts, options).Cells, weekly.RequiredDailyRate((_, _) => target, _ => NoWeekend).Evaluate(facts, options).Cells);
    }

    [Property(MaxTest = 60)]
    public void Pace_times_target_is_the_projection_and_the_required_rate_closes_the_gap(int seed, ushort asOfOffset, uint goal)
    {
        var facts = T.RandomActs(150, seed);
        var options = AsOf(Instant.FromUtc(2026, 2, 20, 12, 0) + Duration.FromHours(asOfOffset % (24 * 80)));
        decimal target = 1 + (goal % 300);
        var calendar = WorkingCalendar.Create([new LocalDate(2026, 3, 13), new LocalDate(2026, 4, 6)]);
        var weekly = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        var actual = weekly.Evaluate(facts, options);
        var pace = weekly.Pace((_, _) => target, calendar).Evaluate(facts, options);
        var projected = weekly.Projected(calendar).Evaluate(facts, options);
        var required = weekly.RequiredDailyRate((_, _) => target, calendar).Evaluate(facts, options);
        foreach (var cell in actual)
        {
            var period = cell.Period!.Value;
            var p = pace[cell.Key, period];
            var q = projected[cell.Key, period];
            Assert.Equal(p.IsDefined, q.IsDefined);
            if (p.IsDefined)
            {
                Assert.Equal(q.Value!.Value, p.Value!.Value * (double)target, 1e-9 * Math.Max(1, q.Value!.Value));
            }

            // actual + rate × remaining = max(target, actual) whenever a working day remains.
            var r = required[cell.Key, period];
            int remaining = calendar.RemainingWorkingDays(period, options.AsOfDate!.Value);
            Assert.Equal(remaining > 0, r.IsDefined);
            if (r.IsDefined)
            {
                double a = cell.Value.Value!.Value;
                Assert.Equal(Math.Max((double)target, a), a + (r.Value!.Value * remaining), 1e-9);
                Assert.True(r.Value >= 0);
            }
        }
    }

    [Property(MaxTest = 60)]
    public void A_later_as_of_date_never_raises_the_pace_of_a_fixed_actual(int seed, byte firstOffset, byte extraDays)
    {
        // All facts fall before the first as-of date, so only the elapsed share moves: it never falls as as-of advances.
        var facts = T.RandomActs(80, seed, days: 10);
        var first = Instant.FromUtc(2026, 3, 11, 12, 0) + Duration.FromDays(firstOffset % 40);
        var second = first + Duration.FromDays(extraDays % 40);
        var calendar = WorkingCalendar.Create([new LocalDate(2026, 3, 20)]);
        var monthly = MonthlyCallsPerRep.Pace((_, _) => 100m, calendar);
        var earlier = monthly.Evaluate(facts, AsOf(first));
        var later = monthly.Evaluate(facts, AsOf(second));
        foreach (var cell in earlier)
        {
            var after = later[cell.Key, cell.Period!.Value];
            if (cell.Value.IsDefined)
            {
                Assert.True(after.IsDefined);
                Assert.True(after.ExactValue <= cell.Value.ExactValue);
            }
        }
    }
}
