using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// Maps a business date to its day, week, month, quarter, half and year period, enumerates periods, and does
/// period arithmetic: next and previous period, same period last year, period-to-date.
/// </summary>
/// <remarks>
/// <para>Three families of calendars are built in (see <c>docs/calendars.md</c>):</para>
/// <list type="bullet">
/// <item><see cref="Gregorian(IsoDayOfWeek, int)"/> (and <see cref="Iso"/>): calendar months, quarters, halves and
/// years; weeks with a chosen first day, numbered within their week-year. Labels <c>2026-11-27</c>, <c>2026-W48</c>,
/// <c>2026-11</c>, <c>2026 Q4</c>, <c>2026 H2</c>, <c>2026</c>.</item>
/// <item><see cref="Fiscal"/>: calendar months grouped into fiscal years that start in any month. Labels
/// <c>FY2027 W01</c>, <c>FY2027 M01</c>, <c>FY2027 Q1</c>, <c>FY2027 H1</c>, <c>FY2027</c>.</item>
/// <item><see cref="Retail"/>: 4-4-5, 4-5-4 and 5-4-4 calendars of whole weeks with a 53-week year when the year-end
/// rule requires it. Labels <c>FY2026 W01</c>, <c>FY2026 P01</c>, <c>FY2026 Q1</c>, <c>FY2026 H1</c>, <c>FY2026</c>.</item>
/// </list>
/// <para>
/// Periods of one kind tile the timeline: each date belongs to exactly one period of each kind, and the next
/// period starts where the previous one ends. Day labels are always ISO dates. Nothing here reads the clock:
/// "this period" is always the period containing an explicit <c>asOf</c> date.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public abstract class ReportingCalendar
{
    /// <summary>Gets the plain Gregorian calendar with ISO weeks (Monday start) and years starting in January.</summary>
    /// <remarks>Weeks are ISO 8601 weeks labelled by week-year: 2026-12-31 is in <c>2026-W53</c>, 2024-12-30 in <c>2025-W01</c>.</remarks>
    public static ReportingCalendar Iso { get; } =
        new GregorianReportingCalendar(1, FiscalYearNaming.StartYear, IsoDayOfWeek.Monday, 4, fiscalLabels: false);

    /// <summary>Creates a Gregorian calendar (years starting in January) whose weeks start on <paramref name="weekStart"/>.</summary>
    /// <param name="weekStart">The first day of every week.</param>
    /// <param name="minDaysInFirstWeek">
    /// How many days of week 1 must fall in the new year, 1 to 7. The default 4 generalises ISO 8601 (a week belongs
    /// to the year that holds most of it); 1 makes week 1 the week containing 1 January (the common US numbering).
    /// </param>
    /// <returns>The calendar.</returns>
    /// <remarks>
    /// Months, quarters, halves and years are the calendar ones. A week is never split: it belongs to one
    /// week-year, which may differ from the calendar year of some of its days, and its label is
    /// <c>{week-year}-W{number:00}</c>. With <c>Gregorian(IsoDayOfWeek.Monday)</c> the calendar equals <see cref="Iso"/>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekStart"/> is not a day of the week, or <paramref name="minDaysInFirstWeek"/> is not 1 to 7.</exception>
    /// <example><code>var sundayWeeks = ReportingCalendar.Gregorian(IsoDayOfWeek.Sunday);</code></example>
    public static ReportingCalendar Gregorian(IsoDayOfWeek weekStart, int minDaysInFirstWeek = 4)
    {
        ValidateWeekday(weekStart, nameof(weekStart));
        if (minDaysInFirstWeek is < 1 or > 7)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minDaysInFirstWeek),
                minDaysInFirstWeek,
                $"The minimum number of days in the first week must be 1 to 7, not {TimeFormat.Int(minDaysInFirstWeek)}.");
        }

        return new GregorianReportingCalendar(1, FiscalYearNaming.StartYear, weekStart, minDaysInFirstWeek, fiscalLabels: false);
    }

    /// <summary>Creates a fiscal calendar of calendar months whose years start on the first day of <paramref name="startMonth"/>.</summary>
    /// <param name="startMonth">The first month of the fiscal year, 1 to 12.</param>
    /// <param name="naming">Whether a fiscal year is named by the calendar year it starts or ends in; there is no default.</param>
    /// <param name="weekStart">The first day of every week (Monday by default).</param>
    /// <returns>The calendar.</returns>
    /// <remarks>
    /// <para>
    /// Months are calendar months numbered within the fiscal year (<c>FY2027 M01</c> is February 2026 for a
    /// February start named by end year); quarters are three of them (<c>FY2027 Q1</c>), halves six (<c>FY2027 H1</c>).
    /// </para>
    /// <para>
    /// Fiscal weeks are whole weeks starting on <paramref name="weekStart"/>: a week belongs to the fiscal year that
    /// holds at least four of its days, and week <c>W01</c> is the first such week. A fiscal year therefore has 52 or
    /// 53 weeks, its weeks may begin up to three days before or after the fiscal year, and weeks do not nest in
    /// months (they do in <see cref="Retail"/> calendars).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startMonth"/> is not 1 to 12, <paramref name="naming"/> is not a defined value, or <paramref name="weekStart"/> is not a day of the week.</exception>
    /// <example><code>var fy = ReportingCalendar.Fiscal(2, FiscalYearNaming.EndYear); // FY2027 = Feb 2026 to Jan 2027</code></example>
    public static ReportingCalendar Fiscal(int startMonth, FiscalYearNaming naming, IsoDayOfWeek weekStart = IsoDayOfWeek.Monday)
    {
        if (startMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(startMonth), startMonth, $"The fiscal start month must be 1 to 12, not {TimeFormat.Int(startMonth)}.");
        }

        ValidateNaming(naming);
        ValidateWeekday(weekStart, nameof(weekStart));
        return new GregorianReportingCalendar(startMonth, naming, weekStart, 4, fiscalLabels: true);
    }

    /// <summary>Creates a retail calendar of whole weeks grouped into months of four or five weeks.</summary>
    /// <param name="pattern">The weeks in each month of a quarter: 4-4-5, 4-5-4 or 5-4-4.</param>
    /// <param name="yearEnd">The rule fixing the last day of each year; weeks start on the day after its weekday.</param>
    /// <param name="naming">
    /// Whether a year is named by the calendar year it nominally starts or ends in; there is no default. The nominal
    /// end year is the year of the anchor month; the nominal start year is the same for a December anchor and the
    /// year before otherwise. The NRF year ending on 3 February 2024 is <c>FY2023</c> by start year.
    /// </param>
    /// <returns>The calendar.</returns>
    /// <remarks>
    /// A year has 52 weeks (364 days) or, when the year-end rule lands 371 days after the previous year end, 53
    /// weeks. Quarters have 13 weeks; the 53rd week is added to the last month of the year (<c>P12</c>) and so to
    /// <c>Q4</c> and <c>H2</c>. Weeks, months, quarters and halves nest exactly. Labels:
    /// <c>FY2026 W01</c> … <c>W53</c>, months <c>FY2026 P01</c> … <c>P12</c> ("P" because retail months are not
    /// calendar months), <c>FY2026 Q1</c>, <c>FY2026 H1</c>, <c>FY2026</c>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pattern"/> or <paramref name="naming"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="yearEnd"/> is the default value.</exception>
    /// <example><code>
    /// var nrf = ReportingCalendar.Retail(
    ///     RetailPattern.FourFiveFour,
    ///     RetailYearEnd.NearestWeekdayToEndOf(1, IsoDayOfWeek.Saturday),
    ///     FiscalYearNaming.StartYear);
    /// </code></example>
    public static ReportingCalendar Retail(RetailPattern pattern, RetailYearEnd yearEnd, FiscalYearNaming naming)
    {
        if (pattern is < RetailPattern.FourFourFive or > RetailPattern.FiveFourFour)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern, $"Unknown retail pattern {TimeFormat.Int((int)pattern)}.");
        }

        if (yearEnd.Month == 0)
        {
            throw new ArgumentException("The year-end rule is the default value; create it with RetailYearEnd.LastWeekdayOf or NearestWeekdayToEndOf.", nameof(yearEnd));
        }

        ValidateNaming(naming);
        return new RetailReportingCalendar(pattern, yearEnd, naming);
    }

    /// <summary>Returns the period of <paramref name="kind"/> that contains <paramref name="date"/>.</summary>
    /// <param name="date">The business date.</param>
    /// <param name="kind">The granularity.</param>
    /// <returns>The unique period of that kind containing the date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public abstract ReportingPeriod GetPeriod(LocalDate date, PeriodKind kind);

    /// <summary>The error of a period number whose period would end past the last date.</summary>
    private protected static ArgumentOutOfRangeException YearPastLastDate(int year, PeriodKind kind, int number, string yearLabel) =>
        new(
            nameof(year),
            year,
            string.Create(CultureInfo.InvariantCulture, $"Period {number} of kind {kind} in {yearLabel} would end after 9999-12-31, the last date a period can end on."));

    /// <summary>The error of a date whose period would end past the last date: a period's exclusive end is a date too,
    /// so the last period of a kind that can be placed ends on 9999-12-31.</summary>
    private protected static ArgumentOutOfRangeException PastLastDate(LocalDate date, PeriodKind kind) =>
        new(
            nameof(date),
            date,
            date.Year > 0
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {kind} period containing {TimeFormat.Date(date)} would end after 9999-12-31: a period's exclusive end must be a date, so periods can be placed up to the one ending on 9999-12-31 (for days, dates up to 9999-12-30).")
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {kind} period containing {TimeFormat.Date(date)} would start before the first date a calendar can represent."));

    /// <summary>Returns the period numbered <paramref name="number"/> of <paramref name="kind"/> in the year named <paramref name="year"/>.</summary>
    /// <param name="year">The year's name: the calendar year, the fiscal year (<c>2027</c> for <c>FY2027</c>) or, for weeks of a Gregorian calendar, the week-year.</param>
    /// <param name="kind">The granularity.</param>
    /// <param name="number">The 1-based number within the year: 1 for the year, 1–2 halves, 1–4 quarters, 1–12 months, 1–52 or 53 weeks, or the day of the year.</param>
    /// <returns>The period; <c>GetPeriod(2027, PeriodKind.Quarter, 1)</c> is <c>FY2027 Q1</c> on a fiscal calendar.</returns>
    /// <remarks>The base implementation throws <see cref="NotSupportedException"/>; the built-in calendars override it.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is outside the periods of that year, or <paramref name="kind"/> is not a defined value.</exception>
    /// <exception cref="NotSupportedException">A derived calendar does not support lookup by number.</exception>
    public virtual ReportingPeriod GetPeriod(int year, PeriodKind kind, int number) =>
        throw new NotSupportedException($"{GetType().Name} does not support looking up periods by number.");

    /// <summary>Returns the first date of the period of <paramref name="kind"/> that contains <paramref name="date"/>.</summary>
    /// <param name="date">The business date.</param>
    /// <param name="kind">The granularity.</param>
    /// <returns><c>GetPeriod(date, kind).Start</c>, computed without building a label (the built-in calendars allocate nothing).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public virtual LocalDate GetPeriodStart(LocalDate date, PeriodKind kind) => GetPeriod(date, kind).Start;

    /// <summary>Returns the period of the same kind that starts where <paramref name="period"/> ends.</summary>
    /// <param name="period">A period of this calendar.</param>
    /// <returns>The next period.</returns>
    /// <exception cref="ArgumentException"><paramref name="period"/> is not a period of this calendar (for example a period-to-date).</exception>
    public ReportingPeriod Next(ReportingPeriod period)
    {
        EnsureOwnPeriod(period, nameof(period));
        return GetPeriod(period.End, period.Kind);
    }

    /// <summary>Returns the period of the same kind that ends where <paramref name="period"/> starts.</summary>
    /// <param name="period">A period of this calendar.</param>
    /// <returns>The previous period.</returns>
    /// <exception cref="ArgumentException"><paramref name="period"/> is not a period of this calendar (for example a period-to-date).</exception>
    public ReportingPeriod Previous(ReportingPeriod period)
    {
        EnsureOwnPeriod(period, nameof(period));
        return GetPeriod(period.Start.PlusDays(-1), period.Kind);
    }

    /// <summary>Returns the period <paramref name="count"/> periods after (or, when negative, before) <paramref name="period"/>.</summary>
    /// <param name="period">A period of this calendar.</param>
    /// <param name="count">The number of periods to move; 0 returns <paramref name="period"/>.</param>
    /// <returns>The shifted period.</returns>
    /// <remarks>Walks period by period: O(|count|).</remarks>
    /// <exception cref="ArgumentException"><paramref name="period"/> is not a period of this calendar.</exception>
    public ReportingPeriod Shift(ReportingPeriod period, int count)
    {
        EnsureOwnPeriod(period, nameof(period));
        var p = period;
        for (int i = 0; i < count; i++)
        {
            p = GetPeriod(p.End, p.Kind);
        }

        for (int i = 0; i > count; i--)
        {
            p = GetPeriod(p.Start.PlusDays(-1), p.Kind);
        }

        return p;
    }

    /// <summary>Returns the period of the same kind and position one year earlier.</summary>
    /// <param name="period">A period of this calendar.</param>
    /// <returns>The comparable period of the previous (fiscal, retail or week-) year.</returns>
    /// <remarks>
    /// <para>Months, quarters, halves and years map to the same number in the previous year (<c>FY2027 Q1</c> → <c>FY2026 Q1</c>).</para>
    /// <para>
    /// Weeks map to the same week number of the previous year; week 53 of a 53-week year maps to week 52 (the last
    /// week) of a 52-week year. In a retail calendar the month <c>P12</c> and quarter <c>Q4</c> of a 53-week year are a
    /// week longer than those they map to.
    /// </para>
    /// <para>
    /// Days: on Gregorian and fiscal calendars a day maps to the same calendar date a year earlier, and 29 February
    /// to 28 February (so 28 and 29 February 2024 both map to 28 February 2023). On retail calendars a day maps to
    /// the same weekday of the mapped week (52 weeks earlier, or 53 from week 53).
    /// </para>
    /// <para>The base implementation maps <c>period.Start</c> one calendar year back; the built-in calendars override it.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="period"/> is not a period of this calendar.</exception>
    public virtual ReportingPeriod SamePeriodLastYear(ReportingPeriod period)
    {
        EnsureOwnPeriod(period, nameof(period));
        return GetPeriod(period.Start.PlusYears(-1), period.Kind);
    }

    /// <summary>Returns the part of the period of <paramref name="kind"/> containing <paramref name="asOf"/> up to and including <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The last day counted.</param>
    /// <param name="kind">The granularity.</param>
    /// <returns>
    /// <c>[period.Start, asOf + 1 day)</c> of the same kind, labelled <c>"{period label} to {asOf}"</c>, for example
    /// <c>FY2027 Q1 to 2026-03-15</c>; on the period's last day the whole period itself.
    /// </returns>
    /// <remarks>
    /// A partial period is not a member of the calendar's tiling: <see cref="Next"/>, <see cref="Previous"/> and
    /// <see cref="SamePeriodLastYear"/> reject it. Use <see cref="PreviousPeriodToDate"/> and
    /// <see cref="SamePeriodLastYearToDate"/> for comparable ranges.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    /// <example><code>var qtd = calendar.PeriodToDate(new LocalDate(2026, 3, 15), PeriodKind.Quarter);</code></example>
    public ReportingPeriod PeriodToDate(LocalDate asOf, PeriodKind kind)
    {
        var period = GetPeriod(asOf, kind);
        return ToDate(period, asOf);
    }

    /// <summary>Returns the comparable to-date range of the period before the one containing <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The last day counted in the current period.</param>
    /// <param name="kind">The granularity.</param>
    /// <returns>The previous period cut at the date matching <paramref name="asOf"/>.</returns>
    /// <remarks>
    /// The matching date is calendar-correct. When <paramref name="asOf"/> is the last day of its period the result
    /// is the whole previous period (30 April → all of March; 31 March → all of February, to the 28th or 29th).
    /// Otherwise, for months, quarters, halves and years of Gregorian and fiscal calendars, <paramref name="asOf"/>
    /// moves back by whole months and a missing day becomes the month's last day (30 March → 28 or 29 February,
    /// 31 May → 28 or 29 February for quarters); for weeks, days and all retail periods it keeps its day offset in
    /// the period, cut at the previous period's last day.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public ReportingPeriod PreviousPeriodToDate(LocalDate asOf, PeriodKind kind)
    {
        var current = GetPeriod(asOf, kind);
        var previous = GetPeriod(current.Start.PlusDays(-1), kind);
        return ToDate(previous, MapAsOf(asOf, current, previous));
    }

    /// <summary>Returns the comparable to-date range of the same period last year.</summary>
    /// <param name="asOf">The last day counted in the current period.</param>
    /// <param name="kind">The granularity.</param>
    /// <returns><see cref="SamePeriodLastYear"/> of the period containing <paramref name="asOf"/>, cut at the date matching <paramref name="asOf"/>.</returns>
    /// <remarks>
    /// When <paramref name="asOf"/> is the last day of its period the result is the whole comparable period (month-to-date
    /// on 28 February 2025 compares with all of February 2024, 29 days). Otherwise, for months, quarters, halves and
    /// years of Gregorian and fiscal calendars, the date moves back one calendar year (29 February → 28 February); for
    /// weeks, days and all retail periods it keeps its day offset in the period, cut at the comparable period's last day.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public ReportingPeriod SamePeriodLastYearToDate(LocalDate asOf, PeriodKind kind)
    {
        var current = GetPeriod(asOf, kind);
        var lastYear = SamePeriodLastYear(current);
        return ToDate(lastYear, MapAsOf(asOf, current, lastYear));
    }

    /// <summary>Lists the periods of <paramref name="kind"/> that overlap <c>[start, endExclusive)</c>, in order (immediate).</summary>
    /// <param name="kind">The granularity.</param>
    /// <param name="start">The first date of the range.</param>
    /// <param name="endExclusive">The first date after the range.</param>
    /// <returns>
    /// The periods, gap-free and without overlap; the first may start before <paramref name="start"/> and the last
    /// may end after <paramref name="endExclusive"/>. Empty when <paramref name="start"/> equals <paramref name="endExclusive"/>.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="endExclusive"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public IReadOnlyList<ReportingPeriod> Periods(PeriodKind kind, LocalDate start, LocalDate endExclusive)
    {
        if (endExclusive < start)
        {
            throw new ArgumentException(
                $"The range end {TimeFormat.Date(endExclusive)} is before its start {TimeFormat.Date(start)}.",
                nameof(endExclusive));
        }

        var result = new List<ReportingPeriod>();
        if (endExclusive == start)
        {
            return result;
        }

        var p = GetPeriod(start, kind);
        while (true)
        {
            result.Add(p);
            if (p.End >= endExclusive)
            {
                return result;
            }

            p = GetPeriod(p.End, kind);
        }
    }

    /// <summary>Lists the periods of <paramref name="kind"/> that overlap <paramref name="dates"/>, in order (immediate).</summary>
    /// <param name="kind">The granularity.</param>
    /// <param name="dates">The dates, both ends inclusive (NodaTime's <see cref="DateInterval"/> convention).</param>
    /// <returns>The periods overlapping the interval; see <see cref="Periods(PeriodKind, LocalDate, LocalDate)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public IReadOnlyList<ReportingPeriod> Periods(PeriodKind kind, DateInterval dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return Periods(kind, dates.Start, dates.End.PlusDays(1));
    }

    /// <summary>Maps <paramref name="asOf"/> in <paramref name="from"/> to the matching date of <paramref name="to"/>, not on either period's last day.</summary>
    internal virtual LocalDate MapAsOfWithin(LocalDate asOf, ReportingPeriod from, ReportingPeriod to)
    {
        int offset = Period.DaysBetween(from.Start, asOf);
        return to.Start.PlusDays(Math.Min(offset, to.Days - 1));
    }

    /// <summary>Throws unless <paramref name="period"/> is exactly the period this calendar returns for its start and kind.</summary>
    internal void EnsureOwnPeriod(ReportingPeriod period, string paramName)
    {
        if (period.Label is null || GetPeriod(period.Start, period.Kind) != period)
        {
            throw new ArgumentException(
                $"The period '{period.Label}' [{TimeFormat.Date(period.Start)}, {TimeFormat.Date(period.End)}) of kind {period.Kind} is not a period of this calendar.",
                paramName);
        }
    }

    internal static void ValidateKind(PeriodKind kind)
    {
        if (kind is < PeriodKind.Day or > PeriodKind.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown period kind {TimeFormat.Int((int)kind)}.");
        }
    }

    private static void ValidateWeekday(IsoDayOfWeek weekday, string paramName)
    {
        if (weekday is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(paramName, weekday, $"The weekday must be Monday to Sunday, not {TimeFormat.Int((int)weekday)}.");
        }
    }

    private static void ValidateNaming(FiscalYearNaming naming)
    {
        if (naming is not (FiscalYearNaming.StartYear or FiscalYearNaming.EndYear))
        {
            throw new ArgumentOutOfRangeException(nameof(naming), naming, $"Unknown fiscal year naming {TimeFormat.Int((int)naming)}.");
        }
    }

    private static ReportingPeriod ToDate(ReportingPeriod period, LocalDate asOf)
    {
        var end = asOf.PlusDays(1);
        return end == period.End
            ? period
            : new ReportingPeriod(period.Kind, period.Start, end, $"{period.Label} to {TimeFormat.Date(asOf)}");
    }

    private LocalDate MapAsOf(LocalDate asOf, ReportingPeriod from, ReportingPeriod to)
    {
        if (asOf.PlusDays(1) == from.End)
        {
            return to.End.PlusDays(-1);
        }

        var mapped = MapAsOfWithin(asOf, from, to);
        var last = to.End.PlusDays(-1);
        return mapped < to.Start ? to.Start : mapped > last ? last : mapped;
    }
}
