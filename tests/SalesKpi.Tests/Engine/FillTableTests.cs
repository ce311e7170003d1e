using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Filled tables against an oracle built from the unfilled table by the fill rule.</summary>
public sealed class FillTableTests
{
    [Property(MaxTest = 60)]
    public void A_filled_table_is_the_unfilled_one_with_an_empty_cell_for_every_missing_key_and_period(int seed, bool weekly, bool withRange, byte extraKeys, bool custom)
    {
        var facts = T.RandomActs(150, seed, reps: 6, days: 60);
        var kind = weekly ? PeriodKind.Week : PeriodKind.Day;
        var count = Metric.Count<Act>().Where(a => a.Kind != Kind.Reply).By(a => a.Rep).PerPeriod(kind, a => a.At);
        var sum = Metric.Sum<Act>(a => a.Amount).By(a => a.Rep).PerPeriod(kind, a => a.At);
        var random = new Random(seed);
        DateInterval? range = withRange ? new DateInterval(new LocalDate(2026, 2, 20).PlusDays(random.Next(20)), new LocalDate(2026, 3, 25).PlusDays(random.Next(40))) : null;
        int[] keys = [.. Enumerable.Range(0, extraKeys % 5).Select(_ => random.Next(-2, 10))];
        var value = KpiValue.Exact(-1m, 0);

        foreach (var metric in new[] { count, sum })
        {
            var plain = metric.Evaluate(facts, T.Paris);
            var filled = (custom ? metric.FillEmptyWith(value, range, keys) : metric.FillEmpty(range, keys)).Evaluate(facts, T.Paris);
            var expected = Oracle(plain, range, keys, kind, custom ? value : metric.EmptyValue);
            Assert.Equal(expected, filled.Cells.ToList());
            Assert.Equal(expected.Count, filled.Count);
            foreach (var cell in expected)
            {
                Assert.Equal(cell.Value, filled[cell.Key, cell.Period!.Value]);
            }
        }
    }

    [Property(MaxTest = 40)]
    public void Windowed_tables_read_the_same_through_the_compact_and_the_row_by_row_paths(int seed, bool weekly, byte length)
    {
        // A roll-up onto the same keys finishes windows row by row; evaluation builds them compactly.
        var facts = T.RandomActs(200, seed, reps: 5, days: 90);
        var kind = weekly ? PeriodKind.Week : PeriodKind.Day;
        var sum = Metric.Sum<Act>(a => a.Amount).By(a => a.Rep).PerPeriod(kind, a => a.At);
        foreach (var windowed in new[] { sum.Rolling(1 + (length % 6)), sum.Cumulative(), sum.ToDate(PeriodKind.Month) })
        {
            var compact = windowed.Evaluate(facts, T.NewYork);
            var rows = windowed.CreateState(T.NewYork).Add(facts).RollUp(k => k);
            Assert.Equal(rows.Cells, compact.Cells);
        }
    }

    [Property(MaxTest = 40)]
    public void A_filled_window_is_the_window_with_an_empty_cell_for_every_missing_key_and_period(int seed, bool withRange, byte extraKeys)
    {
        var facts = T.RandomActs(150, seed, reps: 6, days: 60);
        var rolling = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At).Rolling(2);
        var random = new Random(seed);
        DateInterval? range = withRange ? new DateInterval(new LocalDate(2026, 2, 1).PlusDays(random.Next(40)), new LocalDate(2026, 4, 1).PlusDays(random.Next(40))) : null;
        int[] keys = [.. Enumerable.Range(0, extraKeys % 4).Select(_ => random.Next(0, 9))];
        var filled = rolling.FillEmpty(range, keys).Evaluate(facts, T.Paris);
        Assert.Equal(Oracle(rolling.Evaluate(facts, T.Paris), range, keys, PeriodKind.Week, rolling.EmptyValue), filled.Cells.ToList());
    }

    [Fact]
    public void Without_periods_every_fill_key_gets_one_empty_cell()
    {
        var facts = T.RandomActs(50, 3, reps: 3);
        var table = Metric.Count<Act>().By(a => a.Rep).FillEmpty(keys: [7, 1, -1]).Evaluate(facts);
        Assert.Equal([-1, 0, 1, 2, 7], table.Keys);
        Assert.Equal(0m, table[7].ExactValue);
        Assert.Equal(0m, table[-1].ExactValue);
        Assert.Equal(facts.Count(a => a.Rep == 1), (int)table[1].ExactValue!.Value);
    }

    [Fact]
    public void Filling_a_day_range_by_hand()
    {
        // Rep 1 on 2 and 4 March, rep 2 on 3 March; fill 1–4 March: 2 keys × 4 days.
        Act[] facts = [new(1, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 4), Kind.Call), new(1, T.At(2026, 3, 4), Kind.Email), new(2, T.At(2026, 3, 3), Kind.Call)];
        var table = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At)
            .FillEmpty(new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 4)))
            .Evaluate(facts, T.Utc);
        Assert.Equal(8, table.Count);
        Assert.Equal([0m, 1m, 0m, 2m], Enumerable.Range(1, 4).Select(d => table[1, T.Day(2026, 3, d)].ExactValue!.Value));
        Assert.Equal([0m, 0m, 1m, 0m], Enumerable.Range(1, 4).Select(d => table[2, T.Day(2026, 3, d)].ExactValue!.Value));
        Assert.Contains("2026-03-01", table.ToText(), StringComparison.Ordinal);
    }

    private static List<KpiCell<int>> Oracle(KpiTable<int> plain, DateInterval? range, int[] extraKeys, PeriodKind kind, KpiValue empty)
    {
        var calendar = ReportingCalendar.Iso;
        var periods = new SortedDictionary<LocalDate, ReportingPeriod>();
        foreach (var cell in plain)
        {
            periods.TryAdd(cell.Period!.Value.Start, cell.Period.Value);
        }

        var spine = new List<ReportingPeriod>();
        ReportingPeriod? first = range is { } r ? calendar.GetPeriod(r.Start, kind) : periods.Count > 0 ? periods.First().Value : null;
        ReportingPeriod? last = range is { } r2 ? calendar.GetPeriod(r2.End, kind) : periods.Count > 0 ? periods.Last().Value : null;
        for (var p = first; p is not null && p.Value.Start <= last!.Value.Start; p = calendar.GetPeriod(p.Value.End, kind))
        {
            spine.Add(p.Value);
            periods.TryAdd(p.Value.Start, p.Value);
        }

        var spineStarts = spine.Select(p => p.Start).ToHashSet();
        var cells = new List<KpiCell<int>>();
        foreach (int key in plain.Keys.Concat(extraKeys).Distinct().Order())
        {
            foreach (var period in periods.Values)
            {
                if (plain.TryGetValue(key, period, out var value) && plain.Cells.Any(c => c.Key == key && c.Period!.Value.Start == period.Start))
                {
                    cells.Add(new KpiCell<int>(key, period, value));
                }
                else if (spineStarts.Contains(period.Start))
                {
                    cells.Add(new KpiCell<int>(key, period, empty));
                }
            }
        }

        return cells;
    }
}
