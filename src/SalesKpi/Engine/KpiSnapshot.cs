using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The state of a metric evaluation as plain data — parallel arrays sorted by key then period, no delegates — so an
/// adapter can serialize it, move it between machines and restore it with <see cref="Metric{TFact, TKey}.Restore"/>.
/// </summary>
/// <remarks>Immutable: the constructor copies its inputs.</remarks>
/// <typeparam name="TKey">The group key type.</typeparam>
public sealed class KpiSnapshot<TKey>
    where TKey : notnull
{
    private readonly TKey[] _keys;
    private readonly LocalDate[]? _periods;
    private readonly CellState[] _cells;

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
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentOutOfRangeException.ThrowIfNegative(factCount);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(cells);
        Metric = metric;
        FactCount = factCount;
        _keys = keys.ToArray();
        _periods = periods?.ToArray();
        _cells = cells.ToArray();
        if (_cells.Length != _keys.Length)
        {
            throw new ArgumentException($"There are {_keys.Length} keys for {_cells.Length} cells.", nameof(keys));
        }

        if (_periods is not null && _periods.Length != _cells.Length)
        {
            throw new ArgumentException($"There are {_periods.Length} periods for {_cells.Length} cells.", nameof(periods));
        }
    }

    internal KpiSnapshot(string metric, long factCount, TKey[] keys, LocalDate[]? periods, CellState[] cells, bool trusted)
    {
        _ = trusted;
        Metric = metric;
        FactCount = factCount;
        _keys = keys;
        _periods = periods;
        _cells = cells;
    }

    /// <summary>Gets the primitive's tag.</summary>
    public string Metric { get; }

    /// <summary>Gets the number of facts added to the state.</summary>
    public long FactCount { get; }

    /// <summary>Gets each cell's group key.</summary>
    public IReadOnlyList<TKey> Keys => _keys;

    /// <summary>Gets each cell's period start, or <see langword="null"/> when the metric is not per period.</summary>
    public IReadOnlyList<LocalDate>? Periods => _periods;

    /// <summary>Gets each cell's accumulator state.</summary>
    public IReadOnlyList<CellState> Cells => _cells;
}
