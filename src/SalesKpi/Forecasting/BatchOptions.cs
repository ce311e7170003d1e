using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>Settings of <see cref="BatchForecaster.Run"/>.</summary>
public sealed class BatchOptions
{
    private int _maxDegreeOfParallelism = -1;
    private double[] _levels = [];

    /// <summary>Gets or sets the most series fitted at once.</summary>
    /// <value>−1 (the default) lets the runtime decide (about one per core); 1 runs sequentially; otherwise at least 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            if (value == 0 || value < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The degree of parallelism must be −1 (automatic) or at least 1.");
            }

            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>Gets or sets the prediction interval levels in percent.</summary>
    /// <value>Empty by default (point forecasts only); each level in (0, 100).</value>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside (0, 100).</exception>
    public IReadOnlyList<double> Levels
    {
        get => _levels;
        set
        {
            _levels = ForecastMath.CheckedLevels(value, nameof(value));
        }
    }

    /// <summary>Gets or sets the method used for a series whose own fit or forecast fails.</summary>
    /// <value>
    /// Null by default, meaning <see cref="SeasonalNaive"/> when the series has a season (m &gt; 1) and at least m + 1
    /// observations, else <see cref="Naive"/>.
    /// </value>
    public ForecastMethod? Fallback { get; set; }

    internal double[] LevelArray => _levels;
}
