using System;
using System.Collections.Generic;

namespace SalesKpi;

/// <summary>
/// The mergeable evaluation state of one metric: one accumulator per result cell. Add facts, merge states of other
/// partitions or days, then read a table or take a plain-data snapshot.
/// </summary>
/// <remarks>
/// <para>
/// The algebra (checked by property tests): a new state from <see cref="Metric{TFact, TKey}.CreateState"/> is the
/// Empty element; <see cref="Merge(KpiState{TFact, TKey})"/> is associative and Empty is its identity; adding the facts of any partition
/// to separate states and merging them gives the same table as adding all facts to one state — exactly for counts,
/// integer and decimal sums, distinct counts, percentiles and conversions; to floating-point rounding for
/// <see langword="double"/> sums (which are compensated). The order of the facts does not matter (same caveat).
/// </para>
/// <para>Not thread-safe: use one state per thread and merge.</para>
/// <para>
/// When adding facts fails part-way (a selector returns an invalid value for a fact, a sum overflows), or merging
/// overflows part-way, the state holds part of that batch: it then refuses to be read, snapshotted, cloned, merged or
/// added to, with an <see cref="InvalidOperationException"/> whose inner exception is the original error. Discard it
/// and evaluate again. A snapshot or state that does not fit is refused before anything changes, and the state stays
/// usable.
/// </para>
/// </remarks>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TKey">The group key type.</typeparam>
public sealed class KpiState<TFact, TKey>
    where TKey : notnull
{
    internal KpiState(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, StateCore<TFact, TKey> core)
    {
        Metric = metric;
        Options = options;
        Core = core;
    }

    /// <summary>Gets the metric this state evaluates.</summary>
    public Metric<TFact, TKey> Metric { get; }

    /// <summary>Gets the evaluation settings.</summary>
    public EvaluationOptions<TFact>? Options { get; }

    /// <summary>Gets the number of facts added so far (including facts a filter then excluded), over all merged states.</summary>
    public long FactCount => Core.FactsAdded;

    /// <summary>Gets the number of cells holding an accumulator.</summary>
    public int CellCount => Core.CellCount;

    internal StateCore<TFact, TKey> Core { get; private set; }

    // The first error that left the state part-way through a batch or merge; the state is then unusable.
    private Exception? _fault;

    /// <summary>Adds one fact.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>This state.</returns>
    /// <exception cref="ArgumentException">A selector returned an invalid value for the fact.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiState<TFact, TKey> Add(TFact fact)
    {
        EnsureUsable();
        try
        {
            Core.Add(new ReadOnlySpan<TFact>(in fact));
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }

        return this;
    }

    /// <summary>Adds facts in one pass.</summary>
    /// <param name="facts">The facts.</param>
    /// <returns>This state.</returns>
    /// <exception cref="ArgumentException">A selector returned an invalid value.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiState<TFact, TKey> Add(ReadOnlySpan<TFact> facts)
    {
        EnsureUsable();
        try
        {
            Core.Add(facts);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }

        return this;
    }

    /// <summary>Adds an array of facts in one pass.</summary>
    /// <param name="facts">The facts.</param>
    /// <returns>This state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiState<TFact, TKey> Add(TFact[] facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Add(new ReadOnlySpan<TFact>(facts));
    }

    /// <summary>Adds a stream of facts, enumerating it exactly once through one reused buffer.</summary>
    /// <param name="facts">The facts.</param>
    /// <returns>This state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiState<TFact, TKey> Add(IEnumerable<TFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        EnsureUsable();
        try
        {
            FactBatches.Feed(facts, Core);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }

        return this;
    }

    /// <summary>Merges <paramref name="other"/> into this state (this ← this ⊕ other); <paramref name="other"/> is unchanged.</summary>
    /// <param name="other">A state of the same metric definition, evaluated in the same zone setting (and, for conversions, the same as-of instant).</param>
    /// <returns>This state.</returns>
    /// <remarks>
    /// Costs one hash look-up per distinct key and period of <paramref name="other"/> and one accumulator merge per cell.
    /// The merged state keeps this state's options (its as-of instant decides pace when the table is finished).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The states belong to different definitions or settings, or <paramref name="other"/> failed part-way through an add or merge.</exception>
    /// <example>
    /// <code>
    /// var yesterday = metric.Restore(storedSnapshot, options);
    /// yesterday.Merge(metric.CreateState(options).Add(todaysFacts));
    /// </code>
    /// </example>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiState<TFact, TKey> Merge(KpiState<TFact, TKey> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        EnsureUsable();
        other.EnsureUsable(nameof(other));
        try
        {
            Core.MergeFrom(ReferenceEquals(other, this) ? Core.Clone() : other.Core);
        }
        catch (Exception e) when (e is not ArgumentException && Fault(e))
        {
            // A state of another definition is refused before anything changes; an overflow part-way is not.
            throw;
        }

        return this;
    }

    /// <summary>Merges a plain-data snapshot of a state of the same metric into this state, without building that state first.</summary>
    /// <param name="snapshot">A snapshot taken from a state of an equivalent definition and settings.</param>
    /// <returns>This state.</returns>
    /// <remarks>
    /// Equivalent to <c>Merge(Metric.Restore(snapshot, Options))</c>, allocating only for the snapshot's cells. The whole
    /// snapshot is read and checked before the state changes: when it does not fit, this state is left as it was.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException">The snapshot does not fit this metric (other primitive, period dimension, invalid period start or cell); the message names the cell.</exception>
    /// <example>
    /// <code>
    /// var total = metric.CreateState(options);
    /// foreach (var snapshot in dailySnapshots)
    /// {
    ///     total.Merge(snapshot);
    /// }
    /// </code>
    /// </example>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiState<TFact, TKey> Merge(KpiSnapshot<TKey> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        EnsureUsable();
        try
        {
            Core.Load(snapshot, merge: true);
        }
        catch (Exception e) when (e is not ArgumentException && Fault(e))
        {
            // An invalid snapshot is refused before anything changes; an overflow part-way is not.
            throw;
        }

        return this;
    }

    /// <summary>Returns an independent copy of this state.</summary>
    /// <returns>The copy.</returns>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiState<TFact, TKey> Clone()
    {
        EnsureUsable();
        return new(Metric, Options, Core.Clone());
    }

    /// <summary>Finishes the state into a result table; the state stays usable.</summary>
    /// <returns>The table.</returns>
    /// <remarks>Applies the metric's windows, fill policy, comparisons and targets.</remarks>
    /// <exception cref="ArgumentException">A target stage needs the as-of instant and the options have none.</exception>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiTable<TKey> ToTable()
    {
        EnsureUsable();
        return Core.ToTable();
    }

    /// <summary>
    /// Finishes the state into a table grouped by a coarser key, merging accumulators (so a team's rate is the ratio of
    /// its members' summed numerators and denominators, not the mean of their rates).
    /// </summary>
    /// <typeparam name="TNew">The coarser key type.</typeparam>
    /// <param name="map">Maps each key to its roll-up key (for example rep → team); must not return null.</param>
    /// <returns>The rolled-up table. The metric's windows apply; its fill, comparisons and targets (defined on the original keys) do not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="map"/> returned null.</exception>
    /// <example>
    /// <code>
    /// KpiTable&lt;string&gt; byTeam = connectRateByRep.RollUp(rep => teamOf[rep]);
    /// </code>
    /// </example>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiTable<TNew> RollUp<TNew>(Func<TKey, TNew> map)
        where TNew : notnull
    {
        ArgumentNullException.ThrowIfNull(map);
        EnsureUsable();
        return Core.RollUp(map);
    }

    /// <summary>
    /// Returns the state as plain data: cells sorted by key then period, each with its accumulator state (for a metric
    /// filtered with <see cref="SalesKpi.Metric.WhereEntity"/>, two such parts; see <see cref="KpiSnapshot.Parts"/>).
    /// </summary>
    /// <returns>The snapshot; restore it with <see cref="Metric{TFact, TKey}.Restore"/> or merge it with <see cref="Merge(KpiSnapshot{TKey})"/>.</returns>
    /// <exception cref="InvalidOperationException">An earlier add or merge failed part-way (see remarks).</exception>
    public KpiSnapshot<TKey> ToSnapshot()
    {
        EnsureUsable();
        return Core.ToSnapshot();
    }

    /// <summary>Records that adding or merging failed part-way, so that the partial state is never read as a result.</summary>
    /// <returns><see langword="false"/>, so that the exception propagates unchanged.</returns>
    private bool Fault(Exception error)
    {
        _fault ??= error;
        return false;
    }

    private void EnsureUsable(string? paramName = null)
    {
        if (_fault is { } fault)
        {
            string message = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{(paramName is null ? "This state" : "The other state")} holds part of a batch: adding or merging failed with {fault.GetType().Name}: {fault.Message} Discard it and evaluate again.");
            throw paramName is null ? new InvalidOperationException(message, fault) : new ArgumentException(message, paramName, fault);
        }
    }
}
