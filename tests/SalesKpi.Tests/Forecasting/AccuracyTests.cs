using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

public sealed class AccuracyTests
{
    private static readonly double[] Y = [10, 20, 0, 40];
    private static readonly double[] F = [12, 15, 3, 40];

    // Errors y − ŷ: −2, 5, −3, 0.
    [Fact]
    public void Me_is_the_mean_of_actual_minus_forecast() => Assert.Equal(0, Accuracy.Me(Y, F)!.Value, 1e-12);

    [Fact]
    public void Me_sign_is_positive_when_under_forecasting() => Assert.Equal(2, Accuracy.Me([10.0], [8.0])!.Value, 1e-12);

    [Fact]
    public void Mae_anchor() => Assert.Equal(10.0 / 4, Accuracy.Mae(Y, F)!.Value, 1e-12);

    [Fact]
    public void Rmse_anchor() => Assert.Equal(Math.Sqrt((4 + 25 + 9 + 0) / 4.0), Accuracy.Rmse(Y, F)!.Value, 1e-12);

    [Fact]
    public void Mape_drops_and_counts_zero_actuals()
    {
        // |−2|/10 = 0.2, 5/20 = 0.25, (y = 0 dropped), 0/40 = 0 → 100·0.45/3 = 15.
        var mape = Accuracy.Mape(Y, F);
        Assert.Equal(15, mape.Value!.Value, 1e-12);
        Assert.Equal(3, mape.Count);
        Assert.Equal(1, mape.ZeroActualsDropped);
        Assert.Equal(new MapeResult(null, 0, 2), Accuracy.Mape([0.0, 0], [1.0, 2]));
    }

    [Fact]
    public void Wape_is_total_absolute_error_over_total_absolute_actual()
    {
        // (2 + 5 + 3 + 0)/(10 + 20 + 0 + 40) = 10/70.
        Assert.Equal(10.0 / 70, Accuracy.Wape(Y, F)!.Value, 1e-12);
        Assert.Null(Accuracy.Wape([0.0, 0], [1.0, 1]));
    }

    [Fact]
    public void Smape_anchor_on_the_0_200_scale()
    {
        // 200·2/22, 200·5/35, 200·3/3 = 200, 0 → mean.
        double expected = ((400.0 / 22) + (1000.0 / 35) + 200 + 0) / 4;
        Assert.Equal(expected, Accuracy.Smape(Y, F)!.Value, 1e-12);
        Assert.Equal(0, Accuracy.Smape([0.0], [0.0])!.Value);
    }

    [Fact]
    public void Mase_and_rmsse_scale_by_the_in_sample_seasonal_naive_error()
    {
        // In-sample x = 1, 3, 2, 6 with m = 2: lag-2 differences 1, 3 → MAE scale 2, MSE scale (1 + 9)/2 = 5.
        // Forecast errors −2, 5, −3, 0 → MAE 2.5, MSE 38/4 = 9.5 → MASE 1.25, RMSSE √1.9.
        double[] x = [1, 3, 2, 6];
        Assert.Equal(1.25, Accuracy.Mase(Y, F, x, 2)!.Value, 1e-12);
        Assert.Equal(Math.Sqrt(1.9), Accuracy.Rmsse(Y, F, x, 2)!.Value, 1e-12);

        // m = 1: differences 2, −1, 4 → MAE scale 7/3.
        Assert.Equal(2.5 / (7.0 / 3), Accuracy.Mase(Y, F, x, 1)!.Value, 1e-12);
    }

    [Fact]
    public void Mase_is_undefined_for_a_constant_or_too_short_in_sample_series()
    {
        Assert.Null(Accuracy.Mase([1.0], [2.0], [5.0, 5, 5], 1));
        Assert.Null(Accuracy.Mase([1.0], [2.0], [5.0, 6], 2));
        Assert.Null(Accuracy.Rmsse([1.0], [2.0], [5.0, 5, 5], 1));
    }

    [Fact]
    public void Coverage_counts_actuals_inside_closed_intervals()
    {
        // 10 in [8, 10] yes; 20 in [21, 30] no; 0 in [−1, 1] yes; 40 in [0, 39] no → 0.5.
        Assert.Equal(0.5, Accuracy.Coverage(Y, [8.0, 21, -1, 0], [10.0, 30, 1, 39])!.Value, 1e-12);
        var interval = new PredictionInterval(95, [double.NegativeInfinity], [double.PositiveInfinity]);
        Assert.Equal(1, Accuracy.Coverage([3.0], interval)!.Value);
    }

    [Fact]
    public void Interval_score_adds_the_scaled_miss_to_the_width()
    {
        // 80%: a = 0.2, penalty 2/a = 10. [8, 10] ∋ 10: 2. [21, 30] vs 20: 9 + 10·1 = 19. [−1, 1] ∋ 0: 2.
        // [0, 39] vs 40: 39 + 10·1 = 49. Mean (2 + 19 + 2 + 49)/4 = 18.
        Assert.Equal(18, Accuracy.IntervalScore(Y, [8.0, 21, -1, 0], [10.0, 30, 1, 39], 80)!.Value, 1e-12);
        Assert.Equal(12, Accuracy.IntervalScore([3.0], new PredictionInterval(80, [0.0], [2.0]))!.Value, 1e-12);
    }

    [Fact]
    public void Pinball_loss_weights_under_and_over_forecasts_by_the_quantile()
    {
        // τ = 0.9: y − q = 2 → 1.8; y − q = −2 → 0.1·2 = 0.2 → mean 1.0.
        Assert.Equal(1.0, Accuracy.PinballLoss([12.0, 8], [10.0, 10], 0.9)!.Value, 1e-12);

        // τ = 0.5 is half the MAE.
        Assert.Equal(Accuracy.Mae(Y, F)!.Value / 2, Accuracy.PinballLoss(Y, F, 0.5)!.Value, 1e-12);
    }

    [Fact]
    public void Gaussian_crps_anchors()
    {
        // y = μ, σ = 1: 2φ(0) − 1/√π = 2/√(2π) − 1/√π = 0.7978845608 − 0.5641895835 = 0.2336949773.
        Assert.Equal(0.2336949773, Accuracy.GaussianCrps([0.0], [0.0], [1.0])!.Value, 1e-9);

        // z = 1, σ = 2: 2·(1·(2Φ(1) − 1) + 2φ(1) − 1/√π) = 2·(0.6826894921 + 0.4839414490 − 0.5641895835) = 1.2048827152.
        Assert.Equal(1.2048827152, Accuracy.GaussianCrps([2.0], [0.0], [2.0])!.Value, 1e-9);

        // σ = 0 degenerates to the absolute error.
        Assert.Equal(3, Accuracy.GaussianCrps([5.0], [2.0], [0.0])!.Value);
    }

    [Fact]
    public void Empty_inputs_are_undefined_not_nan()
    {
        double[] none = [];
        Assert.Null(Accuracy.Me(none, none));
        Assert.Null(Accuracy.Mae(none, none));
        Assert.Null(Accuracy.Rmse(none, none));
        Assert.Null(Accuracy.Mape(none, none).Value);
        Assert.Null(Accuracy.Wape(none, none));
        Assert.Null(Accuracy.Smape(none, none));
        Assert.Null(Accuracy.Mase(none, none, [1.0, 2], 1));
        Assert.Null(Accuracy.Coverage(none, none, none));
        Assert.Null(Accuracy.IntervalScore(none, none, none, 80));
        Assert.Null(Accuracy.PinballLoss(none, none, 0.5));
        Assert.Null(Accuracy.GaussianCrps(none, none, none));
    }

    [Fact]
    public void Bad_arguments_throw_naming_the_parameter_and_value()
    {
        var lengths = Assert.Throws<ArgumentException>(() => Accuracy.Mae([1.0, 2], [1.0]));
        Assert.Equal("forecast", lengths.ParamName);
        Assert.Contains("1 values given for 2 actuals", lengths.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => Accuracy.Me([double.NaN], [1.0])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Accuracy.Coverage([1.0], [2.0], [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Accuracy.IntervalScore([1.0], [0.0], [2.0], 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => Accuracy.PinballLoss([1.0], [1.0], 1));
        Assert.Throws<ArgumentException>(() => Accuracy.GaussianCrps([1.0], [1.0], [-1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Accuracy.Mase([1.0], [1.0], [1.0, 2], 0));
    }

    [Property(MaxTest = 200)]
    public Property Mase_and_wape_are_scale_invariant_and_smape_stays_in_0_200()
    {
        var gen =
            from n in Gen.Choose(1, 12)
            from y in Gen.ArrayOf(Gen.Choose(-50, 50).Select(v => (double)v), n)
            from f in Gen.ArrayOf(Gen.Choose(-50, 50).Select(v => (double)v), n)
            from x in Gen.ArrayOf(Gen.Choose(-50, 50).Select(v => (double)v), n + 3)
            from c in Gen.Elements(0.001, 0.37, 3.0, 1000.0, -2.5)
            select (y, f, x, c);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (y, f, x, c) = t;
            double[] cy = [.. y.Select(v => v * c)], cf = [.. f.Select(v => v * c)], cx = [.. x.Select(v => v * c)];
            double smape = Accuracy.Smape(y, f)!.Value;
            return Same(Accuracy.Mase(y, f, x, 2), Accuracy.Mase(cy, cf, cx, 2))
                && Same(Accuracy.Wape(y, f), Accuracy.Wape(cy, cf))
                && Same(Accuracy.Smape(y, f), Accuracy.Smape(cy, cf))
                && smape >= 0 && smape <= 200;
        });
    }

    private static bool Same(double? a, double? b) =>
        a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));
}
