using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>Point forecasts for steps 1..h and prediction intervals at the requested levels.</summary>
public sealed class Forecast
{
    /// <summary>Creates a forecast.</summary>
    /// <param name="method">The method that produced it.</param>
    /// <param name="point">The point forecasts for steps 1..h.</param>
    /// <param name="intervals">The prediction intervals, one per requested level.</param>
    /// <exception cref="ArgumentNullException"><paramref name="method"/>, <paramref name="point"/> or <paramref name="intervals"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is empty or white space, an interval is null, or an interval does not cover the same horizon as the point forecasts.</exception>
    public Forecast(string method, IReadOnlyList<double> point, IReadOnlyList<PredictionInterval> intervals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(intervals);
        for (int i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i] ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Interval {i} is null."),
                nameof(intervals));
            if (interval.Lower.Count != point.Count || interval.Upper.Count != point.Count)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The {interval.Level}% interval covers {interval.Lower.Count} steps, the point forecast {point.Count}."),
                    nameof(intervals));
            }
        }

        Method = method;
        Point = point;
        Intervals = intervals;
    }

    /// <summary>Gets the name of the method that produced the forecast.</summary>
    public string Method { get; }

    /// <summary>Gets the horizon h.</summary>
    public int Horizon => Point.Count;

    /// <summary>Gets the point forecasts for steps 1..h.</summary>
    public IReadOnlyList<double> Point { get; }

    /// <summary>Gets the prediction intervals, in the order the levels were requested.</summary>
    public IReadOnlyList<PredictionInterval> Intervals { get; }

    /// <summary>Returns the interval at <paramref name="level"/> percent.</summary>
    /// <param name="level">The level, as requested (for example 80).</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No interval at that level was requested.</exception>
    public PredictionInterval Interval(double level)
    {
        foreach (var interval in Intervals)
        {
            if (interval.Level.Equals(level))
            {
                return interval;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(level), level, "No prediction interval was computed at this level.");
    }
}
