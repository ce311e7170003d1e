using System;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// A reporting period: a half-open range of business dates <c>[Start, End)</c> of one <see cref="PeriodKind"/>
/// on a <see cref="ReportingCalendar"/>, with a human-readable label such as <c>FY2027 Q1</c> or <c>2026-W48</c>.
/// </summary>
/// <remarks>Periods are values: two periods are equal when kind, start, end and label are equal.</remarks>
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
