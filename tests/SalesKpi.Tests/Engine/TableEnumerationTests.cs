using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Enumerating a <see cref="KpiTable{TKey}"/>: the value-type enumerator and the interface forms.</summary>
public sealed class TableEnumerationTests
{
    private static readonly Metric<Act, int> WeeklyByRep = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);

    [Fact]
    public void Foreach_visits_the_cells_in_key_then_period_order_by_hand()
    {
        // Rep 2 in week 10, rep 1 in weeks 11 and 10: the table runs (1, W10), (1, W11), (2, W10).
        Act[] facts = [new(2, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 9), Kind.Call), new(1, T.At(2026, 3, 3), Kind.Email)];
        var table = WeeklyByRep.Evaluate(facts, T.InUtc<Act>());
        var seen = new List<(int, string)>();
        foreach (var cell in table)
        {
            seen.Add((cell.Key, cell.Period!.Value.Label));
        }

        Assert.Equal([(1, "2026-W10"), (1, "2026-W11"), (2, "2026-W10")], seen);
    }

    [Fact]
    public void A_keys_row_holds_its_cells_in_period_order_by_hand()
    {
        // Rep 1 in weeks 11 and 10, rep 2 in week 10: rep 1's row is (W10, W11), rep 2's (W10), rep 3 has none.
        Act[] facts = [new(2, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 9), Kind.Call), new(1, T.At(2026, 3, 3), Kind.Email), new(1, T.At(2026, 3, 4), Kind.Call)];
        var table = WeeklyByRep.Evaluate(facts, T.InUtc<Act>());
        var row = table.CellsOf(1);
        Assert.Equal(2, row.Count);
        Assert.Equal(["2026-W10", "2026-W11"], row.Select(c => c.Period!.Value.Label));
        Assert.Equal(2m, row[0].Value.ExactValue);
        Assert.Equal(1m, row[1].Value.ExactValue);
        Assert.Equal(2, Assert.Single(table.CellsOf(2)).Key);
        Assert.Equal(2, table.CellsOf(2)[0].Key);
        Assert.Empty(table.CellsOf(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => row[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => row[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.CellsOf(3)[0]);
        Assert.Throws<ArgumentNullException>(() => Metric.Count<Act>().By(a => a.Kind.ToString()).Evaluate(facts).CellsOf(null!));
    }

    [Property(MaxTest = 30)]
    public void Each_keys_row_is_its_run_of_the_table(int seed, bool perPeriod)
    {
        var facts = T.RandomActs(300, seed, reps: 12);
        var metric = Metric.Count<Act>().By(a => a.Rep);
        var table = perPeriod ? metric.PerPeriod(PeriodKind.Day, a => a.At).Evaluate(facts, T.InUtc<Act>()) : metric.Evaluate(facts, T.InUtc<Act>());
        var rows = new List<KpiCell<int>>();
        for (int rep = -1; rep <= 12; rep++)
        {
            var row = table.CellsOf(rep);
            var expected = table.Cells.Where(c => c.Key == rep).ToList();
            var byStruct = new List<KpiCell<int>>();
            foreach (var cell in row)
            {
                byStruct.Add(cell);
            }

            Assert.Equal(expected, byStruct);
            Assert.Equal(expected, ((IEnumerable<KpiCell<int>>)row).ToList());
            Assert.Equal(expected, Enumerable.Range(0, row.Count).Select(i => row[i]).ToList());
            rows.AddRange(row);
        }

        Assert.Equal(table.Cells, rows);
    }

    [Fact]
    public void A_row_enumerator_starts_over_on_reset_and_guards_its_current_cell()
    {
        Act[] facts = [new(1, T.At(2026, 3, 2), Kind.Call), new(2, T.At(2026, 3, 2), Kind.Call), new(2, T.At(2026, 3, 9), Kind.Call)];
        var row = WeeklyByRep.Evaluate(facts, T.InUtc<Act>()).CellsOf(2);
        var e = row.GetEnumerator();
        Assert.Throws<InvalidOperationException>(() => e.Current);
        Assert.True(e.MoveNext());
        Assert.Equal("2026-W10", e.Current.Period!.Value.Label);
        Assert.True(e.MoveNext());
        Assert.False(e.MoveNext());
        Assert.False(e.MoveNext());
        e.Reset();
        Assert.True(e.MoveNext());
        Assert.Equal(2, e.Current.Key);
        Assert.Equal("2026-W10", e.Current.Period!.Value.Label);
        Assert.False(default(KpiTable<int>.Row).GetEnumerator().MoveNext());
    }

    [Property(MaxTest = 30)]
    public void Every_enumeration_form_gives_the_cells_list(int seed)
    {
        var table = WeeklyByRep.Evaluate(T.RandomActs(200, seed), T.InUtc<Act>());
        var byStruct = new List<KpiCell<int>>();
        foreach (var cell in table)
        {
            byStruct.Add(cell);
        }

        Assert.Equal(table.Cells, byStruct);
        Assert.Equal(table.Cells, ((IEnumerable<KpiCell<int>>)table).ToList());
        Assert.Equal(table.Cells, ((IEnumerable)table).Cast<KpiCell<int>>().ToList());
        Assert.Equal(table.Cells, table.Cells.ToList());
    }

    [Property(MaxTest = 30)]
    public void Each_cell_read_by_index_is_the_cell_enumerated_there_and_the_one_looked_up(int seed, bool sparse, bool perPeriod)
    {
        // Dense: 7 reps over 40 days, built from the cell grid. Sparse: 2,000 facts over 50,000 reps and a year, which
        // leaves the grid too sparse to walk, so the cells are put in order by sorting.
        var facts = sparse ? T.RandomActs(2_000, seed, reps: 50_000, days: 365) : T.RandomActs(300, seed);
        var metric = Metric.Count<Act>().By(a => a.Rep);
        var table = perPeriod ? metric.PerPeriod(PeriodKind.Day, a => a.At).Evaluate(facts, T.InUtc<Act>()) : metric.Evaluate(facts, T.InUtc<Act>());
        int i = 0;
        long total = 0;
        foreach (var cell in table)
        {
            Assert.Equal(cell, table.Cells[i]);
            Assert.Equal(cell.Value, cell.Period is { } period ? table[cell.Key, period] : table[cell.Key]);
            total += (long)cell.Value.Value!.Value;
            i++;
        }

        Assert.Equal(table.Count, i);
        Assert.Equal(facts.Length, total);
        Assert.Equal(table.Keys.Count, table.Select(c => c.Key).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Cells[table.Count]);
    }

    [Fact]
    public void The_enumerator_is_off_the_cells_before_the_first_and_after_the_last_and_resets()
    {
        var table = WeeklyByRep.Evaluate([new Act(1, T.At(2026, 3, 2), Kind.Call)], T.InUtc<Act>());
        var enumerator = table.GetEnumerator();
        var before = enumerator;
        Assert.Throws<InvalidOperationException>(() => before.Current);
        Assert.True(enumerator.MoveNext());
        Assert.Equal(1, enumerator.Current.Key);
        Assert.False(enumerator.MoveNext());
        Assert.False(enumerator.MoveNext());
        var after = enumerator;
        Assert.Throws<InvalidOperationException>(() => after.Current);
        enumerator.Reset();
        Assert.True(enumerator.MoveNext());
        Assert.Equal(1, enumerator.Current.Key);
        enumerator.Dispose();
    }

    [Fact]
    public void A_default_enumerator_has_no_cells()
    {
        var enumerator = default(KpiTable<int>.Enumerator);
        Assert.False(enumerator.MoveNext());
        Assert.Throws<InvalidOperationException>(() => enumerator.Current);
    }
}
