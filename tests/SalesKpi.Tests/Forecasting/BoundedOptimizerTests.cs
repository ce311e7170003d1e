using System;
using FsCheck;
using FsCheck.Xunit;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

public sealed class BoundedOptimizerTests
{
    [Fact]
    public void Brent_finds_an_interior_minimum()
    {
        // (x − 0.3)² on [0, 1]: minimum at 0.3 with value 0.
        var r = BoundedOptimizer.Brent(x => (x - 0.3) * (x - 0.3), 0, 1);
        Assert.Equal(0.3, r.Point[0], 1e-6);
    }

    [Fact]
    public void Brent_returns_the_bound_when_the_minimum_lies_beyond_it()
    {
        // The unconstrained minimum 1.5708 (π/2, where MathNet's bracketing search ended) lies outside [0.01, 0.99].
        var r = BoundedOptimizer.Brent(x => -Math.Sin(x), 0.01, 0.99);
        Assert.Equal(0.99, r.Point[0]);
        Assert.True(r.Value <= -Math.Sin(0.99));
    }

    [Property(MaxTest = 200)]
    public bool Brent_stays_within_bounds_and_beats_both_bounds(NormalFloat centre, PositiveInt width)
    {
        double c = centre.Get;
        double lower = -1, upper = -1 + (width.Get % 50) + 0.5;
        Func<double, double> f = x => Math.Abs(x - c) + (0.1 * Math.Sin(3 * x));
        var r = BoundedOptimizer.Brent(f, lower, upper);
        double x = r.Point[0];
        return x >= lower && x <= upper && r.Value <= f(lower) && r.Value <= f(upper);
    }

    [Fact]
    public void Brent_with_a_grid_finds_the_deeper_of_two_minima()
    {
        // Two Gaussian wells: depth 1 at 0.1 (width 0.03) and depth 0.5 at 0.8 (width 0.1); between them f is ≈ 0,
        // so Brent alone, starting at 0.382 on [0, 1], has no slope to follow. The 21-point grid (step 0.05) hits 0.1
        // exactly, where f = −1 − 0.5·e^(−49) ≈ −1, the global minimum.
        static double F(double x) => -Math.Exp(-Math.Pow((x - 0.1) / 0.03, 2)) - (0.5 * Math.Exp(-Math.Pow((x - 0.8) / 0.1, 2)));
        var r = BoundedOptimizer.Brent(F, 0, 1, gridPoints: 21);
        Assert.Equal(0.1, r.Point[0], 1e-6);
        Assert.True(r.Value <= -1 + 1e-12);
    }

    [Property(MaxTest = 200)]
    public bool Brent_with_a_grid_stays_within_bounds_and_beats_every_grid_point(NormalFloat centre, PositiveInt width)
    {
        double c = centre.Get;
        double lower = -1, upper = -1 + (width.Get % 50) + 0.5;
        Func<double, double> f = x => Math.Abs(x - c) + (0.1 * Math.Sin(3 * x));
        var r = BoundedOptimizer.Brent(f, lower, upper, gridPoints: 11);
        double x = r.Point[0];
        bool beatsGrid = true;
        for (int i = 0; i < 11; i++)
        {
            beatsGrid &= r.Value <= f(i == 10 ? upper : lower + (i * (upper - lower) / 10));
        }

        return x >= lower && x <= upper && beatsGrid && r.Value == f(x);
    }

    [Fact]
    public void Brent_with_a_grid_keeps_the_first_grid_point_of_a_flat_objective()
    {
        var r = BoundedOptimizer.Brent(_ => 1.0, 0.05, 0.3, gridPoints: 21);
        Assert.Equal(0.05, r.Point[0]);
    }

    [Fact]
    public void Brent_rejects_bounds_in_the_wrong_order()
    {
        Assert.Throws<ArgumentException>(() => BoundedOptimizer.Brent(x => x, 1, 0));
    }

    [Property(MaxTest = 100)]
    public bool NelderMead_keeps_every_point_inside_the_box(NormalFloat a, NormalFloat b)
    {
        double ta = a.Get, tb = b.Get;
        bool inside = true;
        double Objective(ReadOnlySpan<double> x)
        {
            inside &= x[0] >= 0 && x[0] <= 1 && x[1] >= -2 && x[1] <= 3;
            return ((x[0] - ta) * (x[0] - ta)) + ((x[1] - tb) * (x[1] - tb));
        }

        var r = BoundedOptimizer.NelderMead(Objective, [0.5, 0], [0.1, 0.1], [0, -2], [1, 3], 1e-12, 2000);
        double expected0 = Math.Clamp(ta, 0, 1), expected1 = Math.Clamp(tb, -2, 3);
        return inside && Math.Abs(r.Point[0] - expected0) < 1e-3 && Math.Abs(r.Point[1] - expected1) < 1e-3;
    }

    [Property(MaxTest = 100)]
    public bool NelderMeadR_returns_a_point_inside_the_box(NormalFloat a, NormalFloat b)
    {
        double ta = a.Get, tb = b.Get;
        double Objective(ReadOnlySpan<double> x) => ((x[0] - ta) * (x[0] - ta)) + ((x[1] - tb) * (x[1] - tb));
        var r = BoundedOptimizer.NelderMeadR(Objective, [0.5, 0.5], [0, 0], [1, 1], 1e-10, 2000);
        return r.Point[0] >= 0 && r.Point[0] <= 1 && r.Point[1] >= 0 && r.Point[1] <= 1
            && r.Value <= Objective([0.5, 0.5]);
    }

    [Fact]
    public void NelderMeadR_minimises_the_Rosenbrock_function()
    {
        static double Rosenbrock(ReadOnlySpan<double> x) => (100 * Math.Pow(x[1] - (x[0] * x[0]), 2)) + Math.Pow(1 - x[0], 2);
        var r = BoundedOptimizer.NelderMeadR(Rosenbrock, [-1.2, 1], [-5, -5], [5, 5], 1e-12, 5000);
        Assert.Equal(1, r.Point[0], 1e-2);
        Assert.Equal(1, r.Point[1], 1e-2);
    }

    [Fact]
    public void Fitted_SES_alpha_beats_the_likelihood_at_both_bounds()
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(7, 60, 1), 1);
        var model = ExponentialSmoothing.Ets(EtsError.Additive, EtsTrend.None, EtsSeason.None).FitEts(series);
        Assert.InRange(model.Alpha, 1e-4, 0.9999);
        double fitted = model.Criteria!.LogLikelihood;
        foreach (double bound in new[] { 1e-4, 0.9999 })
        {
            var atBound = ExponentialSmoothing.Ets(EtsError.Additive, EtsTrend.None, EtsSeason.None).WithAlpha(bound).FitEts(series);
            Assert.True(fitted >= atBound.Criteria!.LogLikelihood - 1e-9, $"alpha = {bound} has a higher likelihood than the fitted {model.Alpha}");
        }
    }
}
