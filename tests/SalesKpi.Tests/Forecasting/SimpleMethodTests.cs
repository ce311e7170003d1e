using System;
using System.Linq;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>Hand-computed anchors for naive, seasonal naive, drift, mean and linear trend.</summary>
public sealed class SimpleMethodTests
{
    private const double Z95 = 1.959963984540054;   // Φ⁻¹(0.975)
    private const double T2 = 4.302652729911275;    // t_2(0.975), from tables

    [Fact]
    public void Naive_repeats_the_last_value_with_variance_growing_linearly()
    {
        // y = 3, 5, 4: differences 2, −1 → σ² = (4 + 1)/2 = 2.5. h = 2: sd = √(2.5·2) = √5.
        var fit = new Naive().Fit(TimeSeries.Of([3.0, 5, 4]));
        var forecast = fit.Forecast(2, 95);

        Assert.Equal([4.0, 4.0], forecast.Point);
        Assert.Equal(4 - (Z95 * Math.Sqrt(2.5)), forecast.Interval(95).Lower[0], 1e-12);
        Assert.Equal(4 + (Z95 * Math.Sqrt(5)), forecast.Interval(95).Upper[1], 1e-12);
        Assert.True(double.IsNaN(fit.Fitted[0]));
        Assert.Equal([3.0, 5.0], fit.Fitted.Skip(1));
        Assert.Equal(2.5, fit.Parameters["sigma2"], 1e-12);
    }

    [Fact]
    public void Seasonal_naive_repeats_the_last_season_with_variance_per_full_season()
    {
        // m = 2, y = 1, 5, 2, 6: lag-2 differences 1, 1 → σ² = 1. Steps 1, 2, 3 → k = 1, 1, 2.
        var forecast = new SeasonalNaive().Fit(TimeSeries.Of([1.0, 5, 2, 6], 2)).Forecast(3, 95);

        Assert.Equal([2.0, 6.0, 2.0], forecast.Point);
        var upper = forecast.Interval(95).Upper;
        Assert.Equal(2 + Z95, upper[0], 1e-12);
        Assert.Equal(6 + Z95, upper[1], 1e-12);
        Assert.Equal(2 + (Z95 * Math.Sqrt(2)), upper[2], 1e-12);
    }

    [Fact]
    public void Drift_extrapolates_the_mean_change_and_adds_its_estimation_variance()
    {
        // y = 1, 2, 4, 7: differences 1, 2, 3 → b = 2; residuals −1, 0, 1 → σ² = 2/(n − 2) = 1.
        // Var(h) = σ²·h·(1 + h/(n − 1)): h = 1 → 4/3, h = 2 → 2·(1 + 2/3) = 10/3.
        var forecast = new Drift().Fit(TimeSeries.Of([1.0, 2, 4, 7])).Forecast(2, 95);

        Assert.Equal(9, forecast.Point[0], 1e-12);
        Assert.Equal(11, forecast.Point[1], 1e-12);
        Assert.Equal(9 - (Z95 * Math.Sqrt(4.0 / 3)), forecast.Interval(95).Lower[0], 1e-12);
        Assert.Equal(11 - (Z95 * Math.Sqrt(10.0 / 3)), forecast.Interval(95).Lower[1], 1e-12);
    }

    [Fact]
    public void Mean_uses_the_student_t_quantile_on_n_minus_1_degrees_of_freedom()
    {
        // y = 1, 2, 6: ȳ = 3, s² = (4 + 1 + 9)/2 = 7; sd = √(7·(1 + 1/3)) = √(28/3); t_2(0.975) = 4.302653.
        var fit = new Mean().Fit(TimeSeries.Of([1.0, 2, 6]));
        var forecast = fit.Forecast(2, 95);

        Assert.Equal([3.0, 3.0], forecast.Point);
        Assert.Equal(3 - (T2 * Math.Sqrt(28.0 / 3)), forecast.Interval(95).Lower[1], 1e-9);
        Assert.All(fit.Fitted, f => Assert.Equal(3, f));
    }

    [Fact]
    public void Linear_trend_gives_the_regression_prediction_interval()
    {
        // y = 1, 3, 4, 8 on t = 1..4: t̄ = 2.5, Σ(t − t̄)² = 5, ȳ = 4, Σ(t − t̄)(y − ȳ) = 11 → b = 2.2, a = −1.5.
        // Residuals 0.3, 0.1, −1.1, 0.7 → SSE = 1.8, s² = 0.9. t = 5: ŷ = 9.5,
        // sd = √(0.9·(1 + 1/4 + 2.5²/5)) = √2.25 = 1.5; t_2(0.975) = 4.302653.
        var fit = new LinearTrend().Fit(TimeSeries.Of([1.0, 3, 4, 8]));
        var forecast = fit.Forecast(1, 95);

        Assert.Equal(2.2, fit.Parameters["slope"], 1e-12);
        Assert.Equal(-1.5, fit.Parameters["intercept"], 1e-12);
        Assert.Equal(9.5, forecast.Point[0], 1e-12);
        Assert.Equal(9.5 - (T2 * 1.5), forecast.Interval(95).Lower[0], 1e-9);
        Assert.Equal(0.3, fit.Residuals[0], 1e-12);
    }

    [Fact]
    public void Linear_trend_on_an_exact_line_has_zero_width()
    {
        var forecast = new LinearTrend().Fit(TimeSeries.Of([1.0, 3, 5])).Forecast(2, 80);
        Assert.Equal(7, forecast.Point[0], 1e-12);
        Assert.Equal(9, forecast.Point[1], 1e-12);
        Assert.Equal(forecast.Interval(80).Lower, forecast.Interval(80).Upper);
    }

    [Theory]
    [InlineData("Naive", 1)]
    [InlineData("Drift", 2)]
    [InlineData("Mean", 1)]
    [InlineData("LinearTrend", 2)]
    [InlineData("SeasonalNaive", 4)]
    public void Too_short_series_are_rejected_naming_the_length(string name, int length)
    {
        ForecastMethod method = name switch
        {
            "Naive" => new Naive(),
            "Drift" => new Drift(),
            "Mean" => new Mean(),
            "LinearTrend" => new LinearTrend(),
            _ => new SeasonalNaive(),
        };
        var series = TimeSeries.Of(Enumerable.Range(1, length).Select(i => (double)i), seasonLength: 4);

        var e = Assert.Throws<ArgumentException>(() => method.Fit(series));
        Assert.Equal("series", e.ParamName);
        Assert.Contains($"has {length}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_series_give_zero_width_intervals()
    {
        var series = TimeSeries.Of(Enumerable.Repeat(5.0, 12), 4);
        foreach (ForecastMethod method in new ForecastMethod[] { new Naive(), new SeasonalNaive(), new Drift(), new Mean(), new LinearTrend() })
        {
            var forecast = method.Fit(series).Forecast(6, 95);
            Assert.All(forecast.Point, p => Assert.Equal(5, p, 1e-12));
            Assert.Equal(forecast.Interval(95).Lower, forecast.Interval(95).Upper);
        }
    }

    [Fact]
    public void Levels_outside_0_100_are_rejected()
    {
        var fit = new Naive().Fit(TimeSeries.Of([1.0, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Forecast(1, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Forecast(0));
    }
}
