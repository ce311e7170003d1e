using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class StateTests
{
    private static readonly Metric<Act, (int, Kind)> Grouped = Metric.Count<Act>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Day, a => a.At);

    [Fact]
    public void Incremental_update_equals_evaluating_everything()
    {
        var facts = T.RandomActs(2_000, seed: 1);
        var yesterday = Grouped.CreateState(T.Utc).Add(facts.AsSpan(0, 1_200));
        var today = yesterday.Add(facts.AsSpan(1_200));
        Assert.Equal(Grouped.Evaluate(facts, T.Utc).Cells, today.ToTable().Cells);
        Assert.Equal(2_000, today.FactCount);
    }

    [Fact]
    public void A_table_keeps_its_values_when_the_state_takes_more_facts_afterwards()
    {
        // The table reads its counts from accumulators copied out of the state: later additions must not reach it.
        var facts = T.RandomActs(1_000, seed: 3);
        var state = Grouped.CreateState(T.Utc).Add(facts.AsSpan(0, 500));
        var table = state.ToTable();
        var before = table.Cells.ToArray();
        state.Add(facts.AsSpan(500));
        Assert.Equal(before, table.Cells.ToArray());
        Assert.Equal(before, table.ToArray());
        Assert.Equal(500m, before.Sum(c => c.Value.ExactValue!.Value));
    }

    [Fact]
    public void Table_cells_list_reads_each_cell_by_index_and_rejects_an_index_outside()
    {
        // Rep 1: days 1 and 3; rep 2: day 2. Cells in key order, then period order.
        Act[] facts =
        [
            new(2, T.At(2026, 3, 2), Kind.Call),
            new(1, T.At(2026, 3, 3), Kind.Call),
            new(1, T.At(2026, 3, 1), Kind.Call),
            new(1, T.At(2026, 3, 3), Kind.Email),
        ];
        var table = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At).Evaluate(facts, T.Utc);
        var cells = table.Cells;
        Assert.Equal(3, cells.Count);
        Assert.Equal((1, new LocalDate(2026, 3, 1), 1m), (cells[0].Key, cells[0].Period!.Value.Start, cells[0].Value.ExactValue!.Value));
        Assert.Equal((1, new LocalDate(2026, 3, 3), 2m), (cells[1].Key, cells[1].Period!.Value.Start, cells[1].Value.ExactValue!.Value));
        Assert.Equal((2, new LocalDate(2026, 3, 2), 1m), (cells[2].Key, cells[2].Period!.Value.Start, cells[2].Value.ExactValue!.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => cells[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => cells[-1]);

        // Rep 1 has no cell on 2 March although that period is in the table (rep 2 has one): empty, not found.
        var march2 = table.Periods[1];
        Assert.False(table.TryGetValue(1, march2, out var missing));
        Assert.Equal(0m, missing.ExactValue);
        Assert.True(table.TryGetValue(2, march2, out var found));
        Assert.Equal(1m, found.ExactValue);
    }

    [Fact]
    public void Many_keys_and_periods_grow_the_cell_store_correctly()
    {
        // 600 reps × 400 days: the cell grid grows many times; every fact must land in its own cell.
        var facts = new List<Act>();
        for (int rep = 0; rep < 600; rep++)
        {
            for (int day = 0; day < 400; day += 1 + (rep % 3))
            {
                facts.Add(new Act(rep, T.At(2025, 1, 1) + Duration.FromDays(day), Kind.Call));
            }
        }

        var table = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At).Evaluate(facts, T.Utc);
        Assert.Equal(facts.Count, table.Count);
        Assert.All(table, c => Assert.Equal(1m, c.Value.ExactValue));
    }

    [Fact]
    public void Cell_store_matches_a_dictionary_also_beyond_the_dense_grid()
    {
        // 70,000 keys × 100 periods exceeds the dense grid budget and switches to the hash map.
        var random = new Random(3);
        var store = new CellStore<CountAccumulator>();
        var expected = new Dictionary<(int, int), long>();
        for (int i = 0; i < 300_000; i++)
        {
            int k = random.Next(70_000);
            int p = random.Next(100);
            store.GetOrAdd(k, p).N++;
            expected[(k, p)] = expected.GetValueOrDefault((k, p)) + 1;
        }

        Assert.Equal(expected.Count, store.Count);
        foreach (var ((k, p), n) in expected)
        {
            Assert.Equal(n, store.AtHandle(store.Find(k, p)).N);
        }
    }

    [Fact]
    public void Parallel_partitions_equal_the_sequential_evaluation()
    {
        var facts = T.RandomActs(100_000, seed: 2);
        var metric = Metric.Sum<Act>(a => a.Amount).By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Week, a => a.At);
        Assert.Equal(metric.Evaluate(facts, T.Utc).Cells, metric.EvaluateParallel(facts, T.Utc, partitions: 4).Cells);
    }

    [Fact]
    public void Stream_evaluation_enumerates_once_and_equals_the_array()
    {
        var facts = T.RandomActs(10_000, seed: 4);
        int enumerations = 0;
        IEnumerable<Act> Stream()
        {
            enumerations++;
            foreach (var a in facts)
            {
                yield return a;
            }
        }

        Assert.Equal(Grouped.Evaluate(facts, T.Utc).Cells, Grouped.Evaluate(Stream(), T.Utc).Cells);
        Assert.Equal(1, enumerations);
    }

    [Fact]
    public void Definitions_are_lazy_until_evaluated()
    {
        int calls = 0;
        var metric = Metric.Count<Act>().Where(_ => { calls++; return true; }).By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At).Cumulative();
        Assert.Equal(0, calls);
        metric.Evaluate(T.RandomActs(10, seed: 5), T.Utc);
        Assert.Equal(10, calls);
    }

    public static TheoryData<string> Primitives => new(["count", "sum:long", "sum:decimal", "sum:double", "mean:decimal", "min", "max:decimal", "distinct", "median", "ratio", "ratio:decimal", "pair", "rate", "last"]);

    private static Metric<Act, Ungrouped> Primitive(string name) => name switch
    {
        "count" => Metric.Count<Act>(),
        "sum:long" => Metric.Sum<Act>(a => a.Seconds),
        "sum:decimal" => Metric.Sum<Act>(a => a.Amount),
        "sum:double" => Metric.Sum<Act>(a => a.Seconds / 7.0),
        "mean:decimal" => Metric.Mean<Act>(a => a.Amount),
        "min" => Metric.Min<Act>(a => a.Seconds / 3.0),
        "max:decimal" => Metric.Max<Act>(a => a.Amount),
        "distinct" => Metric.DistinctCount<Act>(a => a.Seconds % 50),
        "median" => Metric.Median<Act>(a => a.Seconds),
        "ratio" => Metric.Ratio<Act>(a => a.Seconds, a => 1.5),
        "ratio:decimal" => Metric.Ratio<Act>(a => a.Amount, a => 2m),
        "pair" => Metric.Ratio<Act>(a => a.Kind == Kind.Reply, a => a.Kind == Kind.Email),
        "rate" => Metric.Rate<Act>(a => a.Connected),
        "last" => Metric.LastValue<Act>(a => a.Seconds % 10, a => a.At, a => a.Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Primitives))]
    public void Snapshot_round_trips_every_primitive(string name)
    {
        var metric = Primitive(name).By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        var facts = T.RandomActs(3_000, seed: 6);
        var state = metric.CreateState(T.Utc).Add(facts);
        var snapshot = state.ToSnapshot();
        Assert.Equal(state.CellCount, snapshot.Cells.Count);
        Assert.Equal(3_000, snapshot.FactCount);
        var restored = metric.Restore(snapshot, T.Utc);
        Assert.Equal(state.ToTable().Cells, restored.ToTable().Cells);

        // Snapshots are sorted by key, then period.
        var order = snapshot.Keys.Zip(snapshot.Periods!).ToList();
        Assert.Equal(order.OrderBy(o => o.First).ThenBy(o => o.Second), order);
    }

    [Theory]
    [MemberData(nameof(Primitives))]
    public void Merging_partitions_equals_the_whole_for_every_primitive(string name)
    {
        var metric = Primitive(name).By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        var facts = T.RandomActs(3_000, seed: 7);
        var whole = metric.Evaluate(facts, T.Utc);
        var merged = metric.CreateState(T.Utc).Add(facts.AsSpan(0, 1_000))
            .Merge(metric.CreateState(T.Utc).Add(facts.AsSpan(1_000, 500)))
            .Merge(metric.CreateState(T.Utc).Add(facts.AsSpan(1_500)))
            .ToTable();
        Assert.Equal(whole.Keys, merged.Keys);
        Assert.Equal(whole.Periods, merged.Periods);
        foreach (var (a, b) in whole.Cells.Zip(merged.Cells))
        {
            Assert.Equal(a.Key, b.Key);
            Assert.Equal(a.Period, b.Period);
            Assert.Equal(a.Value.Count, b.Value.Count);
            Assert.Equal(a.Value.IsDefined, b.Value.IsDefined);
            if (a.Value.IsUndefined)
            {
                continue;
            }

            if (a.Value.ExactValue is decimal exact)
            {
                Assert.Equal(exact, b.Value.ExactValue);
            }
            else
            {
                Assert.Equal(a.Value.Value!.Value, b.Value.Value!.Value, 9);
            }
        }
    }

    [Fact]
    public void Merging_snapshots_directly_equals_merging_restored_states()
    {
        var facts = T.RandomActs(3_000, seed: 9);
        var snapshots = Enumerable.Range(0, 3).Select(i => Grouped.CreateState(T.Utc).Add(facts.AsSpan(i * 1_000, 1_000)).ToSnapshot()).ToArray();
        var direct = Grouped.CreateState(T.Utc);
        foreach (var snapshot in snapshots)
        {
            direct.Merge(snapshot);
        }

        Assert.Equal(Grouped.Evaluate(facts, T.Utc).Cells, direct.ToTable().Cells);
        Assert.Equal(3_000, direct.FactCount);
    }

    [Fact]
    public void Merging_a_state_with_itself_doubles_it()
    {
        var state = Metric.Count<Act>().CreateState().Add(T.RandomActs(5, seed: 8));
        state.Merge(state);
        Assert.Equal(10m, state.ToTable()[Ungrouped.All].ExactValue);
    }

    [Fact]
    public void States_of_different_definitions_do_not_merge()
    {
        var a = Metric.Count<Act>().CreateState();
        var b = Metric.Count<Act>().CreateState();
        var ex = Assert.Throws<ArgumentException>(() => a.Merge(b));
        Assert.Equal("other", ex.ParamName);
        var weekly = Metric.Count<Act>().PerPeriod(PeriodKind.Week, a => a.At);
        Assert.Throws<ArgumentException>(() => weekly.CreateState(T.Utc).Merge(weekly.CreateState(T.Paris)));
    }

    [Fact]
    public void States_with_different_as_of_instants_merge_unless_they_are_conversions()
    {
        var weekly = Metric.Count<Act>().PerPeriod(PeriodKind.Week, a => a.At);
        var yesterday = weekly.CreateState(EvaluationOptions<Act>.InZone(T.Utc).WithAsOf(T.At(2026, 3, 2))).Add(T.RandomActs(10, seed: 10));
        var today = weekly.CreateState(EvaluationOptions<Act>.InZone(T.Utc).WithAsOf(T.At(2026, 3, 3))).Add(T.RandomActs(10, seed: 11));
        Assert.Equal(20, yesterday.Merge(today).FactCount);

        var conversion = Metric.Conversion<TestLead, Step>(l => l.Steps, s => s.At, s => s.Stage == "MQL", s => s.Stage == "SAL", Duration.FromDays(30));
        var early = conversion.CreateState(EvaluationOptions<TestLead>.InZone(T.Utc).WithAsOf(T.At(2026, 3, 2)));
        var late = conversion.CreateState(EvaluationOptions<TestLead>.InZone(T.Utc).WithAsOf(T.At(2026, 3, 3)));
        Assert.Throws<ArgumentException>(() => early.Merge(late));
    }

    [Fact]
    public void A_state_whose_add_failed_part_way_refuses_to_be_read_or_merged()
    {
        // The third fact's value is not finite: the first two were added, the batch was not.
        var seconds = Metric.Sum<Act>(a => a.Seconds == 3 ? double.NaN : a.Seconds).By(a => a.Rep);
        Act[] facts = [new(1, T.At(2026, 3, 2), Kind.Call, Seconds: 1), new(1, T.At(2026, 3, 2), Kind.Call, Seconds: 2), new(1, T.At(2026, 3, 2), Kind.Call, Seconds: 3)];
        var state = seconds.CreateState(T.Utc);

        var error = Assert.Throws<ArgumentException>(() => state.Add(facts));
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);

        var refused = Assert.Throws<InvalidOperationException>(() => state.ToTable());
        Assert.Same(error, refused.InnerException);
        Assert.Contains("part of a batch", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => state.ToSnapshot());
        Assert.Throws<InvalidOperationException>(() => state.Add(facts[0]));
        Assert.Throws<InvalidOperationException>(() => state.Clone());
        Assert.Throws<InvalidOperationException>(() => state.RollUp(rep => rep));
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => seconds.CreateState(T.Utc).Merge(state)).ParamName);

        // A state whose add succeeded is not affected.
        Assert.Equal(3.0, seconds.CreateState(T.Utc).Add(facts.AsSpan(0, 2)).ToTable()[1].Value);
    }

    [Fact]
    public void A_state_that_refused_a_merge_of_another_definition_stays_usable()
    {
        var state = Grouped.CreateState(T.Utc).Add(T.RandomActs(100, seed: 4));
        var before = state.ToTable().Cells;
        var other = Metric.Count<Act>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Day, a => a.At).CreateState(T.Utc);

        Assert.Throws<ArgumentException>(() => state.Merge(other));

        Assert.Equal(before, state.ToTable().Cells);
    }

    [Fact]
    public void Restore_rejects_snapshots_that_do_not_fit()
    {
        var weekly = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        var count = new CellState { Count = 1 };
        var monday = new LocalDate(2026, 3, 2);

        var otherPrimitive = new KpiSnapshot<int>("sum:decimal", 1, [1], [monday], [count]);
        Assert.Equal("snapshot", Assert.Throws<ArgumentException>(() => weekly.Restore(otherPrimitive, T.Utc)).ParamName);

        var tuesday = new KpiSnapshot<int>("count", 1, [1], [monday.PlusDays(1)], [count]);
        var ex = Assert.Throws<ArgumentException>(() => weekly.Restore(tuesday, T.Utc));
        Assert.Contains("2026-03-03", ex.Message, StringComparison.Ordinal);

        var duplicate = new KpiSnapshot<int>("count", 2, [1, 1], [monday, monday], [count, count]);
        Assert.Throws<ArgumentException>(() => weekly.Restore(duplicate, T.Utc));

        var noPeriods = new KpiSnapshot<int>("count", 1, [1], null, [count]);
        Assert.Throws<ArgumentException>(() => weekly.Restore(noPeriods, T.Utc));

        var negative = new KpiSnapshot<int>("count", 1, [1], [monday], [new CellState { Count = -1 }]);
        Assert.Throws<ArgumentException>(() => weekly.Restore(negative, T.Utc));

        Assert.Throws<ArgumentException>(() => new KpiSnapshot<int>("count", 1, [1, 2], [monday], [count]));
    }

    [Fact]
    public void Roll_up_pools_numerators_and_denominators()
    {
        // Rep 1 connected 1 of 1 call (100%), rep 2 1 of 9 (11%). Team: 2 of 10 = 0.2, not the mean of rates 0.556.
        Act[] calls =
        [
            new(1, T.At(2026, 3, 2), Kind.Call, Connected: true),
            new(2, T.At(2026, 3, 2), Kind.Call, Connected: true),
            .. Enumerable.Repeat(new Act(2, T.At(2026, 3, 2), Kind.Call), 8),
        ];
        var state = Metric.Rate<Act>(a => a.Connected).By(a => a.Rep).CreateState().Add(calls);
        var team = state.RollUp(_ => "team")["team"];
        Assert.Equal(0.2m, team.ExactValue);
        Assert.Equal(10.0, team.Denominator);
    }
}
