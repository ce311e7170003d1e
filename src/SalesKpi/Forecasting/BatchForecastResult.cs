using System;

namespace SalesKpi.Forecasting;

/// <summary>The outcome of forecasting one series of a batch.</summary>
/// <param name="Index">The series' position in the batch.</param>
/// <param name="Forecast">The forecast, or null when both the method and the fallback failed.</param>
/// <param name="Method">The name of the method that produced the forecast (the fallback's when it was used).</param>
/// <param name="UsedFallback">True when the requested method failed and the fallback was used (or tried).</param>
/// <param name="FallbackReason">Why the requested method failed (exception type and message), or null.</param>
/// <param name="Error">Why the fallback failed too, or null.</param>
/// <exception cref="ArgumentNullException"><paramref name="Method"/> is null.</exception>
public sealed record BatchForecastResult(int Index, Forecast? Forecast, string Method, bool UsedFallback, string? FallbackReason, string? Error)
{
    /// <summary>Gets the name of the method that produced the forecast.</summary>
    public string Method { get; } = Method ?? throw new ArgumentNullException(nameof(Method));

    /// <summary>Gets whether a forecast was produced (by the method or its fallback).</summary>
    public bool Succeeded => Forecast is not null;
}
