using System;
using System.Collections.Generic;
using System.Globalization;
using MathNet.Numerics.Distributions;

namespace SalesKpi.Forecasting;

/// <summary>Point and probabilistic forecast accuracy metrics.</summary>
/// <remarks>
/// <para>
/// Errors are e = y − ŷ (actual minus forecast), so a positive mean error means under-forecasting. Every metric
/// averages over the points given, with equal weight.
/// </para>
/// <para>
/// Undefined results are <see langword="null"/>, never NaN and never an exception (the KPI convention): an empty
/// input, a zero scale (MASE/RMSSE on a constant in-sample series, WAPE with Σ|y| = 0), no usable term (MAPE with
/// every y = 0). Arguments that cannot be right throw: sequences of different lengths, non-finite actuals or point
/// forecasts, NaN interval bounds (infinite bounds are allowed: conformal intervals can be unbounded), a lower
/// bound above its upper bound, a level outside (0, 100), a quantile outside (0, 1), a negative standard deviation.
/// </para>
/// </remarks>
public static class Accuracy
{
    /// <summary>Mean error ME = (1/n)·Σ (y − ŷ).</summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="forecast">The point forecasts ŷ, as many as <paramref name="actual"/>.</param>
    /// <returns>The mean error, or null when empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <example>
    /// <code>
    /// double? me = Accuracy.Me(new[] { 10.0, 20 }, new[] { 12.0, 15 }); // (−2 + 5)/2 = 1.5
    /// </code>
    /// </example>
    public static double? Me(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        int n = CheckPair(actual, forecast);
        if (n == 0)
        {
            return null;
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += actual[i] - forecast[i];
        }

        return sum / n;
    }

    /// <summary>Mean absolute error MAE = (1/n)·Σ |y − ŷ|.</summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="forecast">The point forecasts ŷ.</param>
    /// <returns>The MAE, or null when empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <example>
    /// <code>
    /// double? mae = Accuracy.Mae(new[] { 10.0, 20 }, new[] { 12.0, 15 }); // (2 + 5)/2 = 3.5
    /// </code>
    /// </example>
    public static double? Mae(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        int n = CheckPair(actual, forecast);
        return n == 0 ? null : SumAbsoluteErrors(actual, forecast) / n;
    }

    /// <summary>Root mean squared error RMSE = √((1/n)·Σ (y − ŷ)²).</summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="forecast">The point forecasts ŷ.</param>
    /// <returns>The RMSE, or null when empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <example>
    /// <code>
    /// double? rmse = Accuracy.Rmse(new[] { 10.0, 20 }, new[] { 13.0, 16 }); // √((9 + 16)/2) = √12.5
    /// </code>
    /// </example>
    public static double? Rmse(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        int n = CheckPair(actual, forecast);
        if (n == 0)
        {
            return null;
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double e = actual[i] - forecast[i];
            sum += e * e;
        }

        return Math.Sqrt(sum / n);
    }

    /// <summary>Mean absolute percentage error MAPE = 100·(1/k)·Σ_{y ≠ 0} |y − ŷ|/|y|, in percent.</summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="forecast">The point forecasts ŷ.</param>
    /// <returns>The MAPE over the k terms with y ≠ 0, with k and the number of dropped zero actuals; Value is null when k = 0.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <example>
    /// <code>
    /// var mape = Accuracy.Mape(new[] { 10.0, 0, 20 }, new[] { 12.0, 3, 15 }); // (20% + 25%)/2 = 22.5, one term dropped
    /// </code>
    /// </example>
    public static MapeResult Mape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        int n = CheckPair(actual, forecast);
        double sum = 0;
        int used = 0;
        for (int i = 0; i < n; i++)
        {
            if (actual[i] != 0)
            {
                sum += Math.Abs(actual[i] - forecast[i]) / Math.Abs(actual[i]);
                used++;
            }
        }

        return new MapeResult(used == 0 ? null : 100 * sum / used, used, n - used);
    }

    /// <summary>Weighted absolute percentage error WAPE = Σ |y − ŷ| ÷ Σ |y|, as a fraction (0.1 is 10%).</summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="forecast">The point forecasts ŷ.</param>
    /// <returns>The WAPE, or null when empty or Σ |y| = 0.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <example>
    /// <code>
    /// double? wape = Accuracy.Wape(new[] { 10.0, 30 }, new[] { 12.0, 25 }); // (2 + 5)/40 = 0.175
    /// </code>
    /// </example>
    public static double? Wape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        int n = CheckPair(actual, forecast);
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            scale += Math.Abs(actual[i]);
        }

        return scale == 0 ? null : SumAbsoluteErrors(actual, forecast) / scale;
    }

    /// <summary>Symmetric MAPE on the 0–200 scale (M3/M4): sMAPE = (1/n)·Σ 200·|y − ŷ| / (|y| + |ŷ|).</summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="forecast">The point forecasts ŷ.</param>
    /// <returns>The sMAPE in [0, 200], or null when empty. A term with y = ŷ = 0 is a perfect forecast and counts 0.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <example>
    /// <code>
    /// double? smape = Accuracy.Smape(new[] { 100.0, 0 }, new[] { 150.0, 0 }); // (200·50/250 + 0)/2 = 20
    /// </code>
    /// </example>
    public static double? Smape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        int n = CheckPair(actual, forecast);
        if (n == 0)
        {
            return null;
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.Abs(actual[i] - forecast[i]) / denominator;
        }

        return sum / n;
    }

    /// <summary>
    /// Mean absolute scaled error: MASE = MAE ÷ (1/(T−m))·Σ_{t=m+1..T} |x_t − x_{t−m}|, the forecast MAE over the
    /// in-sample MAE of the (seasonal) naive method on the training series x (Hyndman &amp; Koehler 2006).
    /// </summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="forecast">The point forecasts ŷ.</param>
    /// <param name="inSample">The training series x the forecasts were made from.</param>
    /// <param name="seasonLength">m: 1 scales by the naive error, the season length by the seasonal naive error.</param>
    /// <returns>The MASE, or null when empty, when the training series has no lag-m difference (T ≤ m) or when the scale is 0.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> is below 1.</exception>
    /// <example>
    /// <code>
    /// // scale = (|3 − 1| + |2 − 3|)/2 = 1.5; MAE = 3 → MASE = 2
    /// double? mase = Accuracy.Mase(new[] { 5.0 }, new[] { 2.0 }, new[] { 1.0, 3, 2 }, 1);
    /// </code>
    /// </example>
    public static double? Mase(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, IReadOnlyList<double> inSample, int seasonLength)
    {
        int n = CheckPair(actual, forecast);
        double? scale = NaiveScale(inSample, seasonLength, squared: false);
        if (n == 0 || scale is null)
        {
            return null;
        }

        return SumAbsoluteErrors(actual, forecast) / n / scale.Value;
    }

    /// <summary>
    /// Root mean squared scaled error (M5): RMSSE = √( (1/h)·Σ (y − ŷ)² ÷ (1/(T−m))·Σ_{t=m+1..T} (x_t − x_{t−m})² ).
    /// </summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="forecast">The point forecasts ŷ.</param>
    /// <param name="inSample">The training series x.</param>
    /// <param name="seasonLength">m, as in <see cref="Mase"/>.</param>
    /// <returns>The RMSSE, or null when empty, when T ≤ m or when the scale is 0.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> is below 1.</exception>
    /// <example>
    /// <code>
    /// // scale = (4 + 1)/2 = 2.5; MSE = 9 → RMSSE = √3.6
    /// double? rmsse = Accuracy.Rmsse(new[] { 5.0 }, new[] { 2.0 }, new[] { 1.0, 3, 2 }, 1);
    /// </code>
    /// </example>
    public static double? Rmsse(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, IReadOnlyList<double> inSample, int seasonLength)
    {
        int n = CheckPair(actual, forecast);
        double? scale = NaiveScale(inSample, seasonLength, squared: true);
        if (n == 0 || scale is null)
        {
            return null;
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double e = actual[i] - forecast[i];
            sum += e * e;
        }

        return Math.Sqrt(sum / n / scale.Value);
    }

    /// <summary>Empirical coverage: the share of actuals inside their interval, lower ≤ y ≤ upper.</summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="lower">The lower bounds.</param>
    /// <param name="upper">The upper bounds.</param>
    /// <returns>The share in [0, 1], or null when empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, a value is NaN (bounds may be infinite) or a lower bound exceeds its upper bound.</exception>
    /// <example>
    /// <code>
    /// double? c = Accuracy.Coverage(new[] { 1.0, 5 }, new[] { 0.0, 0 }, new[] { 2.0, 4 }); // 0.5
    /// </code>
    /// </example>
    public static double? Coverage(IReadOnlyList<double> actual, IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        int n = CheckBounds(actual, lower, upper);
        if (n == 0)
        {
            return null;
        }

        int inside = 0;
        for (int i = 0; i < n; i++)
        {
            if (actual[i] >= lower[i] && actual[i] <= upper[i])
            {
                inside++;
            }
        }

        return inside / (double)n;
    }

    /// <summary>Empirical coverage of a prediction interval.</summary>
    /// <param name="actual">The observed values y, one per step of the interval.</param>
    /// <param name="interval">The prediction interval.</param>
    /// <returns>The share in [0, 1], or null when empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="Coverage(IReadOnlyList{double}, IReadOnlyList{double}, IReadOnlyList{double})"/>.</exception>
    public static double? Coverage(IReadOnlyList<double> actual, PredictionInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return Coverage(actual, interval.Lower, interval.Upper);
    }

    /// <summary>
    /// Winkler / interval score (Gneiting &amp; Raftery 2007) of central (1 − a) intervals, a = 1 − level/100:
    /// mean of (u − l) + (2/a)·(l − y)·[y &lt; l] + (2/a)·(y − u)·[y &gt; u]. Lower is better.
    /// </summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="lower">The lower bounds l.</param>
    /// <param name="upper">The upper bounds u.</param>
    /// <param name="level">The nominal level in percent, in (0, 100).</param>
    /// <returns>The mean interval score (+∞ when a bound is infinite), or null when empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, a value is NaN or a lower bound exceeds its upper bound.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 100).</exception>
    /// <example>
    /// <code>
    /// // 80%: a = 0.2; width 2, miss by 1 above: 2 + 10·1 = 12
    /// double? s = Accuracy.IntervalScore(new[] { 3.0 }, new[] { 0.0 }, new[] { 2.0 }, 80);
    /// </code>
    /// </example>
    public static double? IntervalScore(IReadOnlyList<double> actual, IReadOnlyList<double> lower, IReadOnlyList<double> upper, double level)
    {
        ForecastMath.RequireLevel(level, nameof(level));

        int n = CheckBounds(actual, lower, upper);
        if (n == 0)
        {
            return null;
        }

        double penalty = 2 / (1 - (level / 100));
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double y = actual[i];
            sum += upper[i] - lower[i];
            if (y < lower[i])
            {
                sum += penalty * (lower[i] - y);
            }
            else if (y > upper[i])
            {
                sum += penalty * (y - upper[i]);
            }
        }

        return sum / n;
    }

    /// <summary>Winkler / interval score of a prediction interval at its own level.</summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="interval">The prediction interval.</param>
    /// <returns>The mean interval score, or null when empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As <see cref="IntervalScore(IReadOnlyList{double}, IReadOnlyList{double}, IReadOnlyList{double}, double)"/>.</exception>
    public static double? IntervalScore(IReadOnlyList<double> actual, PredictionInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return IntervalScore(actual, interval.Lower, interval.Upper, interval.Level);
    }

    /// <summary>
    /// Pinball (quantile) loss of forecasts q of the τ-quantile: mean of τ·(y − q) when y ≥ q, (1 − τ)·(q − y) otherwise.
    /// At τ = 0.5 it is half the MAE.
    /// </summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="quantileForecast">The forecasts q of the τ-quantile.</param>
    /// <param name="quantile">τ, in (0, 1).</param>
    /// <returns>The mean pinball loss, or null when empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or a value is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantile"/> is outside (0, 1).</exception>
    /// <example>
    /// <code>
    /// // τ = 0.9: y above q by 2 → 1.8; y below q by 2 → 0.2; mean 1.0
    /// double? loss = Accuracy.PinballLoss(new[] { 12.0, 8 }, new[] { 10.0, 10 }, 0.9);
    /// </code>
    /// </example>
    public static double? PinballLoss(IReadOnlyList<double> actual, IReadOnlyList<double> quantileForecast, double quantile)
    {
        if (!(quantile > 0 && quantile < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "The quantile must lie in (0, 1).");
        }

        ArgumentNullException.ThrowIfNull(quantileForecast);
        int n = CheckPair(actual, quantileForecast);
        if (n == 0)
        {
            return null;
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double d = actual[i] - quantileForecast[i];
            sum += d >= 0 ? quantile * d : (quantile - 1) * d;
        }

        return sum / n;
    }

    /// <summary>
    /// Continuous ranked probability score of Gaussian forecasts N(μ, σ²): mean of
    /// σ·(z·(2Φ(z) − 1) + 2φ(z) − 1/√π), z = (y − μ)/σ; with σ = 0 it is |y − μ| (the MAE of a point forecast).
    /// Lower is better.
    /// </summary>
    /// <param name="actual">The observed values y.</param>
    /// <param name="mean">The forecast means μ.</param>
    /// <param name="standardDeviation">The forecast standard deviations σ ≥ 0.</param>
    /// <returns>The mean CRPS, or null when empty.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, a value is not finite or a standard deviation is negative.</exception>
    /// <example>
    /// <code>
    /// // y = μ, σ = 1: 2φ(0) − 1/√π = 0.2336949...
    /// double? crps = Accuracy.GaussianCrps(new[] { 0.0 }, new[] { 0.0 }, new[] { 1.0 });
    /// </code>
    /// </example>
    public static double? GaussianCrps(IReadOnlyList<double> actual, IReadOnlyList<double> mean, IReadOnlyList<double> standardDeviation)
    {
        ArgumentNullException.ThrowIfNull(mean);
        int n = CheckPair(actual, mean);
        CheckSame(actual, standardDeviation, nameof(standardDeviation));
        for (int i = 0; i < n; i++)
        {
            if (!(standardDeviation[i] >= 0 && double.IsFinite(standardDeviation[i])))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Standard deviation {i} is {standardDeviation[i]}; it must be finite and non-negative."),
                    nameof(standardDeviation));
            }
        }

        if (n == 0)
        {
            return null;
        }

        double inverseSqrtPi = 1 / Math.Sqrt(Math.PI);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double sigma = standardDeviation[i];
            double d = actual[i] - mean[i];
            if (sigma == 0)
            {
                sum += Math.Abs(d);
                continue;
            }

            double z = d / sigma;
            sum += sigma * ((z * ((2 * Normal.CDF(0, 1, z)) - 1)) + (2 * Normal.PDF(0, 1, z)) - inverseSqrtPi);
        }

        return sum / n;
    }

    private static double SumAbsoluteErrors(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        double sum = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            sum += Math.Abs(actual[i] - forecast[i]);
        }

        return sum;
    }

    private static double? NaiveScale(IReadOnlyList<double> inSample, int seasonLength, bool squared)
    {
        ArgumentNullException.ThrowIfNull(inSample);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonLength, 1);
        CheckFinite(inSample, nameof(inSample));
        int count = inSample.Count - seasonLength;
        if (count <= 0)
        {
            return null;
        }

        double sum = 0;
        for (int t = seasonLength; t < inSample.Count; t++)
        {
            double d = inSample[t] - inSample[t - seasonLength];
            sum += squared ? d * d : Math.Abs(d);
        }

        return sum == 0 ? null : sum / count;
    }

    private static int CheckPair(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(forecast);
        CheckSame(actual, forecast, nameof(forecast));
        CheckFinite(actual, nameof(actual));
        CheckFinite(forecast, nameof(forecast));
        return actual.Count;
    }

    private static int CheckBounds(IReadOnlyList<double> actual, IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        CheckSame(actual, lower, nameof(lower));
        CheckSame(actual, upper, nameof(upper));
        CheckFinite(actual, nameof(actual));
        for (int i = 0; i < actual.Count; i++)
        {
            if (double.IsNaN(lower[i]) || double.IsNaN(upper[i]) || lower[i] > upper[i])
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Interval {i} is [{lower[i]}, {upper[i]}]; bounds must not be NaN and lower must not exceed upper."),
                    nameof(lower));
            }
        }

        return actual.Count;
    }

    private static void CheckSame(IReadOnlyList<double> actual, IReadOnlyList<double> other, string name)
    {
        ArgumentNullException.ThrowIfNull(other, name);
        if (other.Count != actual.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{other.Count} values given for {actual.Count} actuals; the lengths must match."),
                name);
        }
    }

    private static void CheckFinite(IReadOnlyList<double> values, string name)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Value {i} is {values[i]}; every value must be finite."),
                    name);
            }
        }
    }
}
