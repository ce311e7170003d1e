namespace SalesKpi.Forecasting;

/// <summary>How an exponential-smoothing model obtains its initial states (R <c>forecast</c>'s <c>initial</c> argument).</summary>
public enum EtsInitialization
{
    /// <summary>
    /// Initial states start from a heuristic (classical decomposition and a regression on the first observations,
    /// as R <c>ets</c>) and are then estimated with the smoothing parameters by maximum likelihood.
    /// </summary>
    Optimal = 0,

    /// <summary>
    /// Initial states fixed from the first observations (ℓ₀ = y₁ and b₀ = y₂ − y₁ without season; with season
    /// ℓ₀ = mean of the first cycle, b₀ = (mean of the second cycle − ℓ₀)/m, s = first cycle − ℓ₀ or ÷ ℓ₀); the
    /// smoothing parameters minimise the sum of squared errors within [0, 1] and σ² = SSE/n (R <c>initial = "simple"</c>).
    /// </summary>
    Simple = 1,
}
