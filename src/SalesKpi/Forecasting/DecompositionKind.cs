namespace SalesKpi.Forecasting;

/// <summary>How a classical decomposition combines trend, seasonal and remainder.</summary>
public enum DecompositionKind
{
    /// <summary>y = trend + seasonal + remainder; the seasonal figures sum to 0 over a season.</summary>
    Additive,

    /// <summary>y = trend × seasonal × remainder; the seasonal indices average 1 over a season.</summary>
    Multiplicative,
}
