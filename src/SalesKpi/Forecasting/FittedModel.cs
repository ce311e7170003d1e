using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// A forecasting method fitted to one <see cref="TimeSeries"/>: its fitted values, residuals, parameters and
/// information criteria, and the ability to forecast any horizon with prediction intervals.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Forecasts and interval widths for steps h ≤ H do not depend on the requested
/// horizon H.
/// </remarks>
public abstract class FittedModel
{
    /// <summary>Initialises the common parts of a fitted model.</summary>
    /// <param name="method">The method's name, for example <c>ETS(A,Ad,N)</c>.</param>
    /// <param name="series">The series the model was fitted to.</param>
    /// <param name="fitted">One-step-ahead in-sample fitted values (NaN where undefined, such as the first naive step).</param>
    /// <param name="parameters">The fitted parameters by name.</param>
    /// <param name="criteria">Information criteria, where the model was fitted by likelihood.</param>
    /// <exception cref="ArgumentNullException"><paramref name="method"/>, <paramref name="series"/>, <paramref name="fitted"/> or <paramref name="parameters"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty or white space, or <paramref name="fitted"/> is not as long as the series.</exception>
    protected FittedModel(
        string method,
        TimeSeries series,
        IReadOnlyList<double> fitted,
        IReadOnlyDictionary<string, double> parameters,
        InformationCriteria? criteria)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(parameters);
        if (fitted.Count != series.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{fitted.Count} fitted values for a series of {series.Count}."),
                nameof(fitted));
        }

        Method = method;
        Series = series;
        Fitted = fitted;
        var residuals = new double[series.Count];
        for (int i = 0; i < residuals.Length; i++)
        {
            residuals[i] = series[i] - fitted[i];
        }

        Residuals = residuals;
        Parameters = parameters;
        Criteria = criteria;
    }

    /// <summary>Gets the method's name.</summary>
    public string Method { get; }

    /// <summary>Gets the series the model was fitted to.</summary>
    public TimeSeries Series { get; }

    /// <summary>Gets the one-step-ahead fitted values (NaN where the method defines none).</summary>
    public IReadOnlyList<double> Fitted { get; }

    /// <summary>Gets the residuals y − fitted (NaN where the fitted value is undefined).</summary>
    public IReadOnlyList<double> Residuals { get; }

    /// <summary>Gets the fitted parameters by name (for example <c>alpha</c>, <c>beta</c>, <c>phi</c>, <c>l0</c>).</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Gets the information criteria, or <see langword="null"/> where the model was not fitted by likelihood.</summary>
    public InformationCriteria? Criteria { get; }

    /// <summary>Forecasts <paramref name="horizon"/> steps ahead with prediction intervals.</summary>
    /// <param name="horizon">The number of steps, at least 1.</param>
    /// <param name="levels">Interval levels in percent, each in (0, 100); none gives point forecasts only.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is below 1 or a level is outside (0, 100).</exception>
    public Forecast Forecast(int horizon, params double[] levels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        return ForecastCore(horizon, ForecastMath.CheckedLevels(levels, nameof(levels)));
    }

    /// <summary>Computes the forecast once the arguments are validated.</summary>
    /// <param name="horizon">The number of steps, at least 1.</param>
    /// <param name="levels">Validated interval levels in percent.</param>
    /// <returns>The forecast.</returns>
    protected abstract Forecast ForecastCore(int horizon, double[] levels);
}
