using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace SalesKpi.Tests.Time;

/// <summary>The invariant date labels of daily periods and messages.</summary>
public sealed class TimeFormatTests
{
    [Theory]
    [InlineData(2026, 3, 9, "2026-03-09")]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    [InlineData(0, 7, 4, "0000-07-04")]
    public void A_date_is_written_as_iso_by_hand(int year, int month, int day, string expected) =>
        Assert.Equal(expected, TimeFormat.Date(new LocalDate(year, month, day)));

    [Property(MaxTest = 500)]
    public void Every_date_is_written_as_the_iso_pattern_writes_it(int dayOffset)
    {
        // Day offsets from 1970 spread over about ±7,900 years (NodaTime's ISO range is −9998 to 9999), negative years included.
        var date = new LocalDate(1970, 1, 1).PlusDays((int)((long)dayOffset * 9_973 % 2_900_000));
        Assert.Equal(LocalDatePattern.Iso.Format(date), TimeFormat.Date(date));
    }

    [Fact]
    public void A_day_period_is_labelled_with_its_date() =>
        Assert.Equal("2026-11-27", ReportingCalendar.Iso.GetPeriod(new LocalDate(2026, 11, 27), PeriodKind.Day).Label);
}
