using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>Settings of a rolling-origin backtest (<see cref="Backtest.RollingOrigin"/>).</summary>
/// <remarks>
/// With n observations, horizon h, w windows and step s, the origins (training sizes) are
/// n − h − (w − 1 − k)·s for k = 0 … w − 1: the last window's forecast ends at the last observation.
/// </remarks>
public sealed class BacktestOptions
{
    private readonly int _horizon = 1;
    private readonly int _windows = 1;
    private readonly int _step = 1;
    private readonly int? _inputSize;
    private readonly double[] _levels = [];

    /// <summary>Gets the forecast horizon h of every window.</summary>
    /// <value>At least 1; default 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Horizon
    {
        get => _horizon;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _horizon = value;
        }
    }

    /// <summary>Gets the number of forecast origins w.</summary>
    /// <value>At least 1; default 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Windows
    {
        get => _windows;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _windows = value;
        }
    }

    /// <summary>Gets the distance s between consecutive origins.</summary>
    /// <value>At least 1; default 1 (with s = h the forecast windows do not overlap).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Step
    {
        get => _step;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _step = value;
        }
    }

    /// <summary>Gets how the training data moves with the origin.</summary>
    /// <value>Default <see cref="TrainingWindow.Expanding"/>.</value>
    public TrainingWindow Window { get; init; } = TrainingWindow.Expanding;

    /// <summary>Gets the training size of a <see cref="TrainingWindow.Fixed"/> window.</summary>
    /// <value>Null by default: the first origin's size (as many observations as the first window can use). Ignored when expanding.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? InputSize
    {
        get => _inputSize;
        init
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The input size must be at least 1.");
            }

            _inputSize = value;
        }
    }

    /// <summary>Gets the prediction interval levels in percent computed at every origin.</summary>
    /// <value>Empty by default; each in (0, 100).</value>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside (0, 100).</exception>
    public IReadOnlyList<double> Levels
    {
        get => _levels;
        init
        {
            _levels = ForecastMath.CheckedLevels(value, nameof(value));
        }
    }

    internal double[] LevelArray => _levels;
}
