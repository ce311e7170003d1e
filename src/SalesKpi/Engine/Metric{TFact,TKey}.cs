using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace SalesKpi;

/// <summary>
/// A KPI definition: what to aggregate over facts of type <typeparamref name="TFact"/>, grouped by
/// <typeparamref name="TKey"/>, optionally per reporting period, windowed, compared and targeted. Definitions are
/// values; evaluation is separate.
/// </summary>
/// <remarks>
/// <para>
/// Create one with a primitive of <see cref="Metric"/> (<see cref="Metric.Count{TFact}"/>, <see cref="Metric.Sum{TFact}(Func{TFact, decimal})"/> …)
/// and refine it with the combinators of <see cref="Metric"/> (<c>Where</c>, <c>By</c>, <c>PerPeriod</c>, <c>Rolling</c> …), each of which
/// validates its arguments immediately and returns a new definition. Nothing is evaluated until
/// <see cref="Evaluate(ReadOnlySpan{TFact}, EvaluationOptions{TFact})"/> or <see cref="CreateState"/>.
/// </para>
/// <para>
/// Immutable and thread-safe, provided the delegates it holds are pure. One evaluation is a single pass over the
/// facts with one mergeable accumulator per result cell.
/// </para>
/// </remarks>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TKey">The group key type (<see cref="Ungrouped"/> when not grouped).</typeparam>
public sealed class Metric<TFact, TKey>
    where TKey : notnull
{
    internal Metric(Aggregation<TFact> aggregation)
    {
        Aggregation = aggregation;
        Description = aggregation.Name;
    }

    internal Metric(Metric<TFact, TKey> source)
    {
        Aggregation = source.Aggregation;
        FilterStage = source.FilterStage;
        KeySelector = source.KeySelector;
        KeyStage = source.KeyStage;
        Period = source.Period;
        Window = source.Window;
        Fill = source.Fill;
        Stages = source.Stages;
        EntityFilter = source.EntityFilter;
        Description = source.Description;
        Name = source.Name;
    }

    /// <summary>Gets a description of the definition built from its primitive and combinators, for example <c>count | where | by | per Week</c>.</summary>
    public string Description { get; internal init; }

    /// <summary>Gets the name given with <see cref="Metric.Named{TFact, TKey}"/>, or <see langword="null"/>.</summary>
    public string? Name { get; internal init; }

    /// <summary>Gets whether the metric is evaluated per reporting period.</summary>
    public bool IsPerPeriod => Period is not null;

    /// <summary>Gets the period kind when per period, otherwise <see langword="null"/>.</summary>
    public PeriodKind? PeriodKind => Period?.Kind;

    /// <summary>Gets the reporting calendar when per period, otherwise <see langword="null"/>.</summary>
    public ReportingCalendar? Calendar => Period?.Calendar;

    /// <summary>Gets the value of a cell with no facts: 0 for counts and sums, Undefined for means, rates and percentiles.</summary>
    public KpiValue EmptyValue => Aggregation.EmptyValue;

    internal Aggregation<TFact> Aggregation { get; init; }

    internal Func<TFact, bool>? Filter => FilterStage?.Delegate;

    internal FilterStage<TFact>? FilterStage { get; init; }

    internal Func<TFact, TKey>? KeySelector { get; init; }

    /// <summary>Gets the value-type key selector the loops are compiled for, when grouped by a <see cref="FactKey{TFact, TKey}"/> (then <see cref="KeySelector"/> is its delegate).</summary>
    internal KeyStage<TFact, TKey>? KeyStage { get; init; }

    internal PeriodSpec<TFact>? Period { get; init; }

    internal WindowSpec? Window { get; init; }

    internal FillSpec<TKey>? Fill { get; init; }

    internal ValueStage<TKey>[] Stages { get; init; } = [];

    internal EntityFilter<TFact, TKey>? EntityFilter { get; init; }

    /// <summary>The inner definitions of <see cref="EntityFilter"/>, built once on first use (a cache, not state).</summary>
    internal object? EntityFilterPlan;

    internal bool UsesOptions => Period is { NeedsZone: true } || Aggregation.HasIntrinsicTime;

    /// <summary>Creates an empty evaluation state (the Empty element of the merge algebra) to add facts to and merge.</summary>
    /// <param name="options">The zone and as-of settings; required when the metric places instants in periods or is a conversion.</param>
    /// <returns>A new empty state.</returns>
    /// <remarks>Immediate. Use it for incremental updates (add today's facts to yesterday's state) and partitioned evaluation.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null but the metric needs a zone.</exception>
    /// <exception cref="ArgumentException">The metric is a conversion and <paramref name="options"/> has no as-of instant.</exception>
    /// <example>
    /// <code>
    /// var state = callsPerRep.CreateState(zone);
    /// state.Add(mondayCalls);
    /// state.Add(tuesdayCalls);                 // incremental
    /// KpiTable&lt;int&gt; table = state.ToTable();
    /// </code>
    /// </example>
    public KpiState<TFact, TKey> CreateState(EvaluationOptions<TFact>? options = null) =>
        new(this, options, EntityFilter?.CreateCore(this, options) ?? Aggregation.CreateCore(this, options));

    /// <summary>Restores a state from its plain-data snapshot (see <see cref="KpiState{TFact, TKey}.ToSnapshot"/>).</summary>
    /// <param name="snapshot">A snapshot taken from a state of an equivalent definition.</param>
    /// <param name="options">The evaluation settings; as for <see cref="CreateState"/>.</param>
    /// <returns>The restored state.</returns>
    /// <remarks>Immediate. The snapshot's primitive tag must equal this metric's, and its periods must be periods of this metric's calendar and kind.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException">The snapshot does not fit this metric (other primitive, period dimension, invalid period start, duplicate or invalid cell).</exception>
    public KpiState<TFact, TKey> Restore(KpiSnapshot<TKey> snapshot, EvaluationOptions<TFact>? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = CreateState(options);
        state.Core.Load(snapshot, merge: false);
        return state;
    }

    /// <summary>Evaluates the metric over <paramref name="facts"/> in one pass.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="options">The zone and as-of settings; required when the metric places instants in periods or is a conversion.</param>
    /// <returns>The result table.</returns>
    /// <remarks>Immediate. Allocates per result cell (and per distinct key and period), not per fact.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null but the metric needs a zone.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value (null key, non-finite number), or options lack a needed as-of instant.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <example>
    /// <code>
    /// KpiTable&lt;Ungrouped&gt; calls = Metric.Count&lt;Call&gt;().Evaluate(calls.AsSpan());
    /// </code>
    /// </example>
    public KpiTable<TKey> Evaluate(ReadOnlySpan<TFact> facts, EvaluationOptions<TFact>? options)
    {
        var state = CreateState(options);
        state.Core.Add(facts);
        return state.Core.ToTable();
    }

    /// <summary>Evaluates the metric over an array of facts in one pass.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="options">The zone and as-of settings; see <see cref="Evaluate(ReadOnlySpan{TFact}, EvaluationOptions{TFact})"/>.</param>
    /// <returns>The result table.</returns>
    /// <remarks>Immediate.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null, or <paramref name="options"/> is null but needed.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value, or options lack a needed as-of instant.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    public KpiTable<TKey> Evaluate(TFact[] facts, EvaluationOptions<TFact>? options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Evaluate(new ReadOnlySpan<TFact>(facts), options);
    }

    /// <summary>Evaluates the metric over a stream of facts, enumerated exactly once.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="options">The zone and as-of settings; see <see cref="Evaluate(ReadOnlySpan{TFact}, EvaluationOptions{TFact})"/>.</param>
    /// <returns>The result table.</returns>
    /// <remarks>Immediate. Facts are copied into one reused buffer block by block: no allocation per fact.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null, or <paramref name="options"/> is null but needed.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value, or options lack a needed as-of instant.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    public KpiTable<TKey> Evaluate(IEnumerable<TFact> facts, EvaluationOptions<TFact>? options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return CreateState(options).Add(facts).ToTable();
    }

    /// <summary>Evaluates a metric that needs no zone or as-of instant (not per period of instants, not a conversion) over <paramref name="facts"/>.</summary>
    /// <param name="facts">The facts.</param>
    /// <returns>The result table.</returns>
    /// <remarks>Immediate. Same as <see cref="Evaluate(ReadOnlySpan{TFact}, EvaluationOptions{TFact})"/> with no options.</remarks>
    /// <exception cref="ArgumentNullException">The metric needs a zone.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value, or the metric needs an as-of instant.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <example>
    /// <code>
    /// var total = Metric.Sum&lt;Deal&gt;(d => d.Amount).Evaluate(deals.AsSpan())[Ungrouped.All];
    /// </code>
    /// </example>
    public KpiTable<TKey> Evaluate(ReadOnlySpan<TFact> facts) => Evaluate(facts, null);

    /// <summary>Evaluates a metric that needs no zone or as-of instant over an array of facts.</summary>
    /// <param name="facts">The facts.</param>
    /// <returns>The result table.</returns>
    /// <remarks>Immediate.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null, or the metric needs a zone.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value, or the metric needs an as-of instant.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    public KpiTable<TKey> Evaluate(TFact[] facts) => Evaluate(facts, null);

    /// <summary>Evaluates a metric that needs no zone or as-of instant over a stream of facts, enumerated exactly once.</summary>
    /// <param name="facts">The facts.</param>
    /// <returns>The result table.</returns>
    /// <remarks>Immediate.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null, or the metric needs a zone.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value, or the metric needs an as-of instant.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    public KpiTable<TKey> Evaluate(IEnumerable<TFact> facts) => Evaluate(facts, null);

    /// <summary>Evaluates contiguous partitions of <paramref name="facts"/> in parallel and merges their states.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="options">The zone and as-of settings; see <see cref="Evaluate(ReadOnlySpan{TFact}, EvaluationOptions{TFact})"/>.</param>
    /// <param name="partitions">
    /// How many partitions. 0 (default) uses the processor count, fewer for small inputs (at least 16,384 facts each);
    /// a positive count is used as given, at most one partition per fact.
    /// </param>
    /// <returns>The result table, equal to <see cref="Evaluate(ReadOnlySpan{TFact}, EvaluationOptions{TFact})"/> (exactly for counts and decimals; doubles to rounding).</returns>
    /// <remarks>Immediate. The delegates of the definition are called from several threads at once.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitions"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null but needed.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value (the error of the earliest such fact, as <see cref="Evaluate(ReadOnlySpan{TFact}, EvaluationOptions{TFact}?)"/> gives).</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    public KpiTable<TKey> EvaluateParallel(ReadOnlyMemory<TFact> facts, EvaluationOptions<TFact>? options = null, int partitions = 0)
    {
        int count = Metric.PartitionCount(partitions, facts.Length);
        var states = new KpiState<TFact, TKey>[count];
        for (int i = 0; i < count; i++)
        {
            states[i] = CreateState(options);
        }

        Metric.ForEachPartition(facts, count, (i, partition) => states[i].Core.Add(partition));

        var result = states[0];
        for (int i = 1; i < count; i++)
        {
            result.Merge(states[i]);
        }

        return result.ToTable();
    }

    /// <summary>Returns the name if set, otherwise the description.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name ?? Description;

    internal Metric<TFact, TKey> WithoutEntityFilter() => new(this) { EntityFilter = null };
}
