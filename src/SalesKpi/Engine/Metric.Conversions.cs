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
        ValidateConversion(window, basis, counting);

        var spec = new ConversionSpec<TFact, DelegateConversionReader<TFact, TEvent>>(new(history, time, from, to), window, basis, counting);
        return new(new ConversionAggregation<TFact, DelegateConversionReader<TFact, TEvent>>(spec))
        {
            Description = ConversionDescription("conversion", basis, counting),
        };
    }

    /// <summary>
    /// The conversion of entities from an event A to an event B within a window, each fact one entity with its events,
    /// read through a value type compiled into the evaluation loop (no delegate call per entity or event).
    /// </summary>
    /// <typeparam name="TFact">The entity type (for example a lead).</typeparam>
    /// <typeparam name="TEvent">The event type of its history (for example a stage change).</typeparam>
    /// <typeparam name="TEvents">The value type that reads an entity's events, their instants and whether each is an entry into A or B.</typeparam>
    /// <param name="events">The reader of the events (often <c>default</c>, a struct without fields).</param>
    /// <param name="window">The window W: B converts an entry into A at t_A when 0 ≤ t_B − t_A ≤ W (both ends inclusive).</param>
    /// <param name="basis">Cohort or period basis; see <see cref="ConversionBasis"/>.</param>
    /// <param name="counting">Unique entities or all conversions; see <see cref="ConversionCounting"/>.</param>
    /// <returns>
    /// An ungrouped conversion with the values, rule and censoring of
    /// <see cref="Conversion{TFact, TEvent}(Func{TFact, IReadOnlyList{TEvent}}, Func{TEvent, Instant}, Func{TEvent, bool}, Func{TEvent, bool}, Duration, ConversionBasis, ConversionCounting)"/>:
    /// on the same events the two give the same table (property-tested).
    /// </returns>
    /// <remarks>
    /// Deferred. The evaluation needs options with an as-of instant; events after it are ignored. Group by an entity
    /// attribute with <c>By</c> and place trials in periods with <c>PerPeriod(calendar, kind)</c>, as with the delegate form.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative, or an enum value is undefined.</exception>
    /// <example>
    /// <code>
    /// readonly struct MqlToSal : IConversionEvents&lt;LeadFacts, StageEntry&gt;
    /// {
    ///     public ReadOnlySpan&lt;StageEntry&gt; EventsOf(in LeadFacts lead) => lead.Stages;
    ///     public Instant TimeOf(in StageEntry e) => Instant.FromUnixTimeTicks(e.Ticks);
    ///     public bool IsFrom(in StageEntry e) => e.Stage == LeadStage.Mql;
    ///     public bool IsTo(in StageEntry e) => e.Stage == LeadStage.Sal;
    /// }
    ///
    /// var mqlToSal = Metric.Conversion&lt;LeadFacts, StageEntry, MqlToSal&gt;(
    ///     default, Duration.FromDays(30), ConversionBasis.Cohort, ConversionCounting.UniqueEntities);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Conversion<TFact, TEvent, TEvents>(
        TEvents events,
        Duration window,
        ConversionBasis basis,
        ConversionCounting counting)
        where TEvents : struct, IConversionEvents<TFact, TEvent>
    {
        ValidateConversion(window, basis, counting);
        var spec = new ConversionSpec<TFact, ValueConversionReader<TFact, TEvent, TEvents>>(new(events), window, basis, counting);
        return new(new ConversionAggregation<TFact, ValueConversionReader<TFact, TEvent, TEvents>>(spec))
        {
            Description = ConversionDescription("conversion", basis, counting),
        };
    }

    /// <summary>
    /// The conversion of entities from an event A to an event B within a window, where the events arrive as separate facts
    /// (for example MQL and SAL stage changes of leads, from one stream or two) and are joined by entity key.
    /// </summary>
    /// <typeparam name="TFact">The event fact type (for example a lead's stage change).</typeparam>
    /// <typeparam name="TEntity">The entity key (for example a lead id); equal keys are the same entity.</typeparam>
    /// <param name="entity">The entity of an event; must not return null (evaluation throws <see cref="ArgumentException"/> if it does).</param>
    /// <param name="time">When an event happened.</param>
    /// <param name="from">Whether an event is an entry into A (for example "became MQL").</param>
    /// <param name="to">Whether an event is an entry into B (for example "became SAL").</param>
    /// <param name="window">The window W: B converts an entry into A at t_A when 0 ≤ t_B − t_A ≤ W (both ends inclusive).</param>
    /// <param name="basis">Cohort (default) or period basis; see <see cref="ConversionBasis"/>.</param>
    /// <param name="counting">Unique entities (default) or all conversions; see <see cref="ConversionCounting"/>.</param>
    /// <returns>
    /// An ungrouped conversion with the values of
    /// <see cref="Conversion{TFact, TEvent}(Func{TFact, IReadOnlyList{TEvent}}, Func{TEvent, Instant}, Func{TEvent, bool}, Func{TEvent, bool}, Duration, ConversionBasis, ConversionCounting)"/>:
    /// cohort basis a rate with n, Wilson interval and censored trials; period basis a ratio. Empty cell: Undefined.
    /// </returns>
    /// <remarks>
    /// <para>
    /// Deferred. Same rule, basis, counting and censoring as the history form: on the same events the two give the same
    /// table (property-tested). The evaluation needs options with an as-of instant; events after it are ignored. Facts
    /// that are neither A nor B are skipped without calling <paramref name="entity"/>.
    /// </para>
    /// <para>
    /// A trial belongs to the group of its A event: <c>By</c> is applied to A events only (a B event needs no group
    /// key), so each A event must carry the entity's attribute (industry, job title …). Place trials in periods with
    /// <c>PerPeriod(calendar, kind)</c>: cohort by t_A; period basis entries by t_A and conversions by t_B, each event
    /// dated in its own fact's zone under the evaluation's basis. Several A events of one entity at the same instant
    /// are ordered by group key, so the result never depends on the order of the facts.
    /// </para>
    /// <para>
    /// Mergeable whatever the partition: an entity's A and B events may arrive in different states (yesterday's MQLs,
    /// today's SALs), because the state keeps the events (entity, instant, business day and, for A, the group key) and
    /// decides conversions only when the table is finished. Its memory therefore grows with the number of A and B events
    /// (about 32 bytes each), and <see cref="KpiState{TFact, TKey}.CellCount"/> counts events. Its snapshot (tag
    /// <c>conversion-events</c>) has two parts, A events per (entity, group key) and B events per entity, each cell's
    /// events as (days since the Unix epoch, nanosecond of day, business day) triples in time order.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">A delegate is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative, or an enum value is undefined.</exception>
    /// <example>
    /// <code>
    /// var mqlToSal = Metric.ConversionOfEvents&lt;StageChangeFact, LeadId&gt;(
    ///         e => e.Lead, e => e.At, e => e.Stage == Stage.Mql, e => e.Stage == Stage.Sal, Duration.FromDays(30))
    ///     .By(e => e.Industry)
    ///     .PerPeriod(ReportingCalendar.Iso, PeriodKind.Month);
    /// var state = mqlToSal.CreateState(options);
    /// state.Add(mqlEvents);
    /// state.Add(salEvents);   // another stream: joined by lead id
    /// var table = state.ToTable();
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> ConversionOfEvents<TFact, TEntity>(
        Func<TFact, TEntity> entity,
        Func<TFact, Instant> time,
        Func<TFact, bool> from,
        Func<TFact, bool> to,
        Duration window,
        ConversionBasis basis = ConversionBasis.Cohort,
        ConversionCounting counting = ConversionCounting.UniqueEntities)
        where TEntity : notnull
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ValidateConversion(window, basis, counting);

        var spec = new EventConversionSpec<TFact, TEntity>(entity, time, from, to, window, basis, counting);
        return new(new EventConversionAggregation<TFact, TEntity>(spec))
        {
            Description = ConversionDescription("conversion of events", basis, counting),
        };
    }

    private static void ValidateConversion(Duration window, ConversionBasis basis, ConversionCounting counting)
    {
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
    }

    private static string ConversionDescription(string kind, ConversionBasis basis, ConversionCounting counting) =>
        kind + " (" + (basis == ConversionBasis.Cohort ? "cohort" : "period") + ", "
        + (counting == ConversionCounting.UniqueEntities ? "unique entities" : "all conversions") + ")";
}
