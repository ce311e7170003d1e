using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>
/// Run-rate and pace to quota part-way through a period: where the period lands at the current rate, how the actual
/// compares with the quota's share to date, and the daily rate still required.
/// </summary>
/// <remarks>
/// <para>
/// With <c>W</c> working days in the period, <c>e</c> elapsed (up to and including the as-of date) and
/// <c>r = W − e</c> remaining: projected = actual × W ÷ e; pace = actual ÷ (quota × e ÷ W), which is projected ÷ quota;
/// required daily rate = (quota − actual) ÷ r. A period without working days counts calendar days instead, as
/// <see cref="WorkingCalendar.ElapsedShare"/> does.
/// </para>
/// <para>
/// Edge cases: before the first working day (e = 0) projected and pace are undefined (<see langword="null"/>); pace is
/// also undefined for a zero quota. Once the quota is met the required rate is 0; with no working day left and the
/// quota not met it is undefined (<see langword="null"/>). All arithmetic is in <see cref="decimal"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var pace = QuotaPace.Of(actual: 42_000m, quota: 120_000m, quarter, today, WorkingCalendar.MondayToFriday);
/// Console.WriteLine($"{pace.Pace:P0} of pace, {pace.RequiredDailyRate:N0} a day to go");
/// </code>
/// </example>
public sealed class QuotaPace
{
    private QuotaPace(decimal actual, decimal quota, int periodDays, int elapsedDays, bool workingDays)
    {
        Actual = actual;
        Quota = quota;
        PeriodDays = periodDays;
        ElapsedDays = elapsedDays;
        CountsWorkingDays = workingDays;
        if (elapsedDays > 0)
        {
            Projected = actual * periodDays / elapsedDays;
            Pace = quota > 0 ? actual * periodDays / (quota * elapsedDays) : null;
        }

        RequiredDailyRate = actual >= quota ? 0m : RemainingDays > 0 ? (quota - actual) / RemainingDays : null;
    }

    /// <summary>Gets the actual to date.</summary>
    public decimal Actual { get; }

    /// <summary>Gets the quota of the whole period.</summary>
    public decimal Quota { get; }

    /// <summary>Gets W, the working days of the period (calendar days when it has none; see <see cref="CountsWorkingDays"/>).</summary>
    public int PeriodDays { get; }

    /// <summary>Gets e, the days of the period elapsed up to and including the as-of date.</summary>
    public int ElapsedDays { get; }

    /// <summary>Gets r = W − e, the days of the period after the as-of date.</summary>
    public int RemainingDays => PeriodDays - ElapsedDays;

    /// <summary>Gets a value indicating whether the days are working days (<see langword="false"/>: the period has none, so calendar days).</summary>
    public bool CountsWorkingDays { get; }

    /// <summary>Gets actual × W ÷ e, or <see langword="null"/> when no day has elapsed.</summary>
    public decimal? Projected { get; }

    /// <summary>Gets actual ÷ (quota × e ÷ W), or <see langword="null"/> when no day has elapsed or the quota is 0.</summary>
    public decimal? Pace { get; }

    /// <summary>Gets (quota − actual) ÷ r: 0 once the quota is met, <see langword="null"/> when it is not and no day remains.</summary>
    public decimal? RequiredDailyRate { get; }

    /// <summary>Computes the run-rate and pace of <paramref name="actual"/> against <paramref name="quota"/>.</summary>
    /// <param name="actual">The actual to date (amount, count, …).</param>
    /// <param name="quota">The quota of the whole period; zero or more.</param>
    /// <param name="period">The period.</param>
    /// <param name="asOf">The as-of date; it counts as elapsed.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <returns>The pace.</returns>
    /// <exception cref="ArgumentException"><paramref name="period"/> is the default value, which has no dates.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quota"/> is negative.</exception>
    public static QuotaPace Of(decimal actual, decimal quota, ReportingPeriod period, LocalDate asOf, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        PipelineChecks.RequirePeriod(period, nameof(period));
        if (quota < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quota), quota, "The quota must not be negative.");
        }

        int working = calendar.WorkingDaysIn(period);
        return working > 0
            ? new(actual, quota, working, calendar.ElapsedWorkingDays(period, asOf), workingDays: true)
            : new(actual, quota, period.Days, period.ElapsedDays(asOf), workingDays: false);
    }

    /// <summary>Formats a summary, for example <c>42000 of 120000 after 20 of 63 days: projected 132300, pace 1.1025, 2325.58… a day</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Actual} of {Quota} after {ElapsedDays} of {PeriodDays} days: projected {Facts.FormatOrNone(Projected)}, pace {Facts.FormatOrNone(Pace)}, {Facts.FormatOrNone(RequiredDailyRate)} a day");
}
