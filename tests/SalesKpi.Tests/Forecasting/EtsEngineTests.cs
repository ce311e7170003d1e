using System;
using System.Linq;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>The likelihood loop and the filter are one recursion: the filter's innovations are the ones the loss sums.</summary>
public sealed class EtsEngineTests
{
    public static TheoryData<EtsError, EtsTrend, EtsSeason> Shapes => new()
    {
        { EtsError.Additive, EtsTrend.None, EtsSeason.None },
        { EtsError.Multiplicative, EtsTrend.None, EtsSeason.None },
        { EtsError.Additive, EtsTrend.AdditiveDamped, EtsSeason.Additive },
        { EtsError.Multiplicative, EtsTrend.Additive, EtsSeason.Additive },
        { EtsError.Additive, EtsTrend.Additive, EtsSeason.Multiplicative },
        { EtsError.Multiplicative, EtsTrend.AdditiveDamped, EtsSeason.Multiplicative },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Loss_equals_the_criterion_computed_from_the_filtered_innovations(EtsError error, EtsTrend trend, EtsSeason season)
    {
        var y = EtsTestData.Synthetic(11, 48, 4);
        var model = new EtsStructure(error, trend, season, season == EtsSeason.None ? 1 : 4);
        double[] ring0 = model.MultiplicativeSeason ? [0.9, 1.1, 1.05, 0.95] : [-3, 2, 4, -3];
        const double alpha = 0.3, betaStar = 0.2, gamma = 0.1, phi = 0.9, level0 = 60, trend0 = 0.5;

        var fitted = new double[y.Length];
        var errors = new double[y.Length];
        double level = level0, slope = trend0;
        EtsEngine.Filter(y, model, alpha, betaStar, gamma, phi, ref level, ref slope, (double[])ring0.Clone(), fitted, errors);

        // −2 log L up to constants: n·log(Σe²), plus 2·Σlog|μ| for multiplicative errors (e relative).
        double sumSquares = errors.Sum(e => e * e);
        double expected = (y.Length * Math.Log(sumSquares)) + (model.MultiplicativeError ? 2 * fitted.Sum(mu => Math.Log(Math.Abs(mu))) : 0);
        double loss = EtsEngine.Loss(y, model, alpha, betaStar, gamma, phi, level0, trend0, (double[])ring0.Clone(), sse: false);
        Assert.Equal(expected, loss, 1e-9 * Math.Abs(expected));

        // The SSE criterion sums the absolute one-step errors y − μ whatever the error type.
        double sse = EtsEngine.Loss(y, model, alpha, betaStar, gamma, phi, level0, trend0, (double[])ring0.Clone(), sse: true);
        Assert.Equal(y.Zip(fitted, (v, mu) => (v - mu) * (v - mu)).Sum(), sse, 1e-9 * sse);
    }

    [Theory]
    [InlineData(1e100)]
    [InlineData(1e-100)]
    public void Likelihood_of_huge_or_tiny_values_sums_the_log_of_every_forecast(double scale)
    {
        // |μ| ≈ 10^±100: the running product of |μ| must be closed every two steps, 60 times over 120 steps, so the
        // loop pauses and resumes several times; Σ log|μ| ≈ ±120·230 must still match the sum of the logs.
        var y = Enumerable.Range(0, 120).Select(t => scale * (1 + (0.1 * Math.Sin(t)))).ToArray();
        var model = new EtsStructure(EtsError.Multiplicative, EtsTrend.None, EtsSeason.None, 1);
        var fitted = new double[y.Length];
        var errors = new double[y.Length];
        double level = scale, trend = 0;
        EtsEngine.Filter(y, model, 0.4, 0, 0, 1, ref level, ref trend, new double[1], fitted, errors);

        double expected = (y.Length * Math.Log(errors.Sum(e => e * e))) + (2 * fitted.Sum(mu => Math.Log(mu)));
        double loss = EtsEngine.Loss(y, model, 0.4, 0, 0, 1, scale, 0, new double[1], sse: false);

        Assert.Equal(expected, loss, 1e-9 * Math.Abs(expected));
    }

    [Fact]
    public void Filter_innovations_by_hand_for_multiplicative_error_and_season()
    {
        // ETS(M,N,M), m = 2, α = 0.5, γ = 0.5, ℓ₀ = 10, s = (2, 0.5) (ring[0] used first); y = 24, 4.
        // t1: μ = 10·2 = 20, e = (24 − 20)/20 = 0.2; ℓ = 10 + 0.5(24/2 − 10) = 11; s₁ = 2 + 0.5(24/10 − 2) = 2.2.
        // t2: μ = 11·0.5 = 5.5, e = (4 − 5.5)/5.5 = −3/11; ℓ = 11 + 0.5(8 − 11) = 9.5; s₂ = 0.5 + 0.5(4/11 − 0.5) = 19/44.
        var model = new EtsStructure(EtsError.Multiplicative, EtsTrend.None, EtsSeason.Multiplicative, 2);
        double level = 10, trend = 0;
        double[] ring = [2, 0.5];
        var fitted = new double[2];
        var errors = new double[2];

        EtsEngine.Filter([24.0, 4], model, 0.5, 0, 0.5, 1, ref level, ref trend, ring, fitted, errors);

        Assert.Equal(20, fitted[0], 1e-12);
        Assert.Equal(5.5, fitted[1], 1e-12);
        Assert.Equal(0.2, errors[0], 1e-12);
        Assert.Equal(-3.0 / 11, errors[1], 1e-12);
        Assert.Equal(9.5, level, 1e-12);
        Assert.Equal(2.2, ring[0], 1e-12);
        Assert.Equal(19.0 / 44, ring[1], 1e-12);
    }
}
