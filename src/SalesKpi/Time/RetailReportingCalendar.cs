using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>A 4-4-5 family calendar of whole weeks with a 53rd week in the last month when the year-end rule needs it.</summary>
/// <remarks>
/// Years are keyed internally by the calendar year of their anchor month: year <c>k</c> covers
/// <c>(YearEndIn(k - 1), YearEndIn(k)]</c>.
/// </remarks>
internal sealed class RetailReportingCalendar : YearKeyedCalendar
{
    private const int WeeksInQuarter = 13;

    private readonly RetailPattern pattern;
    private readonly RetailYearEnd yearEnd;
    private readonly FiscalYearNaming naming;

    /// <summary>The first week (0-based) of each month, and 52 at index 12.</summary>
    private readonly int[] monthStartWeek;

    /// <summary>The month (0-based) of each of the first 52 weeks.</summary>
    private readonly int[] monthOfWeek;

    internal RetailReportingCalendar(RetailPattern pattern, RetailYearEnd yearEnd, FiscalYearNaming naming)
    {
        this.pattern = pattern;
        this.yearEnd = yearEnd;
        this.naming = naming;
        int[] weeks = pattern switch
        {
            RetailPattern.FourFourFive => [4, 4, 5],
            RetailPattern.FourFiveFour => [4, 5, 4],
            _ => [5, 4, 4],
        };
        monthStartWeek = new int[13];
        monthOfWeek = new int[52];
        for (int m = 0; m < 12; m++)
        {
            monthStartWeek[m + 1] = monthStartWeek[m] + weeks[m % 3];
            for (int w = monthStartWeek[m]; w < monthStartWeek[m + 1]; w++)
            {
                monthOfWeek[w] = m;
            }
        }
    }

    public override ReportingPeriod SamePeriodLastYear(ReportingPeriod period)
    {
        EnsureOwnPeriod(period, nameof(period));
        if (period.Kind == PeriodKind.Day)
        {
            Locate(period.Start, PeriodKind.Week, out int weekKey, out int week, out var weekStartDate, out _);
            int dayInWeek = Period.DaysBetween(weekStartDate, period.Start);
            var lastYearWeekStart = StartOf(PeriodKind.Week, weekKey - 1, Math.Min(week, Count(PeriodKind.Week, weekKey - 1) - 1));
            return GetPeriod(lastYearWeekStart.PlusDays(dayInWeek), PeriodKind.Day);
        }

        return SameNumberLastYear(period);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Retail {pattern} calendar: years end on the {yearEnd}, named by {(naming == FiscalYearNaming.EndYear ? "end" : "start")} year");

    private LocalDate YearStart(int key) => yearEnd.YearEndIn(key - 1).PlusDays(1);

    private int YearKeyOf(LocalDate date)
    {
        int key = date.Month > yearEnd.Month ? date.Year + 1 : date.Year;
        while (date > yearEnd.YearEndIn(key))
        {
            key++;
        }

        while (date <= yearEnd.YearEndIn(key - 1))
        {
            key--;
        }

        return key;
    }

    private int WeeksIn(int key) => Period.DaysBetween(YearStart(key), YearStart(key + 1)) / 7;

    private protected override int KeyOfYear(int year) => naming == FiscalYearNaming.StartYear && yearEnd.Month != 12 ? year + 1 : year;

    private protected override int Count(PeriodKind kind, int key) => kind switch
    {
        PeriodKind.Year => 1,
        PeriodKind.Half => 2,
        PeriodKind.Quarter => 4,
        PeriodKind.Month => 12,
        PeriodKind.Week => WeeksIn(key),
        _ => WeeksIn(key) * 7,
    };

    private protected override LocalDate StartOf(PeriodKind kind, int key, int index) => kind switch
    {
        PeriodKind.Year => YearStart(key),
        PeriodKind.Half => YearStart(key).PlusDays(7 * 2 * WeeksInQuarter * index),
        PeriodKind.Quarter => YearStart(key).PlusDays(7 * WeeksInQuarter * index),
        PeriodKind.Month => YearStart(key).PlusDays(7 * monthStartWeek[index]),
        PeriodKind.Week => YearStart(key).PlusDays(7 * index),
        _ => YearStart(key).PlusDays(index),
    };

    private protected override void Locate(LocalDate date, PeriodKind kind, out int key, out int index, out LocalDate start, out LocalDate end)
    {
        try
        {
            LocateCore(date, kind, out key, out index, out start, out end);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            // The year end of a retail year past 9999 (or before the first year) cannot be computed.
            throw PastLastDate(date, kind);
        }
    }

    private void LocateCore(LocalDate date, PeriodKind kind, out int key, out int index, out LocalDate start, out LocalDate end)
    {
        key = YearKeyOf(date);
        var yearStart = YearStart(key);
        int day = Period.DaysBetween(yearStart, date);
        int week = day / 7;
        int firstWeek;
        int endWeek;
        switch (kind)
        {
            case PeriodKind.Day:
                index = day;
                start = date;
                end = date.PlusDays(1);
                return;
            case PeriodKind.Week:
                index = week;
                firstWeek = week;
                endWeek = week + 1;
                break;
            case PeriodKind.Month:
                index = week >= 52 ? 11 : monthOfWeek[week];
                firstWeek = monthStartWeek[index];
                endWeek = monthStartWeek[index + 1];
                break;
            case PeriodKind.Quarter:
                index = Math.Min(week / WeeksInQuarter, 3);
                firstWeek = index * WeeksInQuarter;
                endWeek = firstWeek + WeeksInQuarter;
                break;
            case PeriodKind.Half:
                index = Math.Min(week / (2 * WeeksInQuarter), 1);
                firstWeek = index * 2 * WeeksInQuarter;
                endWeek = firstWeek + (2 * WeeksInQuarter);
                break;
            default:
                index = 0;
                firstWeek = 0;
                endWeek = 52;
                break;
        }

        start = yearStart.PlusDays(7 * firstWeek);

        // The last month, quarter, half and the year end with the year, taking the 53rd week when there is one.
        end = kind != PeriodKind.Week && endWeek == 52 ? YearStart(key + 1) : yearStart.PlusDays(7 * endWeek);
    }

    private protected override string YearLabel(int key)
    {
        int name = naming == FiscalYearNaming.StartYear && yearEnd.Month != 12 ? key - 1 : key;
        return "FY" + TimeFormat.Year(name);
    }

    private protected override string Label(PeriodKind kind, int key, int index, LocalDate start) => kind switch
    {
        PeriodKind.Day => TimeFormat.Date(start),
        PeriodKind.Week => $"{YearLabel(key)} W{TimeFormat.Two(index + 1)}",
        PeriodKind.Month => $"{YearLabel(key)} P{TimeFormat.Two(index + 1)}",
        PeriodKind.Quarter => $"{YearLabel(key)} Q{TimeFormat.Int(index + 1)}",
        PeriodKind.Half => $"{YearLabel(key)} H{TimeFormat.Int(index + 1)}",
        _ => YearLabel(key),
    };
}
