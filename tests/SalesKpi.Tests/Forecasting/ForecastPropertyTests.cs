using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>A generated series: a positive random walk with an optional seasonal pattern.</summary>
public sealed record SeriesCase(double[] Values, int SeasonLength)
{
    public TimeSeries Series => TimeSeries.Of(Values, SeasonLength);

    public override string ToString() => $"m={SeasonLength} [{string.Join(" ", Values)}]";
}

public static class ForecastArbitraries
{
    public static Arbitrary<SeriesCase> Series() =>
        (from m in Gen.Elements(1, 4, 12)
         from extra in Gen.Choose(1, 30)
         from steps in Gen.ArrayOf(Gen.Choose(-10, 10), (2 * m) + extra + 2)
         from amplitude in Gen.Choose(0, 40)
         select Build(m, steps, amplitude)).ToArbitrary();

    private static SeriesCase Build(int m, int[] steps, int amplitude)
    {
        var values = new double[steps.Length];
        double level = 500;
        for (int t = 0; t < values.Length; t++)
        {
            level += steps[t];
            values[t] = level + (m > 1 ? amplitude * ((t % m) - ((m - 1) / 2.0)) : 0);
        }

        return new SeriesCase(values, m);
    }
}

/// <summary>Laws every method obeys: horizon independence, widening intervals, determinism, equivariance.</summary>
[Properties(Arbitrary = [typeof(ForecastArbitraries)], MaxTest = 60)]
public sealed class ForecastPropertyTests
{
    private static readonly double[] Levels = [80, 95];

    public static IEnumerable<ForecastMethod> Methods() =>
    [
        new Naive(), new SeasonalNaive(), new Drift(), new Mean(), new LinearTrend(), new Theta(),
        new SeasonallyAdjusted(new Naive()), new SeasonallyAdjusted(new Theta(seasonalAdjustment: false)),
        new Combination(new Naive(), new Theta()), new Croston(), Tsb.WithOptimizedParameters(),
        new ConformalIntervals(new Drift(), windows: 19),
    ];

    /// <summary>
    /// Multiplicative re-seasonalisation scales the widths by the seasonal index, so they follow the season; their
    /// monotonicity holds on the adjusted scale (checked separately).
    /// </summary>
    private static bool Reseasonalised(ForecastMethod method) => method is SeasonallyAdjusted;

    [Property]
    public Property Forecasts_and_widths_for_h_up_to_H_do_not_depend_on_H(SeriesCase c, byte shortHorizon, byte extra)
    {
        int h1 = 1 + (shortHorizon % 12);
        int h2 = h1 + 1 + (extra % 12);
        var failures = new List<string>();
        foreach (var method in Methods())
        {
            var fit = method.Fit(c.Series);
            var small = fit.Forecast(h1, Levels);
            var large = fit.Forecast(h2, Levels);
            for (int h = 0; h < h1; h++)
            {
                bool same = small.Point[h].Equals(large.Point[h])
                    && Levels.All(l => small.Interval(l).Lower[h].Equals(large.Interval(l).Lower[h]) && small.Interval(l).Upper[h].Equals(large.Interval(l).Upper[h]));
                if (!same)
                {
                    failures.Add($"{method.Name} step {h + 1}");
                }
            }
        }

        return (failures.Count == 0).Label(string.Join(", ", failures));
    }

    [Property]
    public Property Interval_widths_are_non_decreasing_in_h_and_nested_by_level(SeriesCase c)
    {
        var failures = new List<string>();
        foreach (var method in Methods().Where(m => !Reseasonalised(m)))
        {
            var forecast = method.Fit(c.Series).Forecast(24, Levels);
            double previous = 0;
            for (int h = 0; h < 24; h++)
            {
                var i80 = forecast.Interval(80);
                var i95 = forecast.Interval(95);
                double width = i95.Upper[h] - i95.Lower[h];
                if (width < previous - (1e-9 * Math.Max(1, previous)) || i95.Lower[h] > i80.Lower[h] || i95.Upper[h] < i80.Upper[h]
                    || i80.Lower[h] > forecast.Point[h] || i80.Upper[h] < forecast.Point[h])
                {
                    failures.Add($"{method.Name} step {h + 1}");
                }

                previous = Math.Max(previous, width);
            }
        }

        return (failures.Count == 0).Label(string.Join(", ", failures));
    }

    [Property]
    public Property Seasonally_adjusted_widths_are_non_decreasing_on_the_adjusted_scale(SeriesCase c)
    {
        var fit = new SeasonallyAdjusted(new Naive()).Fit(c.Series);
        var forecast = fit.Forecast(24, 80);
        bool adjusted = fit.Parameters["seasonal"] == 1;
        var decomposition = adjusted ? ClassicalDecomposition.Multiplicative(c.Series) : null;
        double previous = 0;
        bool ok = true;
        for (int h = 0; h < 24; h++)
        {
            double index = decomposition?.SeasonalAt(c.Values.Length + h) ?? 1;
            double width = (forecast.Interval(80).Upper[h] - forecast.Interval(80).Lower[h]) / index;
            ok &= width >= previous - (1e-9 * previous);
            previous = width;
        }

        return ok.Label($"seasonal adjustment: {adjusted}");
    }

    [Property]
    public bool Seasonal_naive_with_season_length_1_equals_naive(SeriesCase c)
    {
        var series = TimeSeries.Of(c.Values, 1);
        var snaive = new SeasonalNaive().Fit(series).Forecast(15, 90);
        var naive = new Naive().Fit(series).Forecast(15, 90);
        return snaive.Point.SequenceEqual(naive.Point)
            && snaive.Interval(90).Lower.SequenceEqual(naive.Interval(90).Lower)
            && snaive.Interval(90).Upper.SequenceEqual(naive.Interval(90).Upper);
    }

    [Property]
    public Property Point_forecasts_are_affine_equivariant(SeriesCase c, byte scaleIndex, short shift)
    {
        double scale = new[] { 0.5, 2, 3, -1, -2.5, 10 }[scaleIndex % 6];
        double k = shift;

        // Theta's multiplicative seasonal adjustment is not shift-equivariant, so Theta is checked without a season.
        ForecastMethod[] methods = [new Naive(), new SeasonalNaive(), new Drift(), new Mean(), new LinearTrend(), new Theta(seasonalAdjustment: false)];
        var failures = new List<string>();
        var transformed = TimeSeries.Of(c.Values.Select(v => (scale * v) + k), c.SeasonLength);
        foreach (var method in methods)
        {
            var original = method.Fit(c.Series).Forecast(10).Point;
            var moved = method.Fit(transformed).Forecast(10).Point;
            for (int h = 0; h < 10; h++)
            {
                double expected = (scale * original[h]) + k;
                if (Math.Abs(moved[h] - expected) > 1e-6 * (1 + Math.Abs(expected)))
                {
                    failures.Add($"{method.Name} step {h + 1}: {moved[h]} vs {expected}");
                }
            }
        }

        var series1 = TimeSeries.Of(c.Values, 1);
        var theta = new Theta().Fit(series1).Forecast(5).Point;
        var thetaMoved = new Theta().Fit(TimeSeries.Of(c.Values.Select(v => (scale * v) + k), 1)).Forecast(5).Point;
        for (int h = 0; h < 5; h++)
        {
            if (Math.Abs(thetaMoved[h] - ((scale * theta[h]) + k)) > 1e-6 * (1 + Math.Abs((scale * theta[h]) + k)))
            {
                failures.Add($"Theta (m = 1) step {h + 1}");
            }
        }

        return (failures.Count == 0).Label(string.Join("; ", failures));
    }

    [Property]
    public Property Seasonal_theta_is_scale_equivariant(SeriesCase c, byte scaleIndex)
    {
        double scale = new[] { 0.5, 2, 3, 10 }[scaleIndex % 4];
        var original = new Theta().Fit(c.Series).Forecast(8).Point;
        var scaled = new Theta().Fit(TimeSeries.Of(c.Values.Select(v => scale * v), c.SeasonLength)).Forecast(8).Point;
        return original.Zip(scaled).All(p => Math.Abs(p.Second - (scale * p.First)) <= 1e-6 * (1 + Math.Abs(scale * p.First)))
            .Label($"{string.Join(" ", original)} vs {string.Join(" ", scaled)}");
    }

    [Property(MaxTest = 20)]
    public Property Same_input_gives_the_same_output(SeriesCase c)
    {
        var failures = new List<string>();
        foreach (var method in Methods().Append(Croston.WithOptimizedAlpha(CrostonVariant.Sba)))
        {
            var a = method.Fit(TimeSeries.Of(c.Values, c.SeasonLength)).Forecast(12, Levels);
            var b = method.Fit(TimeSeries.Of(c.Values, c.SeasonLength)).Forecast(12, Levels);
            if (!a.Point.SequenceEqual(b.Point) || !a.Interval(95).Lower.SequenceEqual(b.Interval(95).Lower))
            {
                failures.Add(method.Name);
            }
        }

        return (failures.Count == 0).Label(string.Join(", ", failures));
    }

    [Fact]
    public void All_zero_series_forecast_zero_with_zero_width_for_every_method()
    {
        var zeros = TimeSeries.Of(new double[36], 12);
        foreach (var method in Methods())
        {
            var forecast = method.Fit(zeros).Forecast(6, 80);
            Assert.All(forecast.Point, p => Assert.Equal(0, p, 1e-12));
            Assert.All(forecast.Interval(80).Lower.Zip(forecast.Interval(80).Upper), b => Assert.Equal(b.First, b.Second, 1e-12));
        }
    }
}
