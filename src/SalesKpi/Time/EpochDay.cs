using System;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// Converts between a <see cref="LocalDate"/> and its epoch day: the number of days since 1970-01-01
/// (negative before it), a compact integer key for bucketing facts by business date.
/// </summary>
/// <remarks>
/// The conversion is pure integer arithmetic on the proleptic ISO (Gregorian) calendar; it allocates nothing.
/// Epoch day 0 is 1970-01-01, a Thursday; 2026-01-01 is epoch day 20454.
/// </remarks>
public static class EpochDay
{
    private const int DaysFromCivilZeroToEpoch = 719468;
    private const int DayNumberOfEpoch = 719162;
    private const long TicksPerDay = 864_000_000_000L;

    /// <summary>Gets the epoch day of <see cref="LocalDate.MinIsoValue"/>.</summary>
    public static int MinValue { get; } = FromYearMonthDay(-9998, 1, 1);

    /// <summary>Gets the epoch day of <see cref="LocalDate.MaxIsoValue"/>.</summary>
    public static int MaxValue { get; } = FromYearMonthDay(9999, 12, 31);

    /// <summary>Returns the number of days from 1970-01-01 to <paramref name="date"/>.</summary>
    /// <param name="date">The date; a date in another calendar system is first converted to the ISO calendar.</param>
    /// <returns>The epoch day, negative before 1970-01-01.</returns>
    /// <example><code>int day = EpochDay.FromDate(new LocalDate(2026, 1, 1)); // 20454</code></example>
    public static int FromDate(LocalDate date)
    {
        if (!ReferenceEquals(date.Calendar, CalendarSystem.Iso))
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        int year = date.Year;
        return year >= 1
            ? date.ToDateOnly().DayNumber - DayNumberOfEpoch
            : FromYearMonthDay(year, date.Month, date.Day);
    }

    /// <summary>Returns the ISO date that is <paramref name="epochDay"/> days after 1970-01-01.</summary>
    /// <param name="epochDay">The epoch day, between <see cref="MinValue"/> and <see cref="MaxValue"/>.</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochDay"/> is outside the ISO date range NodaTime supports.</exception>
    public static LocalDate ToDate(int epochDay)
    {
        if (epochDay < MinValue || epochDay > MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(epochDay),
                epochDay,
                $"The epoch day {TimeFormat.Int(epochDay)} is outside [{TimeFormat.Int(MinValue)}, {TimeFormat.Int(MaxValue)}].");
        }

        return ToDateUnchecked(epochDay);
    }

    /// <summary>Returns the ISO day of week of an epoch day.</summary>
    /// <param name="epochDay">The epoch day.</param>
    /// <returns>The day of week (1970-01-01 is a Thursday).</returns>
    public static IsoDayOfWeek DayOfWeek(int epochDay) => (IsoDayOfWeek)(MondayBasedIndex(epochDay) + 1);

    /// <summary>Monday = 0 … Sunday = 6.</summary>
    internal static int MondayBasedIndex(int epochDay)
    {
        int r = (epochDay + 3) % 7;
        return r < 0 ? r + 7 : r;
    }

    /// <summary>The date of an epoch day known to be in range (NodaTime's own day-to-date path, the fastest measured).</summary>
    internal static LocalDate ToDateUnchecked(int epochDay) =>
        Instant.FromUnixTimeTicks(epochDay * TicksPerDay).InUtc().Date;

    /// <summary>Civil-from-days arithmetic; the reference for <see cref="ToDateUnchecked"/> in tests.</summary>
    internal static LocalDate ToDateByArithmetic(int epochDay)
    {
        // Civil-from-days over 400-year eras of 146097 days, with years starting on 1 March.
        long z = (long)epochDay + DaysFromCivilZeroToEpoch;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long dayOfEra = z - (era * 146097);
        long yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        long dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        long shiftedMonth = ((5 * dayOfYear) + 2) / 153;
        int day = (int)(dayOfYear - (((153 * shiftedMonth) + 2) / 5) + 1);
        int month = (int)(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
        return new LocalDate(year, month, day);
    }

    /// <summary>Days-from-civil arithmetic, valid for every ISO year NodaTime supports.</summary>
    internal static int FromYearMonthDay(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yearOfEra = y - (era * 400);
        long dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        long dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (int)((era * 146097) + dayOfEra - DaysFromCivilZeroToEpoch);
    }
}
