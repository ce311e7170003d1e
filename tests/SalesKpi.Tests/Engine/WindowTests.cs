using System.Linq;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class WindowTests
{
    // Rep 1: 2 calls on 2 March, none on the 3rd, 1 on the 4th, 3 on the 5th. Rep 2: 1 call on the 4th.
    private static readonly Act[] Calls =
    [
        new(1, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 2), Kind.Call),
        new(1, T.At(2026, 3, 4), Kind.Call),
        new(1, T.At(2026, 3, 5), Kind.Call), new(1, T.At(2026, 3, 5), Kind.Call), new(1, T.At(2026, 3, 5), Kind.Call),
        new(2, T.At(2026, 3, 4), Kind.Call),
    ];

    private static readonly Metric<Act, int> DailyCalls = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At);

    private static decimal[] Row(KpiTable<int> table, int rep) =>
        table.Where(c => c.Key == rep).Select(c => c.Value.ExactValue!.Value).ToArray();

    [Fact]
    public void Cumulative_is_a_running_total_from_the_keys_first_period_to_the_tables_last()
    {
        var table = DailyCalls.Cumulative().Evaluate(Calls, T.Utc);
        Assert.Equal([2m, 2m, 3m, 6m], Row(table, 1));   // 2; 2 + 0; 2 + 0 + 1; + 3
        Assert.Equal([1m, 1m], Row(table, 2));           // 4th and 5th March
        Assert.Equal(T.Day(2026, 3, 3), table.Cells.First(c => c.Key == 1 && c.Value.ExactValue == 2m && c.Period != T.Day(2026, 3, 2)).Period);
    }

    [Fact]
    public void Rolling_merges_the_last_n_periods()
    {
        var table = DailyCalls.Rolling(2).Evaluate(Calls, T.Utc);
        Assert.Equal([2m, 2m, 1m, 4m], Row(table, 1));   // 2; 2 + 0; 0 + 1; 1 + 3
        Assert.Equal([1m, 1m], Row(table, 2));
    }

    [Fact]
    public void Rolling_distinct_count_counts_each_member_once_in_the_window()
    {
        // Day 1 users {1, 2}; day 2 {2, 3}; day 3 {4}. Two-day windows: {1,2} = 2; {1,2,3} = 3; {2,3,4} = 3
        // (the sum of daily actives would give 2, 4, 3).
        (long User, Instant At)[] logins =
        [
            (1, T.At(2026, 3, 2)), (2, T.At(2026, 3, 2)),
            (2, T.At(2026, 3, 3)), (3, T.At(2026, 3, 3)),
            (4, T.At(2026, 3, 4)),
        ];
        var active = Metric.DistinctCount<(long User, Instant At)>(l => l.User).PerPeriod(PeriodKind.Day, l => l.At).Rolling(2);
        var table = active.Evaluate(logins, T.Utc);
        Assert.Equal([2m, 3m, 3m], table.Select(c => c.Value.ExactValue!.Value));
    }

    [Fact]
    public void Cumulative_rate_is_a_ratio_of_sums()
    {
        // Day 1: 1 of 2 calls connected; day 2: 1 of 1. Cumulative day 2 = 2/3 (not the mean of 0.5 and 1).
        Act[] calls = [new(1, T.At(2026, 3, 2), Kind.Call, Connected: true), new(1, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 3), Kind.Call, Connected: true)];
        var table = Metric.Rate<Act>(a => a.Connected).PerPeriod(PeriodKind.Day, a => a.At).Cumulative().Evaluate(calls, T.Utc);
        var second = table[Ungrouped.All, T.Day(2026, 3, 3)];
        Assert.Equal(2.0, second.Numerator);
        Assert.Equal(3.0, second.Denominator);
        Assert.Equal(2.0 / 3.0, second.Value!.Value, 12);
    }

    [Fact]
    public void ToDate_resets_at_the_start_of_each_grain_period()
    {
        // 27 Feb: 1, 28 Feb: 2, 1 Mar: 4, 2 Mar: 1 → month to date 1, 3, 4, 5.
        Act[] calls =
        [
            new(1, T.At(2026, 2, 27), Kind.Call),
            new(1, T.At(2026, 2, 28), Kind.Call), new(1, T.At(2026, 2, 28), Kind.Call),
            .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 1), Kind.Call), 4),
            new(1, T.At(2026, 3, 2), Kind.Call),
        ];
        var table = Metric.Count<Act>().PerPeriod(PeriodKind.Day, a => a.At).ToDate(PeriodKind.Month).Evaluate(calls, T.Utc);
        Assert.Equal([1m, 3m, 4m, 5m], table.Select(c => c.Value.ExactValue!.Value));
    }

    [Fact]
    public void Windows_are_validated_eagerly()
    {
        Assert.Throws<System.ArgumentException>(() => Metric.Count<Act>().Cumulative());
        Assert.Throws<System.ArgumentOutOfRangeException>(() => DailyCalls.Rolling(0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => DailyCalls.ToDate(PeriodKind.Day));
        Assert.Throws<System.ArgumentException>(() => DailyCalls.Cumulative().Rolling(3));
        Assert.Throws<System.ArgumentException>(() => DailyCalls.ChangeFrom(PeriodOffset.PreviousPeriod).Cumulative());
    }
}
