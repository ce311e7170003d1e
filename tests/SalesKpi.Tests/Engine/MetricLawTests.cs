using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Laws of whole evaluations, checked by FsCheck on pseudo-random activities.</summary>
public sealed class MetricLawTests
{
    private static readonly Metric<Act, (int, Kind)> DailyCount = Metric.Count<Act>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Day, a => a.At);
    private static readonly Metric<Act, int> WeeklyAmount = Metric.Sum<Act>(a => a.Amount).By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
    private static readonly Metric<Act, int> ConnectRate = Metric.Rate<Act>(a => a.Connected).Where(a => a.Kind == Kind.Call).By(a => a.Rep);

    [Property(MaxTest = 50)]
    public void Evaluating_any_partition_and_merging_equals_evaluating_all(int seed, int[] cuts)
    {
        var facts = T.RandomActs(300, seed);
        var bounds = cuts.Select(c => Math.Abs(c % 301)).Append(0).Append(300).Distinct().Order().ToArray();
        var daily = DailyCount.CreateState(T.Paris);
        var weekly = WeeklyAmount.CreateState(T.Paris);
        for (int i = 0; i + 1 < bounds.Length; i++)
        {
            var part = facts.AsSpan(bounds[i], bounds[i + 1] - bounds[i]);
            daily.Merge(DailyCount.CreateState(T.Paris).Add(part));
            weekly.Merge(WeeklyAmount.Restore(WeeklyAmount.CreateState(T.Paris).Add(part).ToSnapshot(), T.Paris));
        }

        Assert.Equal(DailyCount.Evaluate(facts, T.Paris).Cells, daily.ToTable().Cells);
        Assert.Equal(WeeklyAmount.Evaluate(facts, T.Paris).Cells, weekly.ToTable().Cells);
    }

    [Property(MaxTest = 50)]
    public void The_result_does_not_depend_on_the_order_of_the_facts(int seed)
    {
        var facts = T.RandomActs(300, seed);
        var shuffled = (Act[])facts.Clone();
        new Random(seed).Shuffle(shuffled);
        Assert.Equal(DailyCount.Evaluate(facts, T.NewYork).Cells, DailyCount.Evaluate(shuffled, T.NewYork).Cells);
        Assert.Equal(WeeklyAmount.Evaluate(facts, T.NewYork).Cells, WeeklyAmount.Evaluate(shuffled, T.NewYork).Cells);
    }

    [Property(MaxTest = 50)]
    public void Facts_in_time_order_per_key_and_in_any_order_give_the_same_table(int seed)
    {
        // Time order (and per rep in time order) lets the table skip its sort by period; any order needs it.
        var facts = T.RandomActs(300, seed);
        var byTime = facts.OrderBy(a => a.At).ToArray();
        var byRepThenTime = facts.OrderBy(a => a.Rep).ThenBy(a => a.At).ToArray();
        var expected = DailyCount.Evaluate(facts, T.Paris).Cells;
        Assert.Equal(expected, DailyCount.Evaluate(byTime, T.Paris).Cells);
        Assert.Equal(expected, DailyCount.Evaluate(byRepThenTime, T.Paris).Cells);
        Assert.Equal(WeeklyAmount.Evaluate(facts, T.Paris).Cells, WeeklyAmount.Evaluate(byRepThenTime, T.Paris).Cells);
    }

    [Property(MaxTest = 50)]
    public void Adding_facts_never_decreases_a_count(int seed, byte extra)
    {
        var facts = T.RandomActs(200 + extra, seed);
        var fewer = DailyCount.Evaluate(facts.AsSpan(0, 200), T.Utc);
        var more = DailyCount.Evaluate(facts, T.Utc);
        foreach (var cell in fewer)
        {
            Assert.True(more[cell.Key, cell.Period!.Value].ExactValue >= cell.Value.ExactValue);
        }
    }

    [Property(MaxTest = 50)]
    public void Rolling_a_rate_up_gives_the_ratio_of_sums_of_its_groups(int seed)
    {
        var facts = T.RandomActs(200, seed);
        var byRep = ConnectRate.CreateState().Add(facts);
        var all = Metric.Rate<Act>(a => a.Connected).Where(a => a.Kind == Kind.Call).Evaluate(facts)[Ungrouped.All];
        var rolled = byRep.RollUp(_ => "all")["all"];
        Assert.Equal(all.ExactValue, rolled.ExactValue);
        Assert.Equal(all.Denominator, rolled.Denominator);
        var table = byRep.ToTable();
        Assert.Equal(table.Sum(c => c.Value.Numerator!.Value), rolled.Numerator);
        Assert.Equal(table.Sum(c => c.Value.Denominator!.Value), rolled.Denominator);
    }

    [Property(MaxTest = 10)]
    public void Counts_equal_a_dictionary_whether_their_cells_stay_in_dense_tiles_or_move_to_the_hash_map(int seed, byte sparseShare, byte partitions)
    {
        // Dense reps (64 × 60 days) and, for a share of the facts, reps spread over a million ids: a state or partition
        // with enough of the latter (past the 8,192 tiles kept whatever their density) finds its tiles too sparse and
        // moves its cells to the hash map, and merges then mix tiled and hashed states.
        var random = new Random(seed);
        var start = Instant.FromUtc(2026, 3, 1, 0, 0);
        var facts = new Act[120_000];
        for (int i = 0; i < facts.Length; i++)
        {
            bool sparse = random.Next(256) < sparseShare;
            int rep = sparse ? 64 + random.Next(1_000_000) : random.Next(64);
            facts[i] = new Act(rep, start + Duration.FromSeconds(random.NextInt64(60 * 86_400L)), Kind.Call);
        }

        var metric = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At);
        var expected = facts.CountBy(a => (a.Rep, a.At.InUtc().Date)).ToDictionary(p => p.Key, p => (decimal)p.Value);
        static System.Collections.Generic.Dictionary<(int, LocalDate), decimal> Cells(KpiTable<int> table) =>
            table.ToDictionary(c => (c.Key, c.Period!.Value.Start), c => c.Value.ExactValue!.Value);

        Assert.Equal(expected, Cells(metric.Evaluate(facts, T.Utc)));
        Assert.Equal(expected, Cells(metric.EvaluateParallel(facts, T.Utc, 1 + (partitions % 4))));
        var merged = metric.CreateState(T.Utc);
        int cut = random.Next(facts.Length);
        merged.Merge(metric.CreateState(T.Utc).Add(facts.AsSpan(cut)));
        merged.Merge(metric.CreateState(T.Utc).Add(facts.AsSpan(0, cut)));
        Assert.Equal(expected, Cells(merged.ToTable()));
        Assert.Equal(expected, Cells(metric.Restore(merged.ToSnapshot(), T.Utc).ToTable()));
    }

    [Property(MaxTest = 30)]
    public void Parallel_evaluation_equals_sequential_evaluation(int seed, byte partitions)
    {
        var facts = T.RandomActs(40_000, seed);
        Assert.Equal(DailyCount.Evaluate(facts, T.Utc).Cells, DailyCount.EvaluateParallel(facts, T.Utc, 1 + (partitions % 4)).Cells);
    }
}
