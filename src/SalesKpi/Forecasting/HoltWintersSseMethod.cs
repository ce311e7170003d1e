using System;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// Holt-Winters with R <c>stats::HoltWinters</c>'s conventions: start values from a classical decomposition of the
/// first two cycles, parameters in [0, 1] minimising the one-step sum of squared errors.
/// </summary>
/// <remarks>
/// <para>Start values (R <c>start.periods = 2</c>): decompose the first 2m observations (centred moving average,
/// seasonal figure); ℓ and b are the intercept and slope of a least-squares line through the moving-average values
/// (indexed 1, 2, …), the seasonal start values are the figure. Recursions run from observation m + 1:
/// ŷ_t = (ℓ + b) + s or (ℓ + b)·s; ℓ' = α(y − s or y/s) + (1 − α)(ℓ + b); b' = β(ℓ' − ℓ) + (1 − β)b;
/// s' = γ(y − ℓ' or y/ℓ') + (1 − γ)s. The first m observations have no fitted value (NaN).</para>
/// <para>Estimation: free parameters start at α = 0.3, β = 0.1, γ = 0.1 (as R) and minimise the SSE by a
/// Nelder–Mead simplex through a box transform on [0, 1]³, restarted until it stops improving (R uses L-BFGS-B; the optimum is
/// the same where the SSE has a single minimum in the box). A single free parameter uses Brent's method.</para>
/// <para>Intervals follow R <c>predict.HoltWinters</c>: σ² is the sample variance of the residuals,
/// v_h = σ²(1 + Σ_{j=1}^{h−1} ψ_j²) with ψ_j = α(1 + jβ) + [j mod m = 0]·γ(1 − α); the multiplicative version
/// weights each term by (s_h / s_{h−j})² (with ψ₀ = 1 and the season position wrapping within the cycle,
/// where R's code uses ψ₀ = α + γ(1 − α) and can index the slope instead of a seasonal coefficient).</para>
/// <para>Eligibility: a season length m ≥ 2, at least 2m + 1 observations, and non-zero data (strictly positive
/// here) for the multiplicative form; <see cref="ArgumentException"/> otherwise.</para>
/// </remarks>
public sealed class HoltWintersSseMethod : ForecastMethod
{
    internal HoltWintersSseMethod(EtsSeason season, double alpha, double beta, double gamma)
    {
        Season = season;
        FixedAlpha = alpha;
        FixedBeta = beta;
        FixedGamma = gamma;
    }

    /// <summary>Gets the season type (additive or multiplicative).</summary>
    public EtsSeason Season { get; }

    /// <inheritdoc/>
    public override string Name => Season == EtsSeason.Additive ? "HoltWinters(additive, SSE)" : "HoltWinters(multiplicative, SSE)";

    internal double FixedAlpha { get; }

    internal double FixedBeta { get; }

    internal double FixedGamma { get; }

    /// <summary>Returns a copy with α fixed.</summary>
    /// <param name="alpha">The level parameter, in (0, 1].</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1].</exception>
    public HoltWintersSseMethod WithAlpha(double alpha)
    {
        if (!(alpha > 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie in (0, 1].");
        }

        return new HoltWintersSseMethod(Season, alpha, FixedBeta, FixedGamma);
    }

    /// <summary>Returns a copy with β fixed.</summary>
    /// <param name="beta">The trend parameter, in [0, 1].</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is outside [0, 1].</exception>
    public HoltWintersSseMethod WithBeta(double beta)
    {
        if (!(beta >= 0 && beta <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must lie in [0, 1].");
        }

        return new HoltWintersSseMethod(Season, FixedAlpha, beta, FixedGamma);
    }

    /// <summary>Returns a copy with γ fixed.</summary>
    /// <param name="gamma">The seasonal parameter, in [0, 1].</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is outside [0, 1].</exception>
    public HoltWintersSseMethod WithGamma(double gamma)
    {
        if (!(gamma >= 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must lie in [0, 1].");
        }

        return new HoltWintersSseMethod(Season, FixedAlpha, FixedBeta, gamma);
    }

    /// <summary>Fits and returns the model with its Holt-Winters members.</summary>
    /// <param name="series">The series.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentException">The series is not eligible; the message says why.</exception>
    public HoltWintersSseModel FitHoltWinters(TimeSeries series) => (HoltWintersSseModel)Fit(series);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The season length is below 2, the series has fewer than 2m + 1 observations, or a value is not positive for a multiplicative season.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        int m = series.SeasonLength;
        int n = series.Count;
        if (m < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Holt-Winters needs a season length of at least 2; the series has {m}."),
                nameof(series));
        }

        if (n < 2 * m + 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Holt-Winters needs at least 2m + 1 = {2 * m + 1} observations; the series has {n}."),
                nameof(series));
        }

        bool multiplicative = Season == EtsSeason.Multiplicative;
        var y = series.Span.ToArray();
        int bad = multiplicative ? ForecastMath.FirstNonPositive(y) : -1;
        if (bad >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Multiplicative Holt-Winters needs strictly positive data; observation {bad} is {y[bad]}."),
                nameof(series));
        }

        StartValues(y, m, multiplicative, out double a0, out double b0, out double[] s0);
        var season = new double[n + m];
        double Sse(double alpha, double beta, double gamma) => Run(y, m, multiplicative, alpha, beta, gamma, a0, b0, s0, season, null, out _, out _);

        bool fa = double.IsNaN(FixedAlpha), fb = double.IsNaN(FixedBeta), fg = double.IsNaN(FixedGamma);
        int free = (fa ? 1 : 0) + (fb ? 1 : 0) + (fg ? 1 : 0);
        double alpha = FixedAlpha, beta = FixedBeta, gamma = FixedGamma;
        if (free == 1)
        {
            var r = BoundedOptimizer.Brent(
                v => Sse(fa ? v : alpha, fb ? v : beta, fg ? v : gamma), 0, 1, 1.220703125e-4 * 1e-4);
            if (fa)
            {
                alpha = r.Point[0];
            }
            else if (fb)
            {
                beta = r.Point[0];
            }
            else
            {
                gamma = r.Point[0];
            }
        }
        else if (free > 1)
        {
            var start = new double[free];
            var steps = new double[free];
            var lower = new double[free];
            var upper = new double[free];
            int i = 0;
            int ia = fa ? i++ : -1, ib = fb ? i++ : -1, ig = fg ? i++ : -1;
            if (ia >= 0)
            {
                start[ia] = 0.3;
            }

            if (ib >= 0)
            {
                start[ib] = 0.1;
            }

            if (ig >= 0)
            {
                start[ig] = 0.1;
            }

            for (int j = 0; j < free; j++)
            {
                steps[j] = 0.1;
                upper[j] = 1;
            }

            double fixedA = FixedAlpha, fixedB = FixedBeta, fixedG = FixedGamma;
            double Objective(ReadOnlySpan<double> x) => Sse(ia >= 0 ? x[ia] : fixedA, ib >= 0 ? x[ib] : fixedB, ig >= 0 ? x[ig] : fixedG);
            var best = BoundedOptimizer.Restart(
                BoundedOptimizer.NelderMead(Objective, start, steps, lower, upper, 1e-14, 5000),
                (from, _) => BoundedOptimizer.NelderMead(Objective, from, [0.05, 0.05, 0.05], lower, upper, 1e-14, 5000),
                20,
                1e-12,
                0);

            alpha = ia >= 0 ? best.Point[ia] : FixedAlpha;
            beta = ib >= 0 ? best.Point[ib] : FixedBeta;
            gamma = ig >= 0 ? best.Point[ig] : FixedGamma;
        }

        var fitted = new double[n];
        double sse = Run(y, m, multiplicative, alpha, beta, gamma, a0, b0, s0, season, fitted, out double level, out double trend);
        var finalSeason = season.AsSpan(n - m, m).ToArray();
        return new HoltWintersSseModel(Name, series, Season, alpha, beta, gamma, fitted, sse, level, trend, finalSeason);
    }

    /// <summary>R's start values from <c>decompose</c> of the first two cycles.</summary>
    internal static void StartValues(ReadOnlySpan<double> y, int m, bool multiplicative, out double level, out double trend, out double[] season)
    {
        var window = y[..(2 * m)];
        var movingAverage = ClassicalDecomposition.CentredMovingAverage(window, m);
        season = ClassicalDecomposition.SeasonalFigures(window, m, multiplicative);
        int half = m / 2;

        // Least squares line through the defined moving-average values on x = 1, 2, …; the intercept is the level at x = 0.
        (level, trend) = ForecastMath.LinearFit(movingAverage.AsSpan(half, (2 * m) - (2 * half)), 1);
    }

    /// <summary>The recursions of R's C routine; returns the SSE and the final level and slope.</summary>
    internal static double Run(
        ReadOnlySpan<double> y,
        int m,
        bool multiplicative,
        double alpha,
        double beta,
        double gamma,
        double a0,
        double b0,
        ReadOnlySpan<double> s0,
        Span<double> season,
        Span<double> fitted,
        out double level,
        out double trend)
    {
        int n = y.Length;
        level = a0;
        trend = b0;
        s0.CopyTo(season);
        double sse = 0;
        bool record = !fitted.IsEmpty;
        if (record)
        {
            fitted[..m].Fill(double.NaN);
        }

        for (int i = m; i < n; i++)
        {
            int k = i - m; // season[k] is the index of one cycle ago; season[k + m] receives the update.
            double st = season[k];
            double lt = level + trend;
            double xhat = multiplicative ? lt * st : lt + st;
            if (record)
            {
                fitted[i] = xhat;
            }

            double res = y[i] - xhat;
            sse += res * res;
            double newLevel = alpha * (multiplicative ? y[i] / st : y[i] - st) + (1 - alpha) * lt;
            trend = beta * (newLevel - level) + (1 - beta) * trend;
            level = newLevel;
            season[k + m] = gamma * (multiplicative ? y[i] / level : y[i] - level) + (1 - gamma) * st;
        }

        return sse;
    }
}
