using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SalesKpi.Forecasting;

/// <summary>The shape of an ETS model: error, trend and season types and the season length used.</summary>
/// <param name="Error">The error type.</param>
/// <param name="Trend">The trend type.</param>
/// <param name="Season">The season type.</param>
/// <param name="Period">The season length m (1 when <paramref name="Season"/> is none).</param>
internal readonly record struct EtsStructure(EtsError Error, EtsTrend Trend, EtsSeason Season, int Period)
{
    internal bool HasTrend => Trend != EtsTrend.None;

    internal bool Damped => Trend == EtsTrend.AdditiveDamped;

    internal bool HasSeason => Season != EtsSeason.None;

    internal bool MultiplicativeSeason => Season == EtsSeason.Multiplicative;

    internal bool MultiplicativeError => Error == EtsError.Multiplicative;

    /// <summary>Gets the number of smoothing parameters (α, β, γ, φ) the model has.</summary>
    internal int SmoothingCount => 1 + (HasTrend ? 1 : 0) + (HasSeason ? 1 : 0) + (Damped ? 1 : 0);

    /// <summary>Gets the number of free initial states (ℓ₀, b₀ and m − 1 seasonal states).</summary>
    internal int FreeStateCount => 1 + (HasTrend ? 1 : 0) + (HasSeason ? Period - 1 : 0);

    /// <summary>Gets the name in the ETS(E,T,S) taxonomy, for example <c>ETS(M,Ad,M)</c>.</summary>
    internal string Name
    {
        get
        {
            string e = MultiplicativeError ? "M" : "A";
            string t = Trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" };
            string s = Season switch { EtsSeason.None => "N", EtsSeason.Additive => "A", _ => "M" };
            return "ETS(" + e + "," + t + "," + s + ")";
        }
    }
}

/// <summary>A compile-time boolean for loop specialisation.</summary>
internal interface IFlag
{
    static abstract bool Value { get; }
}

/// <summary>A compile-time season kind (0 none, 1 additive, 2 multiplicative).</summary>
internal interface ISeasonKind
{
    static abstract int Kind { get; }
}

internal readonly struct Yes : IFlag
{
    public static bool Value => true;
}

internal readonly struct No : IFlag
{
    public static bool Value => false;
}

internal readonly struct NoSeason : ISeasonKind
{
    public static int Kind => 0;
}

internal readonly struct AdditiveSeason : ISeasonKind
{
    public static int Kind => 1;
}

internal readonly struct MultiplicativeSeason : ISeasonKind
{
    public static int Kind => 2;
}

/// <summary>
/// One pass of the recursions: the smoothing parameters, and the running state (level, trend, Σe², the running
/// product of |μ| and Σlog|μ|, the next step and seasonal slot), so that a pass can pause and resume.
/// </summary>
internal struct EtsRun
{
    internal readonly double Alpha;
    internal readonly double BetaStar;
    internal readonly double Gamma;
    internal readonly double Phi;
    internal readonly int Period;
    internal double Level;
    internal double Trend;
    internal double SumLog;
    internal double SumSquares;
    internal double Product;
    internal int Step;
    internal int Slot;

    internal EtsRun(double alpha, double betaStar, double gamma, double phi, double level, double trend, int period)
    {
        Alpha = alpha;
        BetaStar = betaStar;
        Gamma = gamma;
        Phi = phi;
        Period = period;
        Level = level;
        Trend = trend;
        SumLog = 0;
        SumSquares = 0;
        Product = 1;
        Step = 0;
        Slot = 0;
    }
}

/// <summary>
/// The recursions of the exponential-smoothing state-space models (Hyndman, Koehler, Ord &amp; Snyder 2008) in the
/// error-correction form used by R <c>forecast::ets</c>, written as tight loops over arrays.
/// </summary>
/// <remarks>
/// One step, with q = ℓ + φb (q = ℓ without trend) and s the seasonal state of one cycle ago:
/// μ = q + s or q·s; ℓ' = q + α(p − q) with p = y − s or y / s; b' = φb + β*(ℓ' − ℓ − φb) with β* = β/α,
/// computed as φb + β(p − q);
/// s' = s + γ(t − s) with t = y − q or y / q. The recursions are the same for both error types; the error type
/// changes only the innovation (y − μ or (y − μ)/μ) and so the likelihood. Seasonal states live in a ring buffer:
/// <c>ring[t mod m]</c> is the state used at step t and is overwritten by its update.
/// </remarks>
internal static class EtsEngine
{
    private const double Tiny = 1e-10;
    private const double Huge = 1e10;

    /// <summary>
    /// R's likelihood criterion −2 log L up to constants: n·log(Σe²) for additive errors and
    /// n·log(Σe²) + 2·Σlog|μ| for multiplicative errors (e the relative error); or, when <paramref name="sse"/> is
    /// set, the sum of squared one-step errors Σ(y − μ)² whatever the error type. Returns +∞ when a forecast is not finite.
    /// </summary>
    /// <remarks>Dispatches once to a loop specialised (through generic struct flags) for the model's components,
    /// so the per-observation work has no branches on the model shape and allocates nothing. <paramref name="ring"/>
    /// is updated in place.</remarks>
    internal static double Loss(
        ReadOnlySpan<double> y,
        in EtsStructure model,
        double alpha,
        double betaStar,
        double gamma,
        double phi,
        double level,
        double trend,
        Span<double> ring,
        bool sse)
    {
        bool relative = model.MultiplicativeError && !sse;
        var state = new EtsRun(alpha, betaStar, gamma, phi, level, trend, model.Period);
        double sumSquares = Dispatch<No>(y, model, relative, ref state, ring, default, default);
        double result = sse ? sumSquares : (y.Length * Math.Log(sumSquares)) + (relative ? 2 * state.SumLog : 0);
        if (double.IsNaN(result) || double.IsPositiveInfinity(result))
        {
            return double.PositiveInfinity;
        }

        return Math.Max(result, -1e10);
    }

    /// <summary>
    /// Runs the recursions once and records fitted values, innovations (relative errors for multiplicative-error
    /// models) and the final state. On return <paramref name="ring"/> holds the seasonal states in use order for steps
    /// n + 1, n + 2, … (index (h − 1) mod m).
    /// </summary>
    /// <remarks>The same specialised loop as <see cref="Loss"/>, so the innovations are exactly those whose squares the
    /// likelihood sums.</remarks>
    internal static void Filter(
        ReadOnlySpan<double> y,
        in EtsStructure model,
        double alpha,
        double betaStar,
        double gamma,
        double phi,
        ref double level,
        ref double trend,
        Span<double> ring,
        Span<double> fitted,
        Span<double> errors)
    {
        var state = new EtsRun(alpha, betaStar, gamma, phi, level, trend, model.Period);
        Dispatch<Yes>(y, model, model.MultiplicativeError, ref state, ring, fitted, errors);
        level = state.Level;
        trend = state.Trend;
        int m = model.Period;
        int k = y.Length % m;
        if (model.HasSeason && k != 0)
        {
            // Rotate so that ring[0] is the state used at step n + 1.
            Span<double> copy = m <= 64 ? stackalloc double[m] : new double[m];
            for (int j = 0; j < m; j++)
            {
                copy[j] = ring[(k + j) % m];
            }

            copy.CopyTo(ring);
        }
    }

    private static double Dispatch<TRecord>(ReadOnlySpan<double> y, in EtsStructure model, bool relative, ref EtsRun state, Span<double> ring, Span<double> fitted, Span<double> errors)
        where TRecord : struct, IFlag => model.Season switch
        {
            EtsSeason.None => Dispatch<NoSeason, TRecord>(y, model.HasTrend, relative, ref state, ring, fitted, errors),
            EtsSeason.Additive => Dispatch<AdditiveSeason, TRecord>(y, model.HasTrend, relative, ref state, ring, fitted, errors),
            _ => Dispatch<MultiplicativeSeason, TRecord>(y, model.HasTrend, relative, ref state, ring, fitted, errors),
        };

    private static double Dispatch<TSeason, TRecord>(ReadOnlySpan<double> y, bool hasTrend, bool relative, ref EtsRun state, Span<double> ring, Span<double> fitted, Span<double> errors)
        where TSeason : struct, ISeasonKind
        where TRecord : struct, IFlag => hasTrend
            ? (relative ? Run<Yes, TSeason, Yes, TRecord>(y, ref state, ring, fitted, errors) : Run<Yes, TSeason, No, TRecord>(y, ref state, ring, fitted, errors))
            : (relative ? Run<No, TSeason, Yes, TRecord>(y, ref state, ring, fitted, errors) : Run<No, TSeason, No, TRecord>(y, ref state, ring, fitted, errors));

    /// <summary>
    /// The specialised recursion: returns Σe² and leaves the final level and trend and, for relative errors, Σlog|μ| in
    /// <paramref name="state"/>; with <typeparamref name="TRecord"/> it also stores μ_t and e_t.
    /// </summary>
    /// <remarks>
    /// Σlog|μ| is the sum of the logs of running products of |μ|, each closed before it can overflow or underflow.
    /// The loop itself (<see cref="Steps"/>) only collects the closed products, and the logs are taken here, in the
    /// same order: a call inside the loop would force every running value out of the registers on each step.
    /// </remarks>
    private static double Run<TTrend, TSeason, TRelative, TRecord>(ReadOnlySpan<double> y, ref EtsRun state, Span<double> ring, Span<double> fitted, Span<double> errors)
        where TTrend : struct, IFlag
        where TSeason : struct, ISeasonKind
        where TRelative : struct, IFlag
        where TRecord : struct, IFlag
    {
        Span<double> products = TRelative.Value ? stackalloc double[16] : default;
        while (true)
        {
            int closed = Steps<TTrend, TSeason, TRelative, TRecord>(y, ref state, ring, fitted, errors, products);
            for (int i = 0; i < closed; i++)
            {
                state.SumLog += Math.Log(products[i]);
            }

            if (state.Step >= y.Length)
            {
                break;
            }
        }

        if (TRelative.Value)
        {
            state.SumLog += Math.Log(state.Product);
        }

        return state.SumSquares;
    }

    /// <summary>
    /// Runs steps from <c>state.Step</c> until the end of the series or until <paramref name="products"/> is full;
    /// returns the number of running products closed into it.
    /// </summary>
    private static int Steps<TTrend, TSeason, TRelative, TRecord>(ReadOnlySpan<double> y, ref EtsRun state, Span<double> ring, Span<double> fitted, Span<double> errors, Span<double> products)
        where TTrend : struct, IFlag
        where TSeason : struct, ISeasonKind
        where TRelative : struct, IFlag
        where TRecord : struct, IFlag
    {
        double alpha = state.Alpha, gamma = state.Gamma, phi = state.Phi;
        double beta = state.BetaStar * alpha;
        double level = state.Level, trend = state.Trend;
        double sumSquares = state.SumSquares;
        double product = state.Product;
        int m = state.Period;
        int k = state.Slot;
        int t = state.Step;
        int closed = 0;
        ref double ringStart = ref MemoryMarshal.GetReference(ring);
        ref double yStart = ref MemoryMarshal.GetReference(y);
        while (t < y.Length)
        {
            double phib = TTrend.Value ? phi * trend : 0.0;
            double q = level + phib;
            double yt = Unsafe.Add(ref yStart, t);
            double mu, p, s = 0;
            ref double slot = ref Unsafe.Add(ref ringStart, k);
            if (TSeason.Kind == 0)
            {
                mu = q;
                p = yt;
            }
            else
            {
                s = slot;
                if (TSeason.Kind == 1)
                {
                    mu = q + s;
                    p = yt - s;
                }
                else
                {
                    mu = q * s;
                    p = Math.Abs(s) < Tiny ? Huge : yt / s;
                }
            }

            double e;
            double inverseQ = 0;
            if (TRelative.Value)
            {
                if (TSeason.Kind == 2)
                {
                    // y/μ = (y/s)/q: one division for the error and the seasonal target together.
                    inverseQ = 1 / q;
                    e = (p * inverseQ) - 1;
                }
                else
                {
                    e = (yt - mu) / mu;
                }

                // Σ log|μ| as the logs of running products, closed before they can overflow or underflow.
                product *= Math.Abs(mu);
                if (!(product < 1e150 && product > 1e-150))
                {
                    products[closed++] = product;
                    product = 1;
                }
            }
            else
            {
                e = yt - mu;
            }

            if (TRecord.Value)
            {
                fitted[t] = mu;
                errors[t] = e;
            }

            sumSquares += e * e;

            // ℓ' − ℓ − φb = α(p − q), so b' = φb + β(p − q) with β = αβ*: a shorter dependency chain per step.
            double d = p - q;
            double newLevel = q + (alpha * d);
            if (TTrend.Value)
            {
                trend = phib + (beta * d);
            }

            if (TSeason.Kind != 0)
            {
                double target;
                if (TSeason.Kind == 1)
                {
                    target = yt - q;
                }
                else if (TRelative.Value)
                {
                    target = Math.Abs(q) < Tiny ? Huge : yt * inverseQ;
                }
                else
                {
                    target = Math.Abs(q) < Tiny ? Huge : yt / q;
                }

                slot = s + (gamma * (target - s));
                if (++k == m)
                {
                    k = 0;
                }
            }

            level = newLevel;
            t++;
            if (TRelative.Value && closed == products.Length)
            {
                break;
            }
        }

        state.Level = level;
        state.Trend = trend;
        state.SumSquares = sumSquares;
        state.Product = product;
        state.Slot = k;
        state.Step = t;
        return closed;
    }

    /// <summary>
    /// R <c>ets</c>'s heuristic initial states: seasonal indices from a classical decomposition (or, with fewer
    /// than three cycles, from a regression on a trend and one Fourier pair), level and trend from a regression on
    /// the first max(10, 2m) seasonally adjusted observations.
    /// </summary>
    /// <param name="y">The observations.</param>
    /// <param name="model">The model shape.</param>
    /// <param name="level">The initial level ℓ₀.</param>
    /// <param name="trend">The initial slope b₀ (0 without trend).</param>
    /// <param name="ring">The m initial seasonal states in use order (ring[j] is used at step j + 1).</param>
    internal static void HeuristicInitialStates(ReadOnlySpan<double> y, in EtsStructure model, out double level, out double trend, Span<double> ring)
    {
        int n = y.Length;
        int m = model.Period;
        var adjusted = new double[n];
        y.CopyTo(adjusted);
        if (model.HasSeason)
        {
            var seasonal = new double[n];
            bool mult = model.MultiplicativeSeason;
            if (n >= 3 * m)
            {
                var figure = ClassicalDecomposition.SeasonalFigures(y, m, mult);
                for (int t = 0; t < n; t++)
                {
                    seasonal[t] = figure[t % m];
                }
            }
            else
            {
                FourierTrendSeasonal(y, m, mult, seasonal);
            }

            // ring[j] for j ≥ 1 from the first cycle; ring[0] closes the normalisation (sum 0 or m).
            double sum = 0;
            for (int j = 1; j < m; j++)
            {
                double s = seasonal[j];
                if (mult)
                {
                    s = Math.Max(s, 0.01);
                }

                ring[j] = s;
                sum += s;
            }

            if (mult && sum > m)
            {
                double denominator = sum + 0.01 * (m - 1);
                sum = 0;
                for (int j = 1; j < m; j++)
                {
                    ring[j] /= denominator;
                    sum += ring[j];
                }
            }

            ring[0] = (mult ? m : 0) - sum;
            for (int t = 0; t < n; t++)
            {
                adjusted[t] = mult ? y[t] / Math.Max(seasonal[t], 0.01) : y[t] - seasonal[t];
            }
        }

        int maxn = Math.Min(Math.Max(10, model.HasSeason ? 2 * m : 2), n);
        if (!model.HasTrend)
        {
            level = ForecastMath.Mean(adjusted.AsSpan(0, maxn));
            trend = 0;
            return;
        }

        // Least squares line on x = 1..maxn; the intercept is the level at x = 0.
        (level, trend) = ForecastMath.LinearFit(adjusted.AsSpan(0, maxn), 1);
        if (Math.Abs(level + trend) < 1e-8)
        {
            level *= 1 + 1e-3;
            trend *= 1 - 1e-3;
        }
    }

    /// <summary>R <c>initial = "simple"</c> states (see <see cref="EtsInitialization.Simple"/>).</summary>
    internal static void SimpleInitialStates(ReadOnlySpan<double> y, in EtsStructure model, out double level, out double trend, Span<double> ring)
    {
        int m = model.Period;
        if (!model.HasSeason)
        {
            level = y[0];
            trend = model.HasTrend ? y[1] - y[0] : 0;
            return;
        }

        double first = 0, second = 0;
        for (int j = 0; j < m; j++)
        {
            first += y[j];
            second += y[m + j];
        }

        level = first / m;
        trend = model.HasTrend ? (second / m - level) / m : 0;
        for (int j = 0; j < m; j++)
        {
            ring[j] = model.MultiplicativeSeason ? y[j] / level : y[j] - level;
        }
    }

    /// <summary>
    /// Seasonal component for short series (R <c>initstate</c> with n &lt; 3m): regress y on 1, t, sin(2πt/m),
    /// cos(2πt/m) and return y minus (or divided by) the fitted line a + b·t.
    /// </summary>
    private static void FourierTrendSeasonal(ReadOnlySpan<double> y, int m, bool multiplicative, Span<double> seasonal)
    {
        int n = y.Length;
        int p = m == 2 ? 3 : 4; // sin(πt) vanishes for m = 2
        var xtx = new double[p, p];
        var xty = new double[p];
        Span<double> row = stackalloc double[4];
        for (int t = 1; t <= n; t++)
        {
            row[0] = 1;
            row[1] = t;
            double angle = 2 * Math.PI * t / m;
            if (p == 4)
            {
                row[2] = Math.Sin(angle);
                row[3] = Math.Cos(angle);
            }
            else
            {
                row[2] = Math.Cos(angle);
            }

            for (int i = 0; i < p; i++)
            {
                xty[i] += row[i] * y[t - 1];
                for (int j = 0; j < p; j++)
                {
                    xtx[i, j] += row[i] * row[j];
                }
            }
        }

        var coef = SolveSymmetric(xtx, xty);
        for (int t = 1; t <= n; t++)
        {
            double line = coef[0] + coef[1] * t;
            seasonal[t - 1] = multiplicative ? y[t - 1] / line : y[t - 1] - line;
        }
    }

    /// <summary>Solves a small linear system by Gaussian elimination with partial pivoting.</summary>
    internal static double[] SolveSymmetric(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = r;
                }
            }

            if (pivot != c)
            {
                for (int j = 0; j < n; j++)
                {
                    (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
                }

                (x[c], x[pivot]) = (x[pivot], x[c]);
            }

            double d = m[c, c];
            if (d == 0)
            {
                continue;
            }

            for (int r = c + 1; r < n; r++)
            {
                double f = m[r, c] / d;
                for (int j = c; j < n; j++)
                {
                    m[r, j] -= f * m[c, j];
                }

                x[r] -= f * x[c];
            }
        }

        for (int r = n - 1; r >= 0; r--)
        {
            double s = x[r];
            for (int j = r + 1; j < n; j++)
            {
                s -= m[r, j] * x[j];
            }

            x[r] = m[r, r] == 0 ? 0 : s / m[r, r];
        }

        return x;
    }

    /// <summary>
    /// R <c>ets</c>'s admissibility test (the forecast-variance stability region, HKOS 2008 ch. 10): for seasonal
    /// models the roots of the characteristic polynomial must lie in the unit disk (checked by the Schur–Cohn
    /// recursion instead of computing the roots).
    /// </summary>
    internal static bool Admissible(double alpha, double beta, double gamma, double phi, bool hasSeason, int m)
    {
        if (phi < 0 || phi > 1 + 1e-8)
        {
            return false;
        }

        if (!hasSeason)
        {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi)
            {
                return false;
            }

            return beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha);
        }

        if (gamma < Math.Max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha)
        {
            return false;
        }

        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m))
        {
            return false;
        }

        if (beta < -(1 - phi) * (gamma / m + alpha))
        {
            return false;
        }

        // P(z) = φ(1−α−γ) + (α+β−αφ+γ−1) z + (α+β−αφ)(z² + … + z^{m−1}) + (α+β−φ) z^m + z^{m+1}.
        Span<double> c = stackalloc double[m + 2];
        c[0] = phi * (1 - alpha - gamma);
        c[1] = alpha + beta - alpha * phi + gamma - 1;
        for (int j = 2; j < m; j++)
        {
            c[j] = alpha + beta - alpha * phi;
        }

        c[m] = alpha + beta - phi;
        c[m + 1] = 1;
        return RootsWithinRadius(c, 1 + 1e-10);
    }

    /// <summary>True when every root of Σ c_k z^k lies within |z| ≤ radius (Schur–Cohn–Jury recursion).</summary>
    /// <remarks><paramref name="c"/> is scaled in place.</remarks>
    internal static bool RootsWithinRadius(Span<double> c, double radius)
    {
        // Roots of p(z) within radius r ⇔ roots of p(r z) within the unit disk.
        double scale = 1;
        for (int k = 0; k < c.Length; k++)
        {
            c[k] *= scale;
            scale *= radius;
        }

        int degree = c.Length - 1;
        int length = c.Length;
        Span<double> buffers = length <= 32 ? stackalloc double[2 * length] : new double[2 * length];
        c.CopyTo(buffers);
        ref double from = ref MemoryMarshal.GetReference(buffers);
        ref double to = ref Unsafe.Add(ref from, length);
        while (degree > 0)
        {
            double lead = Unsafe.Add(ref from, degree);
            double constant = from;
            if (Math.Abs(constant) >= Math.Abs(lead))
            {
                return false;
            }

            // q(z) = (p(z) − k p*(z)) / z with k = c_0/c_d on the monic p (same number of roots inside, by
            // Rouché); working monic keeps the magnitudes from underflowing as the degree falls. The two buffers
            // take turns, so no copy sits between one degree and the next.
            double reflection = constant / lead;
            double scaleBack = 1 / lead;
            for (int k = 0; k < degree; k++)
            {
                Unsafe.Add(ref to, k) = (Unsafe.Add(ref from, k + 1) - (reflection * Unsafe.Add(ref from, degree - k - 1))) * scaleBack;
            }

            ref double swap = ref from;
            from = ref to;
            to = ref swap;
            degree--;
        }

        return true;
    }
}
