namespace SalesKpi.Forecasting;

/// <summary>The error (innovation) type of an exponential-smoothing state-space model: the E of ETS.</summary>
public enum EtsError
{
    /// <summary>Additive errors: y_t = μ_t + ε_t.</summary>
    Additive = 0,

    /// <summary>Multiplicative (relative) errors: y_t = μ_t (1 + ε_t); needs strictly positive data.</summary>
    Multiplicative = 1,
}
