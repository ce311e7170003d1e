using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary><see cref="Metric.EvaluateAll{TFact, TKey}(ReadOnlySpan{TFact}, EvaluationOptions{TFact}, ReadOnlySpan{Metric{TFact, TKey}})"/>.</summary>
public sealed class EvaluateAllTests
{
    private static readonly Func<Act, int> Rep = a => a.Rep;
    private static readonly Func<Act, Instant> At = a => a.At;
    private static readonly Func<Act, bool> NotReply = a => a.Kind != Kind.Reply;

    // One accumulation (same primitive, filter, key and time selectors) finished four ways, plus unrelated metrics.
    private static readonly Metric<Act, int> MonthlyAmount = Metric.Sum<Act>(a => a.Amount).Where(a => a.Kind != Kind.Reply).By(Rep).PerPeriod(PeriodKind.Week, At);

    private static readonly Metric<Act, int>[] Mixed =
    [
        MonthlyAmount,
        MonthlyAmount.Rolling(3),
        MonthlyAmount.Cumulative().FillEmpty(),
        MonthlyAmount.ChangeFrom(PeriodOffset.PreviousPeriod),
        Metric.Count<Act>().Where(a => a.Kind == Kind.Call).By(Rep).PerPeriod(PeriodKind.Week, At),
        Metric.Rate<Act>(a => a.Connected).By(Rep),
        Metric.Median<Act>(a => a.Seconds).By(Rep).PerPeriod(PeriodKind.Month, At),
        Metric.Count<Act>().By(Rep).WhereEntity(a => a.Rep, Metric.Count<Act>().Where(a => a.Kind == Kind.Call), v => v.ExactValue >= 10),
        MonthlyAmount,

        // One pass (the same filter, key and time selectors), four primitives, one of them windowed.
        Metric.Count<Act>().Where(NotReply).By(Rep).PerPeriod(PeriodKind.Week, At),
        Metric.Mean<Act>(a => a.Seconds).Where(NotReply).By(Rep).PerPeriod(PeriodKind.Week, At),
        Metric.Median<Act>(a => a.Seconds).Where(NotReply).By(Rep).PerPeriod(PeriodKind.Week, At),
        Metric.Rate<Act>(a => a.Connected).Where(NotReply).By(Rep).PerPeriod(PeriodKind.Week, At).Rolling(2),

        // The same with a value-type filter, and without periods.
        Metric.Count<Act>().Where(new LongCall()).By(Rep),
        Metric.Sum<Act>(a => a.Amount).Where(new LongCall()).By(Rep),
        Metric.Max<Act>(a => a.Amount).Where(new LongCall()).By(Rep).FillEmpty(keys: [42]),
    ];

    // Five facts whose monthly sums per rep are computed by hand in the tests below.
    private static readonly Act[] AnchorFacts =
    [
        new(1, T.At(2026, 1, 10), Kind.Call, Amount: 100m),
        new(1, T.At(2026, 1, 20), Kind.Call, Amount: 50m),
        new(1, T.At(2026, 3, 5), Kind.Email, Amount: 30m),
        new(1, T.At(2026, 3, 6), Kind.Reply, Amount: 1_000m), // filtered out
        new(2, T.At(2026, 2, 14), Kind.Meeting, Amount: 7m),
    ];

    private static readonly Metric<Act, int> AnchorMonthly = Metric.Sum<Act>(a => a.Amount).Where(a => a.Kind != Kind.Reply).By(Rep).PerPeriod(PeriodKind.Month, At);

    [Fact]
    public void A_sum_and_its_moving_sum_come_from_one_accumulation_with_hand_computed_values()
    {
        var monthly = AnchorMonthly;
        var tables = Metric.EvaluateAll(AnchorFacts, T.InUtc<Act>(), monthly.FillEmpty(), monthly.Rolling(2));

        Assert.Equal(2, tables.Length);
        var filled = tables[0];
        Assert.Equal(150m, filled[1, T.Month(2026, 1)].ExactValue);
        Assert.Equal(0m, filled[1, T.Month(2026, 2)].ExactValue);
        Assert.Equal(30m, filled[1, T.Month(2026, 3)].ExactValue);
        Assert.Equal(7m, filled[2, T.Month(2026, 2)].ExactValue);
        var rolling = tables[1];
        Assert.Equal(150m, rolling[1, T.Month(2026, 1)].ExactValue); // Jan
        Assert.Equal(150m, rolling[1, T.Month(2026, 2)].ExactValue); // Jan + Feb
        Assert.Equal(30m, rolling[1, T.Month(2026, 3)].ExactValue);  // Feb + Mar
        Assert.Equal(7m, rolling[2, T.Month(2026, 3)].ExactValue);   // Feb + Mar
    }

    [Property(MaxTest = 40)]
    public void Every_table_equals_the_metrics_own_evaluation(int seed)
    {
        var facts = T.RandomActs(400, seed);
        AssertEachEqualsItsOwnEvaluation(facts, Metric.EvaluateAll(facts, T.Paris, Mixed));
    }

    [Fact]
    public void Metrics_with_the_same_filter_and_slots_run_the_filter_once_per_fact()
    {
        var facts = T.RandomActs(3_000, 5);
        var counting = new CountingFilter<Act>(a => a.Kind != Kind.Email);
        var counted = counting.Filter;
        Metric<Act, int>[] lines =
        [
            Metric.Count<Act>().Where(counted).By(Rep).PerPeriod(PeriodKind.Day, At),
            Metric.Sum<Act>(a => a.Seconds).Where(counted).By(Rep).PerPeriod(PeriodKind.Day, At),
            Metric.Rate<Act>(a => a.Connected).Where(counted).By(Rep).PerPeriod(PeriodKind.Day, At),
        ];

        var together = Metric.EvaluateAll(facts, T.Paris, lines);
        Assert.Equal(facts.Length, counting.Calls);

        for (int i = 0; i < lines.Length; i++)
        {
            Assert.Equal(lines[i].Evaluate(facts, T.Paris).Cells, together[i].Cells);
        }

        Assert.Equal(4 * facts.Length, counting.Calls);
    }

    [Property(MaxTest = 20)]
    public void A_stream_array_and_span_give_the_same_tables(int seed)
    {
        // More facts than the stream buffer holds, so the stream is read in several chunks.
        var facts = T.RandomActs(20_000, seed, days: 120);
        var fromArray = Metric.EvaluateAll(facts, T.NewYork, Mixed);
        var fromSpan = Metric.EvaluateAll(facts.AsSpan(), T.NewYork, Mixed);
        int enumerated = 0;
        var fromStream = Metric.EvaluateAll(facts.Select(f => { enumerated++; return f; }), T.NewYork, Mixed);
        Assert.Equal(facts.Length, enumerated);
        for (int i = 0; i < Mixed.Length; i++)
        {
            Assert.Equal(fromArray[i].Cells, fromSpan[i].Cells);
            Assert.Equal(fromArray[i].Cells, fromStream[i].Cells);
        }
    }

    [Fact]
    public void No_metrics_give_no_tables_and_no_facts_give_empty_tables()
    {
        Assert.Empty(Metric.EvaluateAll<Act, int>(T.RandomActs(10, 1), T.Utc));
        var tables = Metric.EvaluateAll(Array.Empty<Act>(), T.Utc, Mixed);
        Assert.All(tables.Take(2), Assert.Empty);
    }

    [Fact]
    public void A_null_metric_is_rejected_with_its_position()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Metric.EvaluateAll(T.RandomActs(5, 1), T.Utc, MonthlyAmount, null!, MonthlyAmount));
        Assert.Equal("metrics", error.ParamName);
        Assert.Contains("Metric 1 of 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_that_needs_a_zone_without_options_is_rejected_before_any_fact_is_read()
    {
        int read = 0;
        IEnumerable<Act> Facts()
        {
            read++;
            yield return new Act(1, T.At(2026, 1, 1), Kind.Call);
        }

        Assert.Throws<ArgumentNullException>(() => Metric.EvaluateAll(Facts(), null, MonthlyAmount));
        Assert.Equal(0, read);
    }

    [Fact]
    public void Invalid_values_surface_as_in_a_single_evaluation()
    {
        var seconds = Metric.Sum<Act>(a => a.Seconds == 7 ? double.NaN : a.Seconds).By(Rep);
        Act[] facts = [new(1, T.At(2026, 1, 1), Kind.Call, Seconds: 7)];
        Assert.Throws<ArgumentException>(() => Metric.EvaluateAll(facts, T.Utc, seconds, seconds.FillEmptyWith(KpiValue.Exact(0m, 0))));
    }

    [Fact]
    public void In_parallel_partitions_a_sum_and_its_moving_sum_keep_their_hand_computed_values()
    {
        // Three partitions: [100], [50, 30], [reply, 7]. The moving sum reads the sum's cells, merged once.
        var monthly = AnchorMonthly;
        var tables = Metric.EvaluateAllParallel(AnchorFacts, T.InUtc<Act>(), 3, monthly, monthly.Rolling(2), monthly);

        Assert.Equal(150m, tables[0][1, T.Month(2026, 1)].ExactValue);
        Assert.Equal(2, tables[0][1, T.Month(2026, 1)].Count);
        Assert.Equal(30m, tables[0][1, T.Month(2026, 3)].ExactValue);
        Assert.Equal(7m, tables[0][2, T.Month(2026, 2)].ExactValue);
        Assert.Equal(150m, tables[1][1, T.Month(2026, 2)].ExactValue); // Jan + Feb
        Assert.Equal(30m, tables[1][1, T.Month(2026, 3)].ExactValue);  // Feb + Mar
        Assert.Equal(7m, tables[1][2, T.Month(2026, 3)].ExactValue);   // Feb + Mar
        Assert.Equal(tables[0].Cells, tables[2].Cells);
    }

    [Property(MaxTest = 25)]
    public void In_parallel_every_table_equals_the_metrics_own_evaluation(int seed, byte partitions)
    {
        var facts = T.RandomActs(2_000, seed);
        AssertEachEqualsItsOwnEvaluation(facts, Metric.EvaluateAllParallel(facts, T.Paris, 1 + (partitions % 7), Mixed));
    }

    [Fact]
    public void In_parallel_more_partitions_than_facts_and_no_facts_are_handled()
    {
        var facts = T.RandomActs(3, 1);
        var expected = Metric.EvaluateAll(facts, T.Paris, Mixed);
        var many = Metric.EvaluateAllParallel(facts, T.Paris, 8, Mixed);
        var automatic = Metric.EvaluateAllParallel(facts, T.Paris, 0, Mixed);
        for (int i = 0; i < Mixed.Length; i++)
        {
            Assert.Equal(expected[i].Cells, many[i].Cells);
            Assert.Equal(expected[i].Cells, automatic[i].Cells);
        }

        var empty = Metric.EvaluateAllParallel(ReadOnlyMemory<Act>.Empty, T.Paris, 2, Mixed);
        Assert.All(empty.Take(2), Assert.Empty);
    }

    [Fact]
    public void In_parallel_a_negative_partition_count_and_a_null_metric_are_rejected()
    {
        var facts = T.RandomActs(5, 1);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Metric.EvaluateAllParallel(facts, T.Utc, -1, MonthlyAmount));
        Assert.Equal("partitions", negative.ParamName);
        Assert.Contains("-1", negative.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentNullException>(() => Metric.EvaluateAllParallel(facts, T.Utc, 2, MonthlyAmount, null!));
        Assert.Equal("metrics", missing.ParamName);
        Assert.Contains("Metric 1 of 2", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_parallel_an_invalid_value_surfaces_as_in_the_sequential_evaluation()
    {
        var seconds = Metric.Sum<Act>(a => a.Seconds == 7 ? double.NaN : a.Seconds == 8 ? double.PositiveInfinity : a.Seconds).By(Rep);
        Act[] facts =
        [
            new(1, T.At(2026, 1, 1), Kind.Call, Seconds: 3),
            new(1, T.At(2026, 1, 2), Kind.Call, Seconds: 7),
            new(1, T.At(2026, 1, 3), Kind.Call, Seconds: 3),
            new(1, T.At(2026, 1, 4), Kind.Call, Seconds: 8),
        ];

        // Two partitions fail; the first one's error is the one the sequential evaluation meets first.
        var sequential = Assert.Throws<ArgumentException>(() => Metric.EvaluateAll(facts, T.Utc, seconds, seconds.FillEmptyWith(KpiValue.Exact(0m, 0))));
        var together = Assert.Throws<ArgumentException>(() => Metric.EvaluateAllParallel(facts, T.Utc, 2, seconds, seconds.FillEmptyWith(KpiValue.Exact(0m, 0))));
        var alone = Assert.Throws<ArgumentException>(() => seconds.EvaluateParallel(facts, T.Utc, 2));
        Assert.Equal(sequential.Message, together.Message);
        Assert.Equal(sequential.Message, alone.Message);
        Assert.Equal(sequential.ParamName, together.ParamName);
        Assert.Contains("NaN", together.Message, StringComparison.Ordinal);
    }

    private static void AssertEachEqualsItsOwnEvaluation(Act[] facts, KpiTable<int>[] together)
    {
        Assert.Equal(Mixed.Length, together.Length);
        for (int i = 0; i < Mixed.Length; i++)
        {
            var alone = Mixed[i].Evaluate(facts, T.Paris);
            Assert.Equal(alone.Cells, together[i].Cells);
            Assert.Equal(alone.ToText(), together[i].ToText());
        }
    }

    private readonly struct LongCall : IFactPredicate<Act>
    {
        public bool Test(in Act fact) => fact.Kind == Kind.Call && fact.Seconds >= 900;
    }
}
