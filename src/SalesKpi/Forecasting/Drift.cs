namespace SalesKpi.Forecasting;

/// <summary>The random walk with drift: the naive forecast plus the average change per step.</summary>
/// <remarks>
/// <para>
/// Drift b = (y_n − y_1)/(n − 1), the mean first difference. Point forecast ŷ_{n+h} = y_n + h·b; fitted values
/// ŷ_t = y_{t−1} + b (NaN at t = 1).
/// </para>
/// <para>
/// Variance σ²·h·(1 + h/(n−1)) with σ² = Σ_{t=2..n} (y_t − y_{t−1} − b)² / (n − 2): the random walk's h·σ² plus the
/// drift estimate's variance h²·σ²/(n−1). This is R <c>forecast::rwf(drift = TRUE)</c>; normal intervals.
/// </para>
/// <para>Needs at least 3 observations (σ² divides by n − 2).</para>
/// </remarks>
/// <example>
/// <code>
/// var fit = new Drift().Fit(TimeSeries.Of(new[] { 1.0, 2, 4, 7 }));
/// var forecast = fit.Forecast(2); // drift 2: point 9, 11
/// </code>
/// </example>
public sealed class Drift : ForecastMethod
{
    /// <inheritdoc/>
    public override string Name => "Drift";

    /// <inheritdoc/>
    /// <exception cref="System.ArgumentException">The series has fewer than 3 observations.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        ForecastMath.RequireLength(series, 3, Name, "the variance divides by n − 2");
        return new LagWalkModel(Name, series, 1, withDrift: true);
    }
}
