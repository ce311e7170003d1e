using System;
using System.Linq;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// A snapshot comes from outside (another process or machine): a cell that no evaluation could have produced is
/// rejected on restore, naming the cell, rather than turned into a wrong or non-finite KPI value.
/// </summary>
public sealed class SnapshotValidationTests
{
    private static readonly Act[] Facts = T.RandomActs(400, seed: 3, reps: 3);

    /// <summary>A valid snapshot of <paramref name="metric"/> with its first cell replaced by <paramref name="corrupt"/>'s result.</summary>
    private static KpiSnapshot<int> Corrupted(Metric<Act, int> metric, Func<CellState, CellState> corrupt)
    {
        var snapshot = metric.CreateState(T.Utc).Add(Facts).ToSnapshot();
        var cells = snapshot.Cells.ToArray();
        cells[0] = corrupt(cells[0]);
        return new KpiSnapshot<int>(snapshot.Metric, snapshot.FactCount, snapshot.Keys, snapshot.Periods, cells);
    }

    private static void Rejected(Metric<Act, int> metric, Func<CellState, CellState> corrupt, string what)
    {
        var snapshot = Corrupted(metric, corrupt);
        var error = Assert.Throws<ArgumentException>(() => metric.Restore(snapshot, T.Utc));
        Assert.Equal("snapshot", error.ParamName);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);

        // The message names the cell: its index and key.
        Assert.Contains($"cell 0 (key {snapshot.Keys[0]}", error.Message, StringComparison.Ordinal);
    }

    private static readonly Metric<Act, int> Rate = Metric.Rate<Act>(a => a.Connected).By(a => a.Rep);
    private static readonly Metric<Act, int> CountRatio = Metric.Ratio<Act>(a => a.Connected, a => a.Kind == Kind.Call).By(a => a.Rep);
    private static readonly Metric<Act, int> DoubleSum = Metric.Sum<Act>(a => (double)a.Seconds).By(a => a.Rep);
    private static readonly Metric<Act, int> LongSum = Metric.Sum<Act>(a => a.Seconds).By(a => a.Rep);
    private static readonly Metric<Act, int> DecimalSum = Metric.Sum<Act>(a => a.Amount).By(a => a.Rep);
    private static readonly Metric<Act, int> Max = Metric.Max<Act>(a => (double)a.Seconds).By(a => a.Rep);
    private static readonly Metric<Act, int> DoubleRatio = Metric.Ratio<Act>(a => (double)a.Seconds, a => 1.0).By(a => a.Rep);
    private static readonly Metric<Act, int> Distinct = Metric.DistinctCount<Act>(a => a.Seconds).By(a => a.Rep);

    [Fact]
    public void Every_metric_here_restores_its_own_snapshot()
    {
        foreach (var metric in new[] { Rate, CountRatio, DoubleSum, LongSum, DecimalSum, Max, DoubleRatio, Distinct })
        {
            var restored = metric.Restore(Corrupted(metric, cell => cell), T.Utc);
            Assert.Equal(metric.Evaluate(Facts, T.Utc).Cells, restored.ToTable().Cells);
        }
    }

    [Fact]
    public void A_rate_with_more_successes_than_facts_is_rejected() =>
        Rejected(Rate, cell => cell with { Integer = cell.Count + 1 }, "more");

    [Fact]
    public void A_count_ratio_with_more_counted_than_facts_is_rejected()
    {
        Rejected(CountRatio, cell => cell with { Integer = cell.Count + 1 }, "more");
        Rejected(CountRatio, cell => cell with { Integer2 = cell.Count + 1 }, "more");
    }

    [Fact]
    public void Non_finite_double_sums_are_rejected()
    {
        Rejected(DoubleSum, cell => cell with { Real = double.NaN }, "not finite");
        Rejected(DoubleSum, cell => cell with { Real2 = double.PositiveInfinity }, "not finite");
        Rejected(DoubleRatio, cell => cell with { Real2 = double.NegativeInfinity }, "not finite");
        Rejected(DoubleRatio, cell => cell with { Reals = [0.0, double.NaN] }, "not finite");
    }

    [Fact]
    public void A_sum_over_no_facts_must_be_zero()
    {
        Rejected(LongSum, cell => cell with { Count = 0, Integer = 5 }, "no facts");
        Rejected(DecimalSum, cell => cell with { Count = 0, Decimal = 5m }, "no facts");
        Rejected(DoubleSum, cell => cell with { Count = 0, Real = 5.0 }, "no facts");
    }

    [Fact]
    public void Extremes_out_of_order_or_not_finite_are_rejected()
    {
        Rejected(Max, cell => cell with { Real = cell.Real2 + 1 }, "minimum");
        Rejected(Max, cell => cell with { Real2 = double.NaN }, "not finite");
    }

    [Fact]
    public void Last_values_of_an_entity_listed_twice_or_of_more_entities_than_facts_are_rejected()
    {
        var latest = Metric.LastValue<Act>(a => a.Seconds % 5, a => a.At, a => a.Amount).By(a => a.Rep);
        Rejected(latest, cell => cell with { Integers = [4, 10, 4, 20], Decimals = [1m, 2m] }, "ascending");
        Rejected(latest, cell => cell with { Count = 1, Integers = [1, 10, 2, 20], Decimals = [1m, 2m] }, "more entities");
    }

    [Fact]
    public void A_conversion_cell_with_more_censored_trials_than_trials_is_rejected()
    {
        var leads = new TestLead[]
        {
            new(1, "Tech", [new("MQL", T.At(2026, 1, 10)), new("SAL", T.At(2026, 1, 20))]),
            new(2, "Tech", [new("MQL", T.At(2026, 6, 20))]),
        };
        var options = EvaluationOptions<TestLead>.InZone(T.Utc).WithAsOf(T.At(2026, 6, 30));
        var metric = Metric.Conversion<TestLead, Step>(l => l.Steps, s => s.At, s => s.Stage == "MQL", s => s.Stage == "SAL", NodaTime.Duration.FromDays(30))
            .By(l => l.Industry);
        var snapshot = metric.CreateState(options).Add(leads).ToSnapshot();
        Assert.Equal(new CellState { Count = 2, Integer = 1, Integer2 = 2, Integer3 = 1 }, snapshot.Cells[0]);

        foreach (var bad in new[] { snapshot.Cells[0] with { Integer3 = 3 }, snapshot.Cells[0] with { Integer2 = 3 } })
        {
            var corrupted = new KpiSnapshot<string>(snapshot.Metric, snapshot.FactCount, snapshot.Keys, snapshot.Periods, [bad]);
            var error = Assert.Throws<ArgumentException>(() => metric.Restore(corrupted, options));
            Assert.Equal("snapshot", error.ParamName);
            Assert.Contains("cell 0 (key Tech)", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_period_cell_is_named_by_its_period_too()
    {
        var weekly = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        var snapshot = weekly.CreateState(T.Utc).Add(Facts).ToSnapshot();
        var cells = snapshot.Cells.ToArray();
        cells[1] = cells[1] with { Count = -1 };

        var error = Assert.Throws<ArgumentException>(() => weekly.Restore(new KpiSnapshot<int>("count", 1, snapshot.Keys, snapshot.Periods, cells), T.Utc));

        Assert.Contains($"cell 1 (key {snapshot.Keys[1]}, period starting {snapshot.Periods![1]:uuuu-MM-dd}) is invalid: negative count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_that_meets_an_invalid_cell_leaves_the_state_as_it_was()
    {
        var weekly = Metric.Sum<Act>(a => a.Amount).By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        var state = weekly.CreateState(T.Utc).Add(Facts.AsSpan(0, 200));
        var before = state.ToTable().Cells;
        var other = weekly.CreateState(T.Utc).Add(Facts.AsSpan(200)).ToSnapshot();
        var cells = other.Cells.ToArray();
        cells[^1] = cells[^1] with { Count = -1 };

        Assert.Throws<ArgumentException>(() => state.Merge(new KpiSnapshot<int>(other.Metric, other.FactCount, other.Keys, other.Periods, cells)));
        var tuesday = other.Periods!.ToArray();
        tuesday[^1] = tuesday[^1].PlusDays(1);
        Assert.Throws<ArgumentException>(() => state.Merge(new KpiSnapshot<int>(other.Metric, other.FactCount, other.Keys, tuesday, other.Cells)));

        Assert.Equal(before, state.ToTable().Cells);
        Assert.Equal(200, state.FactCount);
    }

    [Fact]
    public void A_snapshot_records_its_zone_and_is_refused_by_a_state_in_another_zone()
    {
        var weekly = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        var snapshot = weekly.CreateState(T.Utc).Add(Facts).ToSnapshot();
        Assert.Equal("zone UTC", snapshot.TimeSettings);

        var error = Assert.Throws<ArgumentException>(() => weekly.Restore(snapshot, T.Paris));
        Assert.Equal("snapshot", error.ParamName);
        Assert.Contains("'zone UTC'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'zone Europe/Paris'", error.Message, StringComparison.Ordinal);

        var paris = weekly.CreateState(T.Paris).Add(Facts);
        var before = paris.ToTable().Cells;
        Assert.Throws<ArgumentException>(() => paris.Merge(snapshot));
        Assert.Equal(before, paris.ToTable().Cells);

        Assert.Equal(weekly.Evaluate(Facts, T.Utc).Cells, weekly.Restore(snapshot, T.Utc).ToTable().Cells);
    }

    [Fact]
    public void A_metric_that_places_nothing_in_time_records_no_settings_and_restores_in_any_zone()
    {
        var byRep = Metric.Count<Act>().By(a => a.Rep);
        var snapshot = byRep.CreateState(T.Utc).Add(Facts).ToSnapshot();

        Assert.Equal(string.Empty, snapshot.TimeSettings);
        Assert.Equal(byRep.Evaluate(Facts).Cells, byRep.Restore(snapshot, T.Paris).ToTable().Cells);
    }

    [Fact]
    public void A_snapshot_built_without_settings_is_not_checked()
    {
        var weekly = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        var snapshot = weekly.CreateState(T.Utc).Add(Facts).ToSnapshot();
        var bare = new KpiSnapshot<int>(snapshot.Metric, snapshot.FactCount, snapshot.Keys, snapshot.Periods, snapshot.Cells);

        Assert.Equal(string.Empty, bare.TimeSettings);
        Assert.Equal(snapshot.Cells.Count, weekly.Restore(bare, T.Paris).CellCount);
        var recorded = new KpiSnapshot<int>(bare.Metric, bare.FactCount, bare.Keys, bare.Periods, bare.Cells) { TimeSettings = "zone UTC" };
        Assert.Throws<ArgumentException>(() => weekly.Restore(recorded, T.Paris));
    }

    [Fact]
    public void A_conversion_snapshot_records_its_as_of_instant_and_a_rep_basis_its_kind()
    {
        var lead = new TestLead(1, "Tech", [new("MQL", T.At(2026, 6, 20))]);
        var options = EvaluationOptions<TestLead>.InZone(T.Utc).WithAsOf(T.At(2026, 6, 30, 0));
        var metric = Metric.Conversion<TestLead, Step>(l => l.Steps, s => s.At, s => s.Stage == "MQL", s => s.Stage == "SAL", NodaTime.Duration.FromDays(30));
        var snapshot = metric.CreateState(options).Add(lead).ToSnapshot();

        Assert.Equal("zone UTC; as-of 2026-06-30T00:00:00Z", snapshot.TimeSettings);
        Assert.Throws<ArgumentException>(() => metric.Restore(snapshot, options.WithAsOf(T.At(2026, 7, 31, 0))));

        var homeZones = BusinessDateBasis<int>.RepHomeZone(rep => rep == 1 ? T.Paris : T.NewYork);
        var weekly = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        var basisSnapshot = weekly.CreateState(EvaluationOptions<Act>.InBasis(homeZones, a => a.Rep, T.Utc)).Add(Facts).ToSnapshot();
        Assert.Equal("zone UTC; per-fact zones (RepHomeZone basis)", basisSnapshot.TimeSettings);
        Assert.Throws<ArgumentException>(() => weekly.Restore(basisSnapshot, T.Utc));
    }

    [Fact]
    public void A_named_metric_s_snapshot_restores_only_into_the_metric_of_that_name()
    {
        var calls = Metric.Count<Act>().Where(a => a.Kind == Kind.Call).By(a => a.Rep).Named("calls");
        var emails = Metric.Count<Act>().Where(a => a.Kind == Kind.Email).By(a => a.Rep).Named("emails");
        var unnamed = Metric.Count<Act>().Where(a => a.Kind == Kind.Email).By(a => a.Rep);
        var snapshot = calls.CreateState(T.Utc).Add(Facts).ToSnapshot();

        Assert.Equal("calls", snapshot.MetricName);
        Assert.Contains("'calls', not 'emails'", Assert.Throws<ArgumentException>(() => emails.Restore(snapshot)).Message, StringComparison.Ordinal);
        Assert.Contains("has no name", Assert.Throws<ArgumentException>(() => unnamed.Restore(snapshot)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => emails.CreateState().Merge(snapshot));
        Assert.Equal(calls.Evaluate(Facts).Cells, calls.Restore(snapshot).ToTable().Cells);

        // An unnamed metric's snapshot names nothing and is not checked.
        Assert.Equal(string.Empty, unnamed.CreateState().Add(Facts).ToSnapshot().MetricName);
    }

    private static readonly Metric<Act, int>[] EveryPrimitive =
    [
        Metric.Count<Act>().By(a => a.Rep),
        LongSum,
        DecimalSum,
        DoubleSum,
        Metric.Mean<Act>(a => a.Seconds).By(a => a.Rep),
        Metric.Mean<Act>(a => a.Amount).By(a => a.Rep),
        Metric.Mean<Act>(a => (double)a.Seconds).By(a => a.Rep),
        Metric.Min<Act>(a => (double)a.Seconds).By(a => a.Rep),
        Max,
        Metric.Min<Act>(a => a.Amount).By(a => a.Rep),
        Rate,
        CountRatio,
        DoubleRatio,
        Metric.Ratio<Act>(a => a.Amount, a => 1m).By(a => a.Rep),
        Distinct,
        Metric.Median<Act>(a => (double)a.Seconds).By(a => a.Rep),
        Metric.LastValue<Act>(a => a.Seconds % 5, a => a.At, a => a.Amount).By(a => a.Rep),
    ];

    /// <summary>
    /// Fuzzing a field of a valid snapshot: the restore either refuses it with an error on the snapshot, or every value of
    /// the restored table is one an evaluation could give (finite, a rate in [0, 1], counts not negative).
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public void A_corrupted_snapshot_is_refused_or_restores_to_sound_values(byte metricChoice, byte fieldChoice, byte valueChoice, int seed)
    {
        var metric = EveryPrimitive[metricChoice % EveryPrimitive.Length];
        var random = new Random(seed);
        long[] longs = [-1, 0, 1, 2, 7, 1_000, long.MaxValue, long.MinValue];
        double[] doubles = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1e300, -1, 0, 1, 1e300];
        decimal[] decimals = [decimal.MinValue, -1m, 0m, 1m, 12.5m, decimal.MaxValue];
        long PickLong() => longs[(valueChoice + random.Next(longs.Length)) % longs.Length];
        double PickDouble() => doubles[(valueChoice + random.Next(doubles.Length)) % doubles.Length];
        decimal PickDecimal() => decimals[(valueChoice + random.Next(decimals.Length)) % decimals.Length];
        CellState Corrupt(CellState cell) => (fieldChoice % 11) switch
        {
            0 => cell with { Count = PickLong() },
            1 => cell with { Integer = PickLong() },
            2 => cell with { Integer2 = PickLong() },
            3 => cell with { Integer3 = PickLong() },
            4 => cell with { Decimal = PickDecimal() },
            5 => cell with { Decimal2 = PickDecimal() },
            6 => cell with { Real = PickDouble() },
            7 => cell with { Real2 = PickDouble() },
            8 => cell with { Integers = [.. Enumerable.Range(0, random.Next(5)).Select(_ => PickLong())] },
            9 => cell with { Reals = [.. Enumerable.Range(0, random.Next(5)).Select(_ => PickDouble())] },
            _ => cell with { Decimals = [.. Enumerable.Range(0, random.Next(5)).Select(_ => PickDecimal())] },
        };

        var snapshot = Corrupted(metric, Corrupt);
        KpiTable<int> table;
        try
        {
            table = metric.Restore(snapshot, T.Utc).ToTable();
        }
        catch (ArgumentException e)
        {
            Assert.Equal("snapshot", e.ParamName);
            return;
        }

        foreach (var cell in table)
        {
            var value = cell.Value;
            Assert.True(value.Count >= 0, $"{metric}: count {value.Count}");
            if (value.Value is double v)
            {
                Assert.True(double.IsFinite(v), $"{metric}: value {v}");
                if (value.Kind == KpiValueKind.Rate)
                {
                    Assert.InRange(v, 0.0, 1.0);
                }
            }
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public void A_corrupted_cohort_conversion_snapshot_is_refused_or_restores_to_rates_in_range(byte field, long value)
    {
        var leads = new TestLead[]
        {
            new(1, "Tech", [new("MQL", T.At(2026, 1, 10)), new("SAL", T.At(2026, 1, 20))]),
            new(2, "Tech", [new("MQL", T.At(2026, 6, 20))]),
            new(3, "Tech", [new("MQL", T.At(2026, 2, 1))]),
        };
        var options = EvaluationOptions<TestLead>.InZone(T.Utc).WithAsOf(T.At(2026, 6, 30));
        var metric = Metric.Conversion<TestLead, Step>(l => l.Steps, s => s.At, s => s.Stage == "MQL", s => s.Stage == "SAL", NodaTime.Duration.FromDays(30))
            .By(l => l.Industry);
        var snapshot = metric.CreateState(options).Add(leads).ToSnapshot();
        long small = value % 6;
        var cell = snapshot.Cells[0];
        cell = (field % 4) switch
        {
            0 => cell with { Count = small },
            1 => cell with { Integer = small },
            2 => cell with { Integer2 = small },
            _ => cell with { Integer3 = small },
        };

        KpiTable<string> table;
        try
        {
            table = metric.Restore(new KpiSnapshot<string>(snapshot.Metric, snapshot.FactCount, snapshot.Keys, snapshot.Periods, [cell]) { TimeSettings = snapshot.TimeSettings }, options).ToTable();
        }
        catch (ArgumentException e)
        {
            Assert.Equal("snapshot", e.ParamName);
            return;
        }

        var restored = table["Tech"];
        Assert.True(restored.Value is null || restored.Value is >= 0.0 and <= 1.0, $"rate {restored.Value}");
        Assert.True(restored.Numerator + restored.Censored <= restored.Denominator, "successes and censored trials above trials");
    }

    [Fact]
    public void A_snapshot_holding_a_cell_twice_is_refused_by_a_merge_as_by_a_restore()
    {
        var byRep = Metric.Count<Act>().By(a => a.Rep);
        var snapshot = byRep.CreateState().Add(Facts).ToSnapshot();
        var twice = new KpiSnapshot<int>("count", snapshot.FactCount, [.. snapshot.Keys, snapshot.Keys[0]], null, [.. snapshot.Cells, snapshot.Cells[0]]);
        var state = byRep.CreateState().Add(Facts);
        var before = state.ToTable().Cells;

        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => byRep.Restore(twice)).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => state.Merge(twice)).Message, StringComparison.Ordinal);
        Assert.Equal(before, state.ToTable().Cells);
    }

    [Fact]
    public void Distinct_members_that_repeat_or_are_out_of_order_are_rejected()
    {
        Rejected(Distinct, cell => cell with { Integers = [3, 3] }, "ascending");
        Rejected(Distinct, cell => cell with { Integers = [7, 3] }, "ascending");
    }
}
