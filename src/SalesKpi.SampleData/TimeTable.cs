using System;
using NodaTime;

namespace SalesKpi.SampleData;

/// <summary>
/// The sample's day grid: day indexes from 120 days before the period start to 400 days after its end, with the
/// UTC offset of every zone at local noon of every day and the working-day flag of every calendar.
/// </summary>
/// <remarks>
/// Generated times of day lie between 06:00 and 23:00 local time, after the night-time daylight-saving
/// transitions of the sample's zones, so the noon offset converts them exactly.
/// </remarks>
internal sealed class TimeTable
{
    internal const long TicksPerSecond = 10_000_000L;
    internal const long TicksPerDay = 86_400L * TicksPerSecond;
    internal const int HistoryDays = 120;
    internal const int TrailingDays = 400;

    private const int LatestSecond = 20 * 3600;

    private readonly long[][] _noonOffsets;
    private readonly bool[][] _working;
    private readonly BusinessDateMapper[] _mappers;
    private readonly long[] _eventEnd;

    internal TimeTable(LocalDate start, int months)
    {
        StartDate = start;
        EndDate = start.PlusMonths(months);
        FirstEpochDay = EpochDay.FromDate(start) - HistoryDays;
        StartDay = HistoryDays;
        EndDay = EpochDay.FromDate(EndDate) - FirstEpochDay;
        Length = EndDay + TrailingDays;
        Zones = new DateTimeZone[Catalog.ZoneIds.Length];
        _eventEnd = new long[Zones.Length];
        for (int z = 0; z < Zones.Length; z++)
        {
            Zones[z] = DateTimeZoneProviders.Tzdb[Catalog.ZoneIds[z]];
        }

        AsOfTicks = Zones[0].AtStartOfDay(EndDate).ToInstant().ToUnixTimeTicks();
        for (int z = 0; z < Zones.Length; z++)
        {
            _eventEnd[z] = Math.Min(AsOfTicks, Zones[z].AtStartOfDay(EndDate).ToInstant().ToUnixTimeTicks());
        }

        _noonOffsets = new long[Zones.Length][];
        _mappers = new BusinessDateMapper[Zones.Length];
        var range = new Interval(
            Instant.FromUnixTimeTicks(((long)FirstEpochDay - 2) * TicksPerDay),
            Instant.FromUnixTimeTicks(((long)FirstEpochDay + Length + 2) * TicksPerDay));
        for (int z = 0; z < Zones.Length; z++)
        {
            _mappers[z] = new BusinessDateMapper(Zones[z], range);
            var offsets = new long[Length];
            for (int d = 0; d < Length; d++)
            {
                offsets[d] = Zones[z].AtLeniently(Date(d).At(new LocalTime(12, 0))).Offset.Ticks;
            }

            _noonOffsets[z] = offsets;
        }

        LocalDate first = Date(0);
        LocalDate last = Date(Length - 1);
        Calendars = new WorkingCalendar[Catalog.CalendarNames.Length];
        CalendarIds = new WorkingCalendarId[Calendars.Length];
        _working = new bool[Calendars.Length][];
        for (int c = 0; c < Calendars.Length; c++)
        {
            Calendars[c] = WorkingCalendar.Create(HolidayRules.For(c, first.Year - 1, last.Year + 1));
            CalendarIds[c] = WorkingCalendarId.Of(Catalog.CalendarNames[c]);
            var flags = new bool[Length];
            for (int d = 0; d < Length; d++)
            {
                flags[d] = Calendars[c].IsWorkingDay(Date(d));
            }

            _working[c] = flags;
        }
    }

    internal LocalDate StartDate { get; }

    internal LocalDate EndDate { get; }

    /// <summary>Gets the epoch day of day index 0.</summary>
    internal int FirstEpochDay { get; }

    /// <summary>Gets the day index of the period's first date.</summary>
    internal int StartDay { get; }

    /// <summary>Gets the day index of the first date after the period.</summary>
    internal int EndDay { get; }

    /// <summary>Gets the number of days in the table.</summary>
    internal int Length { get; }

    /// <summary>Gets the snapshot instant: the start of <see cref="EndDate"/> in the organisation zone (zone 0).</summary>
    internal long AsOfTicks { get; }

    internal DateTimeZone[] Zones { get; }

    internal WorkingCalendar[] Calendars { get; }

    internal WorkingCalendarId[] CalendarIds { get; }

    internal int PeriodDays => EndDay - StartDay;

    /// <summary>Returns the instant before which every event in <paramref name="zone"/> happens: the earlier of the snapshot and the local end of the period.</summary>
    internal long EventEnd(int zone) => _eventEnd[zone];

    internal LocalDate Date(int day) => EpochDay.ToDate(FirstEpochDay + day);

    internal int DayOf(LocalDate date) => EpochDay.FromDate(date) - FirstEpochDay;

    internal IsoDayOfWeek DayOfWeek(int day) => EpochDay.DayOfWeek(FirstEpochDay + day);

    internal bool IsWorking(int calendar, int day) => day >= 0 && day < Length && _working[calendar][day];

    /// <summary>Returns the instant (Unix ticks) of local time <paramref name="second"/> (of the day) on <paramref name="day"/> in <paramref name="zone"/>.</summary>
    internal long LocalTicks(int zone, int day, int second) =>
        (((long)FirstEpochDay + day) * TicksPerDay) + (second * TicksPerSecond) - _noonOffsets[zone][Math.Clamp(day, 0, Length - 1)];

    /// <summary>Returns the day index of an instant's local date in <paramref name="zone"/>.</summary>
    internal int DayOf(int zone, long ticks) => _mappers[zone].ToEpochDay(Instant.FromUnixTimeTicks(ticks)) - FirstEpochDay;

    /// <summary>Returns the first working day of <paramref name="calendar"/> on or after <paramref name="day"/>, or <see cref="Length"/> when none is left.</summary>
    internal int NextWorkingDay(int calendar, int day)
    {
        bool[] flags = _working[calendar];
        for (int d = Math.Max(day, 0); d < Length; d++)
        {
            if (flags[d])
            {
                return d;
            }
        }

        return Length;
    }

    /// <summary>
    /// Returns a working moment of a person in <paramref name="zone"/> working by <paramref name="calendar"/>:
    /// between 09:00 and 17:30 local time on the first working day at least <paramref name="lagDays"/> days after
    /// the local date of <paramref name="after"/>, and strictly after <paramref name="after"/>; or
    /// <see cref="long.MaxValue"/> when that is beyond the table.
    /// </summary>
    internal long WorkingMoment(int zone, int calendar, long after, int lagDays, ref Xoshiro256 rng)
    {
        int day = DayOf(zone, after) + Math.Clamp(lagDays, 0, 365);
        while (true)
        {
            day = NextWorkingDay(calendar, day);
            if (day >= Length)
            {
                return long.MaxValue;
            }

            long t = LocalTicks(zone, day, (9 * 3600) + rng.NextInt(8 * 3600 + 1800));
            if (t > after)
            {
                return t;
            }

            long latest = LocalTicks(zone, day, LatestSecond);
            long gap = latest - after;
            if (gap > 10 * 60 * TicksPerSecond)
            {
                long step = Math.Min(gap - TicksPerSecond, 90 * 60 * TicksPerSecond);
                return after + (5 * 60 * TicksPerSecond) + rng.NextLong(Math.Max(1, step - (5 * 60 * TicksPerSecond)));
            }

            day++;
        }
    }
}
