using System;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Calendars;
using Xunit;

namespace SalesKpi.Tests.Time;

public sealed class GregorianCalendarTests
{
    private static readonly LocalDate BlackFriday = new(2026, 11, 27);

    [Theory]
    [InlineData(PeriodKind.Day, 31)]
    [InlineData(PeriodKind.Week, 27)]
    [InlineData(PeriodKind.Month, 1)]
    [InlineData(PeriodKind.Quarter, 15)]
    [InlineData(PeriodKind.Year, 30)]
    public void A_period_that_would_end_after_the_last_date_is_a_clear_range_error(PeriodKind kind, int day)
    {
        // A period's exclusive end is a date, and 9999-12-31 is the last one: the period of a date in the last
        // period of each kind cannot be placed.
        var date = new LocalDate(9999, 12, day);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingCalendar.Iso.GetPeriod(date, kind));
        Assert.Equal("date", error.ParamName);
        Assert.Equal(date, error.ActualValue);
        Assert.Contains($"9999-12-{day:00}", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingCalendar.Iso.GetPeriodStart(date, kind));
    }

    [Fact]
    public void The_last_periods_that_end_by_the_last_date_are_placed()
    {
        var day = ReportingCalendar.Iso.GetPeriod(new LocalDate(9999, 12, 30), PeriodKind.Day);
        Assert.Equal(new LocalDate(9999, 12, 31), day.End);
        var week = ReportingCalendar.Iso.GetPeriod(new LocalDate(9999, 12, 26), PeriodKind.Week);
        Assert.Equal(new LocalDate(9999, 12, 27), week.End);
        var november = ReportingCalendar.Iso.GetPeriod(9999, PeriodKind.Month, 11);
        Assert.Equal(new LocalDate(9999, 12, 1), november.End);
        var december = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingCalendar.Iso.GetPeriod(9999, PeriodKind.Month, 12));
        Assert.Equal("year", december.ParamName);
        Assert.Equal(9999, december.ActualValue);
    }

    [Fact]
    public void Iso_labels_every_kind_of_a_late_November_date()
    {
        // 2026-11-27 is a Friday. ISO week 1 of 2026 starts Mon 2025-12-29; Mon 2026-11-23 is 329 days = 47 weeks later: W48.
        var iso = ReportingCalendar.Iso;
        AssertPeriod(iso.GetPeriod(BlackFriday, PeriodKind.Day), "2026-11-27", new(2026, 11, 27), new(2026, 11, 28));
        AssertPeriod(iso.GetPeriod(BlackFriday, PeriodKind.Week), "2026-W48", new(2026, 11, 23), new(2026, 11, 30));
        AssertPeriod(iso.GetPeriod(BlackFriday, PeriodKind.Month), "2026-11", new(2026, 11, 1), new(2026, 12, 1));
        AssertPeriod(iso.GetPeriod(BlackFriday, PeriodKind.Quarter), "2026 Q4", new(2026, 10, 1), new(2027, 1, 1));
        AssertPeriod(iso.GetPeriod(BlackFriday, PeriodKind.Half), "2026 H2", new(2026, 7, 1), new(2027, 1, 1));
        AssertPeriod(iso.GetPeriod(BlackFriday, PeriodKind.Year), "2026", new(2026, 1, 1), new(2027, 1, 1));
    }

    [Theory]
    // 1 Jan 2026 is a Thursday, so ISO 2026 has 53 weeks; W53 runs Mon 2026-12-28 to Sun 2027-01-03.
    [InlineData(2026, 12, 31, "2026-W53", 2026, 12, 28)]
    [InlineData(2027, 1, 3, "2026-W53", 2026, 12, 28)]
    [InlineData(2027, 1, 4, "2027-W01", 2027, 1, 4)]
    // 1 Jan 2025 is a Wednesday: the week of Mon 2024-12-30 has four 2025 days and is 2025-W01.
    [InlineData(2024, 12, 30, "2025-W01", 2024, 12, 30)]
    [InlineData(2024, 12, 29, "2024-W52", 2024, 12, 23)]
    public void Iso_weeks_belong_to_their_week_year(int y, int m, int d, string label, int sy, int sm, int sd)
    {
        var week = ReportingCalendar.Iso.GetPeriod(new LocalDate(y, m, d), PeriodKind.Week);
        Assert.Equal(label, week.Label);
        Assert.Equal(new LocalDate(sy, sm, sd), week.Start);
        Assert.Equal(7, week.Days);
    }

    [Fact]
    public void Iso_2026_has_53_weeks_and_2027_has_52()
    {
        Assert.Equal("2026-W53", ReportingCalendar.Iso.GetPeriod(2026, PeriodKind.Week, 53).Label);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingCalendar.Iso.GetPeriod(2027, PeriodKind.Week, 53));
        Assert.Equal("number", error.ParamName);
        Assert.Contains("53", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gregorian_Monday_weeks_equal_the_Iso_calendar()
    {
        var monday = ReportingCalendar.Gregorian(IsoDayOfWeek.Monday);
        for (var d = new LocalDate(2024, 12, 20); d < new LocalDate(2027, 1, 10); d = d.PlusDays(1))
        {
            foreach (var kind in Enum.GetValues<PeriodKind>())
            {
                Assert.Equal(ReportingCalendar.Iso.GetPeriod(d, kind), monday.GetPeriod(d, kind));
            }
        }
    }

    [Fact]
    public void Sunday_start_weeks_run_Sunday_to_Saturday_and_use_the_four_day_rule()
    {
        var sunday = ReportingCalendar.Gregorian(IsoDayOfWeek.Sunday);

        // Week 1 of 2026 must hold 4 days of 2026: Sun 2025-12-28..Sat 2026-01-03 holds only 1-3 Jan, so W01 starts Sun 2026-01-04.
        // Sun 2026-11-22 is 322 days = 46 weeks after it: W47.
        AssertPeriod(sunday.GetPeriod(BlackFriday, PeriodKind.Week), "2026-W47", new(2026, 11, 22), new(2026, 11, 29));
        AssertPeriod(sunday.GetPeriod(new LocalDate(2026, 1, 4), PeriodKind.Week), "2026-W01", new(2026, 1, 4), new(2026, 1, 11));

        // 2025-W01 started Sun 2024-12-29 (it holds 1-4 Jan 2025); Sun 2025-12-28 is 364 days later: 2025-W53.
        AssertPeriod(sunday.GetPeriod(new LocalDate(2026, 1, 3), PeriodKind.Week), "2025-W53", new(2025, 12, 28), new(2026, 1, 4));
    }

    [Fact]
    public void Us_week_numbering_makes_week_1_the_week_of_1_January()
    {
        var us = ReportingCalendar.Gregorian(IsoDayOfWeek.Sunday, minDaysInFirstWeek: 1);

        // W01 = Sun 2025-12-28..Sat 2026-01-03; Sun 2026-11-22 is 329 days = 47 weeks later: W48.
        AssertPeriod(us.GetPeriod(new LocalDate(2025, 12, 28), PeriodKind.Week), "2026-W01", new(2025, 12, 28), new(2026, 1, 4));
        AssertPeriod(us.GetPeriod(BlackFriday, PeriodKind.Week), "2026-W48", new(2026, 11, 22), new(2026, 11, 29));
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)])]
    public bool Iso_matches_NodaTime_week_year_rules_and_calendar_fields(LocalDate date)
    {
        var week = ReportingCalendar.Iso.GetPeriod(date, PeriodKind.Week);
        int weekYear = WeekYearRules.Iso.GetWeekYear(date);
        int weekNumber = WeekYearRules.Iso.GetWeekOfWeekYear(date);
        var quarter = ReportingCalendar.Iso.GetPeriod(date, PeriodKind.Quarter);
        return week.Label == FormattableString.Invariant($"{weekYear:D4}-W{weekNumber:D2}")
            && week.Start == LocalDate.FromWeekYearWeekAndDay(weekYear, weekNumber, IsoDayOfWeek.Monday)
            && quarter.Start == new LocalDate(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1)
            && ReportingCalendar.Iso.GetPeriod(date, PeriodKind.Month).Label == date.ToString("uuuu'-'MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)])]
    public bool Sunday_weeks_match_NodaTime_rules_with_four_minimum_days(LocalDate date)
    {
        var rule = WeekYearRules.ForMinDaysInFirstWeek(4, IsoDayOfWeek.Sunday);
        var week = ReportingCalendar.Gregorian(IsoDayOfWeek.Sunday).GetPeriod(date, PeriodKind.Week);
        int weekYear = rule.GetWeekYear(date);
        int weekNumber = rule.GetWeekOfWeekYear(date);
        return week.Label == FormattableString.Invariant($"{weekYear:D4}-W{weekNumber:D2}")
            && week.Start.DayOfWeek == IsoDayOfWeek.Sunday
            && week.Contains(date);
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)])]
    public bool Us_weeks_match_NodaTime_rules_with_one_minimum_day(LocalDate date)
    {
        var rule = WeekYearRules.ForMinDaysInFirstWeek(1, IsoDayOfWeek.Sunday);
        var week = ReportingCalendar.Gregorian(IsoDayOfWeek.Sunday, 1).GetPeriod(date, PeriodKind.Week);
        return week.Label == FormattableString.Invariant($"{rule.GetWeekYear(date):D4}-W{rule.GetWeekOfWeekYear(date):D2}");
    }

    internal static void AssertPeriod(ReportingPeriod period, string label, LocalDate start, LocalDate end)
    {
        Assert.Equal(label, period.Label);
        Assert.Equal(start, period.Start);
        Assert.Equal(end, period.End);
    }
}
