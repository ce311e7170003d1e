using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The rule that fixes the last day of each retail year: a weekday and an anchor month, with either the last such
/// weekday of the month or the one nearest to the month's end.
/// </summary>
/// <remarks>
/// A retail year is named after its anchor month: the year anchored to January 2024 by the NRF rule (Saturday
/// nearest the end of January) ends on Saturday 3 February 2024. Weeks of the calendar start on the day after
/// <see cref="Weekday"/>. Because 52 weeks are 364 days, the year end drifts by one or two days a year and a
/// 53rd week is inserted whenever the rule lands 371 days after the previous year end (the 53-week rule).
/// </remarks>
public readonly record struct RetailYearEnd
{
    private RetailYearEnd(RetailYearEndRule rule, int month, IsoDayOfWeek weekday)
    {
        Rule = rule;
        Month = month;
        Weekday = weekday;
    }

    /// <summary>Gets how the year end is found from the anchor month.</summary>
    public RetailYearEndRule Rule { get; }

    /// <summary>Gets the anchor month (1 to 12); 0 for the default value, which no calendar accepts.</summary>
    public int Month { get; }

    /// <summary>Gets the weekday every retail year ends on.</summary>
    public IsoDayOfWeek Weekday { get; }

    /// <summary>Creates the rule "the year ends on the last <paramref name="weekday"/> of <paramref name="month"/>".</summary>
    /// <param name="month">The anchor month, 1 to 12.</param>
    /// <param name="weekday">The weekday the year ends on.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is not 1 to 12, or <paramref name="weekday"/> is not a day of the week.</exception>
    /// <example><code>var apple = RetailYearEnd.LastWeekdayOf(9, IsoDayOfWeek.Saturday);</code></example>
    public static RetailYearEnd LastWeekdayOf(int month, IsoDayOfWeek weekday) =>
        Create(RetailYearEndRule.LastWeekdayOfMonth, month, weekday);

    /// <summary>
    /// Creates the rule "the year ends on the <paramref name="weekday"/> nearest to the last day of <paramref name="month"/>"
    /// (at most three days before or after it).
    /// </summary>
    /// <param name="month">The anchor month, 1 to 12.</param>
    /// <param name="weekday">The weekday the year ends on.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is not 1 to 12, or <paramref name="weekday"/> is not a day of the week.</exception>
    /// <example><code>var nrf = RetailYearEnd.NearestWeekdayToEndOf(1, IsoDayOfWeek.Saturday);</code></example>
    public static RetailYearEnd NearestWeekdayToEndOf(int month, IsoDayOfWeek weekday) =>
        Create(RetailYearEndRule.NearestWeekdayToMonthEnd, month, weekday);

    /// <summary>Returns the last day of the retail year anchored to <see cref="Month"/> of <paramref name="year"/>.</summary>
    /// <param name="year">The calendar year of the anchor month.</param>
    /// <returns>The last day (inclusive) of that retail year; it may fall in the following month.</returns>
    /// <exception cref="InvalidOperationException">This is the default value, which has no anchor month.</exception>
    public LocalDate YearEndIn(int year)
    {
        if (Month == 0)
        {
            throw new InvalidOperationException("The default RetailYearEnd has no anchor month; use LastWeekdayOf or NearestWeekdayToEndOf.");
        }

        var monthEnd = new LocalDate(year, Month, CalendarSystem.Iso.GetDaysInMonth(year, Month));
        int forward = ((int)Weekday - (int)monthEnd.DayOfWeek + 7) % 7;
        if (Rule == RetailYearEndRule.LastWeekdayOfMonth)
        {
            return forward == 0 ? monthEnd : monthEnd.PlusDays(forward - 7);
        }

        return forward <= 3 ? monthEnd.PlusDays(forward) : monthEnd.PlusDays(forward - 7);
    }

    /// <summary>Describes the rule, for example <c>Saturday nearest the end of month 1</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Rule == RetailYearEndRule.LastWeekdayOfMonth
        ? string.Create(CultureInfo.InvariantCulture, $"last {Weekday} of month {Month}")
        : string.Create(CultureInfo.InvariantCulture, $"{Weekday} nearest the end of month {Month}");

    private static RetailYearEnd Create(RetailYearEndRule rule, int month, IsoDayOfWeek weekday)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"The anchor month must be 1 to 12, not {TimeFormat.Int(month)}.");
        }

        if (weekday is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(weekday), weekday, $"The weekday must be Monday to Sunday, not {TimeFormat.Int((int)weekday)}.");
        }

        return new RetailYearEnd(rule, month, weekday);
    }
}
