using System;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Replaces each value by its attainment: actual ÷ target.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">The metric.</param>
    /// <param name="target">The target of a key in a period (period <see langword="null"/> when not per period), or <see langword="null"/> for none.</param>
    /// <returns>The attainment metric: a ratio with the actual as numerator and the target as denominator.</returns>
    /// <remarks>Deferred. Undefined when the target is missing or 0, or the actual is Undefined; exact when the actual is.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// var quotaAttainment = wonAmountPerRepPerQuarter.Attainment((rep, quarter) => quota[rep]);   // 90,000 of 120,000 → 0.75
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Attainment<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, ReportingPeriod?, decimal?> target)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(target);
        return WithStage(metric, new TargetStage<TKey>(target, TargetMode.Attainment, null), "attainment");
    }

    /// <summary>
    /// Replaces each value by its pace against a target: actual ÷ (target × elapsed fraction of the period at the as-of date),
    /// 1 meaning exactly on track.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="target">The full-period target of a key in a period, or <see langword="null"/> for none.</param>
    /// <returns>The pace metric: a ratio with the actual as numerator and the prorated target as denominator.</returns>
    /// <remarks>
    /// Deferred; the evaluation needs options with an as-of instant (its date in the reporting zone). Elapsed fraction =
    /// (calendar days from the period start through the as-of date, inclusive, clamped to the period) ÷ days in the
    /// period; past periods therefore show plain attainment and future periods are Undefined (nothing elapsed).
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// // 40 calls by day 10 of a 30-day month against 150: 40 ÷ (150 × 10/30) = 0.8
    /// var callPace = monthlyCalls.Pace((rep, month) => 150m);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Pace<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, ReportingPeriod?, decimal?> target)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(target);
        RequirePeriods(metric, "Pace");
        return WithStage(metric, new TargetStage<TKey>(target, TargetMode.Pace, null), "pace");
    }

    /// <summary>
    /// Replaces each value by its pace against a target on working days: actual ÷ (target × elapsed working-day share of
    /// the period at the as-of date), 1 meaning exactly on track.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="target">The full-period target of a key in a period, or <see langword="null"/> for none.</param>
    /// <param name="workingDays">The working calendar (weekends and holidays) that every key works to.</param>
    /// <returns>The pace metric: a ratio with the actual as numerator and the prorated target (the target expected by now) as denominator.</returns>
    /// <remarks>
    /// <para>
    /// Deferred; the evaluation needs options with an as-of instant (its date in the reporting zone). Elapsed share =
    /// <see cref="WorkingCalendar.ElapsedWorkingDays"/> ÷ <see cref="WorkingCalendar.WorkingDaysIn"/>: the as-of date
    /// counts as elapsed (figures "as of" a date include that whole day), so the elapsed working days are those from the
    /// period start through the as-of date, clamped to the period.
    /// </para>
    /// <para>
    /// Edge cases: elapsed 0 (a future period, or an as-of date before the period's first working day) → Undefined,
    /// never NaN; a past period → plain attainment; a target of 0 or none → Undefined; a period without any working day
    /// uses calendar days, as <see cref="WorkingCalendar.ElapsedShare"/> does. With no weekend and no holiday the result
    /// equals the calendar-day <see cref="Pace{TFact, TKey}(Metric{TFact, TKey}, Func{TKey, ReportingPeriod?, decimal?})"/>.
    /// Exact when the actual is (the expected target is <c>target × elapsed ÷ working days</c> in decimal).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// // June 2026 has 22 working days (Mon–Fri); as of Wed 10 June, 8 have elapsed.
    /// // 40 calls against 220 for the month: 40 ÷ (220 × 8/22) = 40 ÷ 80 = 0.5
    /// var callPace = monthlyCalls.Pace((rep, month) => 220m, WorkingCalendar.MondayToFriday);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Pace<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, ReportingPeriod?, decimal?> target, WorkingCalendar workingDays)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(workingDays);
        RequirePeriods(metric, "Pace");
        return WithStage(metric, new TargetStage<TKey>(target, TargetMode.Pace, _ => workingDays), "pace on working days");
    }

    /// <summary>
    /// Replaces each value by its pace against a target on the working days of each key's own working calendar (for
    /// example each rep's country holidays).
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="target">The full-period target of a key in a period, or <see langword="null"/> for none.</param>
    /// <param name="workingDaysOf">The working calendar of a key; must not return null (evaluation throws <see cref="ArgumentException"/> if it does).</param>
    /// <returns>The pace metric, as <see cref="Pace{TFact, TKey}(Metric{TFact, TKey}, Func{TKey, ReportingPeriod?, decimal?}, WorkingCalendar)"/>.</returns>
    /// <remarks>Deferred. Same semantics as the overload with one calendar, applied with each key's calendar.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// var callPace = monthlyCallsPerRep.Pace((rep, month) => 220m, rep => workingCalendars[rep]);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Pace<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, ReportingPeriod?, decimal?> target, Func<TKey, WorkingCalendar> workingDaysOf)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(workingDaysOf);
        RequirePeriods(metric, "Pace");
        return WithStage(metric, new TargetStage<TKey>(target, TargetMode.Pace, workingDaysOf), "pace on working days");
    }

    /// <summary>
    /// Replaces each value by its projection to the end of the period at the current run rate, on calendar days:
    /// actual × days of the period ÷ elapsed days.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <returns>The projected metric: a number, exact when the actual is.</returns>
    /// <remarks>
    /// Deferred; the evaluation needs options with an as-of instant. The as-of date counts as elapsed
    /// (<see cref="ReportingPeriod.ElapsedDays"/>). Elapsed 0 (a future period) → Undefined; a past period → the actual
    /// itself; an Undefined actual → Undefined. The projection divided by a target is the pace against it.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// // 40 calls by 10 March (10 of 31 days): 40 × 31 ÷ 10 = 124 projected for March
    /// var projected = monthlyCalls.Projected();
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Projected<TFact, TKey>(this Metric<TFact, TKey> metric)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        RequirePeriods(metric, "Projected");
        return WithStage(metric, new TargetStage<TKey>(null, TargetMode.Projected, null), "projected");
    }

    /// <summary>
    /// Replaces each value by its projection to the end of the period at the current run rate per working day:
    /// actual × working days of the period ÷ elapsed working days.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="workingDays">The working calendar that every key works to.</param>
    /// <returns>The projected metric: a number, exact when the actual is (decimal division).</returns>
    /// <remarks>
    /// Deferred; the evaluation needs options with an as-of instant. Working days are counted as by
    /// <see cref="WorkingCalendar.ElapsedWorkingDays"/> (the as-of date counts as elapsed) and
    /// <see cref="WorkingCalendar.WorkingDaysIn"/>. Elapsed 0 working days → Undefined, never NaN or infinity; a past
    /// period → the actual; a period without any working day uses calendar days, as <see cref="WorkingCalendar.ElapsedShare"/> does.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// // 40 calls in the first 8 of June's 22 working days: 40 × 22 ÷ 8 = 110 projected for June
    /// var projected = monthlyCalls.Projected(WorkingCalendar.MondayToFriday);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Projected<TFact, TKey>(this Metric<TFact, TKey> metric, WorkingCalendar workingDays)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(workingDays);
        RequirePeriods(metric, "Projected");
        return WithStage(metric, new TargetStage<TKey>(null, TargetMode.Projected, _ => workingDays), "projected on working days");
    }

    /// <summary>Replaces each value by its projection at the run rate per working day of each key's own working calendar.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="workingDaysOf">The working calendar of a key; must not return null (evaluation throws <see cref="ArgumentException"/> if it does).</param>
    /// <returns>The projected metric, as <see cref="Projected{TFact, TKey}(Metric{TFact, TKey}, WorkingCalendar)"/>.</returns>
    /// <remarks>Deferred. Same semantics as the overload with one calendar, applied with each key's calendar.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// var projected = monthlyCallsPerRep.Projected(rep => workingCalendars[rep]);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Projected<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, WorkingCalendar> workingDaysOf)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(workingDaysOf);
        RequirePeriods(metric, "Projected");
        return WithStage(metric, new TargetStage<TKey>(null, TargetMode.Projected, workingDaysOf), "projected on working days");
    }

    /// <summary>
    /// Replaces each value by the rate per remaining calendar day needed to reach the target:
    /// max(target − actual, 0) ÷ days of the period after the as-of date.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="target">The full-period target of a key in a period, or <see langword="null"/> for none.</param>
    /// <returns>A ratio: the shortfall as numerator, the remaining days as denominator.</returns>
    /// <remarks>
    /// Deferred; the evaluation needs options with an as-of instant, whose date counts as elapsed (so it is not a
    /// remaining day). A target already met requires 0 (never a negative rate); no remaining day (a past period, or
    /// as of its last day) → Undefined with the shortfall still visible as the numerator; no target → Undefined.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// // 40 calls by 10 March against 155: (155 − 40) ÷ 21 remaining days ≈ 5.48 calls a day
    /// var needed = monthlyCalls.RequiredDailyRate((rep, month) => 155m);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> RequiredDailyRate<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, ReportingPeriod?, decimal?> target)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(target);
        RequirePeriods(metric, "RequiredDailyRate");
        return WithStage(metric, new TargetStage<TKey>(target, TargetMode.RequiredDailyRate, null), "required daily rate");
    }

    /// <summary>
    /// Replaces each value by the rate per remaining working day needed to reach the target:
    /// max(target − actual, 0) ÷ working days of the period after the as-of date.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="target">The full-period target of a key in a period, or <see langword="null"/> for none.</param>
    /// <param name="workingDays">The working calendar that every key works to.</param>
    /// <returns>A ratio: the shortfall as numerator, the remaining working days (<see cref="WorkingCalendar.RemainingWorkingDays"/>) as denominator.</returns>
    /// <remarks>
    /// Deferred; the evaluation needs options with an as-of instant, whose date counts as elapsed. A target already met
    /// requires 0; no remaining working day (a past period, the last working day, a period without working days) →
    /// Undefined with the shortfall as numerator; no target → Undefined. Exact when the actual is.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// // 40 calls by Wed 10 June against 220: (220 − 40) ÷ 14 remaining working days ≈ 12.86 calls a working day
    /// var needed = monthlyCalls.RequiredDailyRate((rep, month) => 220m, WorkingCalendar.MondayToFriday);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> RequiredDailyRate<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, ReportingPeriod?, decimal?> target, WorkingCalendar workingDays)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(workingDays);
        RequirePeriods(metric, "RequiredDailyRate");
        return WithStage(metric, new TargetStage<TKey>(target, TargetMode.RequiredDailyRate, _ => workingDays), "required daily rate on working days");
    }

    /// <summary>Replaces each value by the rate per remaining working day of each key's own working calendar needed to reach the target.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="target">The full-period target of a key in a period, or <see langword="null"/> for none.</param>
    /// <param name="workingDaysOf">The working calendar of a key; must not return null (evaluation throws <see cref="ArgumentException"/> if it does).</param>
    /// <returns>The required rate, as <see cref="RequiredDailyRate{TFact, TKey}(Metric{TFact, TKey}, Func{TKey, ReportingPeriod?, decimal?}, WorkingCalendar)"/>.</returns>
    /// <remarks>Deferred. Same semantics as the overload with one calendar, applied with each key's calendar.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period.</exception>
    /// <example>
    /// <code>
    /// var needed = monthlyWonPerRep.RequiredDailyRate((rep, month) => quota[rep], rep => workingCalendars[rep]);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> RequiredDailyRate<TFact, TKey>(this Metric<TFact, TKey> metric, Func<TKey, ReportingPeriod?, decimal?> target, Func<TKey, WorkingCalendar> workingDaysOf)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(workingDaysOf);
        RequirePeriods(metric, "RequiredDailyRate");
        return WithStage(metric, new TargetStage<TKey>(target, TargetMode.RequiredDailyRate, workingDaysOf), "required daily rate on working days");
    }

    private static void RequirePeriods<TFact, TKey>(Metric<TFact, TKey> metric, string combinator)
        where TKey : notnull
    {
        if (metric.Period is null)
        {
            throw Misuse(combinator + " needs a metric per period: call PerPeriod first.");
        }
    }
}
