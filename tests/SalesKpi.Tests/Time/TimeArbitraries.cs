using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace SalesKpi.Tests.Time;

/// <summary>A named calendar, so that FsCheck's counterexamples say which calendar failed.</summary>
public sealed record CalendarCase(string Name, ReportingCalendar Calendar, bool IsRetail)
{
    public override string ToString() => Name;
}

/// <summary>FsCheck generators for the Time layer.</summary>
public static class TimeArbitraries
{
    public static readonly LocalDate MinDate = new(1950, 1, 1);
    public static readonly LocalDate MaxDate = new(2150, 12, 31);

    public static readonly CalendarCase[] Calendars =
    [
        new("ISO", ReportingCalendar.Iso, false),
        new("Gregorian Sunday weeks", ReportingCalendar.Gregorian(IsoDayOfWeek.Sunday), false),
        new("Gregorian Sunday weeks, US numbering", ReportingCalendar.Gregorian(IsoDayOfWeek.Sunday, 1), false),
        new("Gregorian Saturday weeks, full first week", ReportingCalendar.Gregorian(IsoDayOfWeek.Saturday, 7), false),
        new("Fiscal February by end year", ReportingCalendar.Fiscal(2, FiscalYearNaming.EndYear), false),
        new("Fiscal July by start year, Sunday weeks", ReportingCalendar.Fiscal(7, FiscalYearNaming.StartYear, IsoDayOfWeek.Sunday), false),
        new("Fiscal January by end year", ReportingCalendar.Fiscal(1, FiscalYearNaming.EndYear), false),
        new("Fiscal December by end year, Wednesday weeks", ReportingCalendar.Fiscal(12, FiscalYearNaming.EndYear, IsoDayOfWeek.Wednesday), false),
        new("Retail 4-5-4 NRF", ReportingCalendar.Retail(RetailPattern.FourFiveFour, RetailYearEnd.NearestWeekdayToEndOf(1, IsoDayOfWeek.Saturday), FiscalYearNaming.StartYear), true),
        new("Retail 4-4-5 Saturday nearest December end", ReportingCalendar.Retail(RetailPattern.FourFourFive, RetailYearEnd.NearestWeekdayToEndOf(12, IsoDayOfWeek.Saturday), FiscalYearNaming.EndYear), true),
        new("Retail 5-4-4 last Saturday of September", ReportingCalendar.Retail(RetailPattern.FiveFourFour, RetailYearEnd.LastWeekdayOf(9, IsoDayOfWeek.Saturday), FiscalYearNaming.EndYear), true),
        new("Retail 4-4-5 last Sunday of February", ReportingCalendar.Retail(RetailPattern.FourFourFive, RetailYearEnd.LastWeekdayOf(2, IsoDayOfWeek.Sunday), FiscalYearNaming.StartYear), true),
    ];

    public static Arbitrary<LocalDate> Dates() =>
        Gen.Choose(EpochDay.FromDate(MinDate), EpochDay.FromDate(MaxDate)).Select(EpochDay.ToDate).ToArbitrary();

    public static Arbitrary<CalendarCase> CalendarCases() => Gen.Elements(Calendars).ToArbitrary();

    public static Arbitrary<PeriodKind> Kinds() => Gen.Elements(Enum.GetValues<PeriodKind>()).ToArbitrary();

    public static Arbitrary<DateTimeZone> Zones() => Gen.Elements(
        new[] { "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia", "America/Sao_Paulo", "Europe/London", "UTC" }
            .Select(id => DateTimeZoneProviders.Tzdb[id])
            .ToArray()).ToArbitrary();

    /// <summary>Instants from 1850 to 2150, so that both the precomputed table and the fallback path are covered.</summary>
    public static Arbitrary<Instant> Instants() =>
        Gen.Choose((int)(-3_786_825_600L / 60), (int)(5_680_281_600L / 60))
            .SelectMany(minute => Gen.Choose(0, 59).Select(second => Instant.FromUnixTimeSeconds(((long)minute * 60) + second)))
            .ToArbitrary();
}
