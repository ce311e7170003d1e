using System;
using NodaTime;
using Xunit;
using static SalesKpi.Tests.Time.GregorianCalendarTests;

namespace SalesKpi.Tests.Time;

public sealed class FiscalCalendarTests
{
    private static readonly ReportingCalendar FebruaryByEndYear = ReportingCalendar.Fiscal(2, FiscalYearNaming.EndYear);

    [Fact]
    public void February_start_named_by_end_year_puts_February_2026_in_FY2027()
    {
        // FY2027 = 1 Feb 2026 .. 31 Jan 2027; quarters Feb-Apr, May-Jul, Aug-Oct, Nov-Jan.
        var first = new LocalDate(2026, 2, 1);
        AssertPeriod(FebruaryByEndYear.GetPeriod(first, PeriodKind.Year), "FY2027", new(2026, 2, 1), new(2027, 2, 1));
        AssertPeriod(FebruaryByEndYear.GetPeriod(first, PeriodKind.Half), "FY2027 H1", new(2026, 2, 1), new(2026, 8, 1));
        AssertPeriod(FebruaryByEndYear.GetPeriod(first, PeriodKind.Quarter), "FY2027 Q1", new(2026, 2, 1), new(2026, 5, 1));
        AssertPeriod(FebruaryByEndYear.GetPeriod(first, PeriodKind.Month), "FY2027 M01", new(2026, 2, 1), new(2026, 3, 1));
        AssertPeriod(FebruaryByEndYear.GetPeriod(first, PeriodKind.Day), "2026-02-01", new(2026, 2, 1), new(2026, 2, 2));
    }

    [Fact]
    public void The_last_day_of_January_closes_the_fiscal_year()
    {
        var last = new LocalDate(2027, 1, 31);
        AssertPeriod(FebruaryByEndYear.GetPeriod(last, PeriodKind.Quarter), "FY2027 Q4", new(2026, 11, 1), new(2027, 2, 1));
        AssertPeriod(FebruaryByEndYear.GetPeriod(last, PeriodKind.Month), "FY2027 M12", new(2027, 1, 1), new(2027, 2, 1));
        AssertPeriod(FebruaryByEndYear.GetPeriod(last, PeriodKind.Half), "FY2027 H2", new(2026, 8, 1), new(2027, 2, 1));
        Assert.Equal("FY2026 M12", FebruaryByEndYear.GetPeriod(new LocalDate(2026, 1, 31), PeriodKind.Month).Label);
        Assert.Equal("FY2027 Q4", FebruaryByEndYear.GetPeriod(new LocalDate(2026, 11, 27), PeriodKind.Quarter).Label);
    }

    [Fact]
    public void Start_year_naming_names_the_same_year_one_lower()
    {
        var byStart = ReportingCalendar.Fiscal(2, FiscalYearNaming.StartYear);
        Assert.Equal("FY2026", byStart.GetPeriod(new LocalDate(2026, 2, 1), PeriodKind.Year).Label);
        Assert.Equal("FY2025 Q4", byStart.GetPeriod(new LocalDate(2026, 1, 31), PeriodKind.Quarter).Label);
    }

    [Fact]
    public void A_January_start_gives_the_same_name_under_both_namings()
    {
        var date = new LocalDate(2026, 6, 30);
        Assert.Equal("FY2026 H1", ReportingCalendar.Fiscal(1, FiscalYearNaming.EndYear).GetPeriod(date, PeriodKind.Half).Label);
        Assert.Equal("FY2026 H1", ReportingCalendar.Fiscal(1, FiscalYearNaming.StartYear).GetPeriod(date, PeriodKind.Half).Label);
    }

    [Fact]
    public void Fiscal_weeks_belong_to_the_fiscal_year_holding_four_of_their_days()
    {
        // FY2027 starts Sun 2026-02-01. The week Mon 26 Jan..Sun 1 Feb holds one FY2027 day, so it is FY2026's last week;
        // FY2026 W01 started Mon 2025-02-03 (the week of Sat 1 Feb 2025 held only two FY2026 days), 357 days = 51 weeks earlier: W52.
        AssertPeriod(FebruaryByEndYear.GetPeriod(new LocalDate(2026, 2, 1), PeriodKind.Week), "FY2026 W52", new(2026, 1, 26), new(2026, 2, 2));
        AssertPeriod(FebruaryByEndYear.GetPeriod(new LocalDate(2026, 2, 2), PeriodKind.Week), "FY2027 W01", new(2026, 2, 2), new(2026, 2, 9));
        AssertPeriod(FebruaryByEndYear.GetPeriod(2027, PeriodKind.Week, 1), "FY2027 W01", new(2026, 2, 2), new(2026, 2, 9));
    }

    [Fact]
    public void Periods_can_be_looked_up_by_fiscal_year_and_number()
    {
        AssertPeriod(FebruaryByEndYear.GetPeriod(2027, PeriodKind.Quarter, 1), "FY2027 Q1", new(2026, 2, 1), new(2026, 5, 1));
        AssertPeriod(FebruaryByEndYear.GetPeriod(2027, PeriodKind.Month, 12), "FY2027 M12", new(2027, 1, 1), new(2027, 2, 1));
        AssertPeriod(FebruaryByEndYear.GetPeriod(2027, PeriodKind.Year, 1), "FY2027", new(2026, 2, 1), new(2027, 2, 1));
        AssertPeriod(FebruaryByEndYear.GetPeriod(2027, PeriodKind.Day, 365), "2027-01-31", new(2027, 1, 31), new(2027, 2, 1));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FebruaryByEndYear.GetPeriod(2027, PeriodKind.Quarter, 5));
        Assert.Equal("number", error.ParamName);
        Assert.Contains("FY2027", error.Message, StringComparison.Ordinal);
        Assert.Contains("5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_fiscal_start_month_outside_1_to_12_is_rejected_naming_parameter_and_value(int month)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingCalendar.Fiscal(month, FiscalYearNaming.EndYear));
        Assert.Equal("startMonth", error.ParamName);
        Assert.Contains($"not {month.ToString(System.Globalization.CultureInfo.InvariantCulture)}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_naming_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingCalendar.Fiscal(2, default));
        Assert.Equal("naming", error.ParamName);
        Assert.Contains("0", error.Message, StringComparison.Ordinal);
    }
}
