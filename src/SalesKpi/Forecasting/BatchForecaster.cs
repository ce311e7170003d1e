using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace SalesKpi.Forecasting;

/// <summary>Forecasts many series with one method, in parallel, where one series' failure never aborts the batch.</summary>
public static class BatchForecaster
{
    /// <summary>Fits <paramref name="method"/> to every series and forecasts <paramref name="horizon"/> steps (immediate).</summary>
    /// <param name="series">The series.</param>
    /// <param name="method">The method (immutable, so shared by all workers).</param>
    /// <param name="horizon">The number of steps, at least 1.</param>
    /// <param name="options">Parallelism, interval levels and the fallback; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the batch (the only way it stops early).</param>
    /// <returns>One result per series, in input order; the results do not depend on the degree of parallelism.</returns>
    /// <remarks>
    /// <para>
    /// A series whose fit or forecast throws, or whose point forecast is not finite, is forecast by the fallback
    /// method instead (<see cref="BatchOptions.Fallback"/>; by default seasonal naive when the series has a season and
    /// at least m + 1 observations, else naive); the result records the fallback and the reason. If the fallback
    /// fails too (for example a one-observation series), the result has no forecast and says why.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument or one of the series is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled.</exception>
    /// <example>
    /// <code>
    /// var results = BatchForecaster.Run(allSeries, new Theta(), 12, new BatchOptions { MaxDegreeOfParallelism = 2, Levels = [80, 95] });
    /// int fallbacks = results.Count(r => r.UsedFallback);
    /// </code>
    /// </example>
    public static IReadOnlyList<BatchForecastResult> Run(
        IReadOnlyList<TimeSeries> series,
        ForecastMethod method,
        int horizon,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        for (int i = 0; i < series.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(series[i], nameof(series));
        }

        options ??= new BatchOptions();
        double[] levels = options.LevelArray;
        var results = new BatchForecastResult[series.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, series.Count, parallel, i => results[i] = ForecastOne(i, series[i], method, options.Fallback, horizon, levels));
        return results;
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failed fit must never abort the batch; the reason is recorded in the result.")]
    internal static BatchForecastResult ForecastOne(int index, TimeSeries series, ForecastMethod method, ForecastMethod? fallback, int horizon, double[] levels)
    {
        string reason;
        try
        {
            var forecast = method.Fit(series).Forecast(horizon, levels);
            reason = NonFiniteReason(forecast) ?? string.Empty;
            if (reason.Length == 0)
            {
                return new BatchForecastResult(index, forecast, method.Name, false, null, null);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            reason = e.GetType().Name + ": " + e.Message;
        }

        var backup = fallback ?? (series.SeasonLength > 1 && series.Count > series.SeasonLength ? new SeasonalNaive() : new Naive());
        try
        {
            var forecast = backup.Fit(series).Forecast(horizon, levels);
            string? invalid = NonFiniteReason(forecast);
            return invalid is null
                ? new BatchForecastResult(index, forecast, backup.Name, true, reason, null)
                : new BatchForecastResult(index, null, backup.Name, true, reason, invalid);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new BatchForecastResult(index, null, backup.Name, true, reason, e.GetType().Name + ": " + e.Message);
        }
    }

    private static string? NonFiniteReason(Forecast forecast)
    {
        for (int h = 0; h < forecast.Point.Count; h++)
        {
            if (!double.IsFinite(forecast.Point[h]))
            {
                return "the point forecast at step " + (h + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not finite";
            }
        }

        return null;
    }
}
