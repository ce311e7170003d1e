using System;
using System.Linq;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

public sealed class DecompositionTests
{
    [Fact]
    public void Multiplicative_indices_of_a_two_period_pattern()
    {
        // m = 2, y = 2, 4, 2, 4, 2, 4: the 2×2 moving average (½·y_{t−1} + y_t + ½·y_{t+1})/2 is 3 at t = 1..4
        // (zero-based) and undefined at both ends. Ratios 4/3, 2/3, 4/3, 2/3 → position 0 (t = 2, 4): 2/3,
        // position 1 (t = 1, 3): 4/3; their mean is 1, so the indices are 2/3 and 4/3.
        var d = ClassicalDecomposition.Multiplicative(TimeSeries.Of([2.0, 4, 2, 4, 2, 4], 2));

        Assert.True(double.IsNaN(d.Trend[0]) && double.IsNaN(d.Trend[5]));
        Assert.All(d.Trend.Skip(1).Take(4), t => Assert.Equal(3, t, 1e-12));
        Assert.Equal(2.0 / 3, d.SeasonalIndices[0], 1e-12);
        Assert.Equal(4.0 / 3, d.SeasonalIndices[1], 1e-12);
        Assert.Equal(4.0 / 3, d.SeasonalAt(7), 1e-12);
        Assert.All(d.SeasonallyAdjusted().Values, v => Assert.Equal(3, v, 1e-12));
        Assert.Equal(1, d.Remainder[2], 1e-12);
    }

    [Fact]
    public void Additive_figures_of_a_two_period_pattern_sum_to_zero()
    {
        // Same series: differences from the trend 3 are +1 and −1 → figures −1 (position 0) and +1.
        var d = ClassicalDecomposition.Additive(TimeSeries.Of([2.0, 4, 2, 4, 2, 4], 2));
        Assert.Equal(-1, d.SeasonalIndices[0], 1e-12);
        Assert.Equal(1, d.SeasonalIndices[1], 1e-12);
        Assert.Equal(DecompositionKind.Additive, d.Kind);
    }

    [Fact]
    public void Multiplicative_figures_match_R_decompose_on_an_odd_season()
    {
        // R: decompose(ts(c(5,1,8,2,9,3,11,4,12,5,14,6), frequency = 2), "multiplicative")$figure
        var d = ClassicalDecomposition.Multiplicative(TimeSeries.Of([5.0, 1, 8, 2, 9, 3, 11, 4, 12, 5, 14, 6], 2));
        Assert.Equal(1.556647239062, d.SeasonalIndices[0], 1e-11);
        Assert.Equal(0.443352760938, d.SeasonalIndices[1], 1e-11);
    }

    [Fact]
    public void AirPassengers_figures_match_R_decompose()
    {
        // R 4.2.2: decompose(AirPassengers, "multiplicative")$figure
        double[] expected =
        [
            0.910230367372, 0.883625320694, 1.007366287604, 0.975906012323, 0.981378027495, 1.112775826679,
            1.226555542931, 1.219910969446, 1.060491932647, 0.921757240410, 0.801178082413, 0.898824389985,
        ];
        var d = ClassicalDecomposition.Multiplicative(TimeSeries.Of(RGolden.Classic("AirPassengers.csv"), 12));
        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(expected[i], d.SeasonalIndices[i], 1e-11);
        }
    }

    [Fact]
    public void Decomposition_rejects_short_non_seasonal_and_non_positive_series()
    {
        Assert.Contains("has 7", Assert.Throws<ArgumentException>(() => ClassicalDecomposition.Multiplicative(TimeSeries.Of(new double[7], 4))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ClassicalDecomposition.Additive(TimeSeries.Of(new double[8], 1)));
        var e = Assert.Throws<ArgumentException>(() => ClassicalDecomposition.Multiplicative(TimeSeries.Of([1.0, 2, 0, 4, 5, 6], 2)));
        Assert.Contains("observation 2 is 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Autocorrelation_anchor()
    {
        // y = 1, 2, 3, 4: centred −1.5, −0.5, 0.5, 1.5; Σ = 5; lag 1: 0.75 − 0.25 + 0.75 = 1.25 → 0.25;
        // lag 2: −0.75 − 0.75 = −1.5 → −0.3.
        var r = SeasonalityTest.Autocorrelations([1.0, 2, 3, 4], 2)!;
        Assert.Equal(0.25, r[0], 1e-12);
        Assert.Equal(-0.3, r[1], 1e-12);
        Assert.Null(SeasonalityTest.Autocorrelations([2.0, 2, 2], 1));
    }

    [Fact]
    public void AirPassengers_is_seasonal_with_R_lag_12_autocorrelation()
    {
        // R: acf(AirPassengers, lag.max = 12)$acf[13] = 0.760395042263
        var result = SeasonalityTest.Evaluate(TimeSeries.Of(RGolden.Classic("AirPassengers.csv"), 12));
        Assert.True(result.IsSeasonal);
        Assert.Equal(0.760395042263, result.Autocorrelation!.Value, 1e-11);
    }

    [Fact]
    public void Seasonality_test_skips_m_1_short_and_constant_series_and_says_why()
    {
        Assert.Equal("season length 1", SeasonalityTest.Evaluate(TimeSeries.Of(new double[30])).Reason);
        var shortResult = SeasonalityTest.Evaluate(TimeSeries.Of(Enumerable.Range(0, 11).Select(i => (double)(i % 4)), 4));
        Assert.False(shortResult.IsSeasonal);
        Assert.Null(shortResult.Threshold);
        Assert.Contains("11 observations", shortResult.Reason, StringComparison.Ordinal);
        Assert.Equal("constant series", SeasonalityTest.Evaluate(TimeSeries.Of(Enumerable.Repeat(3.0, 24), 4)).Reason);
    }

    [Fact]
    public void Seasonality_test_threshold_follows_Bartlett()
    {
        // Pattern 1, 2, 3, 10 repeated 3 times (m = 4, n = 12): check the threshold formula against the reported r_k.
        double[] y = [.. Enumerable.Range(0, 12).Select(i => new[] { 1.0, 2, 3, 10 }[i % 4])];
        var r = SeasonalityTest.Autocorrelations(y, 4)!;
        var result = SeasonalityTest.Evaluate(TimeSeries.Of(y, 4));
        double expected = 1.645 * Math.Sqrt((1 + (2 * ((r[0] * r[0]) + (r[1] * r[1]) + (r[2] * r[2])))) / 12);
        Assert.Equal(expected, result.Threshold!.Value, 1e-12);
        Assert.Equal(Math.Abs(r[3]) > expected, result.IsSeasonal);
    }
}
