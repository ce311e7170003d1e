using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>
    /// The conversion of entities (for example leads) from an event or stage A to a stage B within a window: each fact is
    /// one entity with its history of events.
    /// </summary>
    /// <typeparam name="TFact">The entity type (for example a lead).</typeparam>
    /// <typeparam name="TEvent">The event type of its history (for example a stage change).</typeparam>
    /// <param name="history">The entity's events, in any order; must not return null.</param>
    /// <param name="time">When an event happened.</param>
    /// <param name="from">Whether an event is an entry into A (for example "became MQL").</param>
    /// <param name="to">Whether an event is an entry into B (for example "became SAL").</param>
    /// <param name="window">The window W: B converts an entry into A at t_A when 0 ≤ t_B − t_A ≤ W (both ends inclusive).</param>
    /// <param name="basis">Cohort (default) or period basis; see <see cref="ConversionBasis"/>.</param>
    /// <param name="counting">Unique entities (default) or all conversions; see <see cref="ConversionCounting"/>.</param>
    /// <returns>
    /// An ungrouped conversion. Cohort basis: a rate (successes ÷ trials) with n and a 95% Wilson interval,
    /// <see cref="KpiValue.Censored"/> = trials not yet converted whose window is still open at as-of (t_A + W &gt; as-of;
    /// the rate can still rise). Period basis: a ratio (conversions in the period ÷ entries in the period).
    /// <see cref="KpiValue.Count"/> is the number of trials (cohort) or trials plus conversions (period).
    /// Empty cell: Undefined.
    /// </returns>
    /// <remarks>
    /// Deferred. The evaluation needs options with an as-of instant: events after it are ignored (as if not yet
    /// happened). A B before its A never converts it. Group by an entity attribute (industry, job title) with <c>By</c>;
    /// place trials in periods with <c>PerPeriod(calendar, kind)</c> (cohort: by t_A; period basis: entries by t_A and
    /// conversions by t_B, dates in the evaluation's zone). Each entity is whole in one fact, so partitions merge exactly.
    /// </remarks>
    /// <exception cref="ArgumentNullException">A delegate is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative, or an enum value is undefined.</exception>
    /// <example>
    /// <code>
    /// var mqlToSal = Metric.Conversion&lt;Lead, StageChange&gt;(
    ///         l => l.Stages, s => s.At, s => s.Stage == Stage.Mql, s => s.Stage == Stage.Sal, Duration.FromDays(30))
    ///     .By(l => l.Industry);
    /// var table = mqlToSal.Evaluate(leads, EvaluationOptions&lt;Lead&gt;.InZone(zone).WithAsOf(now));
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Conversion<TFact, TEvent>(
        Func<TFact, IReadOnlyList<TEvent>> history,
        Func<TEvent, Instant> time,
        Func<TEvent, bool> from,
        Func<TEvent, bool> to,
        Duration window,
        ConversionBasis basis = ConversionBasis.Cohort,
        ConversionCounting counting = ConversionCounting.UniqueEntities)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (window < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The conversion window must not be negative.");
        }

        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown conversion basis.");
        }

        if (!Enum.IsDefined(counting))
        {
            throw new ArgumentOutOfRangeException(nameof(counting), counting, "Unknown conversion counting.");
        }

        var spec = new ConversionSpec<TFact, TEvent>(history, time, from, to, window, basis, counting);
        return new(new ConversionAggregation<TFact, TEvent>(spec))
        {
            Description = "conversion (" + (basis == ConversionBasis.Cohort ? "cohort" : "period") + ", "
                + (counting == ConversionCounting.UniqueEntities ? "unique entities" : "all conversions") + ")",
        };
    }
}
