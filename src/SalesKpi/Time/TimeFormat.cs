using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SalesKpi;

/// <summary>Culture-invariant formatting of dates for labels and error messages.</summary>
internal static class TimeFormat
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>Formats a date as ISO <c>uuuu-MM-dd</c>, as <see cref="LocalDatePattern.Iso"/> does.</summary>
    /// <remarks>Years 0–9999 are written digit by digit (a daily metric labels every day it evaluates); others go through the pattern.</remarks>
    internal static string Date(LocalDate date)
    {
        int year = date.Year;
        if (year is < 0 or > 9999)
        {
            return IsoDate.Format(date);
        }

        return string.Create(10, (year, date.Month, date.Day), static (span, d) =>
        {
            span[0] = (char)('0' + (d.year / 1000));
            span[1] = (char)('0' + (d.year / 100 % 10));
            span[2] = (char)('0' + (d.year / 10 % 10));
            span[3] = (char)('0' + (d.year % 10));
            span[4] = '-';
            span[5] = (char)('0' + (d.Item2 / 10));
            span[6] = (char)('0' + (d.Item2 % 10));
            span[7] = '-';
            span[8] = (char)('0' + (d.Item3 / 10));
            span[9] = (char)('0' + (d.Item3 % 10));
        });
    }

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Two(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    internal static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
}
