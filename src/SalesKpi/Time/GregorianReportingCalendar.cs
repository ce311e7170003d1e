using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// Calendar months grouped into years starting on the first of <c>startMonth</c> (January for the Gregorian
/// calendar), with whole weeks numbered within a week-year.
/// </summary>
/// <remarks>
/// Years are keyed internally by the calendar year in which they start. A week starting on <c>s</c> belongs to
/// the year containing <c>s + (7 - minDaysInFirstWeek)</c>; week 1 of year <c>k</c> starts on the week start on or
/// before <c>YearStart(k) + (minDaysInFirstWeek - 1)</c>. With a January start, Monday weeks and four days this is
/// ISO 8601.
/// </remarks>
internal sealed class GregorianReportingCalendar : YearKeyedCalendar
{
    private readonly int startMonth;
    private readonly FiscalYearNaming naming;
    private readonly IsoDayOfWeek weekStart;
    private readonly int minDaysInFirstWeek;
    private readonly bool fiscalLabels;

    internal GregorianReportingCalendar(int startMonth, FiscalYearNaming naming, IsoDayOfWeek weekStart, int minDaysInFirstWeek, bool fiscalLabels)
    {
        this.startMonth = startMonth;
        this.naming = naming;
        this.weekStart = weekStart;
        this.minDaysInFirstWeek = minDaysInFirstWeek;
        this.fiscalLabels = fiscalLabels;
    }

    public override ReportingPeriod SamePeriodLastYear(ReportingPeriod period)
    {
        EnsureOwnPeriod(period, nameof(period));
        if (period.Kind == PeriodKind.Day)
        {
            return GetPeriod(period.Start.PlusYears(-1), PeriodKind.Day);
        }

        return SameNumberLastYear(period);
    }

    public override string ToString() => fiscalLabels
        ? string.Create(CultureInfo.InvariantCulture, $"Fiscal calendar: years start in month {startMonth}, named by {(naming == FiscalYearNaming.EndYear ? "end" : "start")} year, weeks start on {weekStart}")
        : string.Create(CultureInfo.InvariantCulture, $"Gregorian calendar: weeks start on {weekStart}, week 1 has at least {minDaysInFirstWeek} days in the new year");

    internal override LocalDate MapAsOfWithin(LocalDate asOf, ReportingPeriod from, ReportingPeriod to)
    {
        if (from.Kind is PeriodKind.Day or PeriodKind.Week)
        {
            return base.MapAsOfWithin(asOf, from, to);
        }

        int months = ((to.Start.Year - from.Start.Year) * 12) + (to.Start.Month - from.Start.Month);
        return asOf.PlusMonths(months);
    }

    private int YearKeyOf(LocalDate date) => date.Month >= startMonth ? date.Year : date.Year - 1;

    private LocalDate YearStart(int key) => new(key, startMonth, 1);

    private LocalDate WeekStartOf(LocalDate date) => date.PlusDays(-((((int)date.DayOfWeek - (int)weekStart) + 7) % 7));

    private LocalDate Week1Start(int key) => WeekStartOf(YearStart(key).PlusDays(minDaysInFirstWeek - 1));

    private protected override int KeyOfYear(int year) => naming == FiscalYearNaming.EndYear && startMonth != 1 ? year - 1 : year;

    private protected override int Count(PeriodKind kind, int key) => kind switch
    {
        PeriodKind.Year => 1,
        PeriodKind.Half => 2,
        PeriodKind.Quarter => 4,
        PeriodKind.Month => 12,
        PeriodKind.Week => Period.DaysBetween(Week1Start(key), Week1Start(key + 1)) / 7,
        _ => Period.DaysBetween(YearStart(key), YearStart(key + 1)),
    };

    private protected override LocalDate StartOf(PeriodKind kind, int key, int index) => kind switch
    {
        PeriodKind.Year => YearStart(key),
        PeriodKind.Half => YearStart(key).PlusMonths(6 * index),
        PeriodKind.Quarter => YearStart(key).PlusMonths(3 * index),
        PeriodKind.Month => YearStart(key).PlusMonths(index),
        PeriodKind.Week => Week1Start(key).PlusDays(7 * index),
        _ => YearStart(key).PlusDays(index),
    };

    private protected override void Locate(LocalDate date, PeriodKind kind, out int key, out int index, out LocalDate start, out LocalDate end)
    {
        try
        {
            LocateCore(date, kind, out key, out index, out start, out end);
        }
        catch (OverflowException)
        {
            throw PastLastDate(date, kind);
        }
    }

    private void LocateCore(LocalDate date, PeriodKind kind, out int key, out int index, out LocalDate start, out LocalDate end)
    {
        if (kind == PeriodKind.Week)
        {
            start = WeekStartOf(date);
            end = start.PlusDays(7);
            key = YearKeyOf(start.PlusDays(7 - minDaysInFirstWeek));
            index = Period.DaysBetween(Week1Start(key), start) / 7;
            return;
        }

        key = YearKeyOf(date);
        if (kind == PeriodKind.Day)
        {
            start = date;
            end = date.PlusDays(1);
            index = Period.DaysBetween(YearStart(key), date);
            return;
        }

        int monthIndex = (date.Month - startMonth + 12) % 12;
        int months = kind switch
        {
            PeriodKind.Month => 1,
            PeriodKind.Quarter => 3,
            PeriodKind.Half => 6,
            _ => 12,
        };
        index = monthIndex / months;
        start = YearStart(key).PlusMonths(index * months);
        end = start.PlusMonths(months);
    }

    private protected override string YearLabel(int key)
    {
        int name = naming == FiscalYearNaming.EndYear && startMonth != 1 ? key + 1 : key;
        return fiscalLabels ? "FY" + TimeFormat.Year(name) : TimeFormat.Year(name);
    }

    private protected override string Label(PeriodKind kind, int key, int index, LocalDate start) => kind switch
    {
        PeriodKind.Day => TimeFormat.Date(start),
        PeriodKind.Week => fiscalLabels ? $"{YearLabel(key)} W{TimeFormat.Two(index + 1)}" : $"{YearLabel(key)}-W{TimeFormat.Two(index + 1)}",
        PeriodKind.Month => fiscalLabels ? $"{YearLabel(key)} M{TimeFormat.Two(index + 1)}" : $"{TimeFormat.Year(start.Year)}-{TimeFormat.Two(start.Month)}",
        PeriodKind.Quarter => $"{YearLabel(key)} Q{TimeFormat.Int(index + 1)}",
        PeriodKind.Half => $"{YearLabel(key)} H{TimeFormat.Int(index + 1)}",
        _ => YearLabel(key),
    };
}
