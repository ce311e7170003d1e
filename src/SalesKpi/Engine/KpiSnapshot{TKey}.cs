using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The state of a metric evaluation as plain data — parallel arrays sorted by key then period, no delegates — so an
/// adapter can serialize it, move it between machines and restore it with <see cref="Metric{TFact, TKey}.Restore"/>.
/// </summary>
/// <remarks>
/// Immutable: the constructors copy their inputs. A metric filtered with <see cref="SalesKpi.Metric.WhereEntity"/> takes
/// the form of <see cref="KpiSnapshot.Parts"/> (see there) and has no keys or cells of its own.
/// </remarks>
/// <typeparam name="TKey">The group key type.</typeparam>
public sealed class KpiSnapshot<TKey> : KpiSnapshot
    where TKey : notnull
{
    private readonly TKey[] _keys;

    /// <summary>Creates a snapshot.</summary>
    /// <param name="metric">The primitive's tag (for example <c>count</c>, <c>sum:decimal</c>), checked on restore.</param>
    /// <param name="factCount">The number of facts added to the state.</param>
    /// <param name="keys">Each cell's group key.</param>
    /// <param name="periods">Each cell's period start, or <see langword="null"/> when the metric is not per period.</param>
    /// <param name="cells">Each cell's accumulator state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/>, <paramref name="keys"/> or <paramref name="cells"/> is null.</exception>
    /// <exception cref="ArgumentException">The arrays differ in length, or <paramref name="metric"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factCount"/> is negative.</exception>
    public KpiSnapshot(string metric, long factCount, IEnumerable<TKey> keys, IEnumerable<LocalDate>? periods, IEnumerable<CellState> cells)
        : this(metric, factCount, keys, periods, cells, [])
    {
    }

    /// <summary>Creates a snapshot made of parts (as a metric filtered with <see cref="SalesKpi.Metric.WhereEntity"/> takes).</summary>
    /// <param name="metric">The tag, checked on restore (<c>where-entity</c> for an entity filter).</param>
    /// <param name="factCount">The number of facts added to the state.</param>
    /// <param name="keys">Each cell's group key (none for an entity filter).</param>
    /// <param name="periods">Each cell's period start, or <see langword="null"/> when the metric is not per period.</param>
    /// <param name="cells">Each cell's accumulator state (none for an entity filter).</param>
    /// <param name="parts">The snapshots of the parts, in the order <see cref="KpiSnapshot.Parts"/> documents.</param>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/>, <paramref name="keys"/>, <paramref name="cells"/> or <paramref name="parts"/> is null, or a part is null.</exception>
    /// <exception cref="ArgumentException">The arrays differ in length, or <paramref name="metric"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factCount"/> is negative.</exception>
    public KpiSnapshot(string metric, long factCount, IEnumerable<TKey> keys, IEnumerable<LocalDate>? periods, IEnumerable<CellState> cells, IEnumerable<KpiSnapshot> parts)
        : base(Checked(metric, factCount), factCount, periods?.ToArray(), CheckedCells(cells), CheckedParts(parts))
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys.ToArray();
        int cellCount = CellArray.Length;
        if (cellCount != _keys.Length)
        {
            throw new ArgumentException($"There are {_keys.Length} keys for {cellCount} cells.", nameof(keys));
        }

        if (PeriodArray is not null && PeriodArray.Length != cellCount)
        {
            throw new ArgumentException($"There are {PeriodArray.Length} periods for {cellCount} cells.", nameof(periods));
        }
    }

    internal KpiSnapshot(string metric, long factCount, TKey[] keys, LocalDate[]? periods, CellState[] cells, KpiSnapshot[]? parts, bool trusted)
        : base(metric, factCount, periods, cells, parts)
    {
        _ = trusted;
        _keys = keys;
    }

    /// <summary>Gets each cell's group key.</summary>
    public IReadOnlyList<TKey> Keys => _keys;

    /// <summary>Gets <c>typeof(TKey)</c>.</summary>
    public override Type KeyType => typeof(TKey);

    private static string Checked(string metric, long factCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentOutOfRangeException.ThrowIfNegative(factCount);
        return metric;
    }

    private static CellState[] CheckedCells(IEnumerable<CellState> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return cells.ToArray();
    }

    private static KpiSnapshot[] CheckedParts(IEnumerable<KpiSnapshot> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var array = parts.ToArray();
        if (Array.IndexOf(array, null) >= 0)
        {
            throw new ArgumentNullException(nameof(parts), "A part of the snapshot is null.");
        }

        return array;
    }
}
