using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// Which dates are working days: every date except the weekend days and a caller-supplied list of holidays.
/// Counts working days, finds the next and previous working day, measures elapsed and remaining working time
/// of a period, and prorates targets for reps who join or leave mid-period.
/// </summary>
/// <remarks>
/// <para>
/// Ranges are half-open, <c>[start, endExclusive)</c>. <see cref="WorkingDaysBetween"/> costs O(log h) for h
/// holidays: whole weeks and the remainder are counted arithmetically and holidays by two binary searches, never
/// by walking days. A holiday that falls on a weekend day is kept in <see cref="Holidays"/> but changes no count
/// (the day is not a working day anyway).
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class WorkingCalendar
{
    private static readonly IsoDayOfWeek[] SaturdaySunday = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    private readonly bool[] isWorkingWeekday;

    /// <summary>Working days in the first k days (k = 0..7) of a run starting on Monday-based weekday w, at [w * 8 + k].</summary>
    private readonly int[] workingPrefix;

    private readonly int workingDaysPerWeek;

    /// <summary>Epoch days of the holidays that fall on working weekdays, ascending.</summary>
    private readonly int[] effectiveHolidays;

    private readonly LocalDate[] holidays;
    private readonly IsoDayOfWeek[] weekendDays;
    private readonly ReadOnlyCollection<LocalDate> holidayView;
    private readonly ReadOnlyCollection<IsoDayOfWeek> weekendView;

    private WorkingCalendar(IsoDayOfWeek[] weekendDays, LocalDate[] holidays)
    {
        this.weekendDays = weekendDays;
        this.holidays = holidays;
        weekendView = Array.AsReadOnly(weekendDays);
        holidayView = Array.AsReadOnly(holidays);
        isWorkingWeekday = new bool[7];
        for (int i = 0; i < 7; i++)
        {
            isWorkingWeekday[i] = Array.IndexOf(weekendDays, (IsoDayOfWeek)(i + 1)) < 0;
        }

        workingPrefix = new int[7 * 8];
        for (int w = 0; w < 7; w++)
        {
            for (int k = 1; k <= 7; k++)
            {
                workingPrefix[(w * 8) + k] = workingPrefix[(w * 8) + k - 1] + (isWorkingWeekday[(w + k - 1) % 7] ? 1 : 0);
            }
        }

        workingDaysPerWeek = workingPrefix[7];
        var effective = new List<int>(holidays.Length);
        foreach (var holiday in holidays)
        {
            int day = EpochDay.FromDate(holiday);
            if (isWorkingWeekday[EpochDay.MondayBasedIndex(day)])
            {
                effective.Add(day);
            }
        }

        effectiveHolidays = [.. effective];
    }

    /// <summary>Gets a calendar with Saturday and Sunday as the weekend and no holidays.</summary>
    public static WorkingCalendar MondayToFriday { get; } = new([.. SaturdaySunday], []);

    /// <summary>Gets the weekend days, in ISO order (Monday first).</summary>
    public IReadOnlyList<IsoDayOfWeek> WeekendDays => weekendView;

    /// <summary>Gets the holidays as supplied, in ascending order.</summary>
    public IReadOnlyList<LocalDate> Holidays => holidayView;

    /// <summary>Creates a calendar with Saturday and Sunday as the weekend and the given holidays.</summary>
    /// <param name="holidays">The holidays, in any order, each at most once.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="holidays"/> contains a date twice (the message names it).</exception>
    /// <example><code>
    /// var us = WorkingCalendar.Create([new LocalDate(2026, 11, 26), new LocalDate(2026, 12, 25)]);
    /// int days = us.WorkingDaysBetween(new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 30)); // 4
    /// </code></example>
    public static WorkingCalendar Create(IEnumerable<LocalDate> holidays) => Create(holidays, SaturdaySunday);

    /// <summary>Creates a calendar with the given weekend days and holidays.</summary>
    /// <param name="holidays">The holidays, in any order, each at most once.</param>
    /// <param name="weekendDays">The days of the week that are never working days (may be empty; not all seven).</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> or <paramref name="weekendDays"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="holidays"/> contains a date twice; <paramref name="weekendDays"/> contains a day twice or all seven days.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekendDays"/> contains a value that is not a day of the week.</exception>
    /// <example><code>var gulf = WorkingCalendar.Create([], [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday]);</code></example>
    public static WorkingCalendar Create(IEnumerable<LocalDate> holidays, IEnumerable<IsoDayOfWeek> weekendDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(weekendDays);

        var weekend = weekendDays.ToArray();
        Array.Sort(weekend);
        for (int i = 0; i < weekend.Length; i++)
        {
            if (weekend[i] is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentOutOfRangeException(nameof(weekendDays), weekend[i], $"A weekend day must be Monday to Sunday, not {TimeFormat.Int((int)weekend[i])}.");
            }

            if (i > 0 && weekend[i] == weekend[i - 1])
            {
                throw new ArgumentException($"The weekend days contain {weekend[i]} more than once.", nameof(weekendDays));
            }
        }

        if (weekend.Length == 7)
        {
            throw new ArgumentException("The weekend days contain all seven days of the week, which leaves no working day.", nameof(weekendDays));
        }

        var sorted = holidays.ToArray();
        Array.Sort(sorted);
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                throw new ArgumentException($"The holiday list contains {TimeFormat.Date(sorted[i])} more than once.", nameof(holidays));
            }
        }

        return new WorkingCalendar(weekend, sorted);
    }

    /// <summary>Returns whether <paramref name="date"/> falls on a weekend day.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> on a weekend day.</returns>
    public bool IsWeekend(LocalDate date) => !isWorkingWeekday[(int)date.DayOfWeek - 1];

    /// <summary>Returns whether <paramref name="date"/> is in the holiday list (whatever its weekday).</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> on a listed holiday.</returns>
    public bool IsHoliday(LocalDate date) => Array.BinarySearch(holidays, date) >= 0;

    /// <summary>Returns whether <paramref name="date"/> is a working day: neither a weekend day nor a holiday.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> on a working day.</returns>
    public bool IsWorkingDay(LocalDate date)
    {
        int day = EpochDay.FromDate(date);
        return isWorkingWeekday[EpochDay.MondayBasedIndex(day)] && Array.BinarySearch(effectiveHolidays, day) < 0;
    }

    /// <summary>Counts the working days in <c>[start, endExclusive)</c>.</summary>
    /// <param name="start">The first date counted.</param>
    /// <param name="endExclusive">The first date not counted.</param>
    /// <returns>The number of working days; 0 when the dates are equal.</returns>
    /// <remarks>
    /// Additive: for <c>a ≤ b ≤ c</c>, <c>WorkingDaysBetween(a, c) = WorkingDaysBetween(a, b) + WorkingDaysBetween(b, c)</c>.
    /// O(log h) for h holidays, no allocation.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="endExclusive"/> is before <paramref name="start"/>.</exception>
    /// <example><code>
    /// // Mon 2026-11-23 .. Sun 2026-11-29 with Thanksgiving (Thu 26th) as a holiday: Mon, Tue, Wed, Fri.
    /// int days = calendar.WorkingDaysBetween(new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 30)); // 4
    /// </code></example>
    public int WorkingDaysBetween(LocalDate start, LocalDate endExclusive)
    {
        if (endExclusive < start)
        {
            throw new ArgumentException(
                $"The end {TimeFormat.Date(endExclusive)} is before the start {TimeFormat.Date(start)}.",
                nameof(endExclusive));
        }

        int a = EpochDay.FromDate(start);
        int b = EpochDay.FromDate(endExclusive);
        return CountWorkingDays(a, b);
    }

    /// <summary>Counts the working days of <paramref name="period"/>.</summary>
    /// <param name="period">The period.</param>
    /// <returns><c>WorkingDaysBetween(period.Start, period.End)</c>.</returns>
    public int WorkingDaysIn(ReportingPeriod period) => WorkingDaysBetween(period.Start, period.End);

    /// <summary>Returns the first working day strictly after <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The next working day (Friday → Monday with a Saturday–Sunday weekend).</returns>
    public LocalDate NextWorkingDay(LocalDate date)
    {
        int day = EpochDay.FromDate(date) + 1;
        while (!IsWorkingEpochDay(day))
        {
            day++;
        }

        return EpochDay.ToDate(day);
    }

    /// <summary>Returns the last working day strictly before <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The previous working day (Monday → Friday with a Saturday–Sunday weekend).</returns>
    public LocalDate PreviousWorkingDay(LocalDate date)
    {
        int day = EpochDay.FromDate(date) - 1;
        while (!IsWorkingEpochDay(day))
        {
            day--;
        }

        return EpochDay.ToDate(day);
    }

    /// <summary>Counts the working days of <paramref name="period"/> up to and including <paramref name="asOf"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The reference date; it counts as elapsed (figures "as of" a date include that whole day).</param>
    /// <returns>0 before the period, all its working days on or after its last day.</returns>
    public int ElapsedWorkingDays(ReportingPeriod period, LocalDate asOf)
    {
        var cut = Clamp(asOf.PlusDays(1), period.Start, period.End);
        return WorkingDaysBetween(period.Start, cut);
    }

    /// <summary>Counts the working days of <paramref name="period"/> strictly after <paramref name="asOf"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The reference date, which counts as elapsed.</param>
    /// <returns>All the period's working days before it starts, 0 on or after its last day.</returns>
    /// <example><code>int left = calendar.RemainingWorkingDays(quarter, asOf); // working days after asOf</code></example>
    public int RemainingWorkingDays(ReportingPeriod period, LocalDate asOf)
    {
        var cut = Clamp(asOf.PlusDays(1), period.Start, period.End);
        return WorkingDaysBetween(cut, period.End);
    }

    /// <summary>Returns the share of the period's working days elapsed at the end of <paramref name="asOf"/>, from 0 to 1.</summary>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The reference date, which counts as elapsed.</param>
    /// <returns>
    /// <see cref="ElapsedWorkingDays"/> divided by <see cref="WorkingDaysIn"/>. A period with no working day (a weekend
    /// day, a holiday week) falls back to calendar days, <see cref="ReportingPeriod.ElapsedShare"/>, so the share is
    /// always defined.
    /// </returns>
    public double ElapsedShare(ReportingPeriod period, LocalDate asOf)
    {
        int total = WorkingDaysIn(period);
        return total == 0 ? period.ElapsedShare(asOf) : (double)ElapsedWorkingDays(period, asOf) / total;
    }

    /// <summary>Returns the share of the period's working days after <paramref name="asOf"/>, from 0 to 1.</summary>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The reference date, which counts as elapsed.</param>
    /// <returns><c>1 - ElapsedShare(period, asOf)</c>, computed from counts; calendar days for a period with no working day.</returns>
    public double RemainingShare(ReportingPeriod period, LocalDate asOf)
    {
        int total = WorkingDaysIn(period);
        return total == 0 ? period.RemainingShare(asOf) : (double)RemainingWorkingDays(period, asOf) / total;
    }

    /// <summary>Prorates a period target for a rep active only during <c>[activeStart, activeEnd)</c>.</summary>
    /// <param name="target">The full-period target.</param>
    /// <param name="period">The period the target is for.</param>
    /// <param name="activeStart">The rep's first active day (a start date before the period means active from its start).</param>
    /// <param name="activeEnd">The first day the rep is no longer active (exclusive), or <see langword="null"/> when still active.</param>
    /// <returns>
    /// <c>target × (working days of the period the rep is active) ÷ (working days of the period)</c>, in exact decimal
    /// arithmetic; exactly <paramref name="target"/> when the rep is active all period, 0 when not at all. A period
    /// with no working day is prorated by calendar days instead.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="activeEnd"/> is before <paramref name="activeStart"/>.</exception>
    /// <example><code>
    /// // A rep joining on Monday 2026-06-15 works 12 of June's 22 working days (no holidays): 12,000 of 22,000.
    /// decimal quota = WorkingCalendar.MondayToFriday.Prorate(22_000m, june, new LocalDate(2026, 6, 15));
    /// </code></example>
    public decimal Prorate(decimal target, ReportingPeriod period, LocalDate activeStart, LocalDate? activeEnd = null)
    {
        if (activeEnd is { } endValue && endValue < activeStart)
        {
            throw new ArgumentException(
                $"The active end {TimeFormat.Date(endValue)} is before the active start {TimeFormat.Date(activeStart)}.",
                nameof(activeEnd));
        }

        var from = Max(activeStart, period.Start);
        var to = activeEnd is { } e ? Min(e, period.End) : period.End;
        int total = WorkingDaysIn(period);
        int active;
        if (total == 0)
        {
            total = period.Days;
            active = to > from ? Period.DaysBetween(from, to) : 0;
        }
        else
        {
            active = to > from ? WorkingDaysBetween(from, to) : 0;
        }

        if (active == total)
        {
            return target;
        }

        return active == 0 ? 0m : target * active / total;
    }

    /// <summary>Describes the calendar.</summary>
    /// <returns>For example <c>Weekend Saturday, Sunday; 11 holidays</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Weekend {(weekendDays.Length == 0 ? "none" : string.Join(", ", weekendDays))}; {holidays.Length} holidays");

    internal int CountWorkingDays(int startEpochDay, int endEpochDay)
    {
        int n = endEpochDay - startEpochDay;
        int weekday = EpochDay.MondayBasedIndex(startEpochDay);
        int count = ((n / 7) * workingDaysPerWeek) + workingPrefix[(weekday * 8) + (n % 7)];
        return count - (LowerBound(effectiveHolidays, endEpochDay) - LowerBound(effectiveHolidays, startEpochDay));
    }

    private static LocalDate Clamp(LocalDate date, LocalDate min, LocalDate max) => date < min ? min : date > max ? max : date;

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    /// <summary>The index of the first element not less than <paramref name="value"/>.</summary>
    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private bool IsWorkingEpochDay(int day) =>
        isWorkingWeekday[EpochDay.MondayBasedIndex(day)] && Array.BinarySearch(effectiveHolidays, day) < 0;
}
