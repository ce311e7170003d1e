using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Time;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Us = WorkingCalendar.Create(
    [
        new(2026, 11, 11), new(2026, 11, 26), new(2026, 12, 25), new(2027, 1, 1), new(2027, 1, 18),
        new(2026, 7, 4), // a Saturday: listed, but it removes no working day
    ]);

    [Fact]
    public void Thanksgiving_week_has_four_working_days()
    {
        // Mon 23 .. Sun 29 Nov 2026: Mon, Tue, Wed, (Thu 26 holiday), Fri.
        Assert.Equal(4, Us.WorkingDaysBetween(new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 30)));
    }

    [Fact]
    public void December_2026_has_22_working_days_with_Christmas()
    {
        // Tue 1 Dec: weekdays 1-4, 7-11, 14-18, 21-25, 28-31 = 4 + 5 + 5 + 5 + 4 = 23, less Fri 25 Dec.
        var december = ReportingCalendar.Iso.GetPeriod(new LocalDate(2026, 12, 1), PeriodKind.Month);
        Assert.Equal(22, Us.WorkingDaysIn(december));
        Assert.Equal(23, WorkingCalendar.MondayToFriday.WorkingDaysIn(december));
    }

    [Fact]
    public void A_holiday_on_a_weekend_day_changes_no_count()
    {
        var july = ReportingCalendar.Iso.GetPeriod(new LocalDate(2026, 7, 1), PeriodKind.Month);
        Assert.Equal(WorkingCalendar.MondayToFriday.WorkingDaysIn(july), Us.WorkingDaysIn(july));
        Assert.True(Us.IsHoliday(new LocalDate(2026, 7, 4)));
        Assert.False(Us.IsWorkingDay(new LocalDate(2026, 7, 4)));
    }

    [Fact]
    public void Working_day_predicates()
    {
        Assert.True(Us.IsWorkingDay(new LocalDate(2026, 11, 27)));
        Assert.False(Us.IsWorkingDay(new LocalDate(2026, 11, 26)));
        Assert.False(Us.IsWorkingDay(new LocalDate(2026, 11, 28)));
        Assert.True(Us.IsWeekend(new LocalDate(2026, 11, 29)));
        Assert.False(Us.IsWeekend(new LocalDate(2026, 11, 26)));
    }

    [Fact]
    public void Next_and_previous_working_day_skip_weekends_and_holidays()
    {
        Assert.Equal(new LocalDate(2026, 11, 30), Us.NextWorkingDay(new LocalDate(2026, 11, 27)));   // Fri → Mon
        Assert.Equal(new LocalDate(2026, 11, 27), Us.NextWorkingDay(new LocalDate(2026, 11, 25)));   // Wed → Fri over Thanksgiving
        Assert.Equal(new LocalDate(2026, 12, 24), Us.PreviousWorkingDay(new LocalDate(2026, 12, 28))); // Mon → Thu over Christmas
        Assert.Equal(new LocalDate(2027, 1, 4), Us.NextWorkingDay(new LocalDate(2026, 12, 31)));     // Thu → Mon over New Year
    }

    [Fact]
    public void A_Friday_Saturday_weekend_gives_Sunday_to_Thursday_weeks()
    {
        var gulf = WorkingCalendar.Create([], [IsoDayOfWeek.Saturday, IsoDayOfWeek.Friday]);
        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], gulf.WeekendDays);
        Assert.True(gulf.IsWorkingDay(new LocalDate(2026, 11, 29)));   // Sunday
        Assert.False(gulf.IsWorkingDay(new LocalDate(2026, 11, 27)));  // Friday
        Assert.Equal(new LocalDate(2026, 11, 29), gulf.NextWorkingDay(new LocalDate(2026, 11, 26)));
        Assert.Equal(10, gulf.WorkingDaysBetween(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 15)));
    }

    [Fact]
    public void Elapsed_and_remaining_working_days_count_asOf_as_elapsed()
    {
        // FY2027 Q4 (Nov 2026 .. Jan 2027) with the holidays above: Nov 19, Dec 22, Jan 19 → 60 working days.
        // Through Fri 27 Nov: 2-6 (5), 9-13 less 11th (4), 16-20 (5), 23-27 less 26th (4) = 18; 42 remain.
        var q4 = ReportingCalendar.Fiscal(2, FiscalYearNaming.EndYear).GetPeriod(new LocalDate(2026, 11, 27), PeriodKind.Quarter);
        var asOf = new LocalDate(2026, 11, 27);
        Assert.Equal(60, Us.WorkingDaysIn(q4));
        Assert.Equal(18, Us.ElapsedWorkingDays(q4, asOf));
        Assert.Equal(42, Us.RemainingWorkingDays(q4, asOf));
        Assert.Equal(18.0 / 60, Us.ElapsedShare(q4, asOf), 12);
        Assert.Equal(42.0 / 60, Us.RemainingShare(q4, asOf), 12);

        Assert.Equal(0, Us.ElapsedWorkingDays(q4, new LocalDate(2026, 10, 31)));
        Assert.Equal(60, Us.RemainingWorkingDays(q4, new LocalDate(2026, 10, 31)));
        Assert.Equal(60, Us.ElapsedWorkingDays(q4, new LocalDate(2027, 3, 1)));
        Assert.Equal(0, Us.RemainingWorkingDays(q4, new LocalDate(2027, 1, 31)));
    }

    [Fact]
    public void A_period_without_working_days_falls_back_to_calendar_days()
    {
        var saturday = ReportingCalendar.Iso.GetPeriod(new LocalDate(2026, 11, 28), PeriodKind.Day);
        Assert.Equal(0, Us.WorkingDaysIn(saturday));
        Assert.Equal(1.0, Us.ElapsedShare(saturday, saturday.Start));
        Assert.Equal(0.0, Us.ElapsedShare(saturday, saturday.Start.PlusDays(-1)));
        Assert.Equal(50m, Us.Prorate(50m, saturday, saturday.Start));
    }

    [Fact]
    public void Prorate_gives_a_mid_period_joiner_the_share_of_working_days()
    {
        // June 2026 (no holidays): Mon 1 Jun, 22 weekdays. Joining Mon 15 Jun: 15-19, 22-26, 29-30 = 12 → 22,000 × 12 / 22.
        var june = ReportingCalendar.Iso.GetPeriod(new LocalDate(2026, 6, 1), PeriodKind.Month);
        var calendar = WorkingCalendar.MondayToFriday;
        Assert.Equal(12_000m, calendar.Prorate(22_000m, june, new LocalDate(2026, 6, 15)));

        // Leaving on Thu 11 Jun (exclusive): 1-5, 8-10 = 8 days → 8,000.
        Assert.Equal(8_000m, calendar.Prorate(22_000m, june, new LocalDate(2025, 1, 1), new LocalDate(2026, 6, 11)));

        // Active all period, before it, after it.
        Assert.Equal(22_000m, calendar.Prorate(22_000m, june, new LocalDate(2020, 1, 1)));
        Assert.Equal(0m, calendar.Prorate(22_000m, june, new LocalDate(2026, 7, 1)));
        Assert.Equal(0m, calendar.Prorate(22_000m, june, new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 1)));

        // Exact decimal: 1,000 × 1 / 3 working days.
        var wedToFri = new ReportingPeriod(PeriodKind.Week, new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 6), "three days");
        Assert.Equal(1000m / 3m, calendar.Prorate(1000m, wedToFri, new LocalDate(2026, 6, 5)));
    }

    [Fact]
    public void Duplicate_holidays_are_rejected_naming_the_date()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkingCalendar.Create([new(2026, 12, 25), new(2026, 1, 1), new(2026, 12, 25)]));
        Assert.Equal("holidays", error.ParamName);
        Assert.Contains("2026-12-25", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_weekends_are_rejected()
    {
        var duplicate = Assert.Throws<ArgumentException>(() => WorkingCalendar.Create([], [IsoDayOfWeek.Sunday, IsoDayOfWeek.Sunday]));
        Assert.Equal("weekendDays", duplicate.ParamName);
        Assert.Contains("Sunday", duplicate.Message, StringComparison.Ordinal);

        var none = Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.Create([], [IsoDayOfWeek.None]));
        Assert.Equal("weekendDays", none.ParamName);

        Assert.Throws<ArgumentException>(() => WorkingCalendar.Create([], Enum.GetValues<IsoDayOfWeek>().Skip(1)));
        Assert.Throws<ArgumentNullException>(() => WorkingCalendar.Create(null!));
    }

    [Fact]
    public void An_end_before_the_start_is_rejected_naming_both_dates()
    {
        var error = Assert.Throws<ArgumentException>(() => Us.WorkingDaysBetween(new LocalDate(2026, 12, 2), new LocalDate(2026, 12, 1)));
        Assert.Equal("endExclusive", error.ParamName);
        Assert.Contains("2026-12-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-12-02", error.Message, StringComparison.Ordinal);

        var june = ReportingCalendar.Iso.GetPeriod(new LocalDate(2026, 6, 1), PeriodKind.Month);
        var prorate = Assert.Throws<ArgumentException>(() => Us.Prorate(1m, june, new LocalDate(2026, 6, 10), new LocalDate(2026, 6, 9)));
        Assert.Equal("activeEnd", prorate.ParamName);
        Assert.Contains("2026-06-09", prorate.Message, StringComparison.Ordinal);
    }

    public static Arbitrary<WorkingCalendar> Calendars() =>
        Gen.Choose(0, 120).ArrayOf()
            .Zip(Gen.SubListOf(Enum.GetValues<IsoDayOfWeek>().Skip(1).ToArray()).Where(w => w.Count < 7))
            .Select(t => WorkingCalendar.Create(
                t.Item1.Distinct().Select(i => new LocalDate(2026, 1, 1).PlusDays(i * 3)),
                t.Item2))
            .ToArbitrary();

    public static Arbitrary<LocalDate> NearDates() =>
        Gen.Choose(-200, 600).Select(i => new LocalDate(2026, 1, 1).PlusDays(i)).ToArbitrary();

    [Property(Arbitrary = [typeof(WorkingCalendarTests)])]
    public bool Working_days_are_additive_over_adjacent_ranges(WorkingCalendar calendar, LocalDate x, LocalDate y, LocalDate z)
    {
        var sorted = new[] { x, y, z }.Order().ToArray();
        var (a, b, c) = (sorted[0], sorted[1], sorted[2]);
        return calendar.WorkingDaysBetween(a, c) == calendar.WorkingDaysBetween(a, b) + calendar.WorkingDaysBetween(b, c);
    }

    [Property(Arbitrary = [typeof(WorkingCalendarTests)])]
    public bool Working_days_between_equals_a_day_by_day_count(WorkingCalendar calendar, LocalDate x, LocalDate y)
    {
        var (a, b) = x <= y ? (x, y) : (y, x);
        int expected = 0;
        for (var d = a; d < b; d = d.PlusDays(1))
        {
            bool weekend = calendar.WeekendDays.Contains(d.DayOfWeek);
            bool holiday = calendar.Holidays.Contains(d);
            expected += weekend || holiday ? 0 : 1;
        }

        return calendar.WorkingDaysBetween(a, b) == expected;
    }

    [Property(Arbitrary = [typeof(WorkingCalendarTests)])]
    public bool Next_and_previous_working_day_skip_only_non_working_days(WorkingCalendar calendar, LocalDate date)
    {
        var next = calendar.NextWorkingDay(date);
        var previous = calendar.PreviousWorkingDay(date);
        return next > date && calendar.IsWorkingDay(next) && calendar.WorkingDaysBetween(date.PlusDays(1), next) == 0
            && previous < date && calendar.IsWorkingDay(previous) && calendar.WorkingDaysBetween(previous.PlusDays(1), date) == 0;
    }

    [Property(Arbitrary = [typeof(WorkingCalendarTests)])]
    public bool Elapsed_plus_remaining_is_the_period_and_prorations_of_a_split_add_up(WorkingCalendar calendar, LocalDate date, LocalDate split)
    {
        var month = ReportingCalendar.Iso.GetPeriod(date, PeriodKind.Month);
        bool counts = calendar.ElapsedWorkingDays(month, split) + calendar.RemainingWorkingDays(month, split) == calendar.WorkingDaysIn(month);
        decimal before = calendar.Prorate(9_000m, month, new LocalDate(1990, 1, 1), split);
        decimal after = calendar.Prorate(9_000m, month, split);
        return counts && Math.Abs(before + after - 9_000m) < 0.000_000_1m;
    }
}
