using System;
using System.Collections.Generic;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace SalesKpi.Forecasting;

/// <summary>
/// A fitted exponential-smoothing state-space model ETS(E,T,S): its smoothing parameters, initial and final
/// states, innovation variance and forecasts with prediction intervals.
/// </summary>
/// <remarks>
/// <para>Point forecasts: μ_h = (ℓ_n + φ_h b_n) + s or × s, with φ_h = φ + φ² + … + φ^h (h without damping) and s
/// the seasonal state of the matching position in the last cycle. For multiplicative seasonality with
/// multiplicative errors (class 3) the point forecast is the approximate forecast mean of HKOS (2008, ch. 6), which
/// includes a small σ²-term, as R <c>forecast.ets</c>.</para>
/// <para>Forecast variances v_h (intervals μ_h ± z·√v_h with Gaussian quantile z):
/// class 1 (additive error; no or additive trend and season): v_h = σ²(1 + Σ_{j=1}^{h−1} c_j²),
/// c_j = α + β(φ + … + φ^j) + γ·[j mod m = 0];
/// class 2 (multiplicative error, additive components): θ_1 = μ_1², θ_h = μ_h² + σ² Σ_{j=1}^{h−1} c_j² θ_{h−j},
/// v_h = (1 + σ²)θ_h − μ_h²;
/// class 3 (multiplicative error and season): the Kronecker-product moment recursion of HKOS ch. 6 (the
/// approximation R uses). Each v_h depends only on h, never on the horizon requested. Class-1 variances are
/// non-decreasing in h; class-2 and class-3 variances scale with the level of the forecast and so may fall
/// (with a falling trend) or follow the season.</para>
/// <para>σ² is Σe²/(n − k) for maximum-likelihood fits (k the number of estimated parameters and initial states,
/// R's convention) and Σe²/n with <see cref="EtsInitialization.Simple"/>, where e are the innovations (relative
/// errors for multiplicative-error models).</para>
/// </remarks>
public sealed class EtsModel : FittedModel
{
    private readonly EtsStructure _structure;
    private readonly double _finalLevel;
    private readonly double _finalTrend;
    private readonly double[] _finalSeason;
    private readonly double[] _errors;

    internal EtsModel(
        TimeSeries series,
        EtsStructure structure,
        double alpha,
        double beta,
        double gamma,
        double phi,
        double[] fitted,
        double[] errors,
        IReadOnlyDictionary<string, double> parameters,
        InformationCriteria? criteria,
        double variance,
        double finalLevel,
        double finalTrend,
        double[] finalSeason,
        EtsInitialization initialization,
        int evaluations)
        : base(structure.Name, series, fitted, parameters, criteria)
    {
        _structure = structure;
        Alpha = alpha;
        Beta = beta;
        Gamma = gamma;
        Phi = phi;
        _errors = errors;
        Variance = variance;
        _finalLevel = finalLevel;
        _finalTrend = finalTrend;
        _finalSeason = finalSeason;
        Initialization = initialization;
        Evaluations = evaluations;
    }

    /// <summary>Gets the error type.</summary>
    public EtsError Error => _structure.Error;

    /// <summary>Gets the trend type.</summary>
    public EtsTrend Trend => _structure.Trend;

    /// <summary>Gets the season type.</summary>
    public EtsSeason Season => _structure.Season;

    /// <summary>Gets the level smoothing parameter α.</summary>
    public double Alpha { get; }

    /// <summary>Gets the trend smoothing parameter β in the state-space form (b_t = φb_{t−1} + β·ε-term; Holt's β* = β/α); 0 without trend.</summary>
    public double Beta { get; }

    /// <summary>Gets the seasonal smoothing parameter γ; 0 without season.</summary>
    public double Gamma { get; }

    /// <summary>Gets the damping parameter φ; 1 without damping.</summary>
    public double Phi { get; }

    /// <summary>Gets the innovation variance σ² used by the prediction intervals (relative scale for multiplicative errors).</summary>
    public double Variance { get; }

    /// <summary>Gets how the initial states were obtained.</summary>
    public EtsInitialization Initialization { get; }

    /// <summary>Gets the innovations ε_t: y − μ for additive errors, (y − μ)/μ for multiplicative errors.</summary>
    public IReadOnlyList<double> Innovations => _errors;

    /// <summary>Gets the number of objective evaluations the optimiser used (diagnostic).</summary>
    internal int Evaluations { get; }

    internal EtsStructure Structure => _structure;

    /// <inheritdoc/>
    protected override Forecast ForecastCore(int horizon, double[] levels)
    {
        var mean = new double[horizon];
        var variance = new double[horizon];
        if (_structure.MultiplicativeSeason)
        {
            ClassThree(horizon, mean, variance);
        }
        else
        {
            PointForecasts(mean);
            var c = CoefficientsSquared(horizon);
            if (_structure.MultiplicativeError)
            {
                // Class 2.
                var theta = new double[horizon];
                for (int h = 0; h < horizon; h++)
                {
                    double s = 0;
                    for (int j = 1; j <= h; j++)
                    {
                        s += c[j] * theta[h - j];
                    }

                    theta[h] = mean[h] * mean[h] + Variance * s;
                    variance[h] = (1 + Variance) * theta[h] - mean[h] * mean[h];
                }
            }
            else
            {
                // Class 1.
                double cumulative = 0;
                for (int h = 0; h < horizon; h++)
                {
                    if (h > 0)
                    {
                        cumulative += c[h];
                    }

                    variance[h] = Variance * (1 + cumulative);
                }
            }
        }

        var intervals = new PredictionInterval[levels.Length];
        for (int i = 0; i < levels.Length; i++)
        {
            double z = Normal.InvCDF(0, 1, 0.5 + levels[i] / 200.0);
            var lower = new double[horizon];
            var upper = new double[horizon];
            for (int h = 0; h < horizon; h++)
            {
                double half = z * Math.Sqrt(Math.Max(variance[h], 0));
                lower[h] = mean[h] - half;
                upper[h] = mean[h] + half;
            }

            intervals[i] = new PredictionInterval(levels[i], lower, upper);
        }

        return new Forecast(Method, mean, intervals);
    }

    /// <summary>The class-1/2 point forecasts (ℓ + φ_h b) ⊕ s.</summary>
    private void PointForecasts(double[] mean)
    {
        double phiSum = 0, phiPower = 1;
        int m = _structure.Period;
        for (int h = 0; h < mean.Length; h++)
        {
            phiPower *= _structure.Damped ? Phi : 1.0;
            phiSum += phiPower;
            double value = _finalLevel + (_structure.HasTrend ? phiSum * _finalTrend : 0);
            if (_structure.HasSeason)
            {
                double s = _finalSeason[h % m];
                value = _structure.MultiplicativeSeason ? value * s : value + s;
            }

            mean[h] = value;
        }
    }

    /// <summary>c_j² for j = 1..h − 1 (index j), c_j = α + β(φ + … + φ^j) + γ[j mod m = 0].</summary>
    private double[] CoefficientsSquared(int horizon)
    {
        var c = new double[horizon];
        double phiSum = 0, phiPower = 1;
        for (int j = 1; j < horizon; j++)
        {
            phiPower *= _structure.Damped ? Phi : 1.0;
            phiSum += phiPower;
            double cj = Alpha + (_structure.HasTrend ? Beta * phiSum : 0) + (_structure.HasSeason && j % _structure.Period == 0 ? Gamma : 0);
            c[j] = cj * cj;
        }

        return c;
    }

    /// <summary>
    /// Class 3 (HKOS 2008 ch. 6): with x1 = (ℓ, b) and x2 the seasonal states, M_h = E[x1 x2'] and V_h = Var(vec M_h)
    /// follow a Kronecker-product recursion; μ_h = H1 M_h H2', v_h = (1 + σ²) H21 V_h H21' + σ² μ_h².
    /// Damped trends use F1 = [[1, φ], [0, φ]], G1 = [[α, αφ], [β, βφ]], H1 = [1, φ].
    /// </summary>
    private void ClassThree(int horizon, double[] mean, double[] variance)
    {
        var build = Matrix<double>.Build;
        int m = _structure.Period;
        bool trend = _structure.HasTrend;
        double phi = _structure.Damped ? Phi : 1.0;
        double sigma2 = Variance;
        int p1 = trend ? 2 : 1;
        Matrix<double> h1, f1, g1;
        if (trend)
        {
            h1 = build.DenseOfRowArrays([1.0, phi]);
            f1 = build.DenseOfRowArrays([1.0, phi], [0.0, phi]);
            g1 = build.DenseOfRowArrays([Alpha, Alpha * phi], [Beta, Beta * phi]);
        }
        else
        {
            h1 = build.Dense(1, 1, 1.0);
            f1 = build.Dense(1, 1, 1.0);
            g1 = build.Dense(1, 1, Alpha);
        }

        // x2 in R's order: s1 (most recent) … s_m (used next); F2 rotates, G2 updates the one used.
        var h2 = build.Dense(1, m);
        h2[0, m - 1] = 1;
        var f2 = build.Dense(m, m);
        f2[0, m - 1] = 1;
        for (int i = 1; i < m; i++)
        {
            f2[i, i - 1] = 1;
        }

        var g2 = build.Dense(m, m);
        g2[0, m - 1] = Gamma;
        var x1 = build.Dense(p1, 1);
        x1[0, 0] = _finalLevel;
        if (trend)
        {
            x1[1, 0] = _finalTrend;
        }

        var x2 = build.Dense(1, m);
        for (int j = 0; j < m; j++)
        {
            // _finalSeason[j] is used at step j + 1; R's s_m is used first.
            x2[0, m - 1 - j] = _finalSeason[j];
        }

        var mh = x1 * x2;
        int q = p1 * m;
        var vh = build.Dense(q, q);
        var h21 = h2.KroneckerProduct(h1);
        var f21 = f2.KroneckerProduct(f1);
        var g21 = g2.KroneckerProduct(g1);
        var k = g2.KroneckerProduct(f1) + f2.KroneckerProduct(g1);
        var f21t = f21.Transpose();
        var g21t = g21.Transpose();
        var kt = k.Transpose();
        for (int h = 0; h < horizon; h++)
        {
            double mu = (h1 * mh * h2.Transpose())[0, 0];
            mean[h] = mu;
            variance[h] = ((1 + sigma2) * (h21 * vh * h21.Transpose()))[0, 0] + sigma2 * mu * mu;
            var vec = build.DenseOfColumnMajor(q, 1, mh.ToColumnMajorArray());
            var outer = vec * vec.Transpose();
            vh = (f21 * vh * f21t) + sigma2 * ((f21 * vh * g21t) + (g21 * vh * f21t) + (k * (vh + outer) * kt) + sigma2 * (g21 * ((3 * vh) + (2 * outer)) * g21t));
            mh = (f1 * mh * f2.Transpose()) + (sigma2 * (g1 * mh * g2.Transpose()));
        }
    }
}
