using System;

namespace SalesKpi.Forecasting;

/// <summary>A time-series forecasting method with its settings: fits a <see cref="TimeSeries"/> into a <see cref="FittedModel"/>.</summary>
/// <remarks>Instances are immutable and thread-safe; fitting is deterministic (same input, same output).</remarks>
public abstract class ForecastMethod
{
    /// <summary>Gets the method's name, for example <c>SES</c> or <c>AutoETS</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Fits the method to a series.</summary>
    /// <param name="series">The series.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentException">The series is not eligible for this method (too short for its season, negative values for a multiplicative model …); the message says why.</exception>
    public FittedModel Fit(TimeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return FitCore(series);
    }

    /// <summary>Fits the method once the argument is validated.</summary>
    /// <param name="series">The series, not null.</param>
    /// <returns>The fitted model.</returns>
    protected abstract FittedModel FitCore(TimeSeries series);

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
