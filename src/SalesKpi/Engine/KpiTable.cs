using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The result of evaluating a metric: a table of cells (group × period) in a stable order — keys in their natural
/// order (or by invariant text when the key type has none), then periods in time order.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A cell missing from the table has the metric's <see cref="EmptyValue"/> (0 for counts
/// and sums, Undefined for means, rates and percentiles): the indexers return it rather than throw.
/// Use a fill combinator (<c>FillEmpty</c>) to make empty cells appear in the enumeration and the text.
/// </remarks>
/// <typeparam name="TKey">The group key type.</typeparam>
public sealed class KpiTable<TKey> : IReadOnlyCollection<KpiCell<TKey>>
    where TKey : notnull
{
    private readonly TKey[] _keys;
    private readonly ReportingPeriod[] _periods;

    // Cells in table order as parallel arrays: the period index (0 when not per period) and the value; each cell's key
    // index comes from the row starts.
    private readonly int _count;
    private readonly CellPeriods _cellPeriod;
    private readonly CellValues _values;

    // The cells of key k are [_rowStart[k], _rowStart[k + 1]), their period indices ascending.
    private readonly int[] _rowStart;
    private Dictionary<TKey, int>? _keyIndex;
    private readonly Dictionary<LocalDate, int> _periodIndex;
    private CellList? _cellList;

    /// <summary>Creates a table from cells in table order: <paramref name="cellKey"/> and <paramref name="cellPeriod"/> index <paramref name="keys"/> and <paramref name="periods"/>.</summary>
    internal KpiTable(string metric, bool isPerPeriod, PeriodKind? periodKind, KpiValue emptyValue, TKey[] keys, ReportingPeriod[] periods, int[] cellKey, int[] cellPeriod, CellValues values)
        : this(metric, isPerPeriod, periodKind, emptyValue, keys, periods, RowStarts(keys.Length, cellKey), new CellPeriods(cellPeriod), values, cellKey.Length)
    {
    }

    /// <summary>
    /// Creates a table from cells in table order: key <c>k</c>'s cells are <c>[rowStart[k], rowStart[k + 1])</c>, and
    /// <paramref name="cellPeriod"/> indexes <paramref name="periods"/> (or is empty when not per period).
    /// </summary>
    internal KpiTable(string metric, bool isPerPeriod, PeriodKind? periodKind, KpiValue emptyValue, TKey[] keys, ReportingPeriod[] periods, int[] rowStart, CellPeriods cellPeriod, CellValues values, int count)
    {
        if (rowStart.Length != keys.Length + 1 || rowStart[^1] != count || values.Count != count || (isPerPeriod && cellPeriod.Length < count))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A table of {count} cells over {keys.Length} keys got {rowStart.Length} row starts ending at {rowStart[^1]}, {cellPeriod.Length} period indices and {values.Count} values."));
        }

        Metric = metric;
        IsPerPeriod = isPerPeriod;
        PeriodKind = periodKind;
        EmptyValue = emptyValue;
        _keys = keys;
        _periods = periods;
        _count = count;
        _cellPeriod = cellPeriod;
        _rowStart = rowStart;
        _values = values;
        _periodIndex = new Dictionary<LocalDate, int>(periods.Length);
        for (int i = 0; i < periods.Length; i++)
        {
            _periodIndex.Add(periods[i].Start, i);
        }
    }

    /// <summary>
    /// Gets each key's row index, built when a key is first looked up: a table read in order (most are) never pays for
    /// it, which for a million keys is most of the table's memory. Two threads may both build it; one copy is kept.
    /// </summary>
    private Dictionary<TKey, int> KeyIndex => Volatile.Read(ref _keyIndex) ?? BuildKeyIndex();

    private Dictionary<TKey, int> BuildKeyIndex()
    {
        var index = new Dictionary<TKey, int>(_keys.Length);
        for (int i = 0; i < _keys.Length; i++)
        {
            index.Add(_keys[i], i);
        }

        return Interlocked.CompareExchange(ref _keyIndex, index, null) ?? index;
    }

    /// <summary>Gets the description of the metric that produced the table.</summary>
    public string Metric { get; }

    /// <summary>Gets whether the table has a period dimension.</summary>
    public bool IsPerPeriod { get; }

    /// <summary>Gets the period kind when the table is per period, otherwise <see langword="null"/>.</summary>
    public PeriodKind? PeriodKind { get; }

    /// <summary>Gets the value of a cell with no facts: 0 for counts and sums, Undefined for means, rates and percentiles.</summary>
    public KpiValue EmptyValue { get; }

    /// <summary>Gets the distinct group keys of the cells, in order.</summary>
    public IReadOnlyList<TKey> Keys => _keys;

    /// <summary>Gets the distinct periods of the cells, in time order (empty when not per period).</summary>
    public IReadOnlyList<ReportingPeriod> Periods => _periods;

    /// <summary>Gets the number of cells.</summary>
    public int Count => _count;

    /// <summary>Gets the cells in the table's order: by key, then by period.</summary>
    /// <remarks>A list rather than an indexer on the table, so that <c>table[key]</c> always means a key, also for <see langword="int"/> keys.</remarks>
    public IReadOnlyList<KpiCell<TKey>> Cells => _cellList ??= new CellList(this);

    /// <summary>Gets the value of <paramref name="key"/> in <paramref name="period"/>, or <see cref="EmptyValue"/> when there is no such cell.</summary>
    /// <param name="key">The group key.</param>
    /// <param name="period">The period; must be of the table's <see cref="PeriodKind"/>.</param>
    /// <exception cref="InvalidOperationException">The table is not per period.</exception>
    /// <exception cref="ArgumentException"><paramref name="period"/> is of another kind than the table's periods.</exception>
    public KpiValue this[TKey key, ReportingPeriod period]
    {
        get
        {
            if (!IsPerPeriod)
            {
                throw new InvalidOperationException("The table is not per period: index it by key only.");
            }

            if (period.Kind != PeriodKind)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The period {period} is a {period.Kind}; the table's periods are of kind {PeriodKind}."),
                    nameof(period));
            }

            return TryGetValue(key, period, out var value) ? value : EmptyValue;
        }
    }

    /// <summary>Gets the value of <paramref name="key"/> in a table that is not per period, or <see cref="EmptyValue"/> when absent.</summary>
    /// <param name="key">The group key.</param>
    /// <exception cref="InvalidOperationException">The table is per period: index by key and period.</exception>
    public KpiValue this[TKey key]
    {
        get
        {
            if (IsPerPeriod)
            {
                throw new InvalidOperationException("The table is per period: index it by key and period.");
            }

            return TryGetValue(key, null, out var value) ? value : EmptyValue;
        }
    }

    /// <summary>Looks a cell up without substituting the empty value.</summary>
    /// <param name="key">The group key.</param>
    /// <param name="period">The period, or <see langword="null"/> for a table that is not per period.</param>
    /// <param name="value">The cell's value when found, otherwise <see cref="EmptyValue"/>.</param>
    /// <returns>Whether the cell is in the table.</returns>
    public bool TryGetValue(TKey key, ReportingPeriod? period, out KpiValue value)
    {
        value = EmptyValue;
        if (key is null || !KeyIndex.TryGetValue(key, out int k))
        {
            return false;
        }

        int p = 0;
        if (period is ReportingPeriod wanted)
        {
            if (!_periodIndex.TryGetValue(wanted.Start, out p) || _periods[p].End != wanted.End)
            {
                return false;
            }
        }
        else if (IsPerPeriod)
        {
            return false;
        }

        int cell = FindCell(k, p);
        if (cell < 0)
        {
            return false;
        }

        value = _values[cell];
        return true;
    }

    /// <summary>Returns the cells of one key in period order: its row of the table.</summary>
    /// <param name="key">The group key.</param>
    /// <returns>The row (a value type: reading it allocates nothing); empty when the table has no cell of the key.</returns>
    /// <remarks>The daily series of one rep, or the call cells of every rep in a table by (rep, kind), without reading
    /// the other keys' cells.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <example>
    /// <code>
    /// foreach (var day in daily.CellsOf((rep, SalesActivityKind.Call)))
    /// {
    ///     callsPerDay.Add((day.Period!.Value.Start, day.Value.ExactValue));
    /// }
    /// </code>
    /// </example>
    public Row CellsOf(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeyIndex.TryGetValue(key, out int k) ? new Row(this, k) : default;
    }

    /// <summary>Returns the cells in order: by key, then by period.</summary>
    /// <returns>An enumerator (a value type: <c>foreach</c> over a table allocates nothing).</returns>
    public Enumerator GetEnumerator() => new(this, 0, _count, 0);

    IEnumerator<KpiCell<TKey>> IEnumerable<KpiCell<TKey>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Combines this table with <paramref name="other"/> cell by cell, aligned on key and period.</summary>
    /// <param name="other">The other table; same period kind (or both not per period).</param>
    /// <param name="combine">The cell operation; a missing cell enters as its table's <see cref="EmptyValue"/>.</param>
    /// <param name="description">The description of the derived metric.</param>
    /// <returns>A table over the union of both tables' cells.</returns>
    /// <remarks>
    /// Immediate. This is how metrics over different facts combine (activities per won deal). The empty value of the
    /// result is <paramref name="combine"/> applied to both empty values.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The tables' period dimensions differ, or their periods overlap (they come from different calendars).</exception>
    /// <example>
    /// <code>
    /// var perWonDeal = activities.Combine(wonDeals, (a, w) => a.DividedBy(w), "activities per won deal");
    /// </code>
    /// </example>
    public KpiTable<TKey> Combine(KpiTable<TKey> other, Func<KpiValue, KpiValue, KpiValue> combine, string description)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(combine);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (IsPerPeriod != other.IsPerPeriod || PeriodKind != other.PeriodKind)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cannot align a table per {PeriodKind?.ToString() ?? "nothing"} with one per {other.PeriodKind?.ToString() ?? "nothing"}."),
                nameof(other));
        }

        var keys = new List<TKey>(_keys);
        foreach (var key in other._keys)
        {
            if (!KeyIndex.ContainsKey(key))
            {
                keys.Add(key);
            }
        }

        keys.Sort(KeyOrder<TKey>.Comparer);
        var periods = new SortedDictionary<LocalDate, ReportingPeriod>();
        foreach (var p in _periods)
        {
            periods[p.Start] = p;
        }

        foreach (var p in other._periods)
        {
            periods.TryAdd(p.Start, p);
        }

        // Periods of one kind from two calendars (Monday and Sunday weeks, calendar and fiscal quarters) overlap: aligned
        // on their starts, every cell would meet an empty one.
        ReportingPeriod? previous = null;
        foreach (var p in periods.Values)
        {
            if (previous is { } before && before.End > p.Start)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The tables' periods overlap ({before} and {p}): they come from different calendars, and only periods of one calendar align."),
                    nameof(other));
            }

            previous = p;
        }

        var cells = new List<KpiCell<TKey>>();
        foreach (var key in keys)
        {
            if (!IsPerPeriod)
            {
                bool a = TryGetValue(key, null, out var va);
                bool b = other.TryGetValue(key, null, out var vb);
                if (a || b)
                {
                    cells.Add(new KpiCell<TKey>(key, null, combine(va, vb)));
                }

                continue;
            }

            foreach (var p in periods.Values)
            {
                bool a = TryGetValue(key, p, out var va);
                bool b = other.TryGetValue(key, p, out var vb);
                if (a || b)
                {
                    cells.Add(new KpiCell<TKey>(key, p, combine(va, vb)));
                }
            }
        }

        return TableBuilder<TKey>.Create(description, IsPerPeriod, PeriodKind, combine(EmptyValue, other.EmptyValue), cells.ToArray());
    }

    /// <summary>Adds <paramref name="other"/> cell by cell (aligned on key and period).</summary>
    /// <param name="other">The other table.</param>
    /// <returns>The derived table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The tables' period dimensions differ.</exception>
    public KpiTable<TKey> Plus(KpiTable<TKey> other) => Combine(other, static (a, b) => a.Plus(b), Metric + " + " + other?.Metric);

    /// <summary>Subtracts <paramref name="other"/> cell by cell (aligned on key and period).</summary>
    /// <param name="other">The other table.</param>
    /// <returns>The derived table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The tables' period dimensions differ.</exception>
    public KpiTable<TKey> Minus(KpiTable<TKey> other) => Combine(other, static (a, b) => a.Minus(b), Metric + " - " + other?.Metric);

    /// <summary>Multiplies by <paramref name="other"/> cell by cell (aligned on key and period).</summary>
    /// <param name="other">The other table.</param>
    /// <returns>The derived table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The tables' period dimensions differ.</exception>
    public KpiTable<TKey> Times(KpiTable<TKey> other) => Combine(other, static (a, b) => a.Times(b), Metric + " * " + other?.Metric);

    /// <summary>Divides by <paramref name="other"/> cell by cell (aligned on key and period): each cell a ratio with both parts, Undefined at 0.</summary>
    /// <param name="other">The denominator table.</param>
    /// <returns>The derived table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The tables' period dimensions differ.</exception>
    /// <example>
    /// <code>
    /// // activities (from activity facts) per won deal (from deal facts), per rep and month
    /// KpiTable&lt;int&gt; perWin = activityCounts.DividedBy(wonDealCounts);
    /// </code>
    /// </example>
    public KpiTable<TKey> DividedBy(KpiTable<TKey> other) => Combine(other, static (a, b) => a.DividedBy(b), Metric + " / " + other?.Metric);

    /// <summary>Renders the table as plain text in the <see cref="KpiTextLayout.Grid"/> layout (culture-invariant).</summary>
    /// <returns>The text, one line per key after a header line.</returns>
    public string ToText() => ToText(KpiTextLayout.Grid);

    /// <summary>Renders the table as plain text (culture-invariant, columns padded with spaces, lines ending in <c>\n</c>).</summary>
    /// <param name="layout">The layout.</param>
    /// <returns>The text.</returns>
    /// <remarks>
    /// Numbers print with at most six decimals; Undefined values print as <c>undefined</c>; ratios print their parts in
    /// the long layout, which has no period column when the table is not per period.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layout"/> is not a defined layout.</exception>
    public string ToText(KpiTextLayout layout)
    {
        var rows = new List<string[]>();
        if (layout == KpiTextLayout.Grid)
        {
            var header = new string[1 + Math.Max(_periods.Length, IsPerPeriod ? 0 : 1)];
            header[0] = "key";
            if (IsPerPeriod)
            {
                for (int p = 0; p < _periods.Length; p++)
                {
                    header[p + 1] = _periods[p].Label;
                }
            }
            else
            {
                header[1] = "value";
            }

            rows.Add(header);
            foreach (var key in _keys)
            {
                var row = new string[header.Length];
                row[0] = KeyOrder<TKey>.Text(key);
                if (IsPerPeriod)
                {
                    for (int p = 0; p < _periods.Length; p++)
                    {
                        row[p + 1] = TryGetValue(key, _periods[p], out var v) ? KpiFormat.Value(v, withParts: false) : string.Empty;
                    }
                }
                else
                {
                    row[1] = KpiFormat.Value(this[key], withParts: false);
                }

                rows.Add(row);
            }
        }
        else if (layout == KpiTextLayout.Long)
        {
            rows.Add(IsPerPeriod
                ? ["key", "period", "value", "numerator", "denominator", "n", "95% interval", "censored"]
                : ["key", "value", "numerator", "denominator", "n", "95% interval", "censored"]);
            foreach (var cell in this)
            {
                var v = cell.Value;
                string[] row =
                [
                    KeyOrder<TKey>.Text(cell.Key),
                    cell.Period?.Label ?? string.Empty,
                    KpiFormat.Value(v, withParts: false),
                    v.ExactNumerator is decimal en ? KpiFormat.Number(en) : v.Numerator is double n ? KpiFormat.Number(n) : string.Empty,
                    v.ExactDenominator is decimal ed ? KpiFormat.Number(ed) : v.Denominator is double d ? KpiFormat.Number(d) : string.Empty,
                    v.Count.ToString(CultureInfo.InvariantCulture),
                    v.Interval?.ToString() ?? string.Empty,
                    v.Censored > 0 ? v.Censored.ToString(CultureInfo.InvariantCulture) : string.Empty,
                ];
                rows.Add(IsPerPeriod ? row : [row[0], .. row[2..]]);
            }
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Unknown layout.");
        }

        return Render(rows);
    }

    /// <summary>Returns the metric description and the cell count.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Metric}: {_count} cells");

    /// <summary>Counts each key's cells (key indices ascending, as in table order) into row starts.</summary>
    private static int[] RowStarts(int keys, int[] cellKey)
    {
        var rowStart = new int[keys + 1];
        for (int c = 0; c < cellKey.Length; c++)
        {
            rowStart[cellKey[c] + 1]++;
        }

        for (int k = 0; k < keys; k++)
        {
            rowStart[k + 1] += rowStart[k];
        }

        return rowStart;
    }

    private KpiCell<TKey> CellAt(int cell) => CellAt(cell, KeyIndexOf(cell));

    private KpiCell<TKey> CellAt(int cell, int key) =>
        new(_keys[key], IsPerPeriod ? _periods[_cellPeriod[cell]] : null, _values[cell]);

    /// <summary>Returns the index of the key whose row holds <paramref name="cell"/>: the last row starting at or before it.</summary>
    private int KeyIndexOf(int cell)
    {
        int low = 0;
        int high = _keys.Length - 1;
        while (low < high)
        {
            int mid = low + ((high - low + 1) >> 1);
            if (_rowStart[mid] <= cell)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    /// <summary>Returns the cell of key index <paramref name="key"/> and period index <paramref name="period"/>, or -1.</summary>
    private int FindCell(int key, int period)
    {
        if (!IsPerPeriod)
        {
            return _rowStart[key] < _rowStart[key + 1] ? _rowStart[key] : -1;
        }

        int low = _rowStart[key];
        int high = _rowStart[key + 1] - 1;
        while (low <= high)
        {
            int mid = low + ((high - low) >> 1);
            int p = _cellPeriod[mid];
            if (p == period)
            {
                return mid;
            }

            if (p < period)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Enumerates the cells of a table, or of one of its rows, in order: by key, then by period.</summary>
    /// <remarks>The table is immutable, so the enumerator never becomes invalid. A default enumerator has no cells.</remarks>
    public struct Enumerator : IEnumerator<KpiCell<TKey>>
    {
        private readonly KpiTable<TKey> _table;
        private readonly int _start;
        private readonly int _end;
        private readonly int _firstKey;
        private int _index;
        private int _key;

        /// <summary>Enumerates cells <paramref name="start"/> to <paramref name="end"/> (exclusive), the first of them in row <paramref name="firstKey"/> or a later one.</summary>
        internal Enumerator(KpiTable<TKey> table, int start, int end, int firstKey)
        {
            _table = table;
            _start = start;
            _end = end;
            _firstKey = firstKey;
            _index = start - 1;
            _key = firstKey;
        }

        /// <summary>Gets the cell at the enumerator's position.</summary>
        /// <exception cref="InvalidOperationException">The enumerator is before the first cell or after the last.</exception>
        public readonly KpiCell<TKey> Current =>
            _table is not null && _index >= _start && _index < _end
                ? _table.CellAt(_index, _key)
                : throw new InvalidOperationException("The enumerator is not on a cell: call MoveNext first, and only while it returns true.");

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next cell.</summary>
        /// <returns>Whether there is one.</returns>
        public bool MoveNext()
        {
            if (_table is null)
            {
                return false;
            }

            if (_index < _end)
            {
                _index++;
            }

            if (_index >= _end)
            {
                return false;
            }

            // Past the end of the current key's row (and of any empty rows): on to the row holding the cell.
            var rowStart = _table._rowStart;
            while (rowStart[_key + 1] <= _index)
            {
                _key++;
            }

            return true;
        }

        /// <summary>Moves back before the first cell.</summary>
        public void Reset()
        {
            _index = _start - 1;
            _key = _firstKey;
        }

        /// <summary>Does nothing: the enumerator holds no resources.</summary>
        public readonly void Dispose()
        {
        }
    }

    /// <summary>The cells of one key of a table, in period order (<see cref="CellsOf"/>).</summary>
    /// <remarks>A view of the immutable table: each cell is materialised when read. A default row has no cells.</remarks>
    public readonly struct Row : IReadOnlyList<KpiCell<TKey>>
    {
        private readonly KpiTable<TKey>? _table;
        private readonly int _key;

        internal Row(KpiTable<TKey> table, int key)
        {
            _table = table;
            _key = key;
        }

        /// <summary>Gets the number of cells of the key.</summary>
        public int Count => _table is null ? 0 : _table._rowStart[_key + 1] - _table._rowStart[_key];

        /// <summary>Gets the cell at a position of the row.</summary>
        /// <param name="index">The position, from 0 to <see cref="Count"/> − 1.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the row.</exception>
        public KpiCell<TKey> this[int index] =>
            (uint)index < (uint)Count
                ? _table!.CellAt(_table._rowStart[_key] + index, _key)
                : throw new ArgumentOutOfRangeException(nameof(index), index, string.Create(CultureInfo.InvariantCulture, $"The row has {Count} cells."));

        /// <summary>Returns the row's cells in period order.</summary>
        /// <returns>An enumerator (a value type: <c>foreach</c> over a row allocates nothing).</returns>
        public Enumerator GetEnumerator() => _table is null ? default : new(_table, _table._rowStart[_key], _table._rowStart[_key + 1], _key);

        IEnumerator<KpiCell<TKey>> IEnumerable<KpiCell<TKey>>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The cells as a list, each materialised when read.</summary>
    private sealed class CellList(KpiTable<TKey> table) : IReadOnlyList<KpiCell<TKey>>
    {
        public int Count => table.Count;

        public KpiCell<TKey> this[int index] =>
            (uint)index < (uint)table.Count ? table.CellAt(index) : throw new ArgumentOutOfRangeException(nameof(index), index, "The index is outside the cells.");

        public IEnumerator<KpiCell<TKey>> GetEnumerator() => table.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static string Render(List<string[]> rows)
    {
        int columns = rows[0].Length;
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (int c = 0; c < columns; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (int c = 0; c < columns; c++)
            {
                if (c == 0)
                {
                    text.Append(row[c].PadRight(widths[c]));
                }
                else
                {
                    text.Append("  ").Append(row[c].PadLeft(widths[c]));
                }
            }

            // Trailing spaces are trimmed so the text is stable to compare and to paste.
            int end = text.Length;
            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            text.Length = end;
            text.Append('\n');
        }

        return text.ToString();
    }
}
