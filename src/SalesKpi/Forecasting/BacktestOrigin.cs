using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>One origin of a rolling-origin backtest: what was trained on, what was forecast, what happened.</summary>
/// <param name="TrainingStart">The zero-based index of the first training observation (0 when expanding).</param>
/// <param name="Training">The training series (observations TrainingStart … Origin − 1).</param>
/// <param name="Forecast">The forecast made at the origin, with the requested intervals.</param>
/// <param name="Actual">The observations the forecast is compared with (Origin … Origin + h − 1).</param>
/// <param name="Errors">The errors y − ŷ per step.</param>
/// <exception cref="ArgumentNullException"><paramref name="Training"/>, <paramref name="Forecast"/>, <paramref name="Actual"/> or <paramref name="Errors"/> is null.</exception>
public sealed record BacktestOrigin(int TrainingStart, TimeSeries Training, Forecast Forecast, IReadOnlyList<double> Actual, IReadOnlyList<double> Errors)
{
    /// <summary>Gets the training series (observations TrainingStart … Origin − 1).</summary>
    public TimeSeries Training { get; } = Training ?? throw new ArgumentNullException(nameof(Training));

    /// <summary>Gets the forecast made at the origin.</summary>
    public Forecast Forecast { get; } = Forecast ?? throw new ArgumentNullException(nameof(Forecast));

    /// <summary>Gets the observations the forecast is compared with.</summary>
    public IReadOnlyList<double> Actual { get; } = Actual ?? throw new ArgumentNullException(nameof(Actual));

    /// <summary>Gets the errors y − ŷ per step.</summary>
    public IReadOnlyList<double> Errors { get; } = Errors ?? throw new ArgumentNullException(nameof(Errors));

    /// <summary>Gets the origin: the zero-based index of the first forecast observation (TrainingStart + training size).</summary>
    public int Origin => TrainingStart + Training.Count;
}
