using System;
using System.Linq;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>Defined behaviour on inputs at the edge: short, constant, zero and negative series.</summary>
public sealed class EtsDegenerateInputTests
{
    [Fact]
    public void A_seasonal_model_on_less_than_two_seasons_is_refused_with_the_reason()
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(1, 7, 4), 4);
        var e = Assert.Throws<ArgumentException>(() => ExponentialSmoothing.HoltWinters(EtsSeason.Additive).Fit(series));
        Assert.Contains("two full seasons", e.Message, StringComparison.Ordinal);
        Assert.Contains("7", e.Message, StringComparison.Ordinal);
        Assert.Equal("series", e.ParamName);
    }

    [Fact]
    public void AutoEts_on_less_than_two_seasons_uses_no_seasonal_model()
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(2, 23, 12), 12);
        var auto = ExponentialSmoothing.AutoEts();
        Assert.All(auto.Candidates(series), c => Assert.Equal(EtsSeason.None, c.Season));
        Assert.Equal(EtsSeason.None, auto.FitEts(series).Season);
    }

    [Fact]
    public void A_season_length_of_one_gives_no_seasonal_candidates()
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(2, 60, 1), 1);
        Assert.All(ExponentialSmoothing.AutoEts().Candidates(series), c => Assert.Equal(EtsSeason.None, c.Season));
        Assert.Throws<ArgumentException>(() => ExponentialSmoothing.HoltWinters(EtsSeason.Additive).Fit(series));
    }

    [Fact]
    public void A_constant_series_gets_zero_width_intervals()
    {
        var series = TimeSeries.Of(Enumerable.Repeat(42.0, 20), 4);
        var f = ExponentialSmoothing.AutoEts().Fit(series).Forecast(6, 95);
        Assert.All(f.Point, p => Assert.Equal(42, p, 1e-9));
        Assert.All(Enumerable.Range(0, 6), h => Assert.Equal(0, f.Interval(95).Upper[h] - f.Interval(95).Lower[h], 1e-9));

        var ses = ExponentialSmoothing.Ses().Fit(series).Forecast(3, 80);
        Assert.All(Enumerable.Range(0, 3), h => Assert.Equal(0, ses.Interval(80).Upper[h] - ses.Interval(80).Lower[h], 1e-6));
    }

    [Fact]
    public void An_all_zero_series_forecasts_zero_and_refuses_multiplicative_models()
    {
        var series = TimeSeries.Of(new double[24], 12);
        var f = ExponentialSmoothing.AutoEts().Fit(series).Forecast(3, 95);
        Assert.All(f.Point, p => Assert.Equal(0, p));
        var e = Assert.Throws<ArgumentException>(() => ExponentialSmoothing.HoltWinters(EtsSeason.Multiplicative).Fit(series));
        Assert.Contains("strictly positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_data_with_a_multiplicative_model_names_the_observation()
    {
        var y = EtsTestData.Synthetic(3, 30, 1);
        y[17] = -5;
        var e = Assert.Throws<ArgumentException>(() => ExponentialSmoothing.Ets(EtsError.Multiplicative, EtsTrend.None, EtsSeason.None).Fit(TimeSeries.Of(y)));
        Assert.Contains("observation 17 is -5", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ExponentialSmoothing.AutoEts().Candidates(TimeSeries.Of(y)), c => c.Error == EtsError.Multiplicative);
    }

    [Fact]
    public void Too_few_observations_for_the_parameters_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ExponentialSmoothing.Holt().Fit(TimeSeries.Of([1.0, 2, 4, 5])));
        Assert.Contains("needs at least 6 observations", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoEts_on_a_very_short_series_falls_back_to_simple_exponential_smoothing()
    {
        var model = ExponentialSmoothing.AutoEts().FitEts(TimeSeries.Of([3.0, 5, 4]));
        Assert.Equal("ETS(A,N,N)", model.Method);
        Assert.Equal(EtsInitialization.Simple, model.Initialization);
        Assert.Throws<ArgumentException>(() => ExponentialSmoothing.AutoEts().Fit(TimeSeries.Of([3.0])));
    }

    [Fact]
    public void Additive_error_with_multiplicative_season_is_not_offered()
    {
        Assert.Throws<ArgumentException>(() => ExponentialSmoothing.Ets(EtsError.Additive, EtsTrend.None, EtsSeason.Multiplicative));
    }

    [Fact]
    public void Fixed_parameters_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialSmoothing.Ses().WithAlpha(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialSmoothing.Ses().WithAlpha(double.NaN));
        Assert.Throws<InvalidOperationException>(() => ExponentialSmoothing.Ses().WithBeta(0.1));
        Assert.Throws<InvalidOperationException>(() => ExponentialSmoothing.Holt().WithPhi(0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialSmoothing.DampedHolt().WithPhi(0));
    }
}
