using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// Maps business days (as <see cref="DateOnly.DayNumber"/>) to dense period slots through a per-day cache:
/// the calendar is asked once per distinct period (its label allocated once), never once per fact.
/// </summary>
internal sealed class PeriodSlots
{
    private const int MaxCachedDays = 1 << 18;

    /// <summary>The <see cref="DateOnly.DayNumber"/> of 1970-01-01 (epoch day 0).</summary>
    private const int EpochDayNumber = 719162;

    /// <summary>The epoch day of 9999-12-31.</summary>
    private const int MaxEpochDay = 2932896;

    private readonly List<ReportingPeriod> _periods = [];
    private readonly List<(int Start, int End)> _dayRanges = [];
    private readonly Dictionary<LocalDate, int> _byStart = [];
    private int[] _cache = [];
    private int _base;

    public PeriodSlots(ReportingCalendar calendar, PeriodKind kind)
    {
        Calendar = calendar;
        Kind = kind;
    }

    public ReportingCalendar Calendar { get; }

    public PeriodKind Kind { get; }

    public int Count => _periods.Count;

    public ReportingPeriod this[int slot] => _periods[slot];

    /// <summary>Gets the day numbers [start, end) of the period in <paramref name="slot"/>.</summary>
    public (int Start, int End) DayRange(int slot) => _dayRanges[slot];

    public static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    public static LocalDate Date(int dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlotOfDay(int dayNumber)
    {
        int[] cache = _cache;
        uint i = (uint)(dayNumber - _base);
        if (i < (uint)cache.Length)
        {
            int slot = cache[i];
            if (slot != 0)
            {
                return slot - 1;
            }
        }

        return SlotOfDaySlow(dayNumber);
    }

    /// <summary>Returns the slot of the period containing the epoch day a date selector returned, which it validates when not cached.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlotOfEpochDay(int epochDay)
    {
        int[] cache = _cache;
        uint i = (uint)(epochDay + (EpochDayNumber - _base));
        if (i < (uint)cache.Length)
        {
            int slot = cache[i];
            if (slot != 0)
            {
                return slot - 1;
            }
        }

        return SlotOfEpochDaySlow(epochDay);
    }

    public int SlotOf(ReportingPeriod period)
    {
        if (_byStart.TryGetValue(period.Start, out int slot))
        {
            return slot;
        }

        slot = _periods.Count;
        _periods.Add(period);
        _dayRanges.Add((DayNumber(period.Start), DayNumber(period.End)));
        _byStart.Add(period.Start, slot);
        Cache(period, slot);
        return slot;
    }

    /// <summary>Returns the slot of the period starting on <paramref name="start"/>, validating it against the calendar when new.</summary>
    public int SlotOfStart(LocalDate start) =>
        _byStart.TryGetValue(start, out int slot) ? slot : SlotOf(PeriodStartingOn(start));

    /// <summary>Returns the period of the metric's kind that starts on <paramref name="start"/>, validating it.</summary>
    public ReportingPeriod PeriodStartingOn(LocalDate start)
    {
        var period = Calendar.GetPeriod(start, Kind);
        if (period.Start != start)
        {
            throw Errors.Argument(
                string.Create(CultureInfo.InvariantCulture, $"{start:uuuu-MM-dd} is not the start of a {Kind} period on this calendar."),
                "snapshot");
        }

        return period;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int SlotOfEpochDaySlow(int epochDay)
    {
        if (epochDay < -EpochDayNumber || epochDay > MaxEpochDay)
        {
            throw Errors.OutOfRange(
                "date",
                epochDay,
                string.Create(CultureInfo.InvariantCulture, $"The date selector returned epoch day {epochDay}, outside 0001-01-01 to 9999-12-31 (epoch days {-EpochDayNumber} to {MaxEpochDay})."));
        }

        return SlotOfDaySlow(epochDay + EpochDayNumber);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int SlotOfDaySlow(int dayNumber)
    {
        var date = Date(dayNumber);
        var period = Calendar.GetPeriod(date, Kind);
        if (period.Kind != Kind || !period.Contains(date))
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"The calendar returned {period} for {date:uuuu-MM-dd}, which does not contain that date."));
        }

        return SlotOf(period);
    }

    private void Cache(ReportingPeriod period, int slot)
    {
        int start = DayNumber(period.Start);
        int end = DayNumber(period.End);
        if (_cache.Length == 0)
        {
            if (end - start > MaxCachedDays)
            {
                return;
            }

            _base = start;
            _cache = new int[Math.Max(end - start, 64)];
        }
        else if (start < _base || end > _base + _cache.Length)
        {
            int low = Math.Min(start, _base);
            int high = Math.Max(end, _base + _cache.Length);
            int span = high - low;
            if (span > MaxCachedDays)
            {
                return;
            }

            // Leave head room on the side that grew, so a stream moving forward or backward in time re-sizes rarely.
            int slack = Math.Min(span, MaxCachedDays - span);
            if (start < _base)
            {
                low -= slack;
            }
            else
            {
                high += slack;
            }

            var cache = new int[high - low];
            Array.Copy(_cache, 0, cache, _base - low, _cache.Length);
            _cache = cache;
            _base = low;
        }

        _cache.AsSpan(start - _base, end - start).Fill(slot + 1);
    }
}
