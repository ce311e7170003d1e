using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SalesKpi;

/// <summary>Culture-invariant formatting of dates for labels and error messages.</summary>
internal static class TimeFormat
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    internal static string Date(LocalDate date) => IsoDate.Format(date);

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Two(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    internal static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);
}
