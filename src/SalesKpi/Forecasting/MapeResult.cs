namespace SalesKpi.Forecasting;

/// <summary>The mean absolute percentage error with the bookkeeping of the terms it had to drop.</summary>
/// <param name="Value">100·mean(|y − ŷ|/|y|) over the terms with y ≠ 0, in percent; null (Undefined) when no term is left.</param>
/// <param name="Count">The number of terms averaged (those with y ≠ 0).</param>
/// <param name="ZeroActualsDropped">The number of terms dropped because y = 0.</param>
public sealed record MapeResult(double? Value, int Count, int ZeroActualsDropped);
