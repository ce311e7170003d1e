using System;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// A reporting period: a half-open range of business dates <c>[Start, End)</c> of one <see cref="PeriodKind"/>
/// on a <see cref="ReportingCalendar"/>, with a human-readable label such as <c>FY2027 Q1</c> or <c>2026-W48</c>.
/// </summary>
/// <remarks>
/// Periods are values: two periods are equal when kind, start, end and label are equal. A calendar's periods of one
/// kind tile the timeline; a period-to-date from <see cref="ReportingCalendar.PeriodToDate"/> is a partial range of
/// the same kind (label <c>FY2027 Q1 to 2026-03-15</c>) that is not one of them.
/// </remarks>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    /// <summary>Creates a period.</summary>
    /// <param name="kind">The granularity.</param>
    /// <param name="start">The first date of the period (inclusive).</param>
    /// <param name="end">The first date after the period (exclusive).</param>
    /// <param name="label">A display label.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>, or the label is empty.</exception>
    public ReportingPeriod(PeriodKind kind, LocalDate start, LocalDate end, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (end <= start)
        {
            throw new ArgumentException($"The period end {end:uuuu-MM-dd} must be after its start {start:uuuu-MM-dd}.", nameof(end));
        }

        Kind = kind;
        Start = start;
        End = end;
        Label = label;
    }

    /// <summary>Gets the granularity.</summary>
    public PeriodKind Kind { get; }

    /// <summary>Gets the first date of the period (inclusive).</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the first date after the period (exclusive).</summary>
    public LocalDate End { get; }

    /// <summary>Gets the display label.</summary>
    public string Label { get; }

    /// <summary>Gets the number of calendar days in the period.</summary>
    public int Days => Period.DaysBetween(Start, End);

    /// <summary>Returns whether <paramref name="date"/> lies in <c>[Start, End)</c>.</summary>
    /// <param name="date">The date to test.</param>
    /// <returns><see langword="true"/> when the date is in the period.</returns>
    public bool Contains(LocalDate date) => date >= Start && date < End;

    /// <summary>Returns the period as a NodaTime <see cref="DateInterval"/> (both ends inclusive: <c>[Start, End - 1 day]</c>).</summary>
    /// <returns>The interval of the period's dates.</returns>
    /// <exception cref="InvalidOperationException">This is the default value, which has no dates.</exception>
    public DateInterval ToDateInterval()
    {
        EnsureNotDefault();
        return new DateInterval(Start, End.PlusDays(-1));
    }

    /// <summary>Returns the number of calendar days of the period elapsed at the end of <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The reference date; it counts as elapsed (figures "as of" a date include that whole day).</param>
    /// <returns>
    /// 0 when <paramref name="asOf"/> is before <see cref="Start"/>, <see cref="Days"/> when it is on or after the
    /// last day, otherwise the days from <see cref="Start"/> to <paramref name="asOf"/> inclusive.
    /// </returns>
    /// <exception cref="InvalidOperationException">This is the default value, which has no dates.</exception>
    public int ElapsedDays(LocalDate asOf)
    {
        EnsureNotDefault();
        if (asOf < Start)
        {
            return 0;
        }

        return asOf >= End ? Days : Period.DaysBetween(Start, asOf) + 1;
    }

    /// <summary>Returns the number of calendar days of the period after <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The reference date, which counts as elapsed.</param>
    /// <returns><see cref="Days"/> minus <see cref="ElapsedDays"/>.</returns>
    /// <exception cref="InvalidOperationException">This is the default value, which has no dates.</exception>
    public int RemainingDays(LocalDate asOf) => Days - ElapsedDays(asOf);

    /// <summary>Returns the share of the period's calendar days elapsed at the end of <paramref name="asOf"/>, from 0 to 1.</summary>
    /// <param name="asOf">The reference date, which counts as elapsed.</param>
    /// <returns><see cref="ElapsedDays"/> divided by <see cref="Days"/>: on 15 April, 15/30 = 0.5 of April.</returns>
    /// <exception cref="InvalidOperationException">This is the default value, which has no dates.</exception>
    public double ElapsedShare(LocalDate asOf) => (double)ElapsedDays(asOf) / Days;

    /// <summary>Returns the share of the period's calendar days after <paramref name="asOf"/>, from 0 to 1.</summary>
    /// <param name="asOf">The reference date, which counts as elapsed.</param>
    /// <returns><see cref="RemainingDays"/> divided by <see cref="Days"/>, equal to <c>1 - ElapsedShare(asOf)</c>.</returns>
    /// <exception cref="InvalidOperationException">This is the default value, which has no dates.</exception>
    public double RemainingShare(LocalDate asOf) => (double)RemainingDays(asOf) / Days;

    /// <summary>Orders periods by start, then end, then kind.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(ReportingPeriod other)
    {
        int c = Start.CompareTo(other.Start);
        if (c != 0)
        {
            return c;
        }

        c = End.CompareTo(other.End);
        return c != 0 ? c : Kind.CompareTo(other.Kind);
    }

    /// <summary>Returns the label.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Label;

    private void EnsureNotDefault()
    {
        if (End <= Start)
        {
            throw new InvalidOperationException("The default ReportingPeriod has no dates; obtain periods from a ReportingCalendar.");
        }
    }

    /// <summary>Compares two periods.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether left is before right.</returns>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Compares two periods.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether left is after right.</returns>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Compares two periods.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether left is before or equal to right.</returns>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two periods.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>Whether left is after or equal to right.</returns>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;
}
