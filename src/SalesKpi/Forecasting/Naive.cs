namespace SalesKpi.Forecasting;

/// <summary>The naive (random walk) method: every future value equals the last observation.</summary>
/// <remarks>
/// <para>Point forecast ŷ_{n+h} = y_n. Fitted values ŷ_t = y_{t−1} (undefined, NaN, at t = 1).</para>
/// <para>
/// Variance σ²·h with σ² = (1/(n−1))·Σ_{t=2..n} (y_t − y_{t−1})², the mean squared first difference; intervals
/// ŷ ± Φ⁻¹(0.5 + level/200)·σ·√h (R <c>forecast::naive</c>). A constant series gives zero-width intervals.
/// </para>
/// <para>Needs at least 2 observations (one difference to estimate σ²).</para>
/// </remarks>
/// <example>
/// <code>
/// var fit = new Naive().Fit(TimeSeries.Of(new[] { 3.0, 5, 4 }));
/// var forecast = fit.Forecast(2, 95); // point 4, 4
/// </code>
/// </example>
public sealed class Naive : ForecastMethod
{
    /// <inheritdoc/>
    public override string Name => "Naive";

    /// <inheritdoc/>
    /// <exception cref="System.ArgumentException">The series has fewer than 2 observations.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        ForecastMath.RequireLength(series, 2, Name, "one difference estimates the variance");
        return new LagWalkModel(Name, series, 1, withDrift: false);
    }
}
