using System;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>Laws of the exponential-smoothing family, checked on generated series (FsCheck supplies the seeds).</summary>
public sealed class EtsPropertyTests
{
    private static readonly EtsMethod[] Additive =
    [
        ExponentialSmoothing.Ses(),
        ExponentialSmoothing.Holt(),
        ExponentialSmoothing.DampedHolt(),
        ExponentialSmoothing.HoltWinters(EtsSeason.Additive),
    ];

    [Property(MaxTest = 25)]
    public bool Forecasts_and_widths_for_h_up_to_H_do_not_depend_on_H(int seed, PositiveInt extra)
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(seed, 40, 4), 4);
        var method = new[]
        {
            ExponentialSmoothing.Ses(), ExponentialSmoothing.DampedHolt(), ExponentialSmoothing.HoltWinters(EtsSeason.Additive),
            ExponentialSmoothing.Ets(EtsError.Multiplicative, EtsTrend.Additive, EtsSeason.None),
            ExponentialSmoothing.HoltWinters(EtsSeason.Multiplicative, damped: true),
        }[Math.Abs(seed % 5)];
        var model = method.Fit(series);
        var shortF = model.Forecast(6, 80, 95);
        var longF = model.Forecast(6 + (extra.Get % 30), 80, 95);
        for (int h = 0; h < 6; h++)
        {
            if (shortF.Point[h] != longF.Point[h]
                || shortF.Interval(95).Lower[h] != longF.Interval(95).Lower[h]
                || shortF.Interval(80).Upper[h] != longF.Interval(80).Upper[h])
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 25)]
    public bool Class_1_interval_widths_do_not_decrease_with_h(int seed)
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(seed, 36, 4, positive: false), 4);
        var model = Additive[Math.Abs(seed % Additive.Length)].Fit(series);
        var f = model.Forecast(16, 95);
        var i = f.Interval(95);
        for (int h = 1; h < 16; h++)
        {
            if (i.Upper[h] - i.Lower[h] < (i.Upper[h - 1] - i.Lower[h - 1]) * (1 - 1e-12))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 25)]
    public bool Ses_with_alpha_one_is_the_naive_forecast(int seed)
    {
        var y = EtsTestData.Synthetic(seed, 20, 1, positive: false);
        var f = ExponentialSmoothing.Ses().WithAlpha(1).WithInitialization(EtsInitialization.Simple).Fit(TimeSeries.Of(y)).Forecast(5);
        return f.Point.All(p => p == y[^1]);
    }

    [Property(MaxTest = 25)]
    public bool Damped_trend_tends_to_Holt_as_phi_tends_to_one(int seed)
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(seed, 30, 1));
        var holt = ExponentialSmoothing.Holt().WithAlpha(0.4).WithBeta(0.1).WithInitialization(EtsInitialization.Simple).Fit(series).Forecast(10, 95);
        var damped = ExponentialSmoothing.DampedHolt().WithAlpha(0.4).WithBeta(0.1).WithPhi(1 - 1e-9).WithInitialization(EtsInitialization.Simple).Fit(series).Forecast(10, 95);
        for (int h = 0; h < 10; h++)
        {
            double scale = Math.Max(1, Math.Abs(holt.Point[h]));
            if (Math.Abs(holt.Point[h] - damped.Point[h]) > 1e-5 * scale
                || Math.Abs(holt.Interval(95).Lower[h] - damped.Interval(95).Lower[h]) > 1e-5 * scale)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 25)]
    public bool Additive_models_with_fixed_parameters_are_affine_equivariant(int seed, NormalFloat scale, NormalFloat shift)
    {
        double c = Math.Abs(scale.Get) % 100 + 0.5;
        double k = shift.Get % 1000;
        var y = EtsTestData.Synthetic(seed, 24, 4);
        var method = ExponentialSmoothing.Ets(EtsError.Additive, EtsTrend.AdditiveDamped, EtsSeason.Additive)
            .WithAlpha(0.3).WithBeta(0.05).WithGamma(0.1).WithPhi(0.9).WithInitialization(EtsInitialization.Simple);
        var f = method.Fit(TimeSeries.Of(y, 4)).Forecast(8, 90);
        var g = method.Fit(TimeSeries.Of(y.Select(v => (c * v) + k), 4)).Forecast(8, 90);
        for (int h = 0; h < 8; h++)
        {
            double tolerance = 1e-9 * (Math.Abs(g.Point[h]) + Math.Abs(k) + c);
            if (Math.Abs(g.Point[h] - ((c * f.Point[h]) + k)) > tolerance
                || Math.Abs(g.Interval(90).Upper[h] - ((c * f.Interval(90).Upper[h]) + k)) > tolerance)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 15)]
    public bool Fitted_parameters_lie_within_their_bounds(int seed)
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(seed, 30, 4), 4);
        var model = ExponentialSmoothing.AutoEts().FitEts(series);
        bool ok = model.Alpha >= 1e-4 && model.Alpha <= 0.9999;
        if (model.Trend != EtsTrend.None)
        {
            ok &= model.Beta >= 1e-4 && model.Beta <= model.Alpha;
        }

        if (model.Season != EtsSeason.None)
        {
            ok &= model.Gamma >= 1e-4 && model.Gamma <= 1 - model.Alpha;
        }

        if (model.Trend == EtsTrend.AdditiveDamped)
        {
            ok &= model.Phi >= 0.8 && model.Phi <= 0.98;
        }

        return ok;
    }

    [Property(MaxTest = 10)]
    public bool Same_input_gives_the_same_output(int seed)
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(seed, 30, 4), 4);
        var a = ExponentialSmoothing.AutoEts().Fit(series).Forecast(8, 95);
        var b = ExponentialSmoothing.AutoEts().Fit(TimeSeries.Of(series.Values.ToArray(), 4)).Forecast(8, 95);
        return a.Method == b.Method && a.Point.SequenceEqual(b.Point) && a.Interval(95).Lower.SequenceEqual(b.Interval(95).Lower);
    }

    [Property(MaxTest = 20)]
    public bool AutoEts_chooses_the_smallest_AICc_among_its_candidates(int seed)
    {
        var series = TimeSeries.Of(EtsTestData.Synthetic(seed, 26, 4), 4);
        var auto = ExponentialSmoothing.AutoEts();
        var chosen = auto.FitEts(series);
        return auto.Candidates(series).All(c => c.FitEts(series).Criteria!.Aicc >= chosen.Criteria!.Aicc);
    }
}
