using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace SalesKpi.Tests.Time;

/// <summary>Laws every built-in calendar obeys, for every period kind.</summary>
[Properties(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 200)]
public sealed class CalendarPropertyTests
{
    [Property]
    public Property Every_date_of_a_period_maps_to_it_and_its_neighbours_map_elsewhere(CalendarCase c, LocalDate date, PeriodKind kind)
    {
        var p = c.Calendar.GetPeriod(date, kind);
        bool allInside = true;
        for (var d = p.Start; d < p.End; d = d.PlusDays(1))
        {
            allInside &= c.Calendar.GetPeriod(d, kind) == p;
        }

        return (p.Contains(date) && p.Kind == kind && allInside
                && c.Calendar.GetPeriod(p.Start.PlusDays(-1), kind) != p
                && c.Calendar.GetPeriod(p.End, kind) != p)
            .Label($"{p.Label} [{p.Start}, {p.End})");
    }

    [Property]
    public bool Periods_of_one_kind_tile_the_timeline_without_gap_or_overlap(CalendarCase c, LocalDate date, PeriodKind kind)
    {
        var p = c.Calendar.GetPeriod(date, kind);
        return c.Calendar.GetPeriod(p.End, kind).Start == p.End
            && c.Calendar.GetPeriod(p.Start.PlusDays(-1), kind).End == p.Start;
    }

    [Property]
    public bool Next_of_previous_and_previous_of_next_are_the_period(CalendarCase c, LocalDate date, PeriodKind kind)
    {
        var p = c.Calendar.GetPeriod(date, kind);
        return c.Calendar.Next(c.Calendar.Previous(p)) == p
            && c.Calendar.Previous(c.Calendar.Next(p)) == p
            && c.Calendar.Next(p).Start == p.End;
    }

    [Property]
    public bool Shift_by_n_then_minus_n_is_the_period(CalendarCase c, LocalDate date, PeriodKind kind, sbyte n)
    {
        var p = c.Calendar.GetPeriod(date, kind);
        return c.Calendar.Shift(c.Calendar.Shift(p, n), -n) == p;
    }

    [Property]
    public bool Period_start_without_label_equals_the_period_start(CalendarCase c, LocalDate date, PeriodKind kind) =>
        c.Calendar.GetPeriodStart(date, kind) == c.Calendar.GetPeriod(date, kind).Start;

    [Property]
    public Property Months_nest_in_quarters_in_halves_in_years(CalendarCase c, LocalDate date)
    {
        var month = c.Calendar.GetPeriod(date, PeriodKind.Month);
        var quarter = c.Calendar.GetPeriod(date, PeriodKind.Quarter);
        var half = c.Calendar.GetPeriod(date, PeriodKind.Half);
        var year = c.Calendar.GetPeriod(date, PeriodKind.Year);
        bool nested = Within(month, quarter) && Within(quarter, half) && Within(half, year);
        bool counts = c.Calendar.Periods(PeriodKind.Month, year.Start, year.End).Count == 12
            && c.Calendar.Periods(PeriodKind.Quarter, year.Start, year.End).Count == 4
            && c.Calendar.Periods(PeriodKind.Half, year.Start, year.End).Count == 2;
        return (nested && counts).Label($"{month.Label} {quarter.Label} {half.Label} {year.Label}");
    }

    [Property]
    public bool Retail_weeks_nest_in_months_and_years_have_52_or_53_weeks(CalendarCase c, LocalDate date)
    {
        if (!c.IsRetail)
        {
            return true;
        }

        var week = c.Calendar.GetPeriod(date, PeriodKind.Week);
        var year = c.Calendar.GetPeriod(date, PeriodKind.Year);
        var months = c.Calendar.Periods(PeriodKind.Month, year.Start, year.End);
        return Within(week, c.Calendar.GetPeriod(date, PeriodKind.Month))
            && (year.Days == 364 || year.Days == 371)
            && months.All(m => m.Days is 28 or 35 or 42)
            && c.Calendar.Periods(PeriodKind.Quarter, year.Start, year.End).Take(3).All(q => q.Days == 91);
    }

    [Property]
    public bool Week_labels_count_up_by_one_within_a_year(CalendarCase c, LocalDate date)
    {
        var week = c.Calendar.GetPeriod(date, PeriodKind.Week);
        var next = c.Calendar.Next(week);
        int number = WeekNumber(week.Label);
        int nextNumber = WeekNumber(next.Label);
        return week.Days == 7 && (nextNumber == number + 1 || (nextNumber == 1 && number is 52 or 53));
    }

    [Property]
    public Property Lookup_by_year_and_number_inverts_the_numbering(CalendarCase c, LocalDate date, PeriodKind kind)
    {
        var p = c.Calendar.GetPeriod(date, kind);
        var first = c.Calendar.GetPeriod(YearOfLabel(c, p, kind), kind, 1);
        int number = c.Calendar.Periods(kind, first.Start, p.End).Count;
        return (c.Calendar.GetPeriod(YearOfLabel(c, p, kind), kind, number) == p).Label($"{p.Label} is number {number}");
    }

    [Property]
    public Property Same_period_last_year_keeps_kind_and_number(CalendarCase c, LocalDate date, PeriodKind kind)
    {
        var p = c.Calendar.GetPeriod(date, kind);
        var last = c.Calendar.SamePeriodLastYear(p);
        int perYear = kind switch
        {
            PeriodKind.Month => 12,
            PeriodKind.Quarter => 4,
            PeriodKind.Half => 2,
            PeriodKind.Year => 1,
            _ => 0,
        };
        bool ok = last.Kind == kind && last < p;
        if (perYear > 0)
        {
            ok &= last == c.Calendar.Shift(p, -perYear);
        }
        else if (kind == PeriodKind.Week)
        {
            int number = WeekNumber(p.Label);
            int year = YearOfLabel(c, p, kind);
            int weeksLastYear = WeekNumber(c.Calendar.Previous(c.Calendar.GetPeriod(year, PeriodKind.Week, 1)).Label);
            ok &= YearOfLabel(c, last, kind) == year - 1 && WeekNumber(last.Label) == Math.Min(number, weeksLastYear);
        }
        else if (!c.IsRetail)
        {
            ok &= last.Start == p.Start.PlusYears(-1);
        }
        else
        {
            ok &= last.Start.DayOfWeek == p.Start.DayOfWeek && Period.DaysBetween(last.Start, p.Start) is 364 or 371;
        }

        return ok.Label($"{p.Label} -> {last.Label}");
    }

    [Property]
    public bool Period_to_date_starts_with_the_period_and_ends_after_asOf(CalendarCase c, LocalDate asOf, PeriodKind kind)
    {
        var p = c.Calendar.GetPeriod(asOf, kind);
        var ptd = c.Calendar.PeriodToDate(asOf, kind);
        return ptd.Start == p.Start && ptd.End == asOf.PlusDays(1) && ptd.Contains(asOf) && ptd.Kind == kind;
    }

    [Property]
    public Property Comparable_to_date_ranges_lie_in_their_comparison_period(CalendarCase c, LocalDate asOf, PeriodKind kind)
    {
        var current = c.Calendar.GetPeriod(asOf, kind);
        var previous = c.Calendar.Previous(current);
        var lastYear = c.Calendar.SamePeriodLastYear(current);
        var previousToDate = c.Calendar.PreviousPeriodToDate(asOf, kind);
        var lastYearToDate = c.Calendar.SamePeriodLastYearToDate(asOf, kind);
        bool lastDay = asOf.PlusDays(1) == current.End;
        bool ok = previousToDate.Start == previous.Start && previousToDate.End <= previous.End && previousToDate.End > previous.Start
            && lastYearToDate.Start == lastYear.Start && lastYearToDate.End <= lastYear.End && lastYearToDate.End > lastYear.Start
            && (!lastDay || (previousToDate == previous && lastYearToDate == lastYear));
        return ok.Label($"{previousToDate.Label} / {lastYearToDate.Label}");
    }

    private static bool Within(ReportingPeriod inner, ReportingPeriod outer) => inner.Start >= outer.Start && inner.End <= outer.End;

    private static int WeekNumber(string label) => int.Parse(label.AsSpan(label.Length - 2), provider: System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The year name in a label: "FY2027 …", "2026-W48", "2026 Q4", "2026-11", "2026".</summary>
    private static int YearOfLabel(CalendarCase c, ReportingPeriod p, PeriodKind kind)
    {
        if (kind == PeriodKind.Day)
        {
            // Days are labelled by date; the year is that of the year period containing them.
            return YearOfLabel(c, c.Calendar.GetPeriod(p.Start, PeriodKind.Year), PeriodKind.Year);
        }

        var span = p.Label.AsSpan();
        if (span.StartsWith("FY"))
        {
            span = span[2..];
        }

        return int.Parse(span[..4], provider: System.Globalization.CultureInfo.InvariantCulture);
    }
}
