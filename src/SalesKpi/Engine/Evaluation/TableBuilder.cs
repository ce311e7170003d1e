using System.Collections.Generic;
using NodaTime;

namespace SalesKpi;

/// <summary>Rows of finished values (key order, then period order) that fill and value stages edit before the table is frozen.</summary>
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

    /// <summary>Gets the rows in key order; each row's cells keyed by period start (default date when not per period).</summary>
    public List<KeyValuePair<TKey, SortedList<LocalDate, KpiCell<TKey>>>> Rows { get; } = [];

    public static KpiTable<TKey> Create(string description, bool isPerPeriod, PeriodKind? periodKind, KpiValue emptyValue, List<KpiCell<TKey>> orderedCells)
    {
        var keys = new List<TKey>();
        var periods = new SortedDictionary<LocalDate, ReportingPeriod>();
        var comparer = EqualityComparer<TKey>.Default;
        foreach (var cell in orderedCells)
        {
            if (keys.Count == 0 || !comparer.Equals(keys[^1], cell.Key))
            {
                keys.Add(cell.Key);
            }

            if (cell.Period is ReportingPeriod p)
            {
                periods[p.Start] = p;
            }
        }

        var periodArray = new ReportingPeriod[periods.Count];
        periods.Values.CopyTo(periodArray, 0);
        return new KpiTable<TKey>(description, isPerPeriod, periodKind, emptyValue, keys.ToArray(), periodArray, orderedCells.ToArray());
    }

    public SortedList<LocalDate, KpiCell<TKey>> AddRow(TKey key)
    {
        var cells = new SortedList<LocalDate, KpiCell<TKey>>();
        Rows.Add(new KeyValuePair<TKey, SortedList<LocalDate, KpiCell<TKey>>>(key, cells));
        return cells;
    }

    public KpiTable<TKey> Build(string description)
    {
        var cells = new List<KpiCell<TKey>>();
        foreach (var row in Rows)
        {
            cells.AddRange(row.Value.Values);
        }

        return Create(description, IsPerPeriod, PeriodKind, EmptyValue, cells);
    }
}
