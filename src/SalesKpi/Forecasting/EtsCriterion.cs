namespace SalesKpi.Forecasting;

/// <summary>The criterion an <see cref="EtsMethod"/> minimises when it estimates parameters and initial states (R's <c>opt.crit</c>).</summary>
/// <remarks>
/// For additive-error models both criteria have the same minimiser; they differ in the path the Nelder–Mead
/// search takes and so, on flat or multimodal surfaces, in the local optimum it stops at. R's <c>ses</c> and
/// <c>holt</c> use <see cref="MeanSquaredError"/>, R's <c>ets</c> uses <see cref="Likelihood"/>; the factories of
/// <see cref="ExponentialSmoothing"/> follow them. Information criteria are always computed from the likelihood.
/// </remarks>
public enum EtsCriterion
{
    /// <summary>The likelihood: n·log(Σε²), plus 2Σlog|μ_t| for multiplicative errors.</summary>
    Likelihood = 0,

    /// <summary>The mean squared one-step error Σ(y_t − μ_t)²/n.</summary>
    MeanSquaredError = 1,
}
