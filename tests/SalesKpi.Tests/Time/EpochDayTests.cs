using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Time;

public sealed class EpochDayTests
{
    [Fact]
    public void Anchor_values()
    {
        // 1970-01-01 is day 0, a Thursday; 2026-01-01 is 56 years later: 56 × 365 + 14 leap days (1972 … 2024) = 20454.
        Assert.Equal(0, EpochDay.FromDate(new LocalDate(1970, 1, 1)));
        Assert.Equal(-1, EpochDay.FromDate(new LocalDate(1969, 12, 31)));
        Assert.Equal(20454, EpochDay.FromDate(new LocalDate(2026, 1, 1)));
        Assert.Equal(new LocalDate(2024, 2, 29), EpochDay.ToDate(EpochDay.FromDate(new LocalDate(2024, 2, 29))));
        Assert.Equal(IsoDayOfWeek.Thursday, EpochDay.DayOfWeek(0));
        Assert.Equal(IsoDayOfWeek.Wednesday, EpochDay.DayOfWeek(-1));
        Assert.Equal(LocalDate.MinIsoValue, EpochDay.ToDate(EpochDay.MinValue));
        Assert.Equal(LocalDate.MaxIsoValue, EpochDay.ToDate(EpochDay.MaxValue));
    }

    [Fact]
    public void Non_iso_dates_are_converted_first()
    {
        var julian = new LocalDate(2026, 1, 1, CalendarSystem.Julian);
        Assert.Equal(EpochDay.FromDate(julian.WithCalendar(CalendarSystem.Iso)), EpochDay.FromDate(julian));
    }

    [Fact]
    public void Out_of_range_epoch_days_are_rejected_with_the_value()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EpochDay.ToDate(int.MaxValue));
        Assert.Equal("epochDay", error.ParamName);
        Assert.Contains("2147483647", error.Message, StringComparison.Ordinal);
    }

    public static Arbitrary<int> AnyEpochDay() => Gen.Choose(EpochDay.MinValue, EpochDay.MaxValue).ToArbitrary();

    [Property(Arbitrary = [typeof(EpochDayTests)], MaxTest = 1000)]
    public bool Round_trips_and_agrees_with_NodaTime(int epochDay)
    {
        var date = EpochDay.ToDate(epochDay);
        var epoch = new LocalDate(1970, 1, 1);
        return EpochDay.FromDate(date) == epochDay
            && Period.DaysBetween(epoch, date) == epochDay
            && EpochDay.DayOfWeek(epochDay) == date.DayOfWeek;
    }

    [Property(Arbitrary = [typeof(EpochDayTests)], MaxTest = 1000)]
    public bool Arithmetic_and_NodaTime_paths_agree_over_the_whole_iso_range(int epochDay)
    {
        var date = EpochDay.ToDate(epochDay);
        return EpochDay.ToDateByArithmetic(epochDay) == date
            && EpochDay.FromYearMonthDay(date.Year, date.Month, date.Day) == epochDay;
    }

    [Fact]
    public void Dates_before_year_1_use_the_arithmetic_path()
    {
        // Year 0 (1 BC) is a leap year in the proleptic ISO calendar: 0000-03-01 is 60 days after 0000-01-01.
        var newYear = new LocalDate(0, 1, 1);
        Assert.Equal(60, EpochDay.FromDate(new LocalDate(0, 3, 1)) - EpochDay.FromDate(newYear));
        Assert.Equal(Period.DaysBetween(new LocalDate(1970, 1, 1), newYear), EpochDay.FromDate(newYear));
    }
}
