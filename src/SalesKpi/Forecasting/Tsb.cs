using System;

namespace SalesKpi.Forecasting;

/// <summary>
/// The Teunter–Syntetos–Babai method for intermittent demand: smooth the probability of demand every period and the
/// demand size when demand occurs; forecast their product. Unlike Croston it decays towards 0 when demand stops.
/// </summary>
/// <remarks>
/// <para>
/// Every period p ← p + β(1{y_t &gt; 0} − p); when y_t &gt; 0, z ← z + α(y_t − z). p starts at 1{y_1 &gt; 0} and z at the
/// first non-zero demand (statsforecast's TSB). Forecast ŷ = p·z for every step; 0 for an all-zero series.
/// </para>
/// <para>
/// α and β are fixed (default 0.1 each) or, with <see cref="WithOptimizedParameters"/>, chosen on a 0.01 grid over
/// [0.05, 0.3]² to minimise the in-sample mean squared one-step error. Fitted values: the forecast from each prefix
/// (NaN at t = 1). Prediction intervals are rolling-origin conformal intervals with 20 calibration windows (see
/// <see cref="ConformalIntervals"/>). Values must be non-negative. Parameters: <c>alpha</c>, <c>beta</c>,
/// <c>probability</c>, <c>size</c>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var forecast = new Tsb(alpha: 0.2, beta: 0.1).Fit(TimeSeries.Of(new[] { 0.0, 4, 0, 0, 6, 0 })).Forecast(2);
/// </code>
/// </example>
public sealed class Tsb : ForecastMethod
{
    /// <summary>Creates TSB with fixed smoothing parameters.</summary>
    /// <param name="alpha">α for the demand size, in (0, 1], default 0.1.</param>
    /// <param name="beta">β for the demand probability, in (0, 1], default 0.1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside (0, 1].</exception>
    public Tsb(double alpha = 0.1, double beta = 0.1)
    {
        IntermittentDemand.RequireSmoothing(alpha, nameof(alpha));
        IntermittentDemand.RequireSmoothing(beta, nameof(beta));
        Alpha = alpha;
        Beta = beta;
    }

    private Tsb(bool optimized)
    {
        _ = optimized;
    }

    /// <summary>Gets the fixed α, or null when optimised per series.</summary>
    public double? Alpha { get; }

    /// <summary>Gets the fixed β, or null when optimised per series.</summary>
    public double? Beta { get; }

    /// <inheritdoc/>
    public override string Name => "TSB";

    /// <summary>Creates TSB with α and β optimised per series on a 0.01 grid over [0.05, 0.3].</summary>
    /// <returns>The method.</returns>
    public static Tsb WithOptimizedParameters() => new(optimized: true);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A value is negative.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        IntermittentDemand.RequireNonNegative(series, Name);
        var y = series.Span;
        double alpha = Alpha ?? 0, beta = Beta ?? 0;
        if (Alpha is null)
        {
            double best = double.PositiveInfinity;
            for (int i = 0; i <= 25; i++)
            {
                for (int j = 0; j <= 25; j++)
                {
                    double a = (5 + i) / 100.0, b = (5 + j) / 100.0;
                    double mse = IntermittentDemand.Mse(IntermittentDemand.Tsb(y, a, b).Fitted, y);
                    if (mse < best)
                    {
                        (best, alpha, beta) = (mse, a, b);
                    }
                }
            }
        }

        var (fitted, forecast, probability, size) = IntermittentDemand.Tsb(y, alpha, beta);
        var parameters = ForecastMath.Parameters(("alpha", alpha), ("beta", beta), ("probability", probability), ("size", size));
        return new IntermittentModel(Name, series, fitted, parameters, forecast, new Tsb(alpha, beta));
    }
}
