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

    /// <summary>
    /// Creates a table from cells ordered by key, then period: one equality test per cell finds the rows and one
    /// look-up per cell numbers the periods (cells are read in place, never copied one by one).
    /// </summary>
    public static KpiTable<TKey> Create(string description, bool isPerPeriod, PeriodKind? periodKind, KpiValue emptyValue, KpiCell<TKey>[] orderedCells)
    {
        var keys = new List<TKey>();
        var rowStart = new List<int>();
        var periodIds = new Dictionary<LocalDate, int>();
        var distinct = new List<ReportingPeriod>();
        var cellPeriod = new int[orderedCells.Length];
        var comparer = EqualityComparer<TKey>.Default;
        for (int i = 0; i < orderedCells.Length; i++)
        {
            ref readonly var cell = ref orderedCells[i];
            if (keys.Count == 0 || !comparer.Equals(keys[^1], cell.Key))
            {
                keys.Add(cell.Key);
                rowStart.Add(i);
            }

            if (cell.Period is ReportingPeriod p)
            {
                if (!periodIds.TryGetValue(p.Start, out int id))
                {
                    id = distinct.Count;
                    periodIds.Add(p.Start, id);
                    distinct.Add(p);
                }

                cellPeriod[i] = id;
            }
        }

        rowStart.Add(orderedCells.Length);

        // Number the periods in time order.
        var periodArray = distinct.ToArray();
        var starts = new LocalDate[periodArray.Length];
        var order = new int[periodArray.Length];
        for (int i = 0; i < starts.Length; i++)
        {
            starts[i] = periodArray[i].Start;
            order[i] = i;
        }

        Array.Sort(starts, order);
        var rank = new int[order.Length];
        var sorted = new ReportingPeriod[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
            sorted[i] = periodArray[order[i]];
        }

        if (sorted.Length > 0)
        {
            for (int i = 0; i < cellPeriod.Length; i++)
            {
                cellPeriod[i] = rank[cellPeriod[i]];
            }
        }

        return new KpiTable<TKey>(description, isPerPeriod, periodKind, emptyValue, keys.ToArray(), sorted, orderedCells, [.. rowStart], cellPeriod);
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
