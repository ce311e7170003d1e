using System;
using System.Collections.Generic;
using System.Globalization;
using MathNet.Numerics.Distributions;

namespace SalesKpi.Forecasting;

/// <summary>Shared numerical helpers of the forecasting methods (quantiles, intervals, small statistics).</summary>
internal static class ForecastMath
{
    /// <summary>The standard normal quantile Φ⁻¹(p).</summary>
    internal static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>The quantile of Student's t distribution with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    internal static double StudentTQuantile(double degreesOfFreedom, double p) => StudentT.InvCDF(0, 1, degreesOfFreedom, p);

    /// <summary>The two-sided normal multiplier for a central interval at <paramref name="level"/> percent: Φ⁻¹(0.5 + level/200).</summary>
    internal static double NormalMultiplier(double level) => NormalQuantile(0.5 + (level / 200));

    /// <summary>The two-sided Student-t multiplier for a central interval at <paramref name="level"/> percent.</summary>
    internal static double StudentTMultiplier(double degreesOfFreedom, double level) => StudentTQuantile(degreesOfFreedom, 0.5 + (level / 200));

    /// <summary>Builds symmetric intervals point ± multiplier(level) · sd for every requested level.</summary>
    internal static PredictionInterval[] SymmetricIntervals(double[] point, double[] standardDeviation, double[] levels, Func<double, double> multiplier)
    {
        var intervals = new PredictionInterval[levels.Length];
        for (int l = 0; l < levels.Length; l++)
        {
            double z = multiplier(levels[l]);
            var lower = new double[point.Length];
            var upper = new double[point.Length];
            for (int h = 0; h < point.Length; h++)
            {
                double half = z * standardDeviation[h];
                lower[h] = point[h] - half;
                upper[h] = point[h] + half;
            }

            intervals[l] = new PredictionInterval(levels[l], lower, upper);
        }

        return intervals;
    }

    /// <summary>Throws unless <paramref name="level"/> lies in (0, 100) percent.</summary>
    /// <param name="level">The interval level in percent.</param>
    /// <param name="parameterName">The parameter named by the exception.</param>
    internal static void RequireLevel(double level, string parameterName)
    {
        if (!(level > 0 && level < 100))
        {
            throw new ArgumentOutOfRangeException(parameterName, level, "The level must lie in (0, 100) percent.");
        }
    }

    /// <summary>
    /// Checks a list of interval levels (not null, each in (0, 100) percent) and returns a private copy, so that options
    /// types keep what they validated.
    /// </summary>
    /// <param name="levels">The levels in percent.</param>
    /// <param name="parameterName">The parameter named by the exception.</param>
    /// <returns>The copy.</returns>
    internal static double[] CheckedLevels(IReadOnlyList<double> levels, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(levels, parameterName);
        var copy = new double[levels.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            if (!(levels[i] > 0 && levels[i] < 100))
            {
                throw new ArgumentOutOfRangeException(parameterName, levels[i], string.Create(CultureInfo.InvariantCulture, $"Level {i} must lie in (0, 100) percent."));
            }

            copy[i] = levels[i];
        }

        return copy;
    }

    /// <summary>Throws when the series is shorter than a method needs.</summary>
    internal static void RequireLength(TimeSeries series, int minimum, string method, string why)
    {
        if (series.Count < minimum)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{method} needs at least {minimum} observations ({why}); the series has {series.Count}."),
                nameof(series));
        }
    }

    /// <summary>Returns the index of the first value that is not strictly positive (zero, negative or NaN), or −1.</summary>
    internal static int FirstNonPositive(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] > 0))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns whether every value is strictly positive.</summary>
    internal static bool AllPositive(ReadOnlySpan<double> values) => FirstNonPositive(values) < 0;

    /// <summary>Returns whether every value equals the first.</summary>
    internal static bool IsConstant(ReadOnlySpan<double> values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] != values[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The arithmetic mean of a non-empty span.</summary>
    internal static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>OLS intercept and slope of y on t = t0, t0 + 1, …</summary>
    internal static (double Intercept, double Slope) LinearFit(ReadOnlySpan<double> y, double t0)
    {
        int n = y.Length;
        double tMean = t0 + ((n - 1) / 2.0);
        double yMean = Mean(y);
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++)
        {
            double dt = t0 + i - tMean;
            sxy += dt * (y[i] - yMean);
            sxx += dt * dt;
        }

        double slope = sxx == 0 ? 0 : sxy / sxx;
        return (yMean - (slope * tMean), slope);
    }

    /// <summary>Creates a read-only parameter dictionary.</summary>
    internal static IReadOnlyDictionary<string, double> Parameters(params (string Name, double Value)[] entries)
    {
        var dictionary = new Dictionary<string, double>(entries.Length, StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }

    /// <summary>A sequence of <paramref name="count"/> NaN values.</summary>
    internal static double[] NaNs(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.NaN);
        return values;
    }
}
