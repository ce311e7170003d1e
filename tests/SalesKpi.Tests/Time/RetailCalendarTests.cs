using System;
using NodaTime;
using Xunit;
using static SalesKpi.Tests.Time.GregorianCalendarTests;

namespace SalesKpi.Tests.Time;

public sealed class RetailCalendarTests
{
    // NRF: 4-5-4, year ends on the Saturday nearest 31 January, named by start year.
    private static readonly ReportingCalendar Nrf = ReportingCalendar.Retail(
        RetailPattern.FourFiveFour, RetailYearEnd.NearestWeekdayToEndOf(1, IsoDayOfWeek.Saturday), FiscalYearNaming.StartYear);

    // 4-4-5 ending on the Saturday nearest 31 December, named by end year.
    private static readonly ReportingCalendar FourFourFive = ReportingCalendar.Retail(
        RetailPattern.FourFourFive, RetailYearEnd.NearestWeekdayToEndOf(12, IsoDayOfWeek.Saturday), FiscalYearNaming.EndYear);

    // 5-4-4 ending on the last Saturday of September, named by end year.
    private static readonly ReportingCalendar FiveFourFour = ReportingCalendar.Retail(
        RetailPattern.FiveFourFour, RetailYearEnd.LastWeekdayOf(9, IsoDayOfWeek.Saturday), FiscalYearNaming.EndYear);

    [Theory]
    // 31 Jan 2023 is a Tuesday: Sat 28 Jan (3 days before) beats Sat 4 Feb (4 after).
    [InlineData(2023, 2023, 1, 28)]
    // 31 Jan 2024 is a Wednesday: Sat 3 Feb (3 after) beats Sat 27 Jan (4 before).
    [InlineData(2024, 2024, 2, 3)]
    // 31 Dec 2020 is a Thursday: Sat 2 Jan 2021 (2 after).
    [InlineData(2020, 2021, 1, 2)]
    public void Nearest_rule_picks_the_weekday_within_three_days_of_month_end(int anchorYear, int y, int m, int d)
    {
        int month = anchorYear == 2020 ? 12 : 1;
        Assert.Equal(new LocalDate(y, m, d), RetailYearEnd.NearestWeekdayToEndOf(month, IsoDayOfWeek.Saturday).YearEndIn(anchorYear));
    }

    [Fact]
    public void A_retail_period_that_would_end_after_the_last_date_is_a_clear_range_error()
    {
        var date = new LocalDate(9999, 12, 31);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Nrf.GetPeriod(date, PeriodKind.Week));
        Assert.Equal("date", error.ParamName);
        Assert.Equal(date, error.ActualValue);
    }

    [Fact]
    public void Last_weekday_rule_picks_the_last_Saturday_of_September()
    {
        Assert.Equal(new LocalDate(2022, 9, 24), RetailYearEnd.LastWeekdayOf(9, IsoDayOfWeek.Saturday).YearEndIn(2022));
        Assert.Equal(new LocalDate(2023, 9, 30), RetailYearEnd.LastWeekdayOf(9, IsoDayOfWeek.Saturday).YearEndIn(2023));
    }

    [Fact]
    public void Nrf_2023_is_a_53_week_year_with_a_five_week_January()
    {
        // Year ends 28 Jan 2023 and 3 Feb 2024: FY2023 = Sun 29 Jan 2023 .. Sat 3 Feb 2024, 371 days.
        var date = new LocalDate(2023, 6, 15);
        var year = Nrf.GetPeriod(date, PeriodKind.Year);
        AssertPeriod(year, "FY2023", new(2023, 1, 29), new(2024, 2, 4));
        Assert.Equal(371, year.Days);

        // 4-5-4: P01 Feb = 4 weeks, P02 Mar = 5 weeks, P03 Apr = 4 weeks; Q1 = 13 weeks.
        AssertPeriod(Nrf.GetPeriod(new LocalDate(2023, 1, 29), PeriodKind.Month), "FY2023 P01", new(2023, 1, 29), new(2023, 2, 26));
        AssertPeriod(Nrf.GetPeriod(new LocalDate(2023, 3, 1), PeriodKind.Month), "FY2023 P02", new(2023, 2, 26), new(2023, 4, 2));
        AssertPeriod(Nrf.GetPeriod(new LocalDate(2023, 4, 29), PeriodKind.Month), "FY2023 P03", new(2023, 4, 2), new(2023, 4, 30));
        AssertPeriod(Nrf.GetPeriod(new LocalDate(2023, 4, 29), PeriodKind.Quarter), "FY2023 Q1", new(2023, 1, 29), new(2023, 4, 30));

        // P12 starts after 48 weeks (Sun 31 Dec 2023) and takes the 53rd week: 5 weeks instead of 4; Q4 has 14 weeks.
        AssertPeriod(Nrf.GetPeriod(new LocalDate(2024, 2, 3), PeriodKind.Month), "FY2023 P12", new(2023, 12, 31), new(2024, 2, 4));
        AssertPeriod(Nrf.GetPeriod(new LocalDate(2024, 2, 3), PeriodKind.Week), "FY2023 W53", new(2024, 1, 28), new(2024, 2, 4));
        Assert.Equal(98, Nrf.GetPeriod(new LocalDate(2024, 2, 3), PeriodKind.Quarter).Days);
        Assert.Equal(189, Nrf.GetPeriod(new LocalDate(2024, 2, 3), PeriodKind.Half).Days);
        Assert.Equal("FY2024 W01", Nrf.GetPeriod(new LocalDate(2024, 2, 4), PeriodKind.Week).Label);
    }

    [Fact]
    public void A_4_4_5_year_with_53_weeks_has_a_six_week_last_month()
    {
        // Year ends Sat 28 Dec 2019 and Sat 2 Jan 2021: FY2020 = Sun 29 Dec 2019 .. Sat 2 Jan 2021, 371 days.
        var year = FourFourFive.GetPeriod(new LocalDate(2020, 7, 1), PeriodKind.Year);
        AssertPeriod(year, "FY2020", new(2019, 12, 29), new(2021, 1, 3));
        AssertPeriod(FourFourFive.GetPeriod(new LocalDate(2019, 12, 29), PeriodKind.Month), "FY2020 P01", new(2019, 12, 29), new(2020, 1, 26));
        AssertPeriod(FourFourFive.GetPeriod(new LocalDate(2020, 1, 26), PeriodKind.Month), "FY2020 P02", new(2020, 1, 26), new(2020, 2, 23));
        AssertPeriod(FourFourFive.GetPeriod(new LocalDate(2020, 3, 28), PeriodKind.Month), "FY2020 P03", new(2020, 2, 23), new(2020, 3, 29));
        AssertPeriod(FourFourFive.GetPeriod(new LocalDate(2020, 3, 29), PeriodKind.Quarter), "FY2020 Q2", new(2020, 3, 29), new(2020, 6, 28));

        // Q4 starts after 39 weeks (Sun 27 Sep 2020); P12 after 47 weeks (Sun 22 Nov 2020) with 5 + 1 weeks.
        AssertPeriod(FourFourFive.GetPeriod(new LocalDate(2020, 12, 31), PeriodKind.Quarter), "FY2020 Q4", new(2020, 9, 27), new(2021, 1, 3));
        AssertPeriod(FourFourFive.GetPeriod(new LocalDate(2020, 12, 31), PeriodKind.Month), "FY2020 P12", new(2020, 11, 22), new(2021, 1, 3));
        AssertPeriod(FourFourFive.GetPeriod(new LocalDate(2021, 1, 2), PeriodKind.Week), "FY2020 W53", new(2020, 12, 27), new(2021, 1, 3));
        AssertPeriod(FourFourFive.GetPeriod(2020, PeriodKind.Week, 53), "FY2020 W53", new(2020, 12, 27), new(2021, 1, 3));
        Assert.Equal("FY2021 W01", FourFourFive.GetPeriod(new LocalDate(2021, 1, 3), PeriodKind.Week).Label);
        Assert.Throws<ArgumentOutOfRangeException>(() => FourFourFive.GetPeriod(2021, PeriodKind.Week, 53));
    }

    [Fact]
    public void A_5_4_4_year_ending_on_the_last_Saturday_of_September()
    {
        // FY2023 = Sun 25 Sep 2022 .. Sat 30 Sep 2023 (last Saturdays of September 2022 and 2023), 53 weeks.
        AssertPeriod(FiveFourFour.GetPeriod(new LocalDate(2023, 1, 1), PeriodKind.Year), "FY2023", new(2022, 9, 25), new(2023, 10, 1));
        AssertPeriod(FiveFourFour.GetPeriod(new LocalDate(2022, 9, 25), PeriodKind.Month), "FY2023 P01", new(2022, 9, 25), new(2022, 10, 30));
        AssertPeriod(FiveFourFour.GetPeriod(new LocalDate(2022, 10, 30), PeriodKind.Month), "FY2023 P02", new(2022, 10, 30), new(2022, 11, 27));
        AssertPeriod(FiveFourFour.GetPeriod(new LocalDate(2022, 12, 24), PeriodKind.Quarter), "FY2023 Q1", new(2022, 9, 25), new(2022, 12, 25));
        AssertPeriod(FiveFourFour.GetPeriod(new LocalDate(2023, 7, 1), PeriodKind.Month), "FY2023 P10", new(2023, 6, 25), new(2023, 7, 30));
        AssertPeriod(FiveFourFour.GetPeriod(new LocalDate(2023, 9, 30), PeriodKind.Month), "FY2023 P12", new(2023, 8, 27), new(2023, 10, 1));
    }

    [Fact]
    public void Weeks_start_on_the_day_after_the_year_end_weekday()
    {
        foreach (var date in new[] { new LocalDate(2023, 5, 17), new LocalDate(2026, 11, 27) })
        {
            Assert.Equal(IsoDayOfWeek.Sunday, Nrf.GetPeriod(date, PeriodKind.Week).Start.DayOfWeek);
        }

        var fridayEnd = ReportingCalendar.Retail(RetailPattern.FourFourFive, RetailYearEnd.LastWeekdayOf(6, IsoDayOfWeek.Friday), FiscalYearNaming.EndYear);
        Assert.Equal(IsoDayOfWeek.Saturday, fridayEnd.GetPeriod(new LocalDate(2026, 11, 27), PeriodKind.Week).Start.DayOfWeek);
    }

    [Fact]
    public void Naming_follows_the_anchor_month_not_the_drifting_end_date()
    {
        // The NRF year ending Sat 3 Feb 2024 is anchored to January 2024: FY2024 by end year, FY2023 by start year.
        var byEnd = ReportingCalendar.Retail(RetailPattern.FourFiveFour, RetailYearEnd.NearestWeekdayToEndOf(1, IsoDayOfWeek.Saturday), FiscalYearNaming.EndYear);
        Assert.Equal("FY2024", byEnd.GetPeriod(new LocalDate(2024, 2, 3), PeriodKind.Year).Label);
        Assert.Equal("FY2023", Nrf.GetPeriod(new LocalDate(2024, 2, 3), PeriodKind.Year).Label);

        // The 4-4-5 year ending Sat 2 Jan 2021 is anchored to December 2020: FY2020 under either naming.
        var byStart = ReportingCalendar.Retail(RetailPattern.FourFourFive, RetailYearEnd.NearestWeekdayToEndOf(12, IsoDayOfWeek.Saturday), FiscalYearNaming.StartYear);
        Assert.Equal("FY2020", byStart.GetPeriod(new LocalDate(2021, 1, 2), PeriodKind.Year).Label);
        Assert.Equal("FY2020", byStart.GetPeriod(2020, PeriodKind.Year, 1).Label);
        Assert.Equal("FY2023", Nrf.GetPeriod(2023, PeriodKind.Year, 1).Label);
    }

    [Fact]
    public void Bad_retail_arguments_are_rejected_naming_parameter_and_value()
    {
        var month = Assert.Throws<ArgumentOutOfRangeException>(() => RetailYearEnd.LastWeekdayOf(13, IsoDayOfWeek.Saturday));
        Assert.Equal("month", month.ParamName);
        Assert.Contains("13", month.Message, StringComparison.Ordinal);

        var weekday = Assert.Throws<ArgumentOutOfRangeException>(() => RetailYearEnd.NearestWeekdayToEndOf(1, IsoDayOfWeek.None));
        Assert.Equal("weekday", weekday.ParamName);

        var yearEnd = Assert.Throws<ArgumentException>(() => ReportingCalendar.Retail(RetailPattern.FourFourFive, default, FiscalYearNaming.EndYear));
        Assert.Equal("yearEnd", yearEnd.ParamName);

        var pattern = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingCalendar.Retail((RetailPattern)7, RetailYearEnd.LastWeekdayOf(1, IsoDayOfWeek.Saturday), FiscalYearNaming.EndYear));
        Assert.Equal("pattern", pattern.ParamName);
        Assert.Contains("7", pattern.Message, StringComparison.Ordinal);
    }
}
