using System;

namespace SalesKpi.Forecasting;

/// <summary>The outcome of <see cref="SeasonalityTest.Evaluate"/>: whether the series is treated as seasonal, and why.</summary>
/// <param name="IsSeasonal">True when the lag-m autocorrelation is significant and the series qualifies.</param>
/// <param name="Autocorrelation">The lag-m sample autocorrelation r_m, or null when the test was not run.</param>
/// <param name="Threshold">The critical bound on |r_m|, or null when the test was not run.</param>
/// <param name="Reason">A short explanation (for example <c>season length 1</c>, <c>fewer than 3m observations</c>, <c>constant series</c>).</param>
/// <exception cref="ArgumentNullException"><paramref name="Reason"/> is null.</exception>
public sealed record SeasonalityTestResult(bool IsSeasonal, double? Autocorrelation, double? Threshold, string Reason)
{
    /// <summary>Gets a short explanation of the outcome.</summary>
    public string Reason { get; } = Reason ?? throw new ArgumentNullException(nameof(Reason));
}
