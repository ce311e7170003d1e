namespace SalesKpi.Forecasting;

/// <summary>The seasonal component of an exponential-smoothing model: the S of ETS.</summary>
public enum EtsSeason
{
    /// <summary>No seasonality.</summary>
    None = 0,

    /// <summary>Additive seasonal indices (added to level and trend).</summary>
    Additive = 1,

    /// <summary>Multiplicative seasonal indices (multiplying level and trend); needs strictly positive data.</summary>
    Multiplicative = 2,
}
