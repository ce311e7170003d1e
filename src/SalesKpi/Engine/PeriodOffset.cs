using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>Which earlier period a period is compared with: the previous one, n back, or the same period last year.</summary>
/// <remarks>Immutable value. Offsets are computed on the metric's <see cref="ReportingCalendar"/>.</remarks>
public readonly record struct PeriodOffset
{
    private PeriodOffset(int periodsBack, bool lastYear)
    {
        PeriodsBack = periodsBack;
        IsSamePeriodLastYear = lastYear;
    }

    /// <summary>Gets the immediately preceding period.</summary>
    public static PeriodOffset PreviousPeriod => new(1, false);

    /// <summary>
    /// Gets the same period one year earlier, as the metric's calendar defines it
    /// (<see cref="ReportingCalendar.SamePeriodLastYear"/>): months, quarters and years map to the same number, weeks
    /// to the same week number (53 to 52), days to the same date (29 February to 28 February) or, on retail calendars,
    /// to the same weekday of the mapped week.
    /// </summary>
    public static PeriodOffset SamePeriodLastYear => new(0, true);

    /// <summary>Gets how many periods back, or 0 for <see cref="SamePeriodLastYear"/>.</summary>
    public int PeriodsBack { get; }

    /// <summary>Gets whether this is <see cref="SamePeriodLastYear"/>.</summary>
    public bool IsSamePeriodLastYear { get; }

    /// <summary>Returns the offset <paramref name="periods"/> periods back.</summary>
    /// <param name="periods">How many periods back, at least 1.</param>
    /// <returns>The offset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is less than 1.</exception>
    public static PeriodOffset Back(int periods)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        return new PeriodOffset(periods, false);
    }

    /// <summary>Returns a short description such as <c>previous period</c> or <c>3 periods back</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        IsSamePeriodLastYear ? "same period last year"
        : PeriodsBack == 1 ? "previous period"
        : string.Create(CultureInfo.InvariantCulture, $"{PeriodsBack} periods back");

    internal ReportingPeriod Apply(ReportingPeriod period, ReportingCalendar calendar)
    {
        return IsSamePeriodLastYear
            ? calendar.SamePeriodLastYear(period)
            : calendar.Shift(period, -Math.Max(PeriodsBack, 1));
    }

    internal static ReportingPeriod Next(ReportingPeriod period, ReportingCalendar calendar) => calendar.Next(period);

    internal static LocalDate GrainStart(ReportingPeriod period, ReportingCalendar calendar, PeriodKind grain) =>
        calendar.GetPeriod(period.Start, grain).Start;
}
