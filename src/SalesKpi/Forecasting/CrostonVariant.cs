namespace SalesKpi.Forecasting;

/// <summary>Which form of Croston's method to use.</summary>
public enum CrostonVariant
{
    /// <summary>Croston (1972): forecast = smoothed size ÷ smoothed interval (R <c>forecast::croston</c>).</summary>
    Classic,

    /// <summary>Syntetos–Boylan approximation (2005): the classic forecast × (1 − α/2), removing its upward bias.</summary>
    Sba,
}
