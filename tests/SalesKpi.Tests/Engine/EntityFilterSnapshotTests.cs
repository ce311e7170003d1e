using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>The plain-data snapshot of metrics filtered by a per-entity value (<c>WhereEntity</c>).</summary>
public sealed class EntityFilterSnapshotTests
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

    private static readonly Metric<Act, int> EmailsOnBusyDays = Metric.Count<Act>().Where(a => a.Kind == Kind.Email).By(a => a.Rep)
        .PerPeriod(PeriodKind.Day, a => a.At)
        .WhereEntity(a => a.Rep, Calls, v => v.GetValueOrDefault(0) >= 3);

    private static readonly Metric<Act, Kind> BusyRepsByKind = Metric.DistinctCount<Act>(a => a.Rep).By(a => a.Kind)
        .PerPeriod(PeriodKind.Week, a => a.At)
        .WhereEntity(a => a.Rep, Calls, v => v.GetValueOrDefault(0) >= 4);

    [Fact]
    public void The_snapshot_is_two_sorted_parts_the_values_per_key_and_entity_and_the_condition_per_entity()
    {
        var snapshot = EmailsOnBusyDays.CreateState(T.Utc).Add(Facts).ToSnapshot();
        Assert.Equal("where-entity", snapshot.Metric);
        Assert.Equal(14, snapshot.FactCount);
        Assert.Empty(snapshot.Keys);
        Assert.Empty(snapshot.Cells);
        Assert.Equal(typeof(int), snapshot.KeyType);
        Assert.Equal(2, snapshot.Parts.Count);

        // Emails per (rep, rep) and day: (1,1) 2 March 2, (1,1) 3 March 4, (2,2) 2 March 1.
        var values = Assert.IsType<KpiSnapshot<(int, int)>>(snapshot.Parts[0]);
        Assert.Equal("count", values.Metric);
        Assert.Equal([(1, 1), (1, 1), (2, 2)], values.Keys);
        Assert.Equal([new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 3), new LocalDate(2026, 3, 2)], values.Periods!);
        Assert.Equal([2L, 4L, 1L], values.Cells.Select(c => c.Count));

        // Calls per rep and day: rep 1 2 March 3, rep 1 3 March 1, rep 2 2 March 3.
        var conditions = Assert.IsType<KpiSnapshot<int>>(snapshot.Parts[1]);
        Assert.Equal([1, 1, 2], conditions.Keys);
        Assert.Equal([3L, 1L, 3L], conditions.Cells.Select(c => c.Count));
        Assert.Equal(typeof(int), conditions.KeyType);
    }

    [Fact]
    public void A_merge_whose_condition_part_is_invalid_leaves_the_state_as_it_was()
    {
        var state = EmailsOnBusyDays.CreateState(T.Utc).Add(Facts.AsSpan(0, 6));
        var before = state.ToTable().Cells;
        var other = EmailsOnBusyDays.CreateState(T.Utc).Add(Facts.AsSpan(6)).ToSnapshot();
        var conditions = (KpiSnapshot<int>)other.Parts[1];
        var corrupted = new KpiSnapshot<int>(
            other.Metric,
            other.FactCount,
            [],
            other.Periods,
            [],
            [other.Parts[0], new KpiSnapshot<int>(conditions.Metric, conditions.FactCount, conditions.Keys, conditions.Periods, [.. conditions.Cells.Select((c, i) => i == 0 ? c with { Count = -1 } : c)])]);

        Assert.Throws<ArgumentException>(() => state.Merge(corrupted));

        Assert.Equal(before, state.ToTable().Cells);
        Assert.Equal(6, state.FactCount);
        Assert.Equal(EmailsOnBusyDays.Evaluate(Facts, T.Utc).Cells, state.Merge(other).ToTable().Cells);
    }

    [Fact]
    public void A_restored_state_gives_the_same_table_and_keeps_accumulating()
    {
        // Restore the first 12 facts, add the last 2 (rep 2's third call and its email): rep 2 now qualifies on 2 March.
        var snapshot = EmailsOnBusyDays.CreateState(T.Utc).Add(Facts.AsSpan(0, 12)).ToSnapshot();
        var restored = EmailsOnBusyDays.Restore(snapshot, T.Utc);
        Assert.Equal(EmailsOnBusyDays.Evaluate(Facts.AsSpan(0, 12), T.Utc).Cells, restored.ToTable().Cells);
        Assert.False(restored.ToTable().TryGetValue(2, T.Day(2026, 3, 2), out _));
        restored.Add(Facts.AsSpan(12));
        Assert.Equal(1m, restored.ToTable()[2, T.Day(2026, 3, 2)].ExactValue);
        Assert.Equal(EmailsOnBusyDays.Evaluate(Facts, T.Utc).Cells, restored.ToTable().Cells);
        Assert.Equal(14, restored.FactCount);
    }

    [Fact]
    public void A_snapshot_rebuilt_from_its_plain_arrays_restores_the_same_state()
    {
        // What a deserializer does: rebuild every part from its arrays with the public constructors.
        var snapshot = EmailsOnBusyDays.CreateState(T.Utc).Add(Facts).ToSnapshot();
        var values = (KpiSnapshot<(int, int)>)snapshot.Parts[0];
        var conditions = (KpiSnapshot<int>)snapshot.Parts[1];
        var rebuilt = new KpiSnapshot<int>(
            snapshot.Metric,
            snapshot.FactCount,
            [],
            [],
            [],
            [
                new KpiSnapshot<(int, int)>(values.Metric, values.FactCount, values.Keys.ToArray(), values.Periods!.ToArray(), values.Cells.ToArray()),
                new KpiSnapshot<int>(conditions.Metric, conditions.FactCount, conditions.Keys.ToArray(), conditions.Periods!.ToArray(), conditions.Cells.ToArray()),
            ]);
        Assert.Equal(EmailsOnBusyDays.Evaluate(Facts, T.Utc).Cells, EmailsOnBusyDays.Restore(rebuilt, T.Utc).ToTable().Cells);
    }

    [Fact]
    public void Snapshots_of_other_shapes_are_rejected()
    {
        var plain = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At);
        var plainSnapshot = plain.CreateState(T.Utc).Add(Facts).ToSnapshot();
        var entitySnapshot = EmailsOnBusyDays.CreateState(T.Utc).Add(Facts).ToSnapshot();

        Assert.Equal("snapshot", Assert.Throws<ArgumentException>(() => EmailsOnBusyDays.Restore(plainSnapshot, T.Utc)).ParamName);
        Assert.Equal("snapshot", Assert.Throws<ArgumentException>(() => plain.Restore(entitySnapshot, T.Utc)).ParamName);
        Assert.Throws<ArgumentException>(() => plain.CreateState(T.Utc).Merge(entitySnapshot));

        // Parts in the wrong order, or missing.
        var swapped = new KpiSnapshot<int>("where-entity", 14, [], [], [], [entitySnapshot.Parts[1], entitySnapshot.Parts[0]]);
        Assert.Contains("two parts", Assert.Throws<ArgumentException>(() => EmailsOnBusyDays.Restore(swapped, T.Utc)).Message, StringComparison.Ordinal);
        var missing = new KpiSnapshot<int>("where-entity", 14, [], [], [], [entitySnapshot.Parts[0]]);
        Assert.Throws<ArgumentException>(() => EmailsOnBusyDays.Restore(missing, T.Utc));

        // A plain snapshot carrying parts.
        var withParts = new KpiSnapshot<int>(plainSnapshot.Metric, plainSnapshot.FactCount, plainSnapshot.Keys, plainSnapshot.Periods, plainSnapshot.Cells, [entitySnapshot.Parts[1]]);
        Assert.Contains("parts", Assert.Throws<ArgumentException>(() => plain.Restore(withParts, T.Utc)).Message, StringComparison.Ordinal);

        Assert.Equal("parts", Assert.Throws<ArgumentNullException>(() => new KpiSnapshot<int>("where-entity", 0, [], [], [], [null!])).ParamName);
    }

    [Property(MaxTest = 40)]
    public void Merging_restored_snapshots_of_any_partition_equals_evaluating_all(int seed, int[] cuts)
    {
        var facts = T.RandomActs(240, seed, reps: 5, days: 30);
        var bounds = cuts.Select(c => Math.Abs(c % 241)).Append(0).Append(240).Distinct().Order().ToArray();
        var emails = EmailsOnBusyDays.CreateState(T.Paris);
        var reps = BusyRepsByKind.CreateState(T.Paris);
        for (int i = 0; i + 1 < bounds.Length; i++)
        {
            var part = facts.AsSpan(bounds[i], bounds[i + 1] - bounds[i]);
            emails.Merge(EmailsOnBusyDays.CreateState(T.Paris).Add(part).ToSnapshot());
            reps.Merge(BusyRepsByKind.Restore(BusyRepsByKind.CreateState(T.Paris).Add(part).ToSnapshot(), T.Paris));
        }

        Assert.Equal(EmailsOnBusyDays.Evaluate(facts, T.Paris).Cells, emails.ToTable().Cells);
        Assert.Equal(BusyRepsByKind.Evaluate(facts, T.Paris).Cells, reps.ToTable().Cells);
        Assert.Equal(240, emails.FactCount);
    }

    [Property(MaxTest = 40)]
    public void Snapshot_then_restore_then_snapshot_gives_the_same_plain_data(int seed)
    {
        var facts = T.RandomActs(150, seed, reps: 4, days: 20);
        var first = BusyRepsByKind.CreateState(T.NewYork).Add(facts).ToSnapshot();
        var second = BusyRepsByKind.Restore(first, T.NewYork).ToSnapshot();
        Assert.Equal(first.Metric, second.Metric);
        Assert.Equal(first.FactCount, second.FactCount);
        Assert.Equal(first.Parts.Count, second.Parts.Count);
        for (int i = 0; i < first.Parts.Count; i++)
        {
            Assert.Equal(first.Parts[i].Metric, second.Parts[i].Metric);
            Assert.Equal(first.Parts[i].Periods!, second.Parts[i].Periods!);
            Assert.Equal(first.Parts[i].FactCount, second.Parts[i].FactCount);
            Assert.Equal(first.Parts[i].Cells.Select(Describe), second.Parts[i].Cells.Select(Describe));
        }

        Assert.Equal(((KpiSnapshot<(Kind, int)>)first.Parts[0]).Keys, ((KpiSnapshot<(Kind, int)>)second.Parts[0]).Keys);
        Assert.Equal(((KpiSnapshot<int>)first.Parts[1]).Keys, ((KpiSnapshot<int>)second.Parts[1]).Keys);
    }

    // CellState holds arrays (compared by reference in record equality): compare their contents.
    private static string Describe(CellState c) =>
        string.Join('|', c.Count, c.Integer, c.Integer2, c.Integer3, string.Join(',', c.Integers ?? []));
}
