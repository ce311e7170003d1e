using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi;

/// <summary>Rows of finished values (key order; each row in period order) that fill and value stages edit before the table is frozen.</summary>
/// <typeparam name="TKey">The group key type.</typeparam>
internal sealed class TableBuilder<TKey>
    where TKey : notnull
{
    public TableBuilder(bool isPerPeriod, PeriodKind? periodKind, KpiValue emptyValue)
    {
        IsPerPeriod = isPerPeriod;
        PeriodKind = periodKind;
        EmptyValue = emptyValue;
    }

    public bool IsPerPeriod { get; }

    public PeriodKind? PeriodKind { get; }

    public KpiValue EmptyValue { get; set; }

    /// <summary>Gets the rows in key order; each row's cells in period order.</summary>
    public List<Row> Rows { get; } = [];

    public static KpiTable<TKey> Create(string description, bool isPerPeriod, PeriodKind? periodKind, KpiValue emptyValue, KpiCell<TKey>[] orderedCells)
    {
        var keys = new List<TKey>();
        var periods = new Dictionary<LocalDate, ReportingPeriod>();
        var comparer = EqualityComparer<TKey>.Default;
        var cellKey = new int[orderedCells.Length];
        var values = new KpiValue[orderedCells.Length];
        for (int c = 0; c < orderedCells.Length; c++)
        {
            var cell = orderedCells[c];
            if (keys.Count == 0 || !comparer.Equals(keys[^1], cell.Key))
            {
                keys.Add(cell.Key);
            }

            cellKey[c] = keys.Count - 1;
            values[c] = cell.Value;
            if (cell.Period is ReportingPeriod p)
            {
                periods.TryAdd(p.Start, p);
            }
        }

        var starts = new LocalDate[periods.Count];
        periods.Keys.CopyTo(starts, 0);
        Array.Sort(starts);
        var periodArray = new ReportingPeriod[starts.Length];
        var periodIndex = new Dictionary<LocalDate, int>(starts.Length);
        for (int i = 0; i < starts.Length; i++)
        {
            periodArray[i] = periods[starts[i]];
            periodIndex.Add(starts[i], i);
        }

        var cellPeriod = new int[orderedCells.Length];
        for (int c = 0; c < orderedCells.Length; c++)
        {
            if (orderedCells[c].Period is ReportingPeriod p)
            {
                cellPeriod[c] = periodIndex[p.Start];
            }
        }

        return new KpiTable<TKey>(description, isPerPeriod, periodKind, emptyValue, keys.ToArray(), periodArray, cellKey, cellPeriod, new ArrayCellValues(values));
    }

    public Row AddRow(TKey key)
    {
        var row = new Row(key);
        Rows.Add(row);
        return row;
    }

    public KpiTable<TKey> Build(string description)
    {
        int count = 0;
        foreach (var row in Rows)
        {
            count += row.Cells.Count;
        }

        var cells = new KpiCell<TKey>[count];
        int i = 0;
        foreach (var row in Rows)
        {
            row.Cells.CopyTo(cells, i);
            i += row.Cells.Count;
        }

        return Create(description, IsPerPeriod, PeriodKind, EmptyValue, cells);
    }

    /// <summary>The cells of one key, in period order.</summary>
    internal sealed class Row(TKey key)
    {
        public TKey Key { get; } = key;

        public List<KpiCell<TKey>> Cells { get; set; } = [];
    }
}
