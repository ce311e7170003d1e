using System;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>Rolling-origin evaluation (time-series cross-validation) of a forecasting method on one series.</summary>
public static class Backtest
{
    /// <summary>Refits the method at several origins and compares each forecast with what followed (immediate).</summary>
    /// <param name="series">The series.</param>
    /// <param name="method">The method.</param>
    /// <param name="options">Horizon, windows, step, training window and levels.</param>
    /// <returns>The per-origin forecasts and errors, earliest origin first.</returns>
    /// <remarks>
    /// <para>
    /// Origins (training sizes when expanding) o_k = n − h − (w − 1 − k)·s, k = 0 … w − 1. Expanding: origin k trains
    /// on observations 0 … o_k − 1. Fixed: on the last <see cref="BacktestOptions.InputSize"/> observations before o_k
    /// (default o_0, the first origin's size). The forecast at o_k covers o_k … o_k + h − 1; errors are y − ŷ.
    /// </para>
    /// <para>A method that rejects a training window throws: the backtest does not silently skip origins.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The series is too short for the horizon, windows and step (the first origin would be below 1), or the input size exceeds the first origin; or the method rejects a training window.</exception>
    /// <example>
    /// <code>
    /// var result = Backtest.RollingOrigin(series, new Theta(), new BacktestOptions { Horizon = 3, Windows = 6, Step = 1 });
    /// double mae = result.MeanAbsoluteError();
    /// </code>
    /// </example>
    public static BacktestResult RollingOrigin(TimeSeries series, ForecastMethod method, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(options);
        int n = series.Count;
        int h = options.Horizon;
        int first = n - h - ((options.Windows - 1) * options.Step);
        if (first < 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A series of {n} observations is too short for horizon {h}, {options.Windows} windows and step {options.Step}: the first origin would train on {first} observations."),
                nameof(series));
        }

        int size = options.InputSize ?? first;
        if (options.Window == TrainingWindow.Fixed && size > first)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The input size {size} exceeds the {first} observations before the first origin."),
                nameof(options));
        }

        var origins = new BacktestOrigin[options.Windows];
        var values = series.Span;
        for (int k = 0; k < origins.Length; k++)
        {
            int origin = first + (k * options.Step);
            int start = options.Window == TrainingWindow.Fixed ? origin - size : 0;
            var training = TimeSeries.Of(values[start..origin].ToArray(), series.SeasonLength);
            var forecast = method.Fit(training).Forecast(h, options.LevelArray);
            var actual = values.Slice(origin, h).ToArray();
            var errors = new double[h];
            for (int j = 0; j < h; j++)
            {
                errors[j] = actual[j] - forecast.Point[j];
            }

            origins[k] = new BacktestOrigin(start, training, forecast, actual, errors);
        }

        return new BacktestResult(method.Name, h, origins);
    }
}
