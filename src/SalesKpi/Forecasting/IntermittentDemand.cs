using System;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>Shared checks and recursions of the intermittent-demand methods (Croston, SBA, TSB).</summary>
internal static class IntermittentDemand
{
    /// <summary>The α range searched when α is optimised: the commonly recommended 0.05–0.3.</summary>
    internal const double LowerAlpha = 0.05;
    internal const double UpperAlpha = 0.3;

    internal static void RequireNonNegative(TimeSeries series, string method)
    {
        for (int t = 0; t < series.Count; t++)
        {
            if (series[t] < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{method} needs non-negative demand; observation {t} is {series[t]}."),
                    nameof(series));
            }
        }
    }

    internal static void RequireSmoothing(double value, string name)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "A smoothing parameter must lie in (0, 1].");
        }
    }

    /// <summary>
    /// Croston's recursion: the one-step forecasts from every prefix (fitted[t] uses y_1..y_t; fitted[0] is NaN) and
    /// the forecast after the whole series. Before the first non-zero demand the forecast is 0.
    /// </summary>
    internal static (double[] Fitted, double Forecast, double Size, double Interval) Croston(ReadOnlySpan<double> y, double alpha, double factor)
    {
        var fitted = new double[y.Length];
        fitted[0] = double.NaN;
        double size = 0, interval = 0;
        int last = -1;
        double forecast = 0;
        for (int t = 0; t < y.Length; t++)
        {
            if (y[t] > 0)
            {
                int gap = t - last;
                if (last < 0)
                {
                    // R croston: both smoothers start at their first value (initial = "simple").
                    size = y[t];
                    interval = gap;
                }
                else
                {
                    size += alpha * (y[t] - size);
                    interval += alpha * (gap - interval);
                }

                last = t;
                forecast = factor * size / interval;
            }

            if (t + 1 < y.Length)
            {
                fitted[t + 1] = forecast;
            }
        }

        return (fitted, forecast, size, interval);
    }

    /// <summary>
    /// TSB recursion: demand probability p updated every period towards 1{y &gt; 0} with β, size z updated with α
    /// only when demand occurs; forecast p·z. p starts at 1{y_1 &gt; 0}, z at the first non-zero demand.
    /// </summary>
    internal static (double[] Fitted, double Forecast, double Probability, double Size) Tsb(ReadOnlySpan<double> y, double alpha, double beta)
    {
        var fitted = new double[y.Length];
        fitted[0] = double.NaN;
        double probability = y[0] > 0 ? 1 : 0;
        double size = 0;
        bool seen = false;
        for (int t = 0; t < y.Length; t++)
        {
            bool occurred = y[t] > 0;
            if (t > 0)
            {
                probability += beta * ((occurred ? 1 : 0) - probability);
            }

            if (occurred)
            {
                size = seen ? size + (alpha * (y[t] - size)) : y[t];
                seen = true;
            }

            if (t + 1 < y.Length)
            {
                fitted[t + 1] = probability * size;
            }
        }

        return (fitted, probability * size, probability, size);
    }

    internal static double Mse(double[] fitted, ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (int t = 1; t < y.Length; t++)
        {
            double e = y[t] - fitted[t];
            sum += e * e;
        }

        return y.Length > 1 ? sum / (y.Length - 1) : 0;
    }
}
