using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Hand-computed anchors for every primitive, including the Undefined cases.</summary>
public sealed class PrimitiveTests
{
    private static readonly Act[] Facts =
    [
        new(1, T.At(2026, 3, 2), Kind.Call, Seconds: 60, Amount: 10.10m, Connected: true),
        new(1, T.At(2026, 3, 2), Kind.Call, Seconds: 120, Amount: 20.20m, Connected: false),
        new(2, T.At(2026, 3, 3), Kind.Email, Seconds: 30, Amount: 0.30m, Connected: false),
        new(2, T.At(2026, 3, 3), Kind.Call, Seconds: 90, Amount: -5.00m, Connected: true),
        new(3, T.At(2026, 3, 4), Kind.Reply, Seconds: 0, Amount: 1.00m, Connected: false),
    ];

    private static KpiValue Single<TKey>(Metric<Act, TKey> metric, TKey key)
        where TKey : notnull => metric.Evaluate(Facts)[key];

    [Fact]
    public void Count_counts_facts_exactly()
    {
        var v = Single(Metric.Count<Act>(), Ungrouped.All);
        Assert.Equal(5m, v.ExactValue);
        Assert.Equal(5, v.Count);
    }

    [Fact]
    public void Sum_of_long_is_exact()
    {
        // 60 + 120 + 30 + 90 + 0 = 300
        Assert.Equal(300m, Single(Metric.Sum<Act>(a => a.Seconds), Ungrouped.All).ExactValue);
    }

    [Fact]
    public void Sum_of_decimal_is_exact()
    {
        // 10.10 + 20.20 + 0.30 − 5.00 + 1.00 = 26.60
        Assert.Equal(26.60m, Single(Metric.Sum<Act>(a => a.Amount), Ungrouped.All).ExactValue);
    }

    [Fact]
    public void Sum_of_double_is_compensated()
    {
        // 0.1 ten times is 1 exactly with compensation (naive summation gives 0.9999999999999999).
        var tenths = Enumerable.Repeat(0.1, 10).ToArray();
        var v = Metric.Sum<double>(x => x).Evaluate(tenths)[Ungrouped.All];
        Assert.Equal(1.0, v.Value);
    }

    [Fact]
    public void Sum_of_long_overflow_throws_rather_than_wrapping()
    {
        long[] values = [long.MaxValue, 1];
        Assert.Throws<OverflowException>(() => Metric.Sum<long>(x => x).Evaluate(values));
    }

    [Fact]
    public void Mean_is_sum_over_count_with_both_parts()
    {
        // (60 + 120 + 30 + 90 + 0) / 5 = 60
        var v = Single(Metric.Mean<Act>(a => a.Seconds), Ungrouped.All);
        Assert.Equal(60m, v.ExactValue);
        Assert.Equal(300m, v.ExactNumerator);
        Assert.Equal(5m, v.ExactDenominator);

        // 26.60 / 5 = 5.32 exactly in decimal
        Assert.Equal(5.32m, Single(Metric.Mean<Act>(a => a.Amount), Ungrouped.All).ExactValue);

        // 0.5, 1.5, 2.5 → 4.5 / 3 = 1.5
        Assert.Equal(1.5, Metric.Mean<double>(x => x).Evaluate([0.5, 1.5, 2.5])[Ungrouped.All].Value!.Value, 12);
    }

    [Fact]
    public void Mean_min_max_and_percentiles_of_nothing_are_undefined()
    {
        Act[] none = [];
        Assert.True(Metric.Mean<Act>(a => a.Seconds).Evaluate(none)[Ungrouped.All].IsUndefined);
        Assert.True(Metric.Min<Act>(a => (double)a.Seconds).Evaluate(none)[Ungrouped.All].IsUndefined);
        Assert.True(Metric.Max<Act>(a => a.Amount).Evaluate(none)[Ungrouped.All].IsUndefined);
        Assert.True(Metric.Median<Act>(a => a.Seconds).Evaluate(none)[Ungrouped.All].IsUndefined);
        Assert.True(Metric.Rate<Act>(a => a.Connected).Evaluate(none)[Ungrouped.All].IsUndefined);
        Assert.True(Metric.Ratio<Act>(a => a.Seconds, a => 1.0).Evaluate(none)[Ungrouped.All].IsUndefined);
    }

    [Fact]
    public void Counts_and_sums_of_nothing_are_zero()
    {
        Act[] none = [];
        Assert.Equal(0m, Metric.Count<Act>().Evaluate(none)[Ungrouped.All].ExactValue);
        Assert.Equal(0m, Metric.Sum<Act>(a => a.Amount).Evaluate(none)[Ungrouped.All].ExactValue);
        Assert.Equal(0m, Metric.DistinctCount<Act>(a => a.Rep).Evaluate(none)[Ungrouped.All].ExactValue);
    }

    [Fact]
    public void Min_and_max_pick_the_extremes()
    {
        Assert.Equal(0.0, Single(Metric.Min<Act>(a => (double)a.Seconds), Ungrouped.All).Value);
        Assert.Equal(120.0, Single(Metric.Max<Act>(a => (double)a.Seconds), Ungrouped.All).Value);
        Assert.Equal(-5.00m, Single(Metric.Min<Act>(a => a.Amount), Ungrouped.All).ExactValue);
        Assert.Equal(20.20m, Single(Metric.Max<Act>(a => a.Amount), Ungrouped.All).ExactValue);
    }

    [Fact]
    public void DistinctCount_counts_members_once_and_facts_all()
    {
        // reps 1, 1, 2, 2, 3 → 3 distinct, 5 facts
        var v = Single(Metric.DistinctCount<Act>(a => a.Rep), Ungrouped.All);
        Assert.Equal(3m, v.ExactValue);
        Assert.Equal(5, v.Count);
    }

    [Fact]
    public void Median_of_an_odd_count_is_the_middle_value()
    {
        // 0, 30, 60, 90, 120 → 60
        Assert.Equal(60.0, Single(Metric.Median<Act>(a => a.Seconds), Ungrouped.All).Value);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        // 3, 10, 5, 8 → sorted 3, 5, 8, 10 → (5 + 8) / 2 = 6.5
        Assert.Equal(6.5, Metric.Median<double>(x => x).Evaluate([3.0, 10, 5, 8])[Ungrouped.All].Value);
    }

    [Theory]
    // values 1, 2, 3, 4 (n = 4): h = 3p.
    [InlineData(0.0, 1.0)]    // h = 0
    [InlineData(0.25, 1.75)]  // h = 0.75 → 1 + 0.75 × (2 − 1)
    [InlineData(0.9, 3.7)]    // h = 2.7 → 3 + 0.7 × (4 − 3)
    [InlineData(1.0, 4.0)]    // h = 3
    public void Percentile_interpolates_linearly_between_order_statistics_type_7(double p, double expected)
    {
        var v = Metric.Percentile<double>(x => x, p).Evaluate([4.0, 2, 1, 3])[Ungrouped.All];
        Assert.Equal(expected, v.Value!.Value, 12);
    }

    [Fact]
    public void Percentile_of_a_single_value_is_that_value()
    {
        Assert.Equal(7.0, Metric.Percentile<double>(x => x, 0.3).Evaluate([7.0])[Ungrouped.All].Value);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Percentile_rejects_probabilities_outside_zero_one(double p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Metric.Percentile<double>(x => x, p));
        Assert.Equal("probability", ex.ParamName);
    }

    [Fact]
    public void Non_finite_selected_values_are_rejected_with_the_value_in_the_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => Metric.Sum<double>(x => x).Evaluate([1.0, double.NaN]));
        Assert.Contains("NaN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratio_is_a_ratio_of_sums_not_a_mean_of_ratios()
    {
        // (1 + 3) / (2 + 4) = 4/6 = 0.6667, whereas the mean of 1/2 and 3/4 would be 0.625.
        (double N, double D)[] pairs = [(1, 2), (3, 4)];
        var v = Metric.Ratio<(double N, double D)>(p => p.N, p => p.D).Evaluate(pairs)[Ungrouped.All];
        Assert.Equal(4.0 / 6.0, v.Value!.Value, 12);
        Assert.Equal(4.0, v.Numerator);
        Assert.Equal(6.0, v.Denominator);
    }

    [Fact]
    public void Decimal_ratio_is_exact()
    {
        // (1.50 + 2.50) / (2 + 6) = 4 / 8 = 0.5
        (decimal N, decimal D)[] pairs = [(1.50m, 2m), (2.50m, 6m)];
        Assert.Equal(0.5m, Metric.Ratio<(decimal N, decimal D)>(p => p.N, p => p.D).Evaluate(pairs)[Ungrouped.All].ExactValue);
    }

    [Fact]
    public void Ratio_with_zero_denominator_sum_is_undefined()
    {
        (double N, double D)[] pairs = [(1, 2), (3, -2)];
        var v = Metric.Ratio<(double N, double D)>(p => p.N, p => p.D).Evaluate(pairs)[Ungrouped.All];
        Assert.True(v.IsUndefined);
        Assert.Equal(4.0, v.Numerator);
        Assert.Equal(0.0, v.Denominator);
    }

    [Fact]
    public void Count_ratio_divides_two_counts_and_may_exceed_one()
    {
        // replies / emails = 1 / 1; calls / emails = 3 / 1
        Assert.Equal(3m, Single(Metric.Ratio<Act>(a => a.Kind == Kind.Call, a => a.Kind == Kind.Email), Ungrouped.All).ExactValue);
    }

    [Fact]
    public void Rate_is_successes_over_trials_with_interval()
    {
        // connected calls / calls = 2 / 3
        var v = Single(Metric.Rate<Act>(a => a.Connected).Where(a => a.Kind == Kind.Call), Ungrouped.All);
        Assert.Equal(KpiValueKind.Rate, v.Kind);
        Assert.Equal(2.0 / 3.0, v.Value!.Value, 12);
        Assert.Equal(3.0, v.Denominator);
        Assert.NotNull(v.Interval);
    }

    [Fact]
    public void LastValue_sums_each_entitys_latest_observation()
    {
        // deal 1: 100 at t1, 150 at t3 → 150; deal 2: 80 at t2 → 80; total 230.
        (long Deal, Instant At, decimal Amount)[] snapshots =
        [
            (1, T.At(2026, 3, 1), 100m),
            (2, T.At(2026, 3, 2), 80m),
            (1, T.At(2026, 3, 3), 150m),
        ];
        var metric = Metric.LastValue<(long Deal, Instant At, decimal Amount)>(s => s.Deal, s => s.At, s => s.Amount);
        Assert.Equal(230m, metric.Evaluate(snapshots)[Ungrouped.All].ExactValue);
        Array.Reverse(snapshots);
        Assert.Equal(230m, metric.Evaluate(snapshots)[Ungrouped.All].ExactValue);
    }

    [Fact]
    public void LastValue_breaks_ties_by_the_larger_value()
    {
        (long Deal, Instant At, decimal Amount)[] snapshots = [(1, T.At(2026, 3, 1), 5m), (1, T.At(2026, 3, 1), 7m)];
        var metric = Metric.LastValue<(long Deal, Instant At, decimal Amount)>(s => s.Deal, s => s.At, s => s.Amount);
        Assert.Equal(7m, metric.Evaluate(snapshots)[Ungrouped.All].ExactValue);
    }

    [Fact]
    public void Where_filters_and_combines_filters_with_and()
    {
        // calls of rep 1: 2
        var metric = Metric.Count<Act>().Where(a => a.Kind == Kind.Call).Where(a => a.Rep == 1);
        Assert.Equal(2m, Single(metric, Ungrouped.All).ExactValue);
    }
}
