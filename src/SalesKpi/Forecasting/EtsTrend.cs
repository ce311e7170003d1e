namespace SalesKpi.Forecasting;

/// <summary>The trend component of an exponential-smoothing model: the T of ETS (multiplicative trends are not offered).</summary>
public enum EtsTrend
{
    /// <summary>No trend.</summary>
    None = 0,

    /// <summary>Additive (linear) trend, Holt's method: forecast ℓ + h·b.</summary>
    Additive = 1,

    /// <summary>Additive damped trend: forecast ℓ + (φ + φ² + … + φ^h)·b with 0 &lt; φ &lt; 1.</summary>
    AdditiveDamped = 2,
}
