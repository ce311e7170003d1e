using System;

namespace SalesKpi.Forecasting;

/// <summary>
/// The simple exponential smoothing fit used inside <see cref="Theta"/> (to be unified with the ETS family's SES):
/// ℓ_t = ℓ_{t−1} + α(y_t − ℓ_{t−1}), one-step forecast ℓ_{t−1}, α ∈ [1e−4, 0.9999] and ℓ_0 chosen together to minimise
/// the sum of squared one-step errors (R <c>ses(x)</c>, which is <c>ets(x, "ANN", opt.crit = "mse")</c>).
/// </summary>
/// <remarks>
/// For a fixed α the one-step errors are linear in ℓ_0, e_t = a_t − (1−α)^{t−1}·ℓ_0 (a_t: the errors with ℓ_0 = 0),
/// so the best ℓ_0 is Σ a_t c_t / Σ c_t² with c_t = (1−α)^{t−1}: only α needs a numerical search (bounded grid plus
/// golden section). The variance estimate is σ² = SSE/(n − 2), as R's <c>ets</c> divides by n minus the two
/// estimated parameters.
/// </remarks>
internal static class ThetaSesFitter
{
    internal const double LowerAlpha = 1e-4;
    internal const double UpperAlpha = 0.9999;

    internal static SesFit Fit(ReadOnlySpan<double> y)
    {
        var values = y.ToArray();
        var (alpha, _) = BoundedMinimizer.Minimize(a => ConcentratedSse(values, a, out _), LowerAlpha, UpperAlpha);
        return FitWithAlpha(values, alpha);
    }

    internal static SesFit FitWithAlpha(ReadOnlySpan<double> y, double alpha)
    {
        ConcentratedSse(y, alpha, out double level0);
        var fitted = new double[y.Length];
        double level = level0;
        double sse = 0;
        for (int t = 0; t < y.Length; t++)
        {
            fitted[t] = level;
            double e = y[t] - level;
            sse += e * e;
            level += alpha * e;
        }

        return new SesFit(alpha, level0, level, sse, fitted);
    }

    /// <summary>The SSE at α with the best ℓ_0 (returned), computed directly from the errors at that ℓ_0.</summary>
    internal static double ConcentratedSse(ReadOnlySpan<double> y, double alpha, out double level0)
    {
        double decay = 1 - alpha;
        double level = 0;
        double c = 1;
        double sumAc = 0;
        double sumCc = 0;
        for (int t = 0; t < y.Length; t++)
        {
            double a = y[t] - level;
            sumAc += a * c;
            sumCc += c * c;
            level += alpha * a;
            c *= decay;
        }

        level0 = sumAc / sumCc;
        double sse = 0;
        level = level0;
        for (int t = 0; t < y.Length; t++)
        {
            double e = y[t] - level;
            sse += e * e;
            level += alpha * e;
        }

        return sse;
    }
}

/// <summary>A fitted simple exponential smoothing: α, ℓ_0, the final level ℓ_n, the SSE and the one-step fitted values.</summary>
internal readonly record struct SesFit(double Alpha, double Level0, double LastLevel, double Sse, double[] Fitted);
