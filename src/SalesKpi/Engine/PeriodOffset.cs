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
    /// Gets the same period one year earlier: the period of the same kind that contains the period's start date
    /// minus one year (calendar-correct: a month maps to the same month, 29 February to 28 February).
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
        if (IsSamePeriodLastYear)
        {
            return calendar.GetPeriod(period.Start.PlusYears(-1), period.Kind);
        }

        var p = period;
        for (int i = 0; i < Math.Max(PeriodsBack, 1); i++)
        {
            p = calendar.GetPeriod(p.Start.PlusDays(-1), p.Kind);
        }

        return p;
    }

    internal static ReportingPeriod Next(ReportingPeriod period, ReportingCalendar calendar) =>
        calendar.GetPeriod(period.End, period.Kind);

    internal static LocalDate GrainStart(ReportingPeriod period, ReportingCalendar calendar, PeriodKind grain) =>
        calendar.GetPeriod(period.Start, grain).Start;
}
