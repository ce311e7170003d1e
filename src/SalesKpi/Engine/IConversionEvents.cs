using System;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The events of an entity for a conversion, as a value type for
/// <see cref="Metric.Conversion{TFact, TEvent, TEvents}(TEvents, Duration, ConversionBasis, ConversionCounting)"/>: the
/// evaluation loop is compiled for the type, so reading an entity's events, their instants and whether each is an entry
/// into A or into B is inlined instead of four delegate calls per entity and event.
/// </summary>
/// <remarks>
/// Use it for conversions over hundreds of thousands of entities, where the delegate calls are a measurable share of the
/// cost (and in Native AOT, where no profile-guided inlining removes them); the delegate form is simpler everywhere else
/// and gives the same results. The members must be pure.
/// </remarks>
/// <typeparam name="TFact">The entity type (for example a lead).</typeparam>
/// <typeparam name="TEvent">The event type of its history (for example a stage change).</typeparam>
/// <example>
/// <code>
/// readonly record struct StageEntry(long Ticks, LeadStage Stage);
/// readonly record struct LeadFacts(StageEntry[] Stages, int Industry);
///
/// readonly struct MqlToSal : IConversionEvents&lt;LeadFacts, StageEntry&gt;
/// {
///     public ReadOnlySpan&lt;StageEntry&gt; EventsOf(in LeadFacts lead) => lead.Stages;
///     public Instant TimeOf(in StageEntry e) => Instant.FromUnixTimeTicks(e.Ticks);
///     public bool IsFrom(in StageEntry e) => e.Stage == LeadStage.Mql;
///     public bool IsTo(in StageEntry e) => e.Stage == LeadStage.Sal;
/// }
///
/// var mqlToSal = Metric.Conversion&lt;LeadFacts, StageEntry, MqlToSal&gt;(
///         default, Duration.FromDays(30), ConversionBasis.Cohort, ConversionCounting.UniqueEntities)
///     .By(l => l.Industry);
/// </code>
/// </example>
public interface IConversionEvents<TFact, TEvent>
{
    /// <summary>Returns the entity's events, in any order.</summary>
    /// <param name="fact">The entity.</param>
    /// <returns>The events (empty when it has none).</returns>
    ReadOnlySpan<TEvent> EventsOf(in TFact fact);

    /// <summary>Returns when an event happened.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The instant.</returns>
    Instant TimeOf(in TEvent e);

    /// <summary>Returns whether an event is an entry into A (for example "became MQL").</summary>
    /// <param name="e">The event.</param>
    /// <returns>Whether it is.</returns>
    bool IsFrom(in TEvent e);

    /// <summary>Returns whether an event is an entry into B (for example "became SAL").</summary>
    /// <param name="e">The event.</param>
    /// <returns>Whether it is.</returns>
    bool IsTo(in TEvent e);
}
