using System;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>Hand-computed anchors for the exponential-smoothing recursions, variances and helpers.</summary>
public sealed class EtsAnchorTests
{
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void Ses_simple_recursion_and_variance_by_hand()
    {
        // y = 10, 12, 11; α = 0.5; ℓ₀ = y₁ = 10.
        // t1: μ = 10, e = 0, ℓ = 10. t2: μ = 10, e = 2, ℓ = 11. t3: μ = 11, e = 0, ℓ = 11.
        // σ² = SSE/n = 4/3. v₁ = 4/3, v₂ = 4/3·(1 + α²) = 5/3.
        var model = ExponentialSmoothing.Ses().WithAlpha(0.5).WithInitialization(EtsInitialization.Simple).FitEts(TimeSeries.Of([10.0, 12, 11]));
        Assert.Equal([10.0, 10, 11], model.Fitted);
        Assert.Equal(4.0 / 3, model.Variance, 1e-12);
        var f = model.Forecast(2, 95);
        Assert.Equal(11, f.Point[0], 1e-12);
        Assert.Equal(11, f.Point[1], 1e-12);
        Assert.Equal(11 - (Z95 * Math.Sqrt(4.0 / 3)), f.Interval(95).Lower[0], 1e-9);
        Assert.Equal(11 + (Z95 * Math.Sqrt(5.0 / 3)), f.Interval(95).Upper[1], 1e-9);
    }

    [Fact]
    public void Holt_simple_recursion_and_class_1_variance_by_hand()
    {
        // y = 1, 3, 4, 8; α = 0.5, β* = 0.5 (β = 0.25); ℓ₀ = y₁ = 1, b₀ = y₂ − y₁ = 2.
        // t1: μ = 3, e = −2, ℓ = 2, b = 2 + 0.5(2 − 1 − 2) = 1.5.
        // t2: μ = 3.5, e = −0.5, ℓ = 3.25, b = 1.375.
        // t3: μ = 4.625, e = −0.625, ℓ = 4.3125, b = 1.21875.
        // t4: μ = 5.53125, e = 2.46875, ℓ = 6.765625, b = 1.8359375.
        // Forecasts 8.6015625, 10.4375. σ² = (4 + 0.25 + 0.390625 + 6.0947265625)/4 = 2.683837890625.
        // c₁ = α + β = 0.75, v₂ = σ²(1 + 0.5625).
        var model = ExponentialSmoothing.Holt().WithAlpha(0.5).WithBeta(0.25).WithInitialization(EtsInitialization.Simple)
            .FitEts(TimeSeries.Of([1.0, 3, 4, 8]));
        Assert.Equal([3.0, 3.5, 4.625, 5.53125], model.Fitted);
        var f = model.Forecast(2, 80);
        Assert.Equal(8.6015625, f.Point[0], 1e-12);
        Assert.Equal(10.4375, f.Point[1], 1e-12);
        Assert.Equal(2.683837890625, model.Variance, 1e-12);
        double z80 = 1.2815515655446004;
        Assert.Equal(10.4375 - (z80 * Math.Sqrt(2.683837890625 * 1.5625)), f.Interval(80).Lower[1], 1e-9);
    }

    [Fact]
    public void Damped_point_forecasts_sum_the_powers_of_phi()
    {
        // y = 1, 3, 4, 8 with α = 0.5, β = 0.25, φ = 0.5; ℓ₀ = 1, b₀ = 2.
        // t1: φb = 1, q = 2, e = −1, ℓ = 1.5, b = 1 + 0.5(1.5 − 1 − 1) = 0.75.
        // t2: φb = 0.375, q = 1.875, e = 1.125, ℓ = 2.4375, b = 0.375 + 0.5(2.4375 − 1.5 − 0.375) = 0.65625.
        // t3: φb = 0.328125, q = 2.765625, e = 1.234375, ℓ = 3.3828125, b = 0.328125 + 0.5(0.6171875) = 0.63671875.
        // t4: φb = 0.318359375, q = 3.701171875, e = 4.298828125, ℓ = 5.8505859375,
        //     b = 0.318359375 + 0.5(5.8505859375 − 3.3828125 − 0.318359375) = 1.39306640625.
        // h = 1: ℓ + φb = 6.547119140625; h = 2: ℓ + (φ + φ²)b = 6.8953857421875.
        var model = ExponentialSmoothing.DampedHolt().WithAlpha(0.5).WithBeta(0.25).WithPhi(0.5).WithInitialization(EtsInitialization.Simple)
            .FitEts(TimeSeries.Of([1.0, 3, 4, 8]));
        var f = model.Forecast(2);
        Assert.Equal(6.547119140625, f.Point[0], 1e-12);
        Assert.Equal(6.8953857421875, f.Point[1], 1e-12);
    }

    [Fact]
    public void Class_2_variance_of_ETS_MNN_has_the_closed_form()
    {
        // ETS(M,N,N): v_h = μ²[(1 + σ²)(1 + α²σ²)^(h−1) − 1] (HKOS 2008, ch. 6).
        var model = ExponentialSmoothing.Ets(EtsError.Multiplicative, EtsTrend.None, EtsSeason.None).WithAlpha(0.4)
            .FitEts(TimeSeries.Of(EtsTestData.Synthetic(3, 40, 1)));
        var f = model.Forecast(4, 95);
        double mu = f.Point[0], s2 = model.Variance;
        for (int h = 1; h <= 4; h++)
        {
            double v = mu * mu * (((1 + s2) * Math.Pow(1 + (0.16 * s2), h - 1)) - 1);
            Assert.Equal(mu - (Z95 * Math.Sqrt(v)), f.Interval(95).Lower[h - 1], 1e-8);
        }
    }

    [Fact]
    public void Class_3_first_step_variance_is_sigma_squared_times_the_mean_squared()
    {
        // At h = 1 the state moments are known exactly: v₁ = σ²μ₁², μ₁ = (ℓ + φb)·s.
        var series = EtsTestData.AirPassengers();
        var model = ExponentialSmoothing.HoltWinters(EtsSeason.Multiplicative, damped: true).WithAlpha(0.7).WithBeta(0.02).WithGamma(0.001).WithPhi(0.98)
            .FitEts(series);
        var f = model.Forecast(1, 95);
        double mu = f.Point[0];
        Assert.Equal(mu - (Z95 * Math.Sqrt(model.Variance) * mu), f.Interval(95).Lower[0], 1e-8);
    }

    [Fact]
    public void Information_criteria_follow_R_parameter_count()
    {
        // ETS(A,A,N): α, β, ℓ₀, b₀ estimated, plus σ²: k = 5. AIC = lik + 2k, BIC = lik + k·log n,
        // AICc = AIC + 2k(k + 1)/(n − k − 1), lik = −2·LogLikelihood.
        var series = TimeSeries.Of(EtsTestData.Synthetic(5, 30, 1));
        var ic = ExponentialSmoothing.Ets(EtsError.Additive, EtsTrend.Additive, EtsSeason.None).FitEts(series).Criteria!;
        double lik = -2 * ic.LogLikelihood;
        Assert.Equal(5, ic.ParameterCount);
        Assert.Equal(lik + 10, ic.Aic, 1e-9);
        Assert.Equal(lik + (5 * Math.Log(30)), ic.Bic, 1e-9);
        Assert.Equal(ic.Aic + (60.0 / 24), ic.Aicc, 1e-9);
    }

    [Fact]
    public void Schur_Cohn_test_separates_stable_from_unstable_polynomials()
    {
        // (z − 0.5)(z + 0.8) = z² + 0.3z − 0.4: roots inside. (z − 1.2)(z + 0.5) = z² − 0.7z − 0.6: one outside.
        Assert.True(EtsEngine.RootsWithinRadius([-0.4, 0.3, 1], 1));
        Assert.False(EtsEngine.RootsWithinRadius([-0.6, -0.7, 1], 1));

        // (z − 0.9)³ = z³ − 2.7z² + 2.43z − 0.729: inside the unit disk, outside the disk of radius 0.8.
        Assert.True(EtsEngine.RootsWithinRadius([-0.729, 2.43, -2.7, 1], 1));
        Assert.False(EtsEngine.RootsWithinRadius([-0.729, 2.43, -2.7, 1], 0.8));
    }

    [Fact]
    public void Admissibility_accepts_R_starting_values_for_a_monthly_seasonal_model()
    {
        // R forecast: admissible(0.016763333, 0.0017663, 0.0492568, NULL, 12) is 1 (largest root modulus 0.99576),
        // a degree-13 polynomial whose Schur–Cohn recursion underflows unless it is kept monic.
        Assert.True(EtsEngine.Admissible(0.016763333, 0.0017663, 0.0492568, 1, hasSeason: true, 12));

        // Non-seasonal: α must lie in [1 − 1/φ, 1 + 1/φ]; α = 2.5 with φ = 1 does not.
        Assert.False(EtsEngine.Admissible(2.5, 0.1, 0, 1, hasSeason: false, 1));
        Assert.True(EtsEngine.Admissible(0.5, 0.1, 0, 0.9, hasSeason: false, 1));
    }

    [Fact]
    public void Seasonal_figure_of_an_exact_additive_season_is_the_season()
    {
        // y_t = 100 + s_{t mod 4} with s = (−3, −1, 1, 3): the centred 2×4 moving average is exactly 100.
        double[] s = [-3, -1, 1, 3];
        var y = new double[16];
        for (int t = 0; t < 16; t++)
        {
            y[t] = 100 + s[t % 4];
        }

        var figure = ClassicalDecomposition.SeasonalFigures(y, 4, multiplicative: false);
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(s[j], figure[j], 1e-12);
        }
    }

    [Fact]
    public void HoltWintersSse_start_values_come_from_the_first_two_cycles()
    {
        // y = 10 + t + s_{t mod 4}, s = (−2, 0, 2, 0), t = 0..: the 2×4 moving average of the first 8 values is
        // 10 + t at t = 2..5 (values 12, 13, 14, 15); regressed on 1..4: intercept 11, slope 1.
        double[] s = [-2, 0, 2, 0];
        var y = new double[12];
        for (int t = 0; t < 12; t++)
        {
            y[t] = 10 + t + s[t % 4];
        }

        HoltWintersSseMethod.StartValues(y, 4, multiplicative: false, out double level, out double trend, out double[] season);
        Assert.Equal(11, level, 1e-12);
        Assert.Equal(1, trend, 1e-12);
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(s[j], season[j], 1e-12);
        }
    }
}
