using System;
using System.Linq;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>Conformal intervals, the M4 seasonal adjustment and combinations.</summary>
public sealed class WrapperTests
{
    [Fact]
    public void Conformal_half_width_is_the_finite_sample_quantile_of_recent_errors()
    {
        // Naive on y = 0, 1, 3, 6, 10 with 2 windows, h = 1: origins 3 and 4 → forecasts 3 and 6 for 6 and 10 →
        // scores 3, 4. Level 50: rank ⌈3·0.5⌉ = 2 → 4, interval 10 ± 4. Level 80: rank ⌈2.4⌉ = 3 > 2 → unbounded.
        var forecast = new ConformalIntervals(new Naive(), windows: 2).Fit(TimeSeries.Of([0.0, 1, 3, 6, 10])).Forecast(1, 50, 80);

        Assert.Equal(10, forecast.Point[0]);
        Assert.Equal(6, forecast.Interval(50).Lower[0]);
        Assert.Equal(14, forecast.Interval(50).Upper[0]);
        Assert.Equal(double.NegativeInfinity, forecast.Interval(80).Lower[0]);
        Assert.Equal(double.PositiveInfinity, forecast.Interval(80).Upper[0]);
    }

    [Fact]
    public void Conformal_steps_use_their_own_origins_and_widths_never_shrink()
    {
        // Naive on y = 0, 1, 3, 6, 10, 15 with 1 window: step 1 origin 5 → |15 − 10| = 5; step 2 origin 4 → |15 − 6| = 9.
        // Level 40 with k = 1: rank ⌈0.8⌉ = 1 → the single score.
        var forecast = new ConformalIntervals(new Naive(), windows: 1).Fit(TimeSeries.Of([0.0, 1, 3, 6, 10, 15])).Forecast(2, 40);
        Assert.Equal(15 - 5, forecast.Interval(40).Lower[0]);
        Assert.Equal(15 - 9, forecast.Interval(40).Lower[1]);
    }

    [Fact]
    public void Seasonally_adjusted_naive_is_the_last_adjusted_value_times_the_indices()
    {
        var y = RGolden.Classic("AirPassengers.csv");
        var series = TimeSeries.Of(y, 12);
        var decomposition = ClassicalDecomposition.Multiplicative(series);
        double lastAdjusted = y[^1] / decomposition.Seasonal[^1];

        var fit = new SeasonallyAdjusted(new Naive()).Fit(series);
        var forecast = fit.Forecast(14, 80);

        Assert.Equal(1, fit.Parameters["seasonal"]);
        for (int h = 0; h < 14; h++)
        {
            double index = decomposition.SeasonalIndices[(y.Length + h) % 12];
            Assert.Equal(lastAdjusted * index, forecast.Point[h], 1e-9);
        }

        // The interval is the adjusted naive interval scaled by the index.
        var inner = new Naive().Fit(decomposition.SeasonallyAdjusted()).Forecast(1, 80);
        Assert.Equal(inner.Interval(80).Lower[0] * decomposition.SeasonalIndices[y.Length % 12], forecast.Interval(80).Lower[0], 1e-9);
    }

    [Fact]
    public void Seasonally_adjusted_passes_non_seasonal_short_and_non_positive_series_through()
    {
        double[] trend = [.. Enumerable.Range(1, 30).Select(i => (double)i)];
        foreach (var series in new[] { TimeSeries.Of(trend, 1), TimeSeries.Of(trend[..10], 4), TimeSeries.Of(trend.Select(v => v - 5), 12) })
        {
            var fit = new SeasonallyAdjusted(new Drift()).Fit(series);
            Assert.Equal(0, fit.Parameters["seasonal"]);
            Assert.Equal(new Drift().Fit(series).Forecast(3).Point, fit.Forecast(3).Point);
        }
    }

    [Fact]
    public void Combination_averages_points_and_bounds()
    {
        // Naive: 4 ± z·√2.5; Mean (y = 3, 5, 4): 4 ± t_2·1·√(4/3). Average of points 4; of bounds: mean of both.
        var series = TimeSeries.Of([3.0, 5, 4]);
        var naive = new Naive().Fit(series).Forecast(2, 90);
        var mean = new Mean().Fit(series).Forecast(2, 90);
        var comb = new Combination(new Naive(), new Mean()).Fit(series).Forecast(2, 90);

        Assert.Equal("Combination(Naive,Mean)", new Combination(new Naive(), new Mean()).Name);
        for (int h = 0; h < 2; h++)
        {
            Assert.Equal((naive.Point[h] + mean.Point[h]) / 2, comb.Point[h], 1e-12);
            Assert.Equal((naive.Interval(90).Lower[h] + mean.Interval(90).Lower[h]) / 2, comb.Interval(90).Lower[h], 1e-12);
            Assert.Equal((naive.Interval(90).Upper[h] + mean.Interval(90).Upper[h]) / 2, comb.Interval(90).Upper[h], 1e-12);
        }
    }

    [Fact]
    public void Combination_rejects_no_members_and_null_members()
    {
        Assert.Throws<ArgumentException>(() => new Combination());
        Assert.Contains("Member 1", Assert.Throws<ArgumentException>(() => new Combination(new Naive(), null!)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combination_fails_when_a_member_fails()
    {
        Assert.Throws<ArgumentException>(() => new Combination(new Naive(), new Drift()).Fit(TimeSeries.Of([1.0, 2])));
    }
}
