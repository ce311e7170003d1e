using System;

namespace SalesKpi.Forecasting;

/// <summary>
/// Simple exponential smoothing, ETS(A,N,N), fitted to its exact least-squares optimum by profiling out the initial
/// level: ℓ_t = ℓ_{t−1} + α(y_t − ℓ_{t−1}), one-step forecast ℓ_{t−1}, α ∈ [1e−4, 0.9999] and ℓ_0 chosen together to
/// minimise the sum of squared one-step errors (the problem R <c>ses(x)</c>, that is
/// <c>ets(x, "ANN", opt.crit = "mse")</c>, solves). <see cref="Theta"/> uses it.
/// </summary>
/// <remarks>
/// <para>
/// For a fixed α the one-step errors are linear in ℓ_0, e_t = a_t − (1−α)^{t−1}·ℓ_0 (a_t: the errors with ℓ_0 = 0),
/// so the best ℓ_0 is Σ a_t c_t / Σ c_t² with c_t = (1−α)^{t−1}: only α needs a numerical search, done by the bounded
/// one-dimensional minimiser (<see cref="BoundedOptimizer.Brent"/> after a 21-point grid). The SSE at that ℓ_0 and the
/// fitted values come from the ETS recursions (<see cref="EtsEngine"/>). The variance estimate used by Theta is
/// σ² = SSE/(n − 2), as R's <c>ets</c> divides by n minus the two estimated parameters.
/// </para>
/// <para>
/// The ETS family's own ETS(A,N,N) fit (<see cref="EtsFitter"/>) minimises the same criterion but runs R's Nelder–Mead
/// from R's start, so it stops where R stops (for example α = 0.837752 instead of the exact 0.837896 on the seasonally
/// adjusted AirPassengers) and automatic ETS compares the same likelihoods as R. The two are kept apart on purpose:
/// Theta's fitted α must beat both bounds exactly (a Nelder–Mead stop near a bound does not), and the exact optimum in
/// automatic ETS changes its model choice (M3 sMAPE 13.080 → 13.043, MASE 1.426 → 1.427).
/// </para>
/// </remarks>
internal static class SesProfileFitter
{
    internal const double LowerAlpha = 1e-4;
    internal const double UpperAlpha = 0.9999;

    private static readonly EtsStructure Structure = new(EtsError.Additive, EtsTrend.None, EtsSeason.None, 1);

    internal static SesFit Fit(ReadOnlySpan<double> y)
    {
        var values = y.ToArray();
        double alpha = BoundedOptimizer.Brent(a => ConcentratedSse(values, a, out _), LowerAlpha, UpperAlpha, gridPoints: 21).Point[0];
        return FitWithAlpha(values, alpha);
    }

    internal static SesFit FitWithAlpha(ReadOnlySpan<double> y, double alpha)
    {
        ConcentratedSse(y, alpha, out double level0);
        var fitted = new double[y.Length];
        var errors = new double[y.Length];
        double level = level0, trend = 0;
        Span<double> ring = stackalloc double[1];
        EtsEngine.Filter(y, Structure, alpha, 0, 0, 1, ref level, ref trend, ring, fitted, errors);
        double sse = 0;
        foreach (double e in errors)
        {
            sse += e * e;
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
        Span<double> ring = stackalloc double[1];
        return EtsEngine.Loss(y, Structure, alpha, 0, 0, 1, level0, 0, ring, sse: true);
    }
}

/// <summary>A fitted simple exponential smoothing: α, ℓ_0, the final level ℓ_n, the SSE and the one-step fitted values.</summary>
internal readonly record struct SesFit(double Alpha, double Level0, double LastLevel, double Sse, double[] Fitted);
