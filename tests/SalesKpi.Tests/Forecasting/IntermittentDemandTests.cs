using System;
using System.Linq;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

public sealed class IntermittentDemandTests
{
    [Fact]
    public void Croston_matches_R()
    {
        // Read from the shared README: croston(c(0,0,3,0,0,0,2,0,5,0,0,1),3) = 0.969241056503 (R forecast 8.20).
        // By hand: sizes 3, 2, 5, 1 → z = 3, 2.9, 3.11, 2.899; intervals 3, 4, 2, 3 → p = 3, 3.1, 2.99, 2.991.
        var (call, expected) = RGolden.ForPrefix("croston(");
        var fit = new Croston().Fit(TimeSeries.Of(RGolden.VectorIn(call)));
        var forecast = fit.Forecast(3);

        Assert.All(forecast.Point, p => RGoldenTests.AssertRelative(expected[0], p, 1e-9, call));
        Assert.Equal(2.899 / 2.991, forecast.Point[0], 1e-12);
        Assert.Equal(2.899, fit.Parameters["size"], 1e-12);
        Assert.Equal(2.991, fit.Parameters["interval"], 1e-12);
    }

    [Fact]
    public void Croston_fitted_values_are_the_forecasts_from_each_prefix_as_R()
    {
        // R: croston(c(0,0,3,0,0,0,2,0,5,0,0,1))$fitted = NA, 0, 0, 1, 1, 1, 1, 0.935483870968, 0.935483870968,
        //    1.040133779264, 1.040133779264, 1.040133779264
        double[] expected = [double.NaN, 0, 0, 1, 1, 1, 1, 0.935483870968, 0.935483870968, 1.040133779264, 1.040133779264, 1.040133779264];
        var fit = new Croston().Fit(TimeSeries.Of([0.0, 0, 3, 0, 0, 0, 2, 0, 5, 0, 0, 1]));
        Assert.True(double.IsNaN(fit.Fitted[0]));
        for (int t = 1; t < expected.Length; t++)
        {
            Assert.Equal(expected[t], fit.Fitted[t], 1e-11);
        }
    }

    [Fact]
    public void Sba_scales_croston_by_one_minus_half_alpha()
    {
        // α = 0.1 → factor 0.95: 0.95 · 2.899/2.991.
        var forecast = new Croston(CrostonVariant.Sba).Fit(TimeSeries.Of([0.0, 0, 3, 0, 0, 0, 2, 0, 5, 0, 0, 1])).Forecast(2);
        Assert.Equal(0.95 * 2.899 / 2.991, forecast.Point[1], 1e-12);
    }

    [Fact]
    public void Tsb_updates_the_probability_every_period()
    {
        // y = 0, 4, 0, 0, 6, 0; α = 0.2, β = 0.1. p: 0 → 0.1 → 0.09 → 0.081 → 0.081 + 0.1·0.919 = 0.1729 → 0.15561.
        // z: 4 (first demand) → 4 + 0.2·(6 − 4) = 4.4. Forecast 0.15561 · 4.4 = 0.684684.
        var fit = new Tsb(alpha: 0.2, beta: 0.1).Fit(TimeSeries.Of([0.0, 4, 0, 0, 6, 0]));
        Assert.Equal(0.684684, fit.Forecast(1).Point[0], 1e-12);
        Assert.Equal(0.15561, fit.Parameters["probability"], 1e-12);
        Assert.Equal(0.1 * 4, fit.Fitted[2], 1e-12);
    }

    [Fact]
    public void All_zero_demand_forecasts_zero()
    {
        var series = TimeSeries.Of(new double[10]);
        Assert.All(new Croston().Fit(series).Forecast(3).Point, p => Assert.Equal(0, p));
        Assert.All(new Tsb().Fit(series).Forecast(3).Point, p => Assert.Equal(0, p));
        Assert.All(Croston.WithOptimizedAlpha().Fit(series).Forecast(3).Point, p => Assert.Equal(0, p));
    }

    [Fact]
    public void Negative_demand_is_rejected_naming_the_observation()
    {
        var e = Assert.Throws<ArgumentException>(() => new Croston().Fit(TimeSeries.Of([0.0, 2, -1])));
        Assert.Contains("observation 2 is -1", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Tsb().Fit(TimeSeries.Of([0.0, -2])));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Smoothing_parameters_outside_0_1_are_rejected(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Croston(alpha: alpha));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tsb(beta: alpha));
    }

    [Fact]
    public void Optimised_alpha_lies_in_its_range_and_beats_both_ends()
    {
        double[] y = [0, 3, 0, 0, 4, 0, 1, 0, 0, 0, 6, 0, 2, 0, 0, 5, 0, 0, 3, 0, 1, 0, 0, 4];
        var fit = Croston.WithOptimizedAlpha().Fit(TimeSeries.Of(y));
        double alpha = fit.Parameters["alpha"];
        Assert.InRange(alpha, 0.05, 0.3);
        double Mse(double a) => Mean(new Croston(alpha: a).Fit(TimeSeries.Of(y)));
        Assert.True(Mse(alpha) <= Mse(0.05) + 1e-15);
        Assert.True(Mse(alpha) <= Mse(0.3) + 1e-15);

        var tsb = Tsb.WithOptimizedParameters().Fit(TimeSeries.Of(y));
        Assert.InRange(tsb.Parameters["alpha"], 0.05, 0.3);
        Assert.InRange(tsb.Parameters["beta"], 0.05, 0.3);
        Assert.True(Mean(tsb) <= Mean(new Tsb(0.1, 0.1).Fit(TimeSeries.Of(y))) + 1e-15);
    }

    [Fact]
    public void Intervals_are_conformal_and_widen_with_the_step()
    {
        double[] y = [.. Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? 2.0 + (i % 5) : 0)];
        var forecast = new Croston().Fit(TimeSeries.Of(y)).Forecast(4, 80);
        var interval = forecast.Interval(80);
        for (int h = 0; h < 4; h++)
        {
            double width = interval.Upper[h] - interval.Lower[h];
            Assert.True(double.IsFinite(width) && width > 0);
            Assert.Equal(forecast.Point[h], (interval.Upper[h] + interval.Lower[h]) / 2, 1e-12);
            if (h > 0)
            {
                Assert.True(width >= interval.Upper[h - 1] - interval.Lower[h - 1]);
            }
        }
    }

    private static double Mean(FittedModel fit) => fit.Residuals.Skip(1).Average(e => e * e);
}
