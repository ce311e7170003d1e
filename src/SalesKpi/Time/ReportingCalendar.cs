using System;
using System.Globalization;
using NodaTime;
using NodaTime.Calendars;

namespace SalesKpi;

/// <summary>
/// Maps a business date to its day, week, month, quarter, half and year period, and enumerates periods.
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public abstract class ReportingCalendar
{
    /// <summary>Gets the plain Gregorian calendar with ISO weeks (Monday start) and years starting in January.</summary>
    public static ReportingCalendar Iso { get; } = new GregorianReportingCalendar();

    /// <summary>Returns the period of <paramref name="kind"/> that contains <paramref name="date"/>.</summary>
    /// <param name="date">The business date.</param>
    /// <param name="kind">The granularity.</param>
    /// <returns>The unique period of that kind containing the date.</returns>
    public abstract ReportingPeriod GetPeriod(LocalDate date, PeriodKind kind);

    private sealed class GregorianReportingCalendar : ReportingCalendar
    {
        public override ReportingPeriod GetPeriod(LocalDate date, PeriodKind kind)
        {
            switch (kind)
            {
                case PeriodKind.Day:
                    return new ReportingPeriod(kind, date, date.PlusDays(1), date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                case PeriodKind.Week:
                    var start = date.PlusDays(-((int)date.DayOfWeek - 1));
                    int weekYear = WeekYearRules.Iso.GetWeekYear(date);
                    int week = WeekYearRules.Iso.GetWeekOfWeekYear(date);
                    return new ReportingPeriod(kind, start, start.PlusDays(7), string.Create(CultureInfo.InvariantCulture, $"{weekYear:D4}-W{week:D2}"));
                case PeriodKind.Month:
                    var m = new LocalDate(date.Year, date.Month, 1);
                    return new ReportingPeriod(kind, m, m.PlusMonths(1), m.ToString("uuuu-MM", CultureInfo.InvariantCulture));
                case PeriodKind.Quarter:
                    int q = ((date.Month - 1) / 3) + 1;
                    var qs = new LocalDate(date.Year, ((q - 1) * 3) + 1, 1);
                    return new ReportingPeriod(kind, qs, qs.PlusMonths(3), string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4} Q{q}"));
                case PeriodKind.Half:
                    int h = date.Month <= 6 ? 1 : 2;
                    var hs = new LocalDate(date.Year, h == 1 ? 1 : 7, 1);
                    return new ReportingPeriod(kind, hs, hs.PlusMonths(6), string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4} H{h}"));
                case PeriodKind.Year:
                    var ys = new LocalDate(date.Year, 1, 1);
                    return new ReportingPeriod(kind, ys, ys.PlusYears(1), date.Year.ToString("D4", CultureInfo.InvariantCulture));
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind.");
            }
        }
    }
}
