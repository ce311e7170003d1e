using System;
using System.Globalization;
using System.IO;
using System.Linq;
using SalesKpi.Forecasting;
using SalesKpi.Tests.Infrastructure;

namespace SalesKpi.Tests.Forecasting;

/// <summary>Series used by the exponential-smoothing tests, read from the shared reference data (never copied).</summary>
internal static class EtsTestData
{
    /// <summary>AirPassengers (monthly 1949–1960, 144 values) from <c>classic/AirPassengers.csv</c>.</summary>
    internal static TimeSeries AirPassengers()
    {
        var values = File.ReadAllLines(SharedData.File("classic", "AirPassengers.csv"))
            .Skip(1)
            .Select(line => double.Parse(line.Split(',')[2], CultureInfo.InvariantCulture))
            .ToArray();
        return TimeSeries.Of(values, 12);
    }

    /// <summary>One austourists Holt-Winters fixture: rows of (y, ŷ, ℓ, b, s1..s4); row 0 holds the initial states.</summary>
    internal static double[][] AustouristsFixture(string kind)
    {
        return File.ReadAllLines(SharedData.File("classic", "austourists_hw_fixtures", $"austourists-tests-holtwinters-{kind}.csv"))
            .Skip(1)
            .Select(line => line.Split(',').Select(cell => double.Parse(cell, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
    }

    /// <summary>A deterministic pseudo-random series: level, optional trend and season, noise; strictly positive when <paramref name="positive"/>.</summary>
    internal static double[] Synthetic(int seed, int n, int m, bool positive = true)
    {
        var random = new Random(seed);
        double level = 50 + (random.NextDouble() * 100);
        double slope = (random.NextDouble() - 0.5) * 2;
        var season = Enumerable.Range(0, m).Select(_ => (random.NextDouble() - 0.5) * 20).ToArray();
        var values = new double[n];
        for (int t = 0; t < n; t++)
        {
            double v = level + (slope * t) + (m > 1 ? season[t % m] : 0) + ((random.NextDouble() - 0.5) * 10);
            values[t] = positive ? Math.Max(v, 1) : v - 120;
        }

        return values;
    }
}
