using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// Wraps a method so that its prediction intervals come from rolling-origin conformal calibration of its own
/// absolute errors, not from a model formula: for methods without a closed form, or as a distribution-free check.
/// </summary>
/// <remarks>
/// <para>
/// Point forecasts and fitted values are the inner method's. For step j, the inner method is refitted on the first
/// o observations for the <see cref="Windows"/> most recent origins o = n − j − w + 1 … n − j, and the absolute
/// j-step errors |y_{o+j} − ŷ_{o+j|o}| are the calibration scores (origins the inner method cannot fit are skipped).
/// With k scores, the half-width at level L is the ⌈(k + 1)·L/100⌉-th smallest score, the finite-sample conformal
/// quantile; when that rank exceeds k (too few scores for the level: with 20 windows, levels up to 95% are finite)
/// the interval is unbounded, (−∞, +∞). Half-widths are made non-decreasing in j by a running maximum. Intervals
/// are symmetric around the point forecast and are not clipped (a non-negative series can get a negative lower bound).
/// </para>
/// <para>
/// Coverage is guaranteed only under exchangeable errors; for time series it is approximate. Each forecast with
/// levels refits the inner method up to h + w − 1 times.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var method = new ConformalIntervals(new Theta(), windows: 30);
/// var forecast = method.Fit(series).Forecast(6, 80);
/// </code>
/// </example>
public sealed class ConformalIntervals : ForecastMethod
{
    /// <summary>Wraps a method.</summary>
    /// <param name="inner">The method whose forecasts are calibrated.</param>
    /// <param name="windows">The calibration origins per step, at least 1 (default 20).</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windows"/> is below 1.</exception>
    public ConformalIntervals(ForecastMethod inner, int windows = ConformalCalibration.DefaultWindows)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(windows, 1);
        Inner = inner;
        Windows = windows;
    }

    /// <summary>Gets the wrapped method.</summary>
    public ForecastMethod Inner { get; }

    /// <summary>Gets the number of calibration origins per step.</summary>
    public int Windows { get; }

    /// <inheritdoc/>
    public override string Name => string.Create(CultureInfo.InvariantCulture, $"Conformal({Inner.Name})");

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The inner method rejects the series.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        var inner = Inner.Fit(series);
        var parameters = new Dictionary<string, double>(inner.Parameters, StringComparer.Ordinal) { ["windows"] = Windows };
        return new ConformalModel(this, series, inner, parameters);
    }

    private sealed class ConformalModel : FittedModel
    {
        private readonly ConformalIntervals _owner;
        private readonly FittedModel _inner;

        internal ConformalModel(ConformalIntervals owner, TimeSeries series, FittedModel inner, IReadOnlyDictionary<string, double> parameters)
            : base(owner.Name, series, inner.Fitted, parameters, inner.Criteria)
        {
            _owner = owner;
            _inner = inner;
        }

        protected override Forecast ForecastCore(int horizon, double[] levels)
        {
            var point = _inner.Forecast(horizon).Point;
            return new Forecast(Method, point, ConformalCalibration.Intervals(_owner.Inner, Series, point, levels, _owner.Windows));
        }
    }
}
