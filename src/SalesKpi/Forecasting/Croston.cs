using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>
/// Croston's method and the Syntetos–Boylan approximation for intermittent demand (many zero periods): smooth the
/// non-zero demand sizes and the intervals between them separately.
/// </summary>
/// <remarks>
/// <para>
/// On each non-zero demand y_t, after q periods since the previous one: z ← z + α(y_t − z), p ← p + α(q − p); both
/// start at their first value (the first size, and the position of the first non-zero demand), as R
/// <c>forecast::croston</c>. Forecast ŷ = z/p for every step, times (1 − α/2) for <see cref="CrostonVariant.Sba"/>.
/// Before any demand the forecast is 0; an all-zero series forecasts 0.
/// </para>
/// <para>
/// α is fixed (default 0.1, as R) or, with <see cref="WithOptimizedAlpha"/>, chosen in [0.05, 0.3] to minimise the
/// in-sample mean squared one-step error of the forecast itself (a 21-point grid, then Brent's search around the best grid point).
/// </para>
/// <para>
/// Fitted values: the forecast from each prefix (NaN at t = 1). There is no closed-form forecast distribution:
/// prediction intervals are rolling-origin conformal intervals with 20 calibration windows
/// (<see cref="ConformalIntervals"/>; the calibration refits keep the fitted α; unbounded when the series is too short to
/// calibrate a level). Values must be
/// non-negative. Parameters: <c>alpha</c>, <c>size</c>, <c>interval</c>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var forecast = new Croston().Fit(TimeSeries.Of(new[] { 0.0, 0, 3, 0, 0, 0, 2, 0, 5, 0, 0, 1 })).Forecast(3);
/// // 2.899 / 2.991 = 0.96924 for every step
/// </code>
/// </example>
public sealed class Croston : ForecastMethod
{
    /// <summary>Creates Croston's method with a fixed smoothing parameter.</summary>
    /// <param name="variant">Classic Croston (default) or SBA.</param>
    /// <param name="alpha">α in (0, 1], default 0.1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1].</exception>
    public Croston(CrostonVariant variant = CrostonVariant.Classic, double alpha = 0.1)
    {
        IntermittentDemand.RequireSmoothing(alpha, nameof(alpha));
        Variant = variant;
        Alpha = alpha;
    }

    private Croston(CrostonVariant variant)
    {
        Variant = variant;
        Alpha = null;
    }

    /// <summary>Gets the variant.</summary>
    public CrostonVariant Variant { get; }

    /// <summary>Gets the fixed α, or null when α is optimised per series.</summary>
    public double? Alpha { get; }

    /// <inheritdoc/>
    public override string Name => Variant == CrostonVariant.Sba ? "SBA" : "Croston";

    /// <summary>Creates Croston's method with α optimised per series in [0.05, 0.3].</summary>
    /// <param name="variant">Classic Croston (default) or SBA.</param>
    /// <returns>The method.</returns>
    public static Croston WithOptimizedAlpha(CrostonVariant variant = CrostonVariant.Classic) => new(variant);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A value is negative.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        IntermittentDemand.RequireNonNegative(series, Name);
        var y = series.Span.ToArray();
        double alpha = Alpha ?? BoundedOptimizer.Brent(
            a => IntermittentDemand.Mse(IntermittentDemand.Croston(y, a, Factor(a)).Fitted, y),
            IntermittentDemand.LowerAlpha,
            IntermittentDemand.UpperAlpha,
            gridPoints: 21).Point[0];
        var (fitted, forecast, size, interval) = IntermittentDemand.Croston(y, alpha, Factor(alpha));
        var parameters = ForecastMath.Parameters(("alpha", alpha), ("size", size), ("interval", interval));
        return new IntermittentModel(Name, series, fitted, parameters, forecast, new Croston(Variant, alpha));
    }

    private double Factor(double alpha) => Variant == CrostonVariant.Sba ? 1 - (alpha / 2) : 1;
}

/// <summary>A flat intermittent-demand forecast with conformal intervals from refitting the same method (fixed α).</summary>
internal sealed class IntermittentModel : FittedModel
{
    private readonly double _forecast;
    private readonly ForecastMethod _refit;

    internal IntermittentModel(string name, TimeSeries series, double[] fitted, IReadOnlyDictionary<string, double> parameters, double forecast, ForecastMethod refit)
        : base(name, series, fitted, parameters, null)
    {
        _forecast = forecast;
        _refit = refit;
    }

    protected override Forecast ForecastCore(int horizon, double[] levels)
    {
        var point = new double[horizon];
        Array.Fill(point, _forecast);
        return new Forecast(Method, point, ConformalCalibration.Intervals(_refit, Series, point, levels, ConformalCalibration.DefaultWindows));
    }
}
