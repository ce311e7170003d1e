using System;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// One exponential-smoothing state-space model ETS(E,T,S) (Hyndman, Koehler, Ord &amp; Snyder 2008) with optional
/// fixed smoothing parameters; fitting estimates the rest by maximum likelihood as R <c>forecast::ets</c>.
/// </summary>
/// <remarks>
/// <para>Create instances with <see cref="ExponentialSmoothing"/> (<see cref="ExponentialSmoothing.Ses()"/>,
/// <see cref="ExponentialSmoothing.Holt()"/>, <see cref="ExponentialSmoothing.Ets(EtsError, EtsTrend, EtsSeason)"/> …)
/// and refine them with the <c>With…</c> pseudo-mutators, which return new instances.</para>
/// <para>Estimation (<see cref="EtsInitialization.Optimal"/>): the likelihood criterion
/// n·log(Σe²) (additive errors) or n·log(Σe²) + 2Σlog|μ_t| (multiplicative errors, e relative) is minimised over the
/// free smoothing parameters and the initial states ℓ₀, b₀, s₀…s_{m−2} (the last seasonal state closes the sum to 0,
/// or to m for multiplicative seasons) by R's Nelder–Mead variant (same start and steps as R; at most 2000
/// evaluations, 700 for seasonal models), kept inside the bounds α ∈ [10⁻⁴, 0.9999],
/// β ∈ [10⁻⁴, α], γ ∈ [10⁻⁴, 1 − α], φ ∈ [0.8, 0.98], and inside the admissible (forecastable) region.
/// Initial states start from R's heuristic. The criteria count k = estimated parameters + initial states + 1 (σ²):
/// AIC = lik + 2k, AICc = AIC + 2k(k + 1)/(n − k − 1), BIC = lik + k·log n, with lik the criterion above (R's
/// convention, without the Gaussian constants).</para>
/// <para>Fixed parameters are used as given (any value in [0, 1], φ in (0, 1]) and narrow the bounds of the
/// estimated ones as R does (β ≤ α, γ ≤ 1 − α).</para>
/// <para>Eligibility (checked by <see cref="ForecastMethod.Fit(TimeSeries)"/>, <see cref="ArgumentException"/> otherwise): a seasonal
/// model needs a season length 2 ≤ m ≤ 24 and at least 2m observations; a multiplicative component needs strictly
/// positive data; maximum-likelihood fitting needs more than k + 1 observations.</para>
/// </remarks>
public sealed class EtsMethod : ForecastMethod
{
    private readonly EtsFixedParameters _fixed;

    internal EtsMethod(EtsError error, EtsTrend trend, EtsSeason season, EtsFixedParameters fixedParameters, EtsInitialization initialization, EtsCriterion criterion = EtsCriterion.Likelihood)
    {
        Criterion = criterion;
        Error = error;
        Trend = trend;
        Season = season;
        _fixed = fixedParameters;
        Initialization = initialization;
    }

    /// <summary>Gets the error type.</summary>
    public EtsError Error { get; }

    /// <summary>Gets the trend type.</summary>
    public EtsTrend Trend { get; }

    /// <summary>Gets the season type.</summary>
    public EtsSeason Season { get; }

    /// <summary>Gets how initial states are obtained.</summary>
    public EtsInitialization Initialization { get; }

    /// <summary>Gets the criterion minimised by the estimation.</summary>
    public EtsCriterion Criterion { get; }

    /// <summary>Gets the fixed α, or <see langword="null"/> when it is estimated.</summary>
    public double? Alpha => NullIfNaN(_fixed.Alpha);

    /// <summary>Gets the fixed β (state-space form), or <see langword="null"/> when it is estimated.</summary>
    public double? Beta => NullIfNaN(_fixed.Beta);

    /// <summary>Gets the fixed γ, or <see langword="null"/> when it is estimated.</summary>
    public double? Gamma => NullIfNaN(_fixed.Gamma);

    /// <summary>Gets the fixed φ, or <see langword="null"/> when it is estimated.</summary>
    public double? Phi => NullIfNaN(_fixed.Phi);

    /// <summary>Gets the model's name, for example <c>ETS(A,Ad,N)</c>.</summary>
    public override string Name => new EtsStructure(Error, Trend, Season, 1).Name;

    /// <summary>Returns a copy with α fixed.</summary>
    /// <param name="alpha">The level smoothing parameter, in [0, 1] (0 only with simple initial states).</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside [0, 1] or NaN.</exception>
    public EtsMethod WithAlpha(double alpha)
    {
        CheckUnit(alpha, nameof(alpha));
        return new EtsMethod(Error, Trend, Season, _fixed with { Alpha = alpha }, Initialization, Criterion);
    }

    /// <summary>Returns a copy with β fixed (state-space form: Holt's β* equals β/α).</summary>
    /// <param name="beta">The trend smoothing parameter, in [0, 1].</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is outside [0, 1] or NaN.</exception>
    /// <exception cref="InvalidOperationException">The model has no trend.</exception>
    public EtsMethod WithBeta(double beta)
    {
        CheckUnit(beta, nameof(beta));
        if (Trend == EtsTrend.None)
        {
            throw new InvalidOperationException(Name + " has no trend, so it has no beta.");
        }

        return new EtsMethod(Error, Trend, Season, _fixed with { Beta = beta }, Initialization, Criterion);
    }

    /// <summary>Returns a copy with γ fixed.</summary>
    /// <param name="gamma">The seasonal smoothing parameter, in [0, 1].</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is outside [0, 1] or NaN.</exception>
    /// <exception cref="InvalidOperationException">The model has no season.</exception>
    public EtsMethod WithGamma(double gamma)
    {
        CheckUnit(gamma, nameof(gamma));
        if (Season == EtsSeason.None)
        {
            throw new InvalidOperationException(Name + " has no season, so it has no gamma.");
        }

        return new EtsMethod(Error, Trend, Season, _fixed with { Gamma = gamma }, Initialization, Criterion);
    }

    /// <summary>Returns a copy with the damping parameter φ fixed.</summary>
    /// <param name="phi">The damping parameter, in (0, 1].</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="phi"/> is outside (0, 1] or NaN.</exception>
    /// <exception cref="InvalidOperationException">The model's trend is not damped.</exception>
    public EtsMethod WithPhi(double phi)
    {
        if (!(phi > 0 && phi <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(phi), phi, "The damping parameter must lie in (0, 1].");
        }

        if (Trend != EtsTrend.AdditiveDamped)
        {
            throw new InvalidOperationException(Name + " has no damped trend, so it has no phi.");
        }

        return new EtsMethod(Error, Trend, Season, _fixed with { Phi = phi }, Initialization, Criterion);
    }

    /// <summary>Returns a copy with another way of obtaining the initial states.</summary>
    /// <param name="initialization">The initialisation.</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialization"/> is not a defined value.</exception>
    public EtsMethod WithInitialization(EtsInitialization initialization)
    {
        if (initialization is not (EtsInitialization.Optimal or EtsInitialization.Simple))
        {
            throw new ArgumentOutOfRangeException(nameof(initialization), initialization, "Unknown initialisation.");
        }

        return new EtsMethod(Error, Trend, Season, _fixed, initialization, Criterion);
    }

    /// <summary>Returns a copy that minimises another criterion.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="criterion"/> is not a defined value.</exception>
    public EtsMethod WithCriterion(EtsCriterion criterion)
    {
        if (criterion is not (EtsCriterion.Likelihood or EtsCriterion.MeanSquaredError))
        {
            throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "Unknown criterion.");
        }

        return new EtsMethod(Error, Trend, Season, _fixed, Initialization, criterion);
    }

    /// <summary>Fits the model and returns it with its ETS-specific members.</summary>
    /// <param name="series">The series.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentException">The series is not eligible (see remarks of <see cref="EtsMethod"/>); the message says why.</exception>
    public EtsModel FitEts(TimeSeries series) => (EtsModel)Fit(series);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The series is not eligible (see remarks of <see cref="EtsMethod"/>); the message says why.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        int m = Season == EtsSeason.None ? 1 : series.SeasonLength;
        var structure = new EtsStructure(Error, Trend, Season, m);
        if (Season != EtsSeason.None && m < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{Name} is seasonal but the series has season length {series.SeasonLength}."),
                nameof(series));
        }

        return EtsFitter.Fit(series, structure, _fixed, Initialization, Criterion);
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    private static void CheckUnit(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "A smoothing parameter must lie in [0, 1].");
        }
    }
}
