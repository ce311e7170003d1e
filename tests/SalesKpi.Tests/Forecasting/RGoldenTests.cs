using System;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>Forecasts of the 24-point monthly series against R forecast 8.20 (values read from the shared data README).</summary>
public sealed class RGoldenTests
{
    // Closed forms: 1e-6 relative. Theta optimises α: R's Nelder-Mead stopped at α = 0.99989995, ours returns the
    // bound 0.9999 exactly; the forecasts still agree to about 4e-8 relative, so 1e-6 holds there as well.
    private const double ClosedForm = 1e-6;
    private const double Optimised = 1e-6;

    private static TimeSeries Monthly => TimeSeries.Of(RGolden.Series24, seasonLength: 12);

    [Theory]
    [InlineData("naive(y,3)")]
    [InlineData("snaive(y,3)")]
    [InlineData("rwf(y,3,drift=TRUE)")]
    [InlineData("meanf(y,3)")]
    [InlineData("thetaf(y,3)")]
    public void Point_forecasts_and_95_percent_lower_bounds_match_R(string call)
    {
        var (point, lower) = RGolden.For(call);
        ForecastMethod method = call switch
        {
            "naive(y,3)" => new Naive(),
            "snaive(y,3)" => new SeasonalNaive(),
            "rwf(y,3,drift=TRUE)" => new Drift(),
            "meanf(y,3)" => new Mean(),
            _ => new Theta(),
        };
        double tolerance = method is Theta ? Optimised : ClosedForm;

        var forecast = method.Fit(Monthly).Forecast(3, 95);

        for (int h = 0; h < 3; h++)
        {
            // meanf publishes one value: the same for every step.
            AssertRelative(point[Math.Min(h, point.Length - 1)], forecast.Point[h], tolerance, $"{call} point h={h + 1}");
            AssertRelative(lower[Math.Min(h, lower.Length - 1)], forecast.Interval(95).Lower[h], tolerance, $"{call} lo95 h={h + 1}");
        }
    }

    [Fact]
    public void Golden_series_is_the_published_24_points()
    {
        var y = RGolden.Series24;
        Assert.Equal(24, y.Length);
        Assert.Equal(112, y[0]);
        Assert.Equal(140, y[23]);
    }

    internal static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-12);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2} > {tolerance:E0}).");
    }
}
