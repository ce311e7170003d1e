using System;
using NodaTime;
using Xunit;
using static SalesKpi.Tests.Time.GregorianCalendarTests;

namespace SalesKpi.Tests.Time;

public sealed class PeriodArithmeticTests
{
    private static readonly ReportingCalendar Iso = ReportingCalendar.Iso;
    private static readonly ReportingCalendar FebruaryByEndYear = ReportingCalendar.Fiscal(2, FiscalYearNaming.EndYear);
    private static readonly ReportingCalendar Nrf = ReportingCalendar.Retail(
        RetailPattern.FourFiveFour, RetailYearEnd.NearestWeekdayToEndOf(1, IsoDayOfWeek.Saturday), FiscalYearNaming.StartYear);

    [Fact]
    public void Next_and_previous_cross_year_boundaries()
    {
        var q4 = FebruaryByEndYear.GetPeriod(new LocalDate(2026, 12, 1), PeriodKind.Quarter);
        AssertPeriod(FebruaryByEndYear.Next(q4), "FY2028 Q1", new(2027, 2, 1), new(2027, 5, 1));
        AssertPeriod(FebruaryByEndYear.Previous(q4), "FY2027 Q3", new(2026, 8, 1), new(2026, 11, 1));
        AssertPeriod(Iso.Previous(Iso.GetPeriod(new LocalDate(2027, 1, 4), PeriodKind.Week)), "2026-W53", new(2026, 12, 28), new(2027, 1, 4));
    }

    [Fact]
    public void Shift_moves_by_whole_periods()
    {
        var march = Iso.GetPeriod(new LocalDate(2026, 3, 31), PeriodKind.Month);
        Assert.Equal("2027-03", Iso.Shift(march, 12).Label);
        Assert.Equal("2025-12", Iso.Shift(march, -3).Label);
        Assert.Equal(march, Iso.Shift(march, 0));
    }

    [Fact]
    public void Same_day_last_year_from_29_February_is_28_February()
    {
        var leapDay = Iso.GetPeriod(new LocalDate(2024, 2, 29), PeriodKind.Day);
        Assert.Equal(new LocalDate(2023, 2, 28), Iso.SamePeriodLastYear(leapDay).Start);
        Assert.Equal(new LocalDate(2023, 2, 28), FebruaryByEndYear.SamePeriodLastYear(FebruaryByEndYear.GetPeriod(new LocalDate(2024, 2, 29), PeriodKind.Day)).Start);
    }

    [Fact]
    public void Same_period_last_year_maps_fiscal_periods_by_number()
    {
        var q1 = FebruaryByEndYear.GetPeriod(2027, PeriodKind.Quarter, 1);
        AssertPeriod(FebruaryByEndYear.SamePeriodLastYear(q1), "FY2026 Q1", new(2025, 2, 1), new(2025, 5, 1));
        var february = Iso.GetPeriod(new LocalDate(2024, 2, 10), PeriodKind.Month);
        AssertPeriod(Iso.SamePeriodLastYear(february), "2023-02", new(2023, 2, 1), new(2023, 3, 1));
        AssertPeriod(Iso.SamePeriodLastYear(Iso.GetPeriod(new LocalDate(2026, 12, 31), PeriodKind.Day)), "2025-12-31", new(2025, 12, 31), new(2026, 1, 1));
    }

    [Fact]
    public void Same_week_last_year_maps_week_53_to_week_52()
    {
        // ISO 2026 has 53 weeks, 2025 has 52: 2026-W53 → 2025-W52 (Mon 2025-12-22).
        var w53 = Iso.GetPeriod(2026, PeriodKind.Week, 53);
        AssertPeriod(Iso.SamePeriodLastYear(w53), "2025-W52", new(2025, 12, 22), new(2025, 12, 29));
        AssertPeriod(Iso.SamePeriodLastYear(Iso.GetPeriod(2026, PeriodKind.Week, 48)), "2025-W48", new(2025, 11, 24), new(2025, 12, 1));

        // NRF FY2023 W53 (Sun 28 Jan 2024) → FY2022 W52 (Sun 22 Jan 2023; FY2022 = 30 Jan 2022 .. 28 Jan 2023).
        var nrfW53 = Nrf.GetPeriod(new LocalDate(2024, 2, 1), PeriodKind.Week);
        AssertPeriod(Nrf.SamePeriodLastYear(nrfW53), "FY2022 W52", new(2023, 1, 22), new(2023, 1, 29));
    }

    [Fact]
    public void Same_retail_day_last_year_keeps_the_weekday()
    {
        // Fri 24 Nov 2023 is FY2023 W43 day 6 (Sun start); FY2022 W43 starts Sun 20 Nov 2022, so day 6 is Fri 25 Nov 2022.
        var day = Nrf.GetPeriod(new LocalDate(2023, 11, 24), PeriodKind.Day);
        var lastYear = Nrf.SamePeriodLastYear(day);
        Assert.Equal(new LocalDate(2022, 11, 25), lastYear.Start);
        Assert.Equal(IsoDayOfWeek.Friday, lastYear.Start.DayOfWeek);

        // Thu 1 Feb 2024 (FY2023 W53) → Thu of FY2022 W52 = 26 Jan 2023.
        Assert.Equal(new LocalDate(2023, 1, 26), Nrf.SamePeriodLastYear(Nrf.GetPeriod(new LocalDate(2024, 2, 1), PeriodKind.Day)).Start);
    }

    [Fact]
    public void Same_retail_month_of_a_53_week_year_maps_to_a_shorter_month()
    {
        var p12 = Nrf.GetPeriod(new LocalDate(2024, 1, 15), PeriodKind.Month);
        var lastYear = Nrf.SamePeriodLastYear(p12);
        Assert.Equal("FY2022 P12", lastYear.Label);
        Assert.Equal(35, p12.Days);
        Assert.Equal(28, lastYear.Days);
    }

    [Fact]
    public void Period_to_date_runs_from_the_period_start_to_asOf_inclusive()
    {
        var qtd = FebruaryByEndYear.PeriodToDate(new LocalDate(2026, 3, 15), PeriodKind.Quarter);
        AssertPeriod(qtd, "FY2027 Q1 to 2026-03-15", new(2026, 2, 1), new(2026, 3, 16));
        Assert.Equal(PeriodKind.Quarter, qtd.Kind);

        // On the last day the to-date period is the whole period.
        Assert.Equal(FebruaryByEndYear.GetPeriod(2027, PeriodKind.Quarter, 1), FebruaryByEndYear.PeriodToDate(new LocalDate(2026, 4, 30), PeriodKind.Quarter));
    }

    [Fact]
    public void A_partial_period_is_not_a_period_of_the_calendar()
    {
        var qtd = FebruaryByEndYear.PeriodToDate(new LocalDate(2026, 3, 15), PeriodKind.Quarter);
        var error = Assert.Throws<ArgumentException>(() => FebruaryByEndYear.Next(qtd));
        Assert.Equal("period", error.ParamName);
        Assert.Contains("FY2027 Q1 to 2026-03-15", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Iso.SamePeriodLastYear(FebruaryByEndYear.GetPeriod(2027, PeriodKind.Quarter, 1)));
        Assert.Throws<ArgumentException>(() => Iso.Previous(default));
    }

    [Fact]
    public void Previous_month_to_date_from_31_March_is_all_of_February()
    {
        AssertPeriod(Iso.PreviousPeriodToDate(new LocalDate(2026, 3, 31), PeriodKind.Month), "2026-02", new(2026, 2, 1), new(2026, 3, 1));
        AssertPeriod(Iso.PreviousPeriodToDate(new LocalDate(2024, 3, 31), PeriodKind.Month), "2024-02", new(2024, 2, 1), new(2024, 3, 1));

        // 30 March is not a month end: it moves back one month to the missing 30 February, i.e. the 28th.
        AssertPeriod(Iso.PreviousPeriodToDate(new LocalDate(2026, 3, 30), PeriodKind.Month), "2026-02", new(2026, 2, 1), new(2026, 3, 1));

        // 30 April is a month end: all of March, not 1..30 March.
        AssertPeriod(Iso.PreviousPeriodToDate(new LocalDate(2026, 4, 30), PeriodKind.Month), "2026-03", new(2026, 3, 1), new(2026, 4, 1));
        AssertPeriod(Iso.PreviousPeriodToDate(new LocalDate(2026, 4, 15), PeriodKind.Month), "2026-03 to 2026-03-15", new(2026, 3, 1), new(2026, 3, 16));
    }

    [Fact]
    public void Previous_quarter_to_date_from_31_May_stops_at_the_end_of_February()
    {
        // 31 May moves back three calendar months: 31 February does not exist, so the 28th (29th in a leap year).
        AssertPeriod(Iso.PreviousPeriodToDate(new LocalDate(2026, 5, 31), PeriodKind.Quarter), "2026 Q1 to 2026-02-28", new(2026, 1, 1), new(2026, 3, 1));
        AssertPeriod(Iso.PreviousPeriodToDate(new LocalDate(2024, 5, 31), PeriodKind.Quarter), "2024 Q1 to 2024-02-29", new(2024, 1, 1), new(2024, 3, 1));
    }

    [Fact]
    public void Same_period_last_year_to_date_from_29_February()
    {
        // Month-to-date on 29 Feb 2024 is all of February 2024: compare with all of February 2023.
        AssertPeriod(Iso.SamePeriodLastYearToDate(new LocalDate(2024, 2, 29), PeriodKind.Month), "2023-02", new(2023, 2, 1), new(2023, 3, 1));

        // Quarter-to-date on 29 Feb 2024 is not a quarter end: 29 Feb → 28 Feb 2023.
        AssertPeriod(Iso.SamePeriodLastYearToDate(new LocalDate(2024, 2, 29), PeriodKind.Quarter), "2023 Q1 to 2023-02-28", new(2023, 1, 1), new(2023, 3, 1));

        // Month-to-date on 28 Feb 2025 (a month end) compares with all 29 days of February 2024.
        var leapFebruary = Iso.SamePeriodLastYearToDate(new LocalDate(2025, 2, 28), PeriodKind.Month);
        AssertPeriod(leapFebruary, "2024-02", new(2024, 2, 1), new(2024, 3, 1));
        Assert.Equal(29, leapFebruary.Days);
    }

    [Fact]
    public void Same_period_last_year_to_date_from_a_31st()
    {
        // 31 Aug 2025 in a fiscal quarter Aug-Oct: 31 Aug 2024.
        AssertPeriod(FebruaryByEndYear.SamePeriodLastYearToDate(new LocalDate(2025, 8, 31), PeriodKind.Quarter), "FY2025 Q3 to 2024-08-31", new(2024, 8, 1), new(2024, 9, 1));

        // 31 Dec 2026 is the last day of ISO 2026 Q4, H2 and year: the whole 2025 periods.
        AssertPeriod(Iso.SamePeriodLastYearToDate(new LocalDate(2026, 12, 31), PeriodKind.Year), "2025", new(2025, 1, 1), new(2026, 1, 1));

        // Week-to-date on Thu 2026-12-31 (2026-W53 day 4) → 2025-W52 day 4 = Thu 2025-12-25.
        AssertPeriod(Iso.SamePeriodLastYearToDate(new LocalDate(2026, 12, 31), PeriodKind.Week), "2025-W52 to 2025-12-25", new(2025, 12, 22), new(2025, 12, 26));
    }

    [Fact]
    public void Retail_to_date_keeps_the_day_offset()
    {
        // NRF FY2023 P12 (35 days from Sun 31 Dec 2023) on Sat 3 Feb 2024 is its last day: all of FY2022 P12 (Sun 1 Jan .. Sat 28 Jan 2023).
        AssertPeriod(Nrf.SamePeriodLastYearToDate(new LocalDate(2024, 2, 3), PeriodKind.Month), "FY2022 P12", new(2023, 1, 1), new(2023, 1, 29));

        // Thu 1 Feb 2024 is day 33 of that P12; FY2022 P12 has only 28 days, so it is cut at its last day.
        AssertPeriod(Nrf.SamePeriodLastYearToDate(new LocalDate(2024, 2, 1), PeriodKind.Month), "FY2022 P12", new(2023, 1, 1), new(2023, 1, 29));

        // Tue 9 Jan 2024 is day 10 of P12: FY2022 P12 day 10 = Tue 10 Jan 2023.
        AssertPeriod(Nrf.SamePeriodLastYearToDate(new LocalDate(2024, 1, 9), PeriodKind.Month), "FY2022 P12 to 2023-01-10", new(2023, 1, 1), new(2023, 1, 11));
    }

    [Fact]
    public void Periods_lists_every_overlapping_period_in_order()
    {
        var months = FebruaryByEndYear.Periods(PeriodKind.Quarter, new LocalDate(2026, 3, 15), new LocalDate(2026, 8, 1));
        Assert.Equal(["FY2027 Q1", "FY2027 Q2"], [.. System.Linq.Enumerable.Select(months, p => p.Label)]);

        var weeks = Iso.Periods(PeriodKind.Week, new DateInterval(new LocalDate(2026, 12, 27), new LocalDate(2027, 1, 4)));
        Assert.Equal(["2026-W52", "2026-W53", "2027-W01"], [.. System.Linq.Enumerable.Select(weeks, p => p.Label)]);

        Assert.Empty(Iso.Periods(PeriodKind.Day, new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void Periods_rejects_an_end_before_the_start_naming_both_dates()
    {
        var error = Assert.Throws<ArgumentException>(() => Iso.Periods(PeriodKind.Month, new LocalDate(2026, 5, 1), new LocalDate(2026, 4, 30)));
        Assert.Equal("endExclusive", error.ParamName);
        Assert.Contains("2026-04-30", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-05-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_kind_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Iso.GetPeriod(new LocalDate(2026, 1, 1), (PeriodKind)9));
        Assert.Equal("kind", error.ParamName);
        Assert.Contains("9", error.Message, StringComparison.Ordinal);
    }
}
