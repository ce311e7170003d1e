using System;
using System.Linq;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class EntityFilterTests
{
    // Rep 1: 2 March 3 calls + 2 emails; 3 March 1 call + 4 emails. Rep 2: 2 March 3 calls + 1 email.
    private static readonly Act[] Facts =
    [
        .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 2), Kind.Call), 3),
        .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 2), Kind.Email), 2),
        new(1, T.At(2026, 3, 3), Kind.Call),
        .. Enumerable.Repeat(new Act(1, T.At(2026, 3, 3), Kind.Email), 4),
        .. Enumerable.Repeat(new Act(2, T.At(2026, 3, 2), Kind.Call), 3),
        new(2, T.At(2026, 3, 2), Kind.Email),
    ];

    private static readonly Metric<Act, Ungrouped> Calls = Metric.Count<Act>().Where(a => a.Kind == Kind.Call);

    private static bool AtLeastThree(KpiValue v) => v.GetValueOrDefault(0) >= 3;

    [Fact]
    public void Counts_only_the_days_on_which_the_entity_met_the_condition()
    {
        // Emails per rep and day, on days with at least 3 calls: rep 1 on 2 March (2), rep 2 on 2 March (1);
        // rep 1's 4 emails of 3 March are dropped (1 call that day).
        var emails = Metric.Count<Act>().Where(a => a.Kind == Kind.Email).By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At)
            .WhereEntity(a => a.Rep, Calls, AtLeastThree);
        var table = emails.Evaluate(Facts, T.Utc);
        Assert.Equal(2, table.Count);
        Assert.Equal(2m, table[1, T.Day(2026, 3, 2)].ExactValue);
        Assert.Equal(1m, table[2, T.Day(2026, 3, 2)].ExactValue);
        Assert.Equal(0m, table[1, T.Day(2026, 3, 3)].ExactValue);
    }

    [Fact]
    public void Counts_the_entities_that_met_the_condition_per_period()
    {
        // Reps with at least 3 calls: 2 on 2 March, none on 3 March.
        var reps = Metric.DistinctCount<Act>(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At).WhereEntity(a => a.Rep, Calls, AtLeastThree);
        var table = reps.Evaluate(Facts, T.Utc);
        Assert.Equal(2m, table[Ungrouped.All, T.Day(2026, 3, 2)].ExactValue);
        Assert.False(table.TryGetValue(Ungrouped.All, T.Day(2026, 3, 3), out _));
    }

    [Fact]
    public void Without_periods_the_condition_covers_all_facts()
    {
        // Calls overall: rep 1 has 4 (qualifies with ≥ 4), rep 2 has 3 (does not) → emails of qualifying reps: 6.
        var emails = Metric.Count<Act>().Where(a => a.Kind == Kind.Email).WhereEntity(a => a.Rep, Calls, v => v.GetValueOrDefault(0) >= 4);
        Assert.Equal(6m, emails.Evaluate(Facts)[Ungrouped.All].ExactValue);
    }

    [Fact]
    public void Partitions_merge_before_the_condition_is_judged()
    {
        // Rep 2's three calls are split over two partitions; each alone misses the condition, merged they meet it.
        var emails = Metric.Count<Act>().Where(a => a.Kind == Kind.Email).By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At)
            .WhereEntity(a => a.Rep, Calls, AtLeastThree);
        var whole = emails.Evaluate(Facts, T.Utc);
        var merged = emails.CreateState(T.Utc).Add(Facts.AsSpan(0, 12)).Merge(emails.CreateState(T.Utc).Add(Facts.AsSpan(12))).ToTable();
        Assert.Equal(whole.Cells, merged.Cells);
        Assert.Equal(1m, merged[2, T.Day(2026, 3, 2)].ExactValue);
    }

    [Fact]
    public void The_condition_must_be_plain()
    {
        var perDay = Calls.PerPeriod(PeriodKind.Day, a => a.At);
        var ex = Assert.Throws<ArgumentException>(() => Metric.Count<Act>().WhereEntity(a => a.Rep, perDay, AtLeastThree));
        Assert.Equal("condition", ex.ParamName);
    }
}
