using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SalesKpi.Forecasting;

/// <summary>An objective function of a parameter vector; may return <see cref="double.PositiveInfinity"/> for an inadmissible point.</summary>
/// <param name="x">The parameters (read only; the optimiser owns the buffer).</param>
/// <returns>The objective value.</returns>
internal delegate double VectorObjective(ReadOnlySpan<double> x);

/// <summary>Result of a bounded minimisation.</summary>
/// <param name="Point">The best point found, always inside the bounds.</param>
/// <param name="Value">The objective at <paramref name="Point"/>.</param>
/// <param name="Evaluations">The number of objective evaluations used.</param>
internal readonly record struct OptimumResult(double[] Point, double Value, int Evaluations);

/// <summary>
/// Minimisers that never leave their box: the bounded one-dimensional search (Brent, optionally after a grid scan),
/// a Nelder–Mead simplex through a box transform, and R's Nelder–Mead variant with +∞ outside the box.
/// </summary>
/// <remarks>
/// Unlike MathNet's <c>GoldenSectionMinimizer</c> (a bracketing search that can return points outside the interval),
/// every point evaluated and returned here lies inside [lower, upper]. Constraints that are not a box (β ≤ α,
/// admissibility) are expressed by the objective returning +∞; a feasible start keeps the simplex feasible.
/// </remarks>
internal static class BoundedOptimizer
{
    private static readonly double GoldenRatioStep = (3.0 - Math.Sqrt(5.0)) / 2.0;

    /// <summary>
    /// The bounded one-dimensional minimiser: Brent's method (golden-section steps with parabolic interpolation) on
    /// [lower, upper], optionally after a uniform grid scan that brackets the best region of a multimodal objective.
    /// </summary>
    /// <remarks>
    /// <para>Without a grid (<paramref name="gridPoints"/> below 3) Brent searches the whole interval and its result is
    /// then compared with both end points; an end point replaces it only when strictly better.</para>
    /// <para>With a grid of g ≥ 3 points (both bounds included, the last one exactly <paramref name="upper"/>) the grid is
    /// scanned first, Brent searches between the neighbours of the best grid point, and its result replaces that grid
    /// point only when strictly better (so ties keep the first, smallest grid point).</para>
    /// <para>Either way every point evaluated lies in [lower, upper], a bound optimum is returned exactly, and the
    /// result is never worse than either bound. NaN counts as +∞.</para>
    /// </remarks>
    /// <param name="f">The objective.</param>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound (≥ lower).</param>
    /// <param name="tolerance">The absolute tolerance on x.</param>
    /// <param name="maxEvaluations">The evaluation budget of the Brent search.</param>
    /// <param name="gridPoints">The number of grid points scanned first; below 3 for none.</param>
    /// <returns>The minimiser, inside [lower, upper].</returns>
    internal static OptimumResult Brent(Func<double, double> f, double lower, double upper, double tolerance = 1e-8, int maxEvaluations = 500, int gridPoints = 0)
    {
        if (!(lower <= upper))
        {
            throw new ArgumentException("The lower bound must not exceed the upper bound.", nameof(lower));
        }

        int evaluations = 0;
        double Eval(double x)
        {
            evaluations++;
            double v = f(Math.Clamp(x, lower, upper));
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }

        if (gridPoints < 3)
        {
            var (x, fx) = BrentSearch(Eval, lower, upper, tolerance, maxEvaluations, ref evaluations);

            // A bound optimum is a valid answer: compare with both end points.
            double fl = Eval(lower);
            if (fl < fx)
            {
                x = lower; fx = fl;
            }

            double fh = Eval(upper);
            if (fh < fx)
            {
                x = upper; fx = fh;
            }

            return new OptimumResult([Math.Clamp(x, lower, upper)], fx, evaluations);
        }

        double step = (upper - lower) / (gridPoints - 1);
        double bestX = lower, bestF = Eval(lower);
        int bestIndex = 0;
        for (int i = 1; i < gridPoints; i++)
        {
            double x = i == gridPoints - 1 ? upper : lower + (i * step);
            double fx = Eval(x);
            if (fx < bestF)
            {
                (bestX, bestF, bestIndex) = (x, fx, i);
            }
        }

        double a = bestIndex == 0 ? lower : lower + ((bestIndex - 1) * step);
        double b = bestIndex >= gridPoints - 2 ? upper : lower + ((bestIndex + 1) * step);
        int budget = evaluations + maxEvaluations;
        var (xb, fb) = BrentSearch(Eval, a, b, tolerance, budget, ref evaluations);
        if (fb < bestF)
        {
            (bestX, bestF) = (Math.Clamp(xb, lower, upper), fb);
        }

        return new OptimumResult([bestX], bestF, evaluations);
    }

    /// <summary>Brent's search on [a, b] (a ≤ b) until the bracket is within tolerance or the count reaches the budget.</summary>
    private static (double X, double Value) BrentSearch(Func<double, double> eval, double a, double b, double tolerance, int budget, ref int evaluations)
    {
        double v = a + GoldenRatioStep * (b - a);
        double w = v, x = v;
        double fx = eval(x), fv = fx, fw = fx;
        double d = 0, e = 0;
        const double eps = 1.4901161193847656e-08; // sqrt(machine epsilon)
        while (evaluations < budget)
        {
            double xm = 0.5 * (a + b);
            double tol1 = eps * Math.Abs(x) + tolerance / 3.0;
            double tol2 = 2.0 * tol1;
            if (Math.Abs(x - xm) <= tol2 - 0.5 * (b - a))
            {
                break;
            }

            bool golden = true;
            if (Math.Abs(e) > tol1)
            {
                // Try a parabola through x, v, w.
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double p = (x - v) * q - (x - w) * r;
                q = 2.0 * (q - r);
                if (q > 0)
                {
                    p = -p;
                }
                else
                {
                    q = -q;
                }

                double eOld = e;
                e = d;
                if (Math.Abs(p) < Math.Abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x))
                {
                    d = p / q;
                    double u0 = x + d;
                    if (u0 - a < tol2 || b - u0 < tol2)
                    {
                        d = x < xm ? tol1 : -tol1;
                    }

                    golden = false;
                }
            }

            if (golden)
            {
                e = (x < xm ? b : a) - x;
                d = GoldenRatioStep * e;
            }

            double u = Math.Abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
            double fu = eval(u);
            if (fu <= fx)
            {
                if (u < x)
                {
                    b = x;
                }
                else
                {
                    a = x;
                }

                v = w; fv = fw;
                w = x; fw = fx;
                x = u; fx = fu;
            }
            else
            {
                if (u < x)
                {
                    a = u;
                }
                else
                {
                    b = u;
                }

                if (fu <= fw || w == x)
                {
                    v = w; fv = fw;
                    w = u; fw = fu;
                }
                else if (fu <= fv || v == x || v == w)
                {
                    v = u; fv = fu;
                }
            }
        }

        return (x, fx);
    }

    /// <summary>
    /// Minimises by the Nelder–Mead simplex method (reflection 1, expansion 2, contraction ½, shrink ½) through a box
    /// transform: a coordinate bounded on both sides is searched as u with x = lo + (hi − lo)(1 + sin u)/2, so every
    /// point evaluated lies in [lo, hi], bound optima are reachable (sin u = ±1) and the simplex never collapses onto
    /// a face of the box; unbounded coordinates are searched as they are. The search restarts from its best point
    /// with a fresh simplex until a restart stops improving.
    /// </summary>
    /// <param name="f">The objective; +∞ marks an inadmissible point.</param>
    /// <param name="start">The start, which must lie in the box and have a finite objective.</param>
    /// <param name="steps">The initial simplex edge along each coordinate, in the units of x.</param>
    /// <param name="lower">Lower bounds (−∞ for none; a coordinate must be bounded on both sides or on neither).</param>
    /// <param name="upper">Upper bounds (+∞ for none).</param>
    /// <param name="relativeTolerance">Stop when the spread of simplex values is within this fraction of the start value.</param>
    /// <param name="maxEvaluations">The evaluation budget over all restarts.</param>
    /// <returns>The best point found, inside the box.</returns>
    internal static OptimumResult NelderMead(
        VectorObjective f,
        ReadOnlySpan<double> start,
        ReadOnlySpan<double> steps,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        double relativeTolerance,
        int maxEvaluations)
    {
        int n = start.Length;
        var lo = lower.ToArray();
        var hi = upper.ToArray();
        var u0 = new double[n];
        var du = new double[n];
        var x = new double[n];
        var free = new double[n];
        var infinite = new double[n];
        for (int i = 0; i < n; i++)
        {
            bool boxed = double.IsFinite(lo[i]) && double.IsFinite(hi[i]);
            double width = hi[i] - lo[i];
            if (boxed && width > 0)
            {
                double r = Math.Clamp((2 * (start[i] - lo[i]) / width) - 1, -1, 1);
                u0[i] = Math.Asin(r);
                du[i] = Math.Max(2 * steps[i] / width, 0.05);
            }
            else
            {
                u0[i] = boxed ? lo[i] : start[i];
                du[i] = boxed ? 0 : steps[i];
            }

            free[i] = double.NegativeInfinity;
            infinite[i] = double.PositiveInfinity;
        }

        void ToBox(ReadOnlySpan<double> u, double[] target)
        {
            for (int i = 0; i < u.Length; i++)
            {
                bool boxed = double.IsFinite(lo[i]) && double.IsFinite(hi[i]);
                target[i] = boxed && hi[i] > lo[i]
                    ? Math.Clamp(lo[i] + ((hi[i] - lo[i]) * (1 + Math.Sin(u[i])) / 2), lo[i], hi[i])
                    : u[i];
            }
        }

        double G(ReadOnlySpan<double> u)
        {
            ToBox(u, x);
            return f(x);
        }

        var first = NelderMeadOnce(G, u0, du, free, infinite, relativeTolerance, maxEvaluations);
        var best = Restart(
            first,
            (from, budget) => NelderMeadOnce(G, from, du, free, infinite, relativeTolerance, budget),
            10,
            relativeTolerance,
            relativeTolerance,
            maxEvaluations);
        var point = new double[n];
        ToBox(best.Point, point);
        return best with { Point = point };
    }

    /// <summary>
    /// Restarts a local search from its best point until a restart improves the value by no more than
    /// <paramref name="relativeTolerance"/>·(|value| + <paramref name="floor"/>), at most <paramref name="maxRestarts"/>
    /// times and while the evaluation budget lasts. A restart that is at least as good replaces the best.
    /// </summary>
    /// <param name="best">The first search's result.</param>
    /// <param name="search">Searches again from a point with the remaining budget.</param>
    /// <param name="maxRestarts">The most restarts.</param>
    /// <param name="relativeTolerance">The relative improvement that earns another restart.</param>
    /// <param name="floor">Added to |value| in the improvement threshold (keeps it positive near 0).</param>
    /// <param name="budget">The evaluation budget over the first search and all restarts.</param>
    /// <returns>The best result, with the evaluations of every search.</returns>
    internal static OptimumResult Restart(OptimumResult best, Func<double[], int, OptimumResult> search, int maxRestarts, double relativeTolerance, double floor, int budget = int.MaxValue)
    {
        int used = best.Evaluations;
        for (int restart = 0; restart < maxRestarts && used < budget; restart++)
        {
            var next = search(best.Point, budget - used);
            used += next.Evaluations;
            bool improved = next.Value < best.Value - (relativeTolerance * (Math.Abs(best.Value) + floor));
            if (next.Value <= best.Value)
            {
                best = next;
            }

            if (!improved)
            {
                break;
            }
        }

        return best with { Evaluations = used };
    }

    private static OptimumResult NelderMeadOnce(
        VectorObjective f,
        ReadOnlySpan<double> start,
        ReadOnlySpan<double> steps,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        double relativeTolerance,
        int maxEvaluations)
    {
        int n = start.Length;
        int stride = n;
        var simplex = new double[(n + 1) * stride];
        var values = new double[n + 1];
        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        int evaluations = 0;

        double Eval(ReadOnlySpan<double> x)
        {
            evaluations++;
            double v = f(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }

        for (int i = 0; i < n; i++)
        {
            simplex[i] = Math.Clamp(start[i], lower[i], upper[i]);
        }

        values[0] = Eval(simplex.AsSpan(0, n));
        double convergenceTolerance = relativeTolerance * (Math.Abs(values[0]) + relativeTolerance);
        for (int j = 1; j <= n; j++)
        {
            var vertex = simplex.AsSpan(j * stride, n);
            simplex.AsSpan(0, n).CopyTo(vertex);
            int i = j - 1;
            double step = steps[i];
            double moved = vertex[i] + step;
            if (moved > upper[i] || moved < lower[i])
            {
                moved = vertex[i] - step;
            }

            vertex[i] = Math.Clamp(moved, lower[i], upper[i]);
            values[j] = Eval(vertex);
        }

        while (evaluations < maxEvaluations)
        {
            // Order: best (lowest), worst and second worst.
            int best = 0, worst = 0;
            for (int j = 1; j <= n; j++)
            {
                if (values[j] < values[best])
                {
                    best = j;
                }

                if (values[j] > values[worst])
                {
                    worst = j;
                }
            }

            int second = best;
            for (int j = 0; j <= n; j++)
            {
                if (j != worst && values[j] > values[second])
                {
                    second = j;
                }
            }

            if (values[worst] <= values[best] + convergenceTolerance)
            {
                break;
            }

            centroid.AsSpan().Clear();
            for (int j = 0; j <= n; j++)
            {
                if (j == worst)
                {
                    continue;
                }

                var vertex = simplex.AsSpan(j * stride, n);
                for (int i = 0; i < n; i++)
                {
                    centroid[i] += vertex[i];
                }
            }

            for (int i = 0; i < n; i++)
            {
                centroid[i] /= n;
            }

            var worstVertex = simplex.AsSpan(worst * stride, n);
            Move(centroid, worstVertex, 1.0, lower, upper, trial);
            double fr = Eval(trial);
            if (fr < values[best])
            {
                Move(centroid, worstVertex, 2.0, lower, upper, trial2);
                double fe = Eval(trial2);
                if (fe < fr)
                {
                    trial2.CopyTo(worstVertex);
                    values[worst] = fe;
                }
                else
                {
                    trial.CopyTo(worstVertex);
                    values[worst] = fr;
                }

                continue;
            }

            if (fr < values[second])
            {
                trial.CopyTo(worstVertex);
                values[worst] = fr;
                continue;
            }

            // Contraction: outside when the reflection improved on the worst, inside otherwise.
            bool outside = fr < values[worst];
            Move(centroid, worstVertex, outside ? 0.5 : -0.5, lower, upper, trial2);
            double fc = Eval(trial2);
            if (fc < (outside ? fr : values[worst]))
            {
                trial2.CopyTo(worstVertex);
                values[worst] = fc;
                continue;
            }

            // Shrink towards the best vertex.
            var bestVertex = simplex.AsSpan(best * stride, n);
            for (int j = 0; j <= n && evaluations < maxEvaluations; j++)
            {
                if (j == best)
                {
                    continue;
                }

                var vertex = simplex.AsSpan(j * stride, n);
                for (int i = 0; i < n; i++)
                {
                    vertex[i] = bestVertex[i] + 0.5 * (vertex[i] - bestVertex[i]);
                }

                values[j] = Eval(vertex);
            }
        }

        int arg = 0;
        for (int j = 1; j <= n; j++)
        {
            if (values[j] < values[arg])
            {
                arg = j;
            }
        }

        return new OptimumResult(simplex.AsSpan(arg * stride, n).ToArray(), values[arg], evaluations);
    }

    /// <summary>
    /// The Nelder–Mead variant of R's <c>optim</c> (Nash's <c>nmmin</c>: reflection 1, contraction ½, expansion 2,
    /// one common initial step of 0.1·max|x_i|, convergence when the simplex values span at most
    /// reltol·(|f(start)| + reltol)), which R <c>forecast::ets</c> uses. Points outside [lower, upper] are never
    /// evaluated: they score as +∞, so the best vertex, and the result, always lie inside the box.
    /// </summary>
    /// <param name="f">The objective; +∞ marks an inadmissible point.</param>
    /// <param name="start">The start, inside the box with a finite objective.</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="upper">Upper bounds.</param>
    /// <param name="relativeTolerance">R's <c>reltol</c>.</param>
    /// <param name="maxEvaluations">R's <c>maxit</c> (an evaluation budget for this method).</param>
    /// <returns>The best vertex.</returns>
    internal static OptimumResult NelderMeadR(
        VectorObjective f,
        ReadOnlySpan<double> start,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        double relativeTolerance,
        int maxEvaluations)
    {
        const double big = 1.0e35;
        int n = start.Length;
        int n1 = n + 1;
        var p = new double[n1 * n]; // vertex j at [j*n, j*n + n)
        var values = new double[n1];
        var centroid = new double[n];
        var trial = new double[n];
        var reflected = new double[n];
        var x = new double[n];
        start.CopyTo(x);
        var lo = lower.ToArray();
        var hi = upper.ToArray();

        double Eval(ReadOnlySpan<double> point)
        {
            for (int i = 0; i < point.Length; i++)
            {
                if (!(point[i] >= lo[i] && point[i] <= hi[i]))
                {
                    return big;
                }
            }

            double v = f(point);
            return double.IsFinite(v) ? v : big;
        }

        double f0 = Eval(x);
        int evaluations = 1;
        if (f0 >= big)
        {
            return new OptimumResult(x, double.PositiveInfinity, evaluations);
        }

        double convergenceTolerance = relativeTolerance * (Math.Abs(f0) + relativeTolerance);
        double step = 0;
        for (int i = 0; i < n; i++)
        {
            step = Math.Max(step, 0.1 * Math.Abs(x[i]));
        }

        if (step == 0)
        {
            step = 0.1;
        }

        x.CopyTo(p, 0);
        values[0] = f0;
        double size = 0;
        for (int j = 1; j < n1; j++)
        {
            x.CopyTo(p, j * n);
            double tryStep = step;
            int i = j - 1;
            while (p[(j * n) + i] == x[i])
            {
                p[(j * n) + i] = x[i] + tryStep;
                tryStep *= 10;
            }

            size += tryStep;
        }

        double oldSize = size;
        bool computeVertices = true;
        int best = 0;
        do
        {
            if (computeVertices)
            {
                for (int j = 0; j < n1; j++)
                {
                    if (j != best)
                    {
                        values[j] = Eval(p.AsSpan(j * n, n));
                        evaluations++;
                    }
                }

                computeVertices = false;
            }

            double vl = values[best], vh = vl;
            int worst = best;
            for (int j = 0; j < n1; j++)
            {
                if (j == best)
                {
                    continue;
                }

                double v = values[j];
                if (v < vl)
                {
                    best = j;
                    vl = v;
                }

                if (v > vh)
                {
                    worst = j;
                    vh = v;
                }
            }

            if (vh <= vl + convergenceTolerance)
            {
                break;
            }

            Centroid(p, n, worst, centroid);

            for (int i = 0; i < n; i++)
            {
                trial[i] = (2.0 * centroid[i]) - p[(worst * n) + i];
            }

            double vr = Eval(trial);
            evaluations++;
            if (vr < vl)
            {
                // Expansion: x_e = 2·x_r − c.
                trial.CopyTo(reflected, 0);
                for (int i = 0; i < n; i++)
                {
                    trial[i] = (2.0 * reflected[i]) - centroid[i];
                }

                double ve = Eval(trial);
                evaluations++;
                if (ve < vr)
                {
                    trial.CopyTo(p, worst * n);
                    values[worst] = ve;
                }
                else
                {
                    reflected.CopyTo(p, worst * n);
                    values[worst] = vr;
                }
            }
            else
            {
                if (vr < vh)
                {
                    trial.CopyTo(p, worst * n);
                    values[worst] = vr;
                }

                for (int i = 0; i < n; i++)
                {
                    trial[i] = (0.5 * p[(worst * n) + i]) + (0.5 * centroid[i]);
                }

                double vc = Eval(trial);
                evaluations++;
                if (vc < values[worst])
                {
                    trial.CopyTo(p, worst * n);
                    values[worst] = vc;
                }
                else if (vr >= vh)
                {
                    computeVertices = true;
                    size = 0;
                    for (int j = 0; j < n1; j++)
                    {
                        if (j == best)
                        {
                            continue;
                        }

                        for (int i = 0; i < n; i++)
                        {
                            double b = p[(best * n) + i];
                            p[(j * n) + i] = (0.5 * (p[(j * n) + i] - b)) + b;
                            size += Math.Abs(p[(j * n) + i] - b);
                        }
                    }

                    if (size < oldSize)
                    {
                        oldSize = size;
                    }
                    else
                    {
                        break;
                    }
                }
            }
        }
        while (evaluations <= maxEvaluations);

        return new OptimumResult(p.AsSpan(best * n, n).ToArray(), values[best], evaluations);
    }

    /// <summary>
    /// The centroid of the n + 1 vertices of <paramref name="p"/> without <paramref name="worst"/>, as R's
    /// <c>nmmin</c>: c_i = (−p_worst,i + Σ_j p_j,i)/n, summed in vertex order (four coordinates at a time where
    /// the hardware allows; each lane adds in the same order, so the result is the same to the bit).
    /// </summary>
    private static void Centroid(double[] p, int n, int worst, double[] centroid)
    {
        int n1 = n + 1;
        ref double start = ref MemoryMarshal.GetArrayDataReference(p);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var divisor = Vector256.Create((double)n);
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var sum = -Vector256.LoadUnsafe(ref start, (nuint)((worst * n) + i));
                for (int j = 0; j < n1; j++)
                {
                    sum += Vector256.LoadUnsafe(ref start, (nuint)((j * n) + i));
                }

                (sum / divisor).CopyTo(centroid, i);
            }
        }

        for (; i < n; i++)
        {
            double sum = -p[(worst * n) + i];
            for (int j = 0; j < n1; j++)
            {
                sum += p[(j * n) + i];
            }

            centroid[i] = sum / n;
        }
    }

    private static void Move(double[] centroid, ReadOnlySpan<double> worst, double coefficient, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double[] result)
    {
        for (int i = 0; i < centroid.Length; i++)
        {
            result[i] = Math.Clamp(centroid[i] + coefficient * (centroid[i] - worst[i]), lower[i], upper[i]);
        }
    }
}
