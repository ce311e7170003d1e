using System;
using NodaTime;
using SalesKpi.Forecasting;
using Xunit;
using static SalesKpi.Tests.Forecasting.Pipeline.PipelineTestDeals;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class QuotaPaceTests
{
    private static readonly WorkingCalendar Weekdays = WorkingCalendar.MondayToFriday;

    [Fact]
    public void Projects_the_run_rate_and_the_rate_still_required()
    {
        // March 2026 has 22 weekdays; up to and including Friday 13 March, 10 have elapsed, 12 remain.
        var pace = QuotaPace.Of(actual: 50_000m, quota: 132_000m, March, new LocalDate(2026, 3, 13), Weekdays);

        Assert.Equal(22, pace.PeriodDays);
        Assert.Equal(10, pace.ElapsedDays);
        Assert.Equal(12, pace.RemainingDays);
        Assert.True(pace.CountsWorkingDays);
        Assert.Equal(110_000m, pace.Projected); // 50000 × 22 ÷ 10
        Assert.Equal(110_000m / 132_000m, pace.Pace); // 50000 ÷ (132000 × 10/22)
        Assert.Equal(6_833.3333333333333333333333333m, pace.RequiredDailyRate); // 82000 ÷ 12
        Assert.Equal(
            "50000 of 132000 after 10 of 22 days: projected 110000, pace 0.8333333333333333333333333333, 6833.3333333333333333333333333 a day",
            pace.ToString());
    }

    [Fact]
    public void Is_undefined_before_the_first_working_day()
    {
        // Sunday 1 March: no working day elapsed.
        var pace = QuotaPace.Of(1_000m, 22_000m, March, new LocalDate(2026, 3, 1), Weekdays);

        Assert.Equal(0, pace.ElapsedDays);
        Assert.Null(pace.Projected);
        Assert.Null(pace.Pace);
        Assert.Equal(21_000m / 22, pace.RequiredDailyRate);
    }

    [Fact]
    public void Requires_nothing_once_met_and_is_undefined_when_missed_at_the_end()
    {
        var lastDay = new LocalDate(2026, 3, 31);

        Assert.Equal(0m, QuotaPace.Of(150m, 100m, March, new LocalDate(2026, 3, 5), Weekdays).RequiredDailyRate);
        Assert.Null(QuotaPace.Of(90m, 100m, March, lastDay, Weekdays).RequiredDailyRate);
        Assert.Equal(0.9m, QuotaPace.Of(90m, 100m, March, lastDay, Weekdays).Pace);
        Assert.Null(QuotaPace.Of(90m, 0m, March, lastDay, Weekdays).Pace);
    }

    [Fact]
    public void A_period_without_working_days_counts_calendar_days()
    {
        var weekend = new ReportingPeriod(PeriodKind.Day, new LocalDate(2026, 3, 7), new LocalDate(2026, 3, 9), "weekend");

        var pace = QuotaPace.Of(10m, 40m, weekend, new LocalDate(2026, 3, 7), Weekdays);

        Assert.False(pace.CountsWorkingDays);
        Assert.Equal(2, pace.PeriodDays);
        Assert.Equal(20m, pace.Projected);
        Assert.Equal(30m, pace.RequiredDailyRate);
    }

    [Fact]
    public void Rejects_bad_input_naming_the_parameter()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => QuotaPace.Of(1m, -1m, March, AsOf.InUtc().Date, Weekdays));
        Assert.Equal("quota", negative.ParamName);
        Assert.Contains("must not be negative", negative.Message, StringComparison.Ordinal);
        Assert.Equal(-1m, negative.ActualValue);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => QuotaPace.Of(1m, 1m, March, AsOf.InUtc().Date, null!)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentException>(() => QuotaPace.Of(1m, 1m, default, AsOf.InUtc().Date, Weekdays)).ParamName);
    }
}
