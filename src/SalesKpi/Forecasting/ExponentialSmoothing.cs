using System;

namespace SalesKpi.Forecasting;

/// <summary>
/// Entry points of the exponential-smoothing family: the ETS state-space models fitted by maximum likelihood
/// (<see cref="Ses()"/>, <see cref="Holt()"/>, <see cref="DampedHolt()"/>, <see cref="HoltWinters(EtsSeason, bool)"/>,
/// <see cref="Ets(EtsError, EtsTrend, EtsSeason)"/>, <see cref="AutoEts()"/>) and R's classic SSE-fitted Holt-Winters
/// (<see cref="HoltWintersSse(EtsSeason)"/>).
/// </summary>
/// <example>
/// <code>
/// var series = TimeSeries.Of(values, seasonLength: 12);
/// var model = ExponentialSmoothing.AutoEts().Fit(series);          // e.g. ETS(M,Ad,M)
/// var forecast = model.Forecast(18, 80, 95);
/// var ses = ExponentialSmoothing.Ses().WithAlpha(0.3).Fit(series); // fixed α, ℓ₀ estimated
/// </code>
/// </example>
public static class ExponentialSmoothing
{
    /// <summary>Simple exponential smoothing, ETS(A,N,N): ℓ_t = ℓ_{t−1} + α e_t, forecast ℓ_n.</summary>
    /// <returns>The method (α and ℓ₀ estimated by minimising the mean squared error, as R <c>ses</c>).</returns>
    public static EtsMethod Ses() => Ets(EtsError.Additive, EtsTrend.None, EtsSeason.None).WithCriterion(EtsCriterion.MeanSquaredError);

    /// <summary>Holt's linear trend, ETS(A,A,N): forecast ℓ_n + h·b_n.</summary>
    /// <returns>The method (estimated by minimising the mean squared error, as R <c>holt</c>).</returns>
    public static EtsMethod Holt() => Ets(EtsError.Additive, EtsTrend.Additive, EtsSeason.None).WithCriterion(EtsCriterion.MeanSquaredError);

    /// <summary>Damped trend, ETS(A,Ad,N): forecast ℓ_n + (φ + … + φ^h)·b_n, φ ∈ [0.8, 0.98] when estimated.</summary>
    /// <returns>The method (estimated by minimising the mean squared error, as R <c>holt(damped = TRUE)</c>).</returns>
    public static EtsMethod DampedHolt() => Ets(EtsError.Additive, EtsTrend.AdditiveDamped, EtsSeason.None).WithCriterion(EtsCriterion.MeanSquaredError);

    /// <summary>
    /// Holt-Winters in state-space form: ETS(A,A,A) for additive seasonality, ETS(M,A,M) for multiplicative
    /// seasonality (optionally damped), fitted by maximum likelihood.
    /// </summary>
    /// <param name="season"><see cref="EtsSeason.Additive"/> or <see cref="EtsSeason.Multiplicative"/>.</param>
    /// <param name="damped">Whether the trend is damped.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="season"/> is none or undefined.</exception>
    public static EtsMethod HoltWinters(EtsSeason season, bool damped = false)
    {
        if (season is not (EtsSeason.Additive or EtsSeason.Multiplicative))
        {
            throw new ArgumentOutOfRangeException(nameof(season), season, "Holt-Winters needs an additive or multiplicative season.");
        }

        var error = season == EtsSeason.Multiplicative ? EtsError.Multiplicative : EtsError.Additive;
        return Ets(error, damped ? EtsTrend.AdditiveDamped : EtsTrend.Additive, season);
    }

    /// <summary>Any ETS(E,T,S) model of the taxonomy except additive errors with multiplicative seasons.</summary>
    /// <param name="error">The error type.</param>
    /// <param name="trend">The trend type.</param>
    /// <param name="season">The season type.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a defined value.</exception>
    /// <exception cref="ArgumentException">Additive errors with a multiplicative season (numerically unstable; R forbids it too).</exception>
    public static EtsMethod Ets(EtsError error, EtsTrend trend, EtsSeason season)
    {
        if (error is not (EtsError.Additive or EtsError.Multiplicative))
        {
            throw new ArgumentOutOfRangeException(nameof(error), error, "Unknown error type.");
        }

        if (trend is not (EtsTrend.None or EtsTrend.Additive or EtsTrend.AdditiveDamped))
        {
            throw new ArgumentOutOfRangeException(nameof(trend), trend, "Unknown trend type.");
        }

        if (season is not (EtsSeason.None or EtsSeason.Additive or EtsSeason.Multiplicative))
        {
            throw new ArgumentOutOfRangeException(nameof(season), season, "Unknown season type.");
        }

        if (error == EtsError.Additive && season == EtsSeason.Multiplicative)
        {
            throw new ArgumentException("ETS(A,*,M) (additive error, multiplicative season) is numerically unstable and not offered; use ETS(M,*,M).", nameof(season));
        }

        return new EtsMethod(error, trend, season, EtsFixedParameters.None, EtsInitialization.Optimal);
    }

    /// <summary>Automatic ETS: every eligible model fitted, the smallest AICc kept (see <see cref="AutoEtsMethod"/>).</summary>
    /// <returns>The method.</returns>
    public static AutoEtsMethod AutoEts() => new(allowDamped: true, allowMultiplicative: true);

    /// <summary>R <c>stats::HoltWinters</c>: Holt-Winters recursions fitted by minimising the one-step SSE.</summary>
    /// <param name="season"><see cref="EtsSeason.Additive"/> or <see cref="EtsSeason.Multiplicative"/>.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="season"/> is none or undefined.</exception>
    public static HoltWintersSseMethod HoltWintersSse(EtsSeason season)
    {
        if (season is not (EtsSeason.Additive or EtsSeason.Multiplicative))
        {
            throw new ArgumentOutOfRangeException(nameof(season), season, "Holt-Winters needs an additive or multiplicative season.");
        }

        return new HoltWintersSseMethod(season, double.NaN, double.NaN, double.NaN);
    }
}
