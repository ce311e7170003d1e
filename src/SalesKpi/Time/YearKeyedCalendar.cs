using System;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// A reporting calendar whose years are keyed by an integer and split into a known number of periods of each kind:
/// the period look-ups and the numbered-period checks shared by the Gregorian (and fiscal) and retail calendars.
/// </summary>
internal abstract class YearKeyedCalendar : ReportingCalendar
{
    public sealed override ReportingPeriod GetPeriod(LocalDate date, PeriodKind kind)
    {
        ValidateKind(kind);
        Locate(date, kind, out int key, out int index, out var start, out var end);
        return new ReportingPeriod(kind, start, end, Label(kind, key, index, start));
    }

    public sealed override LocalDate GetPeriodStart(LocalDate date, PeriodKind kind)
    {
        ValidateKind(kind);
        Locate(date, kind, out _, out _, out var start, out _);
        return start;
    }

    public sealed override ReportingPeriod GetPeriod(int year, PeriodKind kind, int number)
    {
        ValidateKind(kind);
        int key = KeyOfYear(year);
        int count = Count(kind, key);
        if (number < 1 || number > count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(number),
                number,
                $"{YearLabel(key)} has periods 1 to {TimeFormat.Int(count)} of kind {kind}, not {TimeFormat.Int(number)}.");
        }

        try
        {
            return GetPeriod(StartOf(kind, key, number - 1), kind);
        }
        catch (Exception e) when (e is OverflowException || (e is ArgumentOutOfRangeException { ParamName: "date" }))
        {
            throw YearPastLastDate(year, kind, number, YearLabel(key));
        }
    }

    /// <summary>Returns the period of the previous year with the same number as <paramref name="period"/> (or that year's last, when it has fewer).</summary>
    private protected ReportingPeriod SameNumberLastYear(ReportingPeriod period)
    {
        Locate(period.Start, period.Kind, out int key, out int index, out _, out _);
        int previousCount = Count(period.Kind, key - 1);
        return GetPeriod(StartOf(period.Kind, key - 1, Math.Min(index, previousCount - 1)), period.Kind);
    }

    /// <summary>Returns the key of the year the public year number <paramref name="year"/> names.</summary>
    private protected abstract int KeyOfYear(int year);

    /// <summary>Returns the number of periods of <paramref name="kind"/> in year <paramref name="key"/>.</summary>
    private protected abstract int Count(PeriodKind kind, int key);

    /// <summary>Returns the start of the period of <paramref name="kind"/> with 0-based <paramref name="index"/> in year <paramref name="key"/>.</summary>
    private protected abstract LocalDate StartOf(PeriodKind kind, int key, int index);

    /// <summary>Finds the year key, 0-based index, start and end of the period of <paramref name="kind"/> containing <paramref name="date"/>.</summary>
    private protected abstract void Locate(LocalDate date, PeriodKind kind, out int key, out int index, out LocalDate start, out LocalDate end);

    /// <summary>Returns the label of year <paramref name="key"/>.</summary>
    private protected abstract string YearLabel(int key);

    /// <summary>Returns the label of a period.</summary>
    private protected abstract string Label(PeriodKind kind, int key, int index, LocalDate start);
}
