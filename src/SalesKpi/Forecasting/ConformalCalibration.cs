using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>
/// Rolling-origin conformal calibration of absolute forecast errors per step (split conformal prediction applied to
/// the series' own recent past).
/// </summary>
/// <remarks>
/// For step j the scores are |y_{o+j} − ŷ_{o+j|o}| for the <c>windows</c> most recent origins o = n − j − w + 1 … n − j
/// (the method refitted on the first o observations; origins the method cannot fit are skipped). With k scores the
/// half-width at level L is the ⌈(k + 1)·L/100⌉-th smallest score (the finite-sample conformal quantile) and +∞ when
/// that rank exceeds k. Half-widths are then made non-decreasing in j (running maximum), which keeps coverage and
/// makes them independent of the horizon requested.
/// </remarks>
internal static class ConformalCalibration
{
    internal const int DefaultWindows = 20;

    internal static PredictionInterval[] Intervals(ForecastMethod method, TimeSeries series, IReadOnlyList<double> point, double[] levels, int windows)
    {
        int horizon = point.Count;
        if (levels.Length == 0)
        {
            return [];
        }

        var scores = Scores(method, series, horizon, windows);
        var intervals = new PredictionInterval[levels.Length];
        for (int l = 0; l < levels.Length; l++)
        {
            var lower = new double[horizon];
            var upper = new double[horizon];
            double half = 0;
            for (int j = 0; j < horizon; j++)
            {
                half = Math.Max(half, Quantile(scores[j], levels[l]));
                lower[j] = point[j] - half;
                upper[j] = point[j] + half;
            }

            intervals[l] = new PredictionInterval(levels[l], lower, upper);
        }

        return intervals;
    }

    /// <summary>The sorted absolute errors per step 1..horizon.</summary>
    internal static List<double>[] Scores(ForecastMethod method, TimeSeries series, int horizon, int windows)
    {
        int n = series.Count;
        var scores = new List<double>[horizon];
        for (int j = 0; j < horizon; j++)
        {
            scores[j] = new List<double>(windows);
        }

        int firstOrigin = Math.Max(1, n - horizon - windows + 1);
        for (int origin = firstOrigin; origin < n; origin++)
        {
            int steps = Math.Min(horizon, n - origin);

            // Steps j with origin in [n − j − w + 1, n − j]: j ≤ n − origin and j ≥ n − origin − w + 1.
            int firstStep = Math.Max(1, n - origin - windows + 1);
            if (firstStep > steps)
            {
                continue;
            }

            Forecast forecast;
            try
            {
                forecast = method.Fit(series.Take(origin)).Forecast(steps);
            }
            catch (ArgumentException)
            {
                continue;
            }

            for (int j = firstStep; j <= steps; j++)
            {
                scores[j - 1].Add(Math.Abs(series[origin + j - 1] - forecast.Point[j - 1]));
            }
        }

        foreach (var list in scores)
        {
            list.Sort();
        }

        return scores;
    }

    internal static double Quantile(List<double> sorted, double level)
    {
        int k = sorted.Count;
        int rank = (int)Math.Ceiling((k + 1) * level / 100);
        return rank > k ? double.PositiveInfinity : sorted[Math.Max(rank, 1) - 1];
    }
}
