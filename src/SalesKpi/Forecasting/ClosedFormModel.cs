using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>
/// A fitted model whose h-step forecast distribution has a closed form: a point forecast and a standard deviation
/// per step, turned into symmetric intervals point ± q(level) · sd.
/// </summary>
internal abstract class ClosedFormModel : FittedModel
{
    protected ClosedFormModel(
        string method,
        TimeSeries series,
        IReadOnlyList<double> fitted,
        IReadOnlyDictionary<string, double> parameters,
        InformationCriteria? criteria)
        : base(method, series, fitted, parameters, criteria)
    {
    }

    /// <summary>Fills the point forecast and its standard deviation for steps 1..horizon.</summary>
    protected abstract void Compute(int horizon, double[] point, double[] standardDeviation);

    /// <summary>The two-sided multiplier for a central interval at <paramref name="level"/> percent (normal by default).</summary>
    protected virtual double Multiplier(double level) => ForecastMath.NormalMultiplier(level);

    protected sealed override Forecast ForecastCore(int horizon, double[] levels)
    {
        var point = new double[horizon];
        var sd = new double[horizon];
        Compute(horizon, point, sd);
        return new Forecast(Method, point, ForecastMath.SymmetricIntervals(point, sd, levels, Multiplier));
    }
}

/// <summary>The lag walk shared by naive, seasonal naive and drift (R <c>forecast:::lagwalk</c>).</summary>
internal sealed class LagWalkModel : ClosedFormModel
{
    private readonly int _lag;
    private readonly double _drift;
    private readonly double _sigma2;
    private readonly double _driftVariance;

    internal LagWalkModel(string method, TimeSeries series, int lag, bool withDrift)
        : this(method, series, lag, withDrift, Estimate(series, lag, withDrift))
    {
    }

    private LagWalkModel(string method, TimeSeries series, int lag, bool withDrift, (double[] Fitted, double Drift, double Sigma2, double DriftVariance) e)
        : base(method, series, e.Fitted, Describe(lag, withDrift, e), null)
    {
        _lag = lag;
        _drift = e.Drift;
        _sigma2 = e.Sigma2;
        _driftVariance = e.DriftVariance;
    }

    protected override void Compute(int horizon, double[] point, double[] standardDeviation)
    {
        var y = Series.Span;
        int n = y.Length;
        for (int h = 1; h <= horizon; h++)
        {
            // k = ⌊(h − 1)/m⌋ + 1 full seasons ahead; the value repeated is y[n − m + (h − 1) mod m].
            int k = ((h - 1) / _lag) + 1;
            double last = y[n - _lag + ((h - 1) % _lag)];
            point[h - 1] = last + (k * _drift);
            standardDeviation[h - 1] = Math.Sqrt((_sigma2 * k) + (k * (double)k * _driftVariance));
        }
    }

    private static IReadOnlyDictionary<string, double> Describe(int lag, bool withDrift, (double[] Fitted, double Drift, double Sigma2, double DriftVariance) e) =>
        withDrift
            ? ForecastMath.Parameters(("lag", lag), ("drift", e.Drift), ("sigma2", e.Sigma2))
            : ForecastMath.Parameters(("lag", lag), ("sigma2", e.Sigma2));

    private static (double[] Fitted, double Drift, double Sigma2, double DriftVariance) Estimate(TimeSeries series, int lag, bool withDrift)
    {
        var y = series.Span;
        int n = y.Length;
        int count = n - lag;
        var fitted = ForecastMath.NaNs(n);
        double drift = 0;
        if (withDrift)
        {
            double sum = 0;
            for (int t = lag; t < n; t++)
            {
                sum += y[t] - y[t - lag];
            }

            drift = sum / count;
        }

        double sse = 0;
        for (int t = lag; t < n; t++)
        {
            fitted[t] = y[t - lag] + drift;
            double e = y[t] - fitted[t];
            sse += e * e;
        }

        // Without drift: σ² = mean squared lag difference. With drift (one estimated mean of the differences):
        // σ² = SSE / (count − 1), and the drift's variance σ²/count adds k²·σ²/count.
        double sigma2 = withDrift ? sse / (count - 1) : sse / count;
        double driftVariance = withDrift ? sigma2 / count : 0;
        return (fitted, drift, sigma2, driftVariance);
    }
}
