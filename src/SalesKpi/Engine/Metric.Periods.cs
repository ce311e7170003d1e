using System;
using NodaTime;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Evaluates per period of <paramref name="kind"/> on the ISO calendar, placing each fact by the business date of its instant.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="kind">The period granularity.</param>
    /// <param name="timestamp">A fact's instant.</param>
    /// <returns>The metric per period.</returns>
    /// <remarks>
    /// Deferred. The business date is the instant's date in the evaluation's zone (<see cref="EvaluationOptions{TFact}"/>),
    /// so an evaluation of this metric needs options. See the calendar overload.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is already per period, is windowed or compared, or is a conversion (which places facts by its own instants).</exception>
    /// <example>
    /// <code>
    /// var weekly = Metric.Count&lt;Activity&gt;().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.Timestamp);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> PerPeriod<TFact, TKey>(this Metric<TFact, TKey> metric, PeriodKind kind, Func<TFact, Instant> timestamp)
        where TKey : notnull =>
        PerPeriod(metric, ReportingCalendar.Iso, kind, timestamp);

    /// <summary>Evaluates per period of <paramref name="kind"/> on <paramref name="calendar"/>, placing each fact by the business date of its instant.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="calendar">The reporting calendar (fiscal, retail 4-4-5 …).</param>
    /// <param name="kind">The period granularity.</param>
    /// <param name="timestamp">A fact's instant.</param>
    /// <returns>The metric per period.</returns>
    /// <remarks>
    /// Deferred. Periods are half-open date ranges <c>[start, end)</c>; an instant at local midnight belongs to the day it
    /// starts. The instant → date conversion caches the zone's current offset interval and the date → period mapping
    /// caches each day, so the calendar is asked once per period, not once per fact.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is already per period, is windowed or compared, or is a conversion.</exception>
    /// <example>
    /// <code>
    /// var perFiscalQuarter = Metric.Sum&lt;Deal&gt;(d => d.Amount).PerPeriod(fiscal, PeriodKind.Quarter, d => d.ClosedAt);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> PerPeriod<TFact, TKey>(this Metric<TFact, TKey> metric, ReportingCalendar calendar, PeriodKind kind, Func<TFact, Instant> timestamp)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(timestamp);
        CheckPeriodable(metric, kind, needsIntrinsicTime: false);
        return new Metric<TFact, TKey>(metric)
        {
            Period = new PeriodSpec<TFact>(calendar, kind, timestamp, null),
            Description = metric.Description + " | per " + kind,
        };
    }

    /// <summary>
    /// Evaluates per period of <paramref name="kind"/> on <paramref name="calendar"/>, placing each fact by the instant a
    /// value-type selector reads (as Unix ticks) and converts to a business date in the evaluation's zone.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <typeparam name="TTime">The time selector type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="calendar">The reporting calendar.</param>
    /// <param name="kind">The period granularity.</param>
    /// <param name="time">The selector of a fact's instant, for example <see cref="ActivityTime.Timestamp"/>.</param>
    /// <returns>The metric per period.</returns>
    /// <remarks>
    /// Deferred. The same as the overload taking a lambda that returns the instant, with the selector compiled into the
    /// evaluation loop and no <see cref="Instant"/> built per fact. See <see cref="IFactTime{TFact}"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException">The metric is already per period, is windowed or compared, or is a conversion.</exception>
    /// <example>
    /// <code>
    /// var dailyByRep = Metric.Count&lt;SalesActivity&gt;().By(a => a.Rep)
    ///     .PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> PerPeriod<TFact, TKey, TTime>(this Metric<TFact, TKey> metric, ReportingCalendar calendar, PeriodKind kind, TTime time)
        where TKey : notnull
        where TTime : struct, IFactTime<TFact>
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(calendar);
        CheckPeriodable(metric, kind, needsIntrinsicTime: false);
        return new Metric<TFact, TKey>(metric)
        {
            Period = new PeriodSpec<TFact>(calendar, kind, fact => Instant.FromUnixTimeTicks(time.UnixTicks(in fact)), null, new TimeStage<TFact, TTime>(time)),
            Description = metric.Description + " | per " + kind,
        };
    }

    /// <summary>Evaluates per period of <paramref name="kind"/> on <paramref name="calendar"/>, placing each fact by a date it carries.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="calendar">The reporting calendar.</param>
    /// <param name="kind">The period granularity.</param>
    /// <param name="date">A fact's business date (for example a deal's expected close date); no zone is involved.</param>
    /// <returns>The metric per period.</returns>
    /// <remarks>Deferred.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is already per period, is windowed or compared, or is a conversion.</exception>
    /// <example>
    /// <code>
    /// var closingPerMonth = Metric.Sum&lt;Deal&gt;(d => d.Amount).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, d => d.ExpectedClose);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> PerPeriod<TFact, TKey>(this Metric<TFact, TKey> metric, ReportingCalendar calendar, PeriodKind kind, Func<TFact, LocalDate> date)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(date);
        CheckPeriodable(metric, kind, needsIntrinsicTime: false);
        return new Metric<TFact, TKey>(metric)
        {
            Period = new PeriodSpec<TFact>(calendar, kind, null, date),
            Description = metric.Description + " | per " + kind,
        };
    }

    /// <summary>
    /// Evaluates per period of <paramref name="kind"/> on <paramref name="calendar"/>, placing each fact by the business
    /// date a value-type selector reads (as an epoch day); no zone is involved.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <typeparam name="TDate">The date selector type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="calendar">The reporting calendar.</param>
    /// <param name="kind">The period granularity.</param>
    /// <param name="date">The selector of a fact's business date.</param>
    /// <returns>The metric per period.</returns>
    /// <remarks>
    /// Deferred. The same as the overload taking a lambda that returns a <see cref="LocalDate"/>, with the selector compiled
    /// into the evaluation loop. Evaluation needs no options for it, as no zone is consulted; metrics with the same filter,
    /// key, calendar, kind and an equal date selector share one pass in <c>EvaluateAll</c>.
    /// See <see cref="IFactDate{TFact}"/>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException">The metric is already per period, is windowed or compared, or is a conversion.</exception>
    /// <example>
    /// <code>
    /// readonly struct BookedOn : IFactDate&lt;Booking&gt;
    /// {
    ///     public int EpochDayOf(in Booking booking) => booking.EpochDay;
    /// }
    ///
    /// var bookedPerWeek = Metric.Sum&lt;Booking&gt;(b => b.Amount).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Week, new BookedOn());
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> PerPeriodByDate<TFact, TKey, TDate>(this Metric<TFact, TKey> metric, ReportingCalendar calendar, PeriodKind kind, TDate date)
        where TKey : notnull
        where TDate : struct, IFactDate<TFact>
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(calendar);
        CheckPeriodable(metric, kind, needsIntrinsicTime: false);
        return new Metric<TFact, TKey>(metric)
        {
            Period = new PeriodSpec<TFact>(
                calendar,
                kind,
                null,
                fact => EpochDay.ToDate(date.EpochDayOf(in fact)),
                new TimeStage<TFact, DayTime<TFact, TDate>>(new DayTime<TFact, TDate>(date)),
                timeIsDay: true),
            Description = metric.Description + " | per " + kind,
        };
    }

    /// <summary>
    /// Evaluates a conversion per period of <paramref name="kind"/> on <paramref name="calendar"/>; the conversion places
    /// each entry by its own instants (cohort: the entry; period basis: the entry and the conversion).
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A conversion metric.</param>
    /// <param name="calendar">The reporting calendar.</param>
    /// <param name="kind">The period granularity.</param>
    /// <returns>The conversion per period.</returns>
    /// <remarks>Deferred. Business dates are taken in the evaluation's zone.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not a conversion (other metrics need a timestamp), or is already per period.</exception>
    /// <example>
    /// <code>
    /// var monthlyMqlToSal = mqlToSal.PerPeriod(ReportingCalendar.Iso, PeriodKind.Month);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> PerPeriod<TFact, TKey>(this Metric<TFact, TKey> metric, ReportingCalendar calendar, PeriodKind kind)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(calendar);
        CheckPeriodable(metric, kind, needsIntrinsicTime: true);
        return new Metric<TFact, TKey>(metric)
        {
            Period = new PeriodSpec<TFact>(calendar, kind, null, null),
            Description = metric.Description + " | per " + kind,
        };
    }

    private static void CheckPeriodable<TFact, TKey>(Metric<TFact, TKey> metric, PeriodKind kind, bool needsIntrinsicTime)
        where TKey : notnull
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown period kind.");
        }

        if (metric.Period is not null)
        {
            throw Misuse("The metric is already per period.");
        }

        if (metric.Window is not null || metric.Stages.Length > 0)
        {
            throw Misuse("Choose the period before windows, comparisons and targets.");
        }

        if (metric.Aggregation.HasIntrinsicTime != needsIntrinsicTime)
        {
            throw Misuse(needsIntrinsicTime
                ? "Only conversions place facts by their own instants; give this metric a timestamp or date selector."
                : "A conversion places entries by its own instants: use PerPeriod(calendar, kind) without a selector.");
        }
    }
}
