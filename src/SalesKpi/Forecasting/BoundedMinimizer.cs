using System;

namespace SalesKpi.Forecasting;

/// <summary>
/// A deterministic bounded one-dimensional minimiser: a uniform grid scan over [lower, upper] (both bounds included)
/// to bracket the best region, then golden-section search inside the bracket. Every evaluated point lies in the
/// closed interval, and the result is the best point evaluated, so a bound optimum is returned exactly.
/// </summary>
internal static class BoundedMinimizer
{
    private static readonly double InverseGolden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>Minimises <paramref name="f"/> over [lower, upper].</summary>
    /// <param name="f">The objective (NaN counts as +∞).</param>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound, above the lower.</param>
    /// <param name="gridPoints">Grid points of the initial scan, at least 3.</param>
    /// <param name="tolerance">The bracket width at which the golden search stops.</param>
    /// <returns>The best argument and its value; ties keep the first (smallest argument) found.</returns>
    internal static (double X, double Value) Minimize(Func<double, double> f, double lower, double upper, int gridPoints = 21, double tolerance = 1e-9)
    {
        double bestX = lower;
        double bestF = Evaluate(f, lower);
        int bestIndex = 0;
        double step = (upper - lower) / (gridPoints - 1);
        for (int i = 1; i < gridPoints; i++)
        {
            double x = i == gridPoints - 1 ? upper : lower + (i * step);
            double fx = Evaluate(f, x);
            if (fx < bestF)
            {
                bestF = fx;
                bestX = x;
                bestIndex = i;
            }
        }

        double a = bestIndex == 0 ? lower : lower + ((bestIndex - 1) * step);
        double b = bestIndex == gridPoints - 1 ? upper : Math.Min(upper, lower + ((bestIndex + 1) * step));
        double c = b - (InverseGolden * (b - a));
        double d = a + (InverseGolden * (b - a));
        double fc = Evaluate(f, c);
        double fd = Evaluate(f, d);
        while (b - a > tolerance)
        {
            if (fc <= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (InverseGolden * (b - a));
                fc = Evaluate(f, c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (InverseGolden * (b - a));
                fd = Evaluate(f, d);
            }

            if (fc < bestF)
            {
                bestF = fc;
                bestX = c;
            }

            if (fd < bestF)
            {
                bestF = fd;
                bestX = d;
            }
        }

        return (bestX, bestF);
    }

    private static double Evaluate(Func<double, double> f, double x)
    {
        double value = f(x);
        return double.IsNaN(value) ? double.PositiveInfinity : value;
    }
}
