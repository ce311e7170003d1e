using System;
using System.Linq;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>
/// Golden values of R 4.2 / forecast 8.20 published in the shared data README. The fits run the same Nelder–Mead
/// algorithm from the same start as R, so most values agree to many digits; where a likelihood surface is flat
/// (ℓ₀ when α → 1) or multimodal (17-parameter seasonal fits) the tolerance is wider and says why.
/// </summary>
public sealed class EtsGoldenTests
{
    private static TimeSeries Series24 => TimeSeries.Of(RGolden.Series24, 1);

    [Fact]
    public void Ets_ANN_on_the_24_point_series_matches_R()
    {
        var model = ExponentialSmoothing.Ets(EtsError.Additive, EtsTrend.None, EtsSeason.None).FitEts(Series24);
        var forecast = model.Forecast(3, 95);
        Assert.Equal(0.9999, model.Alpha, 1e-4);
        Assert.Equal(112.0010, model.Parameters["l0"], 0.01);
        Assert.Equal(139.997393511, forecast.Point[0], 1e-4);
        double[] lower = [110.9318403470, 98.8945545027, 89.6577434492];
        for (int h = 0; h < 3; h++)
        {
            Assert.Equal(139.997393511, forecast.Point[h], 1e-4);
            Assert.Equal(lower[h], forecast.Interval(95).Lower[h], 1e-3);
        }
    }

    [Fact]
    public void Ses_with_fixed_alpha_and_simple_initial_state_matches_R()
    {
        // ses(y, 3, alpha = 0.3, initial = "simple"): ℓ₀ = y₁, σ² = SSE/n.
        var model = ExponentialSmoothing.Ses().WithAlpha(0.3).WithInitialization(EtsInitialization.Simple).FitEts(Series24);
        var forecast = model.Forecast(3, 95);
        double[] lower = [105.030645237, 103.561878641, 102.152597469];
        for (int h = 0; h < 3; h++)
        {
            Assert.Equal(138.388466812, forecast.Point[h], 1e-8);
            Assert.Equal(lower[h], forecast.Interval(95).Lower[h], 1e-8);
        }
    }

    [Fact]
    public void Ses_on_AirPassengers_matches_R()
    {
        var model = ExponentialSmoothing.Ses().FitEts(EtsTestData.AirPassengers());
        Assert.Equal(0.9999, model.Alpha, 1e-4);
        Assert.Equal(111.9892, model.Parameters["l0"], 0.01);
        var ic = model.Criteria!;
        Assert.Equal(3, ic.ParameterCount);
        Assert.Equal(1733.787, ic.Aic, 0.005);
        Assert.Equal(1733.958, ic.Aicc, 0.005);
        Assert.Equal(1742.696, ic.Bic, 0.005);
    }

    [Fact]
    public void Holt_on_AirPassengers_matches_R()
    {
        var model = ExponentialSmoothing.Holt().FitEts(EtsTestData.AirPassengers());
        Assert.Equal(0.9999, model.Alpha, 1e-4);
        Assert.Equal(0.0001, model.Beta, 1e-4);
        Assert.Equal(119.7517, model.Parameters["l0"], 0.01);
        Assert.Equal(1.5963, model.Parameters["b0"], 0.001);
        Assert.Equal(1737.295, model.Criteria!.Aic, 0.005);
    }

    [Fact]
    public void AutoEts_on_AirPassengers_selects_the_damped_multiplicative_model_of_R()
    {
        // R: ETS(M,Ad,M), alpha 0.70955, beta 0.02041, gamma 0.0001, phi 0.98, AICc 1400.638. Seasonal fits stop
        // after 700 evaluations here (R: 2000) on a surface with many local optima, so the AICc may differ slightly.
        var model = ExponentialSmoothing.AutoEts().FitEts(EtsTestData.AirPassengers());
        Assert.Equal("ETS(M,Ad,M)", model.Method);
        Assert.Equal(1400.638, model.Criteria!.Aicc, 0.5);
        Assert.Equal(0.70955, model.Alpha, 0.01);
        Assert.Equal(0.02041, model.Beta, 0.005);
        Assert.InRange(model.Gamma, 1e-4, 0.001);
        Assert.Equal(0.98, model.Phi, 0.001);
        Assert.Equal(18, model.Criteria.ParameterCount);
    }

    [Fact]
    public void HoltWintersSse_additive_on_AirPassengers_matches_R_stats()
    {
        // R: alpha 0.2479595, beta 0.03453373, gamma 1, SSE 21860.18, a 477.8278, b 3.127627 (L-BFGS-B; the SSE
        // surface is flat near the optimum, so parameters agree to about 1e-4 and the SSE to 1e-6 relative).
        var model = ExponentialSmoothing.HoltWintersSse(EtsSeason.Additive).FitHoltWinters(EtsTestData.AirPassengers());
        Assert.Equal(0.2479595, model.Alpha, 1e-3);
        Assert.Equal(0.03453373, model.Beta, 1e-3);
        Assert.Equal(1.0, model.Gamma, 1e-3);
        Assert.Equal(21860.18, model.Sse, 21860.18 * 1e-3);
        Assert.True(model.Sse <= 21860.18 * (1 + 1e-6));
        Assert.Equal(477.8278, model.Level, 0.01);
        Assert.Equal(3.127627, model.Slope, 1e-3);
    }

    [Fact]
    public void HoltWintersSse_multiplicative_on_AirPassengers_matches_R_stats()
    {
        var model = ExponentialSmoothing.HoltWintersSse(EtsSeason.Multiplicative).FitHoltWinters(EtsTestData.AirPassengers());
        Assert.Equal(0.2755925, model.Alpha, 1e-3);
        Assert.Equal(0.03269295, model.Beta, 1e-3);
        Assert.Equal(0.8707292, model.Gamma, 1e-3);
        Assert.Equal(16570.78, model.Sse, 16570.78 * 1e-3);
        Assert.Equal(469.3232206, model.Level, 0.05);
        Assert.Equal(3.0215391, model.Slope, 1e-3);
        double[] s = [0.9464611, 0.8829239, 0.9717369, 1.0304825, 1.0476884, 1.1805272, 1.3590778, 1.3331706, 1.1083381, 0.9868813, 0.8361333, 0.9209877];
        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(s[i], model.SeasonalCoefficients[i], 1e-4);
        }
    }

    [Theory]
    [InlineData("additive")]
    [InlineData("multiplicative")]
    public void HoltWinters_simple_recursions_reproduce_every_austourists_state_row(string kind)
    {
        // R fpp2 hw(initial = "simple", alpha = 0.441, beta = 0.030, gamma = 0.002); hw's beta is Holt's β*,
        // the state-space β is α·β*.
        var rows = EtsTestData.AustouristsFixture(kind);
        var y = rows.Skip(1).Select(r => r[0]).ToArray();
        var season = kind == "additive" ? EtsSeason.Additive : EtsSeason.Multiplicative;
        var error = kind == "additive" ? EtsError.Additive : EtsError.Multiplicative;
        const double alpha = 0.441, betaStar = 0.030, gamma = 0.002;
        var series = TimeSeries.Of(y, 4);
        var model = ExponentialSmoothing.Ets(error, EtsTrend.Additive, season)
            .WithAlpha(alpha).WithBeta(alpha * betaStar).WithGamma(gamma)
            .WithInitialization(EtsInitialization.Simple)
            .FitEts(series);

        // Row 0: the initial states (s1 is the most recent seasonal state, s4 the one used first).
        AssertClose(rows[0][2], model.Parameters["l0"]);
        AssertClose(rows[0][3], model.Parameters["b0"]);
        for (int i = 1; i <= 4; i++)
        {
            AssertClose(rows[0][3 + i], model.Parameters["s" + (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var structure = new EtsStructure(error, EtsTrend.Additive, season, 4);
        for (int t = 1; t < rows.Length; t++)
        {
            AssertClose(rows[t][1], model.Fitted[t - 1]);
            double level = model.Parameters["l0"], trend = model.Parameters["b0"];
            var ring = Enumerable.Range(0, 4).Select(j => model.Parameters["s" + (3 - j).ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToArray();
            var fitted = new double[t];
            var errors = new double[t];
            EtsEngine.Filter(y.AsSpan(0, t), structure, alpha, alpha * betaStar / alpha, gamma, 1, ref level, ref trend, ring, fitted, errors);
            AssertClose(rows[t][2], level);
            AssertClose(rows[t][3], trend);
            for (int i = 1; i <= 4; i++)
            {
                AssertClose(rows[t][3 + i], ring[4 - i]);
            }
        }
    }

    private static void AssertClose(double expected, double actual)
    {
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
    }
}
