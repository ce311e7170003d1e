namespace SalesKpi.Forecasting;

/// <summary>The seasonal naive method: every future value equals the observation one season earlier.</summary>
/// <remarks>
/// <para>
/// With season length m = <see cref="TimeSeries.SeasonLength"/>: ŷ_{n+h} = y_{n+h−m·k}, k = ⌊(h−1)/m⌋ + 1.
/// Fitted values ŷ_t = y_{t−m} (NaN for the first m).
/// </para>
/// <para>
/// Variance σ²·k with σ² = (1/(n−m))·Σ_{t=m+1..n} (y_t − y_{t−m})²; normal intervals (R <c>forecast::snaive</c>).
/// With m = 1 it is exactly <see cref="Naive"/>.
/// </para>
/// <para>Needs at least m + 1 observations (one full season plus one lag-m difference).</para>
/// </remarks>
/// <example>
/// <code>
/// var fit = new SeasonalNaive().Fit(TimeSeries.Of(new[] { 1.0, 5, 2, 6 }, seasonLength: 2));
/// var forecast = fit.Forecast(3); // point 2, 6, 2
/// </code>
/// </example>
public sealed class SeasonalNaive : ForecastMethod
{
    /// <inheritdoc/>
    public override string Name => "SeasonalNaive";

    /// <inheritdoc/>
    /// <exception cref="System.ArgumentException">The series has fewer than m + 1 observations.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        ForecastMath.RequireLength(series, series.SeasonLength + 1, Name, "a full season plus one lag-m difference");
        return new LagWalkModel(Name, series, series.SeasonLength, withDrift: false);
    }
}
