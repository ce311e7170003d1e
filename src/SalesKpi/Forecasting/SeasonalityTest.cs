using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// The autocorrelation test for seasonality used by the M4 competition benchmarks and R <c>forecast::thetaf</c>:
/// a series is seasonal when its lag-m autocorrelation is significantly different from zero.
/// </summary>
/// <remarks>
/// <para>
/// Sample autocorrelations r_k = Σ_{t=1..n−k} (y_t − ȳ)(y_{t+k} − ȳ) / Σ_{t=1..n} (y_t − ȳ)² (R <c>acf</c>).
/// The series is seasonal when |r_m| &gt; q·√((1 + 2·Σ_{k=1..m−1} r_k²)/n) (Bartlett's standard error under an MA(m−1)
/// null), q = 1.645 for a 90% two-sided test.
/// </para>
/// <para>
/// Not seasonal without running the test when the season length m is 1, the series is shorter than the minimum
/// length (3m by default, the M4 rule; <c>thetaf</c> uses 2m + 1), or it is constant (its autocorrelations are
/// undefined).
/// </para>
/// </remarks>
public static class SeasonalityTest
{
    /// <summary>The M4 benchmarks' critical value: 1.645, the 95% normal quantile (a 90% two-sided test).</summary>
    public const double DefaultCriticalValue = 1.645;

    /// <summary>Computes the sample autocorrelations r_1..r_maxLag.</summary>
    /// <param name="values">The observations.</param>
    /// <param name="maxLag">The largest lag, between 1 and n − 1.</param>
    /// <returns>r_1..r_maxLag (element k − 1 is r_k), or null when the values are constant (the denominator is 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLag"/> is below 1 or not below the number of values.</exception>
    /// <example>
    /// <code>
    /// double[]? r = SeasonalityTest.Autocorrelations(new[] { 1.0, 2, 3, 4 }, 1); // r_1 = 0.25
    /// </code>
    /// </example>
    public static double[]? Autocorrelations(IReadOnlyList<double> values, int maxLag)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLag, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxLag, values.Count);
        int n = values.Count;
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            mean += values[i];
        }

        mean /= n;
        var centred = new double[n];
        double denominator = 0;
        for (int i = 0; i < n; i++)
        {
            centred[i] = values[i] - mean;
            denominator += centred[i] * centred[i];
        }

        if (denominator == 0)
        {
            return null;
        }

        var r = new double[maxLag];
        for (int k = 1; k <= maxLag; k++)
        {
            double sum = 0;
            for (int t = 0; t + k < n; t++)
            {
                sum += centred[t] * centred[t + k];
            }

            r[k - 1] = sum / denominator;
        }

        return r;
    }

    /// <summary>Tests a series for seasonality at its own season length.</summary>
    /// <param name="series">The series; m = its <see cref="TimeSeries.SeasonLength"/>.</param>
    /// <param name="criticalValue">The normal quantile q, positive (default 1.645).</param>
    /// <param name="minimumLength">The fewest observations the test runs on; null means 3m (the M4 rule).</param>
    /// <returns>The outcome, with r_m and the threshold when the test ran.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="criticalValue"/> is not positive and finite, or <paramref name="minimumLength"/> is below m + 1.</exception>
    /// <example>
    /// <code>
    /// var result = SeasonalityTest.Evaluate(TimeSeries.Of(monthlySales, seasonLength: 12));
    /// if (result.IsSeasonal) { /* deseasonalise */ }
    /// </code>
    /// </example>
    public static SeasonalityTestResult Evaluate(TimeSeries series, double criticalValue = DefaultCriticalValue, int? minimumLength = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!(criticalValue > 0 && double.IsFinite(criticalValue)))
        {
            throw new ArgumentOutOfRangeException(nameof(criticalValue), criticalValue, "The critical value must be positive and finite.");
        }

        int m = series.SeasonLength;
        int minimum = minimumLength ?? 3 * m;
        if (minimumLength is { } given && given < m + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumLength), given, string.Create(CultureInfo.InvariantCulture, $"The minimum length must be at least m + 1 = {m + 1}."));
        }

        if (m == 1)
        {
            return new SeasonalityTestResult(false, null, null, "season length 1");
        }

        if (series.Count < minimum)
        {
            return new SeasonalityTestResult(false, null, null, string.Create(CultureInfo.InvariantCulture, $"{series.Count} observations, fewer than the {minimum} the test needs"));
        }

        var r = Autocorrelations(series.Values, m);
        if (r is null)
        {
            return new SeasonalityTestResult(false, null, null, "constant series");
        }

        double sum = 1;
        for (int k = 0; k < m - 1; k++)
        {
            sum += 2 * r[k] * r[k];
        }

        double threshold = criticalValue * Math.Sqrt(sum / series.Count);
        double rm = r[m - 1];
        bool seasonal = Math.Abs(rm) > threshold;
        string reason = string.Create(
            CultureInfo.InvariantCulture,
            $"|r_{m}| = {Math.Abs(rm):G6} {(seasonal ? ">" : "<=")} {threshold:G6}");
        return new SeasonalityTestResult(seasonal, rm, threshold, reason);
    }
}
