using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>Fixed (user-supplied) smoothing parameters; NaN means "estimate it".</summary>
internal readonly record struct EtsFixedParameters(double Alpha, double Beta, double Gamma, double Phi)
{
    internal static EtsFixedParameters None => new(double.NaN, double.NaN, double.NaN, double.NaN);
}

/// <summary>Estimates ETS models (R <c>forecast::etsmodel</c> and <c>HoltWintersZZ</c>, reimplemented).</summary>
internal static class EtsFitter
{
    internal const double LowerBound = 1e-4;
    internal const double UpperBound = 0.9999;
    internal const double PhiLower = 0.8;
    internal const double PhiUpper = 0.98;
    internal const double RelativeTolerance = 1.4901161193847656e-08;
    internal const int MaxEvaluations = 2000;
    internal const int SeasonalMaxEvaluations = 700;

    /// <summary>Checks that <paramref name="series"/> can carry <paramref name="model"/>; throws ArgumentException naming the reason.</summary>
    internal static void CheckEligible(TimeSeries series, in EtsStructure model, EtsInitialization initialization)
    {
        int n = series.Count;
        if (model.HasSeason)
        {
            int m = model.Period;
            if (m < 2)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{model.Name} needs a season length of at least 2; the series has {m}."),
                    nameof(series));
            }

            if (m > 24)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{model.Name} supports season lengths up to 24 (as R ets); the series has {m}."),
                    nameof(series));
            }

            if (n < 2 * m)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{model.Name} needs at least two full seasons (2 × {m} = {2 * m} observations); the series has {n}."),
                    nameof(series));
            }
        }

        int bad = model.MultiplicativeError || model.MultiplicativeSeason ? ForecastMath.FirstNonPositive(series.Span) : -1;
        if (bad >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{model.Name} is multiplicative and needs strictly positive data; observation {bad} is {series[bad]}."),
                nameof(series));
        }

        int required = initialization == EtsInitialization.Simple
            ? (model.HasTrend ? 2 : 1)
            : ParameterCount(model, EtsFixedParameters.None) + 2;
        if (n < required)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{model.Name} needs at least {required} observations for its parameters; the series has {n}."),
                nameof(series));
        }
    }

    /// <summary>The number of estimated parameters (smoothing parameters that are not fixed plus free initial states), as R's <c>length(par)</c>.</summary>
    internal static int ParameterCount(in EtsStructure model, in EtsFixedParameters fixedParameters)
    {
        int count = model.FreeStateCount;
        if (double.IsNaN(fixedParameters.Alpha))
        {
            count++;
        }

        if (model.HasTrend && double.IsNaN(fixedParameters.Beta))
        {
            count++;
        }

        if (model.HasSeason && double.IsNaN(fixedParameters.Gamma))
        {
            count++;
        }

        if (model.Damped && double.IsNaN(fixedParameters.Phi))
        {
            count++;
        }

        return count;
    }

    internal static EtsModel Fit(TimeSeries series, EtsStructure model, EtsFixedParameters fixedParameters, EtsInitialization initialization, EtsCriterion criterion = EtsCriterion.Likelihood)
    {
        CheckEligible(series, model, initialization);
        return initialization == EtsInitialization.Simple
            ? FitSimple(series, model, fixedParameters)
            : FitOptimal(series, model, fixedParameters, criterion);
    }

    private static EtsModel FitOptimal(TimeSeries series, EtsStructure model, EtsFixedParameters fx, EtsCriterion criterion)
    {
        double[] y = series.Span.ToArray();
        int m = model.Period;
        bool freeAlpha = double.IsNaN(fx.Alpha);
        bool freeBeta = model.HasTrend && double.IsNaN(fx.Beta);
        bool freeGamma = model.HasSeason && double.IsNaN(fx.Gamma);
        bool freePhi = model.Damped && double.IsNaN(fx.Phi);

        // Bounds as R etsmodel, narrowed by fixed values.
        double alphaLo = LowerBound, alphaHi = UpperBound;
        double betaLo = LowerBound, betaHi = UpperBound;
        double gammaLo = LowerBound, gammaHi = UpperBound;
        if (!freeAlpha)
        {
            betaHi = Math.Min(fx.Alpha, betaHi);
            gammaHi = Math.Min(1 - fx.Alpha, gammaHi);
        }

        if (model.HasTrend && !freeBeta)
        {
            alphaLo = Math.Max(fx.Beta, alphaLo);
        }

        if (model.HasSeason && !freeGamma)
        {
            alphaHi = Math.Min(1 - fx.Gamma, alphaHi);
        }

        // Initial parameter values as R initparam.
        double alpha = freeAlpha ? alphaLo + 0.2 * (alphaHi - alphaLo) / m : fx.Alpha;
        if (freeAlpha && (alpha > 1 || alpha < 0))
        {
            alpha = alphaLo + 2e-3;
        }

        double beta = 0, gamma = 0, phi = 1;
        if (model.HasTrend)
        {
            if (freeBeta)
            {
                double hi = Math.Min(betaHi, alpha);
                beta = betaLo + 0.1 * (hi - betaLo);
                if (beta < 0 || beta > alpha)
                {
                    beta = alpha - 1e-3;
                }
            }
            else
            {
                beta = fx.Beta;
            }
        }

        if (model.HasSeason)
        {
            if (freeGamma)
            {
                double hi = Math.Min(gammaHi, 1 - alpha);
                gamma = gammaLo + 0.05 * (hi - gammaLo);
                if (gamma < 0 || gamma > 1 - alpha)
                {
                    gamma = 1 - alpha - 1e-3;
                }
            }
            else
            {
                gamma = fx.Gamma;
            }
        }

        if (model.Damped)
        {
            phi = freePhi ? PhiLower + 0.99 * (PhiUpper - PhiLower) : fx.Phi;
        }

        if (alphaLo > alphaHi || (freeBeta && betaLo > betaHi) || (freeGamma && gammaLo > gammaHi))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The fixed parameters of {model.Name} leave no admissible value for the estimated ones (alpha in [{alphaLo}, {alphaHi}])."),
                nameof(fx));
        }

        var ring = new double[m];
        EtsEngine.HeuristicInitialStates(y, model, out double l0, out double b0, ring);

        int np = ParameterCount(model, fx);
        var start = new double[np];
        var lower = new double[np];
        var upper = new double[np];
        var steps = new double[np];
        double spread = Spread(y);
        int i = 0;
        int ia = -1, ib = -1, ig = -1, ip = -1;
        if (freeAlpha)
        {
            ia = i;
            Set(i++, alpha, alphaLo, alphaHi, 0.1 * (alphaHi - alphaLo));
        }

        if (freeBeta)
        {
            ib = i;
            Set(i++, beta, betaLo, betaHi, Math.Max(0.5 * (alpha - beta), 1e-3));
        }

        if (freeGamma)
        {
            ig = i;
            Set(i++, gamma, gammaLo, gammaHi, 0.1 * (gammaHi - gammaLo));
        }

        if (freePhi)
        {
            ip = i;
            Set(i++, phi, PhiLower, PhiUpper, 0.02);
        }

        int il = i;
        Set(i++, l0, double.NegativeInfinity, double.PositiveInfinity, Math.Max(0.2 * spread, 1e-3 * Math.Abs(l0)) + 1e-8);
        int itr = -1;
        if (model.HasTrend)
        {
            itr = i;
            Set(i++, b0, double.NegativeInfinity, double.PositiveInfinity, Math.Max(0.02 * spread, 0.1 * Math.Abs(b0)) + 1e-8);
        }

        int isea = i;
        if (model.HasSeason)
        {
            // R order s0 (most recent) … s_{m−2}; ring[j] = s_{m−1−j}.
            for (int k = 0; k < m - 1; k++)
            {
                double s = ring[m - 1 - k];
                Set(i++, s, double.NegativeInfinity, double.PositiveInfinity, model.MultiplicativeSeason ? 0.05 : Math.Max(0.1 * spread, 1e-8));
            }
        }

        double fixedAlpha = fx.Alpha, fixedBeta = fx.Beta, fixedGamma = fx.Gamma, fixedPhi = fx.Phi;
        bool hasTrend = model.HasTrend, hasSeason = model.HasSeason, damped = model.Damped, multSeason = model.MultiplicativeSeason;
        bool mse = criterion == EtsCriterion.MeanSquaredError;
        int n = y.Length;
        double Objective(ReadOnlySpan<double> x)
        {
            double a = ia >= 0 ? x[ia] : fixedAlpha;
            double b = hasTrend ? (ib >= 0 ? x[ib] : fixedBeta) : 0.0;
            double g = hasSeason ? (ig >= 0 ? x[ig] : fixedGamma) : 0.0;
            double p = damped ? (ip >= 0 ? x[ip] : fixedPhi) : 1.0;
            if (hasTrend && b > a)
            {
                return double.PositiveInfinity;
            }

            if (hasSeason && g > 1 - a)
            {
                return double.PositiveInfinity;
            }

            if (!EtsEngine.Admissible(a, b, g, p, hasSeason, m))
            {
                return double.PositiveInfinity;
            }

            FillRing(x, isea, m, hasSeason, multSeason, ring);
            if (multSeason)
            {
                // R rejects negative multiplicative seasonal states.
                for (int j = 0; j < m; j++)
                {
                    if (ring[j] < 0)
                    {
                        return double.PositiveInfinity;
                    }
                }
            }

            double loss = EtsEngine.Loss(y, model, a, b / a, g, p, x[il], itr >= 0 ? x[itr] : 0.0, ring, mse);
            return mse ? loss / n : loss;
        }

        var result = BoundedOptimizer.NelderMeadR(Objective, start, lower, upper, RelativeTolerance, model.HasSeason ? SeasonalMaxEvaluations : MaxEvaluations);
        var best = result.Point;
        alpha = ia >= 0 ? best[ia] : fx.Alpha;
        if (model.HasTrend)
        {
            beta = ib >= 0 ? best[ib] : fx.Beta;
        }

        if (model.HasSeason)
        {
            gamma = ig >= 0 ? best[ig] : fx.Gamma;
        }

        if (model.Damped)
        {
            phi = ip >= 0 ? best[ip] : fx.Phi;
        }

        l0 = best[il];
        b0 = itr >= 0 ? best[itr] : 0.0;
        FillRing(best, isea, m, model.HasSeason, model.MultiplicativeSeason, ring);
        var initialRing = (double[])ring.Clone();
        double lik = EtsEngine.Loss(y, model, alpha, beta / alpha, gamma, phi, l0, b0, ring, sse: false);
        initialRing.CopyTo(ring);

        int kCount = np + 1;
        InformationCriteria? criteria = null;
        if (double.IsFinite(lik))
        {
            double aic = lik + 2 * kCount;
            double aicc = n - kCount - 1 > 0 ? aic + 2.0 * kCount * (kCount + 1) / (n - kCount - 1) : double.PositiveInfinity;
            criteria = new InformationCriteria(-0.5 * lik, aic, aicc, lik + Math.Log(n) * kCount, kCount);
        }

        int fixedCount = (!freeAlpha ? 1 : 0) + (model.HasTrend && !freeBeta ? 1 : 0) + (model.HasSeason && !freeGamma ? 1 : 0) + (model.Damped && !freePhi ? 1 : 0);
        return Build(series, model, alpha, beta, gamma, phi, l0, b0, ring, criteria, varianceDivisor: n - (np + fixedCount), EtsInitialization.Optimal, result.Evaluations);

        void Set(int index, double value, double lo, double hi, double step)
        {
            start[index] = value;
            lower[index] = lo;
            upper[index] = hi;
            steps[index] = step;
        }
    }

    private static void FillRing(ReadOnlySpan<double> x, int offset, int m, bool hasSeason, bool multiplicative, Span<double> ring)
    {
        if (!hasSeason)
        {
            return;
        }

        double sum = 0;
        for (int j = 1; j < m; j++)
        {
            double s = x[offset + m - 1 - j];
            ring[j] = s;
            sum += s;
        }

        ring[0] = (multiplicative ? m : 0) - sum;
    }

    private static EtsModel FitSimple(TimeSeries series, EtsStructure model, EtsFixedParameters fx)
    {
        double[] y = series.Span.ToArray();
        int m = model.Period;
        var ring0 = new double[m];
        EtsEngine.SimpleInitialStates(y, model, out double l0, out double b0, ring0);
        var ring = new double[m];
        bool freeAlpha = double.IsNaN(fx.Alpha);
        bool freeBeta = model.HasTrend && double.IsNaN(fx.Beta);
        bool freeGamma = model.HasSeason && double.IsNaN(fx.Gamma);
        double phi = model.Damped ? (double.IsNaN(fx.Phi) ? PhiUpper : fx.Phi) : 1.0;

        // Optimised in Holt's parameterisation (α, β* = β/α, γ) on [0, 1]³ by SSE, as R HoltWintersZZ.
        double alpha0 = freeAlpha ? 0.2 / m : fx.Alpha;
        double betaStar0 = 0.1 * Math.Min(1, alpha0);
        double gamma0 = 0.05 * (1 - alpha0);
        int np = (freeAlpha ? 1 : 0) + (freeBeta ? 1 : 0) + (freeGamma ? 1 : 0);
        double alpha = fx.Alpha, betaStar = model.HasTrend && !freeBeta ? fx.Beta / fx.Alpha : 0, gamma = model.HasSeason ? fx.Gamma : 0;
        int evaluations = 0;
        if (np > 0)
        {
            var start = new double[np];
            var steps = new double[np];
            var lower = new double[np];
            var upper = new double[np];
            int i = 0;
            int ia = freeAlpha ? i++ : -1;
            int ib = freeBeta ? i++ : -1;
            int ig = freeGamma ? i++ : -1;
            if (ia >= 0)
            {
                start[ia] = alpha0;
            }

            if (ib >= 0)
            {
                start[ib] = betaStar0;
            }

            if (ig >= 0)
            {
                start[ig] = gamma0;
            }

            for (int j = 0; j < np; j++)
            {
                lower[j] = 0;
                upper[j] = 1;
                steps[j] = 0.1;
            }

            double fixedAlpha = fx.Alpha, fixedBeta = fx.Beta, fixedGamma = fx.Gamma;
            double Objective(ReadOnlySpan<double> x)
            {
                double a = ia >= 0 ? x[ia] : fixedAlpha;
                double bs = ib >= 0 ? x[ib] : (model.HasTrend ? fixedBeta / fixedAlpha : 0.0);
                double g = ig >= 0 ? x[ig] : (model.HasSeason ? fixedGamma : 0.0);
                ring0.CopyTo(ring, 0);
                return EtsEngine.Loss(y, model, a, bs, g, phi, l0, b0, ring, sse: true);
            }

            OptimumResult result;
            if (np == 1)
            {
                result = BoundedOptimizer.Brent(v => Objective([v]), 0, 1);
            }
            else
            {
                result = BoundedOptimizer.Restart(
                    BoundedOptimizer.NelderMead(Objective, start, steps, lower, upper, 1e-12, 4000),
                    (from, _) => BoundedOptimizer.NelderMead(Objective, from, steps, lower, upper, 1e-12, 4000),
                    1,
                    0,
                    0);
            }

            evaluations = result.Evaluations;
            alpha = ia >= 0 ? result.Point[ia] : fx.Alpha;
            if (model.HasTrend)
            {
                betaStar = ib >= 0 ? result.Point[ib] : fx.Beta / fx.Alpha;
            }

            if (model.HasSeason)
            {
                gamma = ig >= 0 ? result.Point[ig] : fx.Gamma;
            }
        }

        ring0.CopyTo(ring, 0);
        double beta = model.HasTrend ? betaStar * alpha : 0;
        return Build(series, model, alpha, beta, gamma, phi, l0, b0, ring, criteria: null, varianceDivisor: y.Length, EtsInitialization.Simple, evaluations, betaStar);
    }

    private static EtsModel Build(
        TimeSeries series,
        EtsStructure model,
        double alpha,
        double beta,
        double gamma,
        double phi,
        double l0,
        double b0,
        double[] ring,
        InformationCriteria? criteria,
        int varianceDivisor,
        EtsInitialization initialization,
        int evaluations,
        double betaStar = double.NaN)
    {
        int n = series.Count;
        int m = model.Period;
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal) { ["alpha"] = alpha };
        if (model.HasTrend)
        {
            parameters["beta"] = beta;
        }

        if (model.HasSeason)
        {
            parameters["gamma"] = gamma;
        }

        if (model.Damped)
        {
            parameters["phi"] = phi;
        }

        parameters["l0"] = l0;
        if (model.HasTrend)
        {
            parameters["b0"] = b0;
        }

        if (model.HasSeason)
        {
            for (int k = 0; k < m; k++)
            {
                parameters["s" + k.ToString(CultureInfo.InvariantCulture)] = ring[m - 1 - k];
            }
        }

        var fitted = new double[n];
        var errors = new double[n];
        double level = l0, trend = b0;
        var states = (double[])ring.Clone();
        if (double.IsNaN(betaStar))
        {
            betaStar = alpha > 0 ? beta / alpha : 0;
        }

        EtsEngine.Filter(series.Span, model, alpha, betaStar, gamma, phi, ref level, ref trend, states, fitted, errors);
        double sse = 0;
        foreach (double e in errors)
        {
            sse += e * e;
        }

        double variance = varianceDivisor > 0 ? sse / varianceDivisor : double.NaN;
        return new EtsModel(series, model, alpha, beta, gamma, phi, fitted, errors, parameters, criteria, variance, level, trend, states, initialization, evaluations);
    }

    /// <summary>A robust scale of the data for the initial simplex (standard deviation, or mean |y| when constant).</summary>
    private static double Spread(ReadOnlySpan<double> y)
    {
        double mean = 0;
        foreach (double v in y)
        {
            mean += v;
        }

        mean /= y.Length;
        double ss = 0, abs = 0;
        foreach (double v in y)
        {
            ss += (v - mean) * (v - mean);
            abs += Math.Abs(v);
        }

        double sd = Math.Sqrt(ss / Math.Max(1, y.Length - 1));
        return sd > 0 ? sd : Math.Max(abs / y.Length, 1.0);
    }
}
