using System;
using System.Collections.Generic;
using System.Globalization;
using MathNet.Numerics.Distributions;

namespace SalesKpi.Forecasting;

/// <summary>A Holt-Winters model fitted by <see cref="HoltWintersSseMethod"/> (R <c>stats::HoltWinters</c> conventions).</summary>
/// <remarks>Forecasts: ŷ_{n+h} = (a + h·b) + s_h or (a + h·b)·s_h with s_h the coefficient of the matching
/// position of the cycle; intervals as described on <see cref="HoltWintersSseMethod"/>.</remarks>
public sealed class HoltWintersSseModel : FittedModel
{
    private readonly double[] _season;

    internal HoltWintersSseModel(string name, TimeSeries series, EtsSeason season, double alpha, double beta, double gamma, double[] fitted, double sse, double level, double trend, double[] finalSeason)
        : base(name, series, fitted, BuildParameters(alpha, beta, gamma, level, trend, finalSeason), criteria: null)
    {
        Season = season;
        Alpha = alpha;
        Beta = beta;
        Gamma = gamma;
        Sse = sse;
        Level = level;
        Slope = trend;
        _season = finalSeason;
    }

    /// <summary>Gets the season type.</summary>
    public EtsSeason Season { get; }

    /// <summary>Gets α.</summary>
    public double Alpha { get; }

    /// <summary>Gets β (Holt's form: b' = β(ℓ' − ℓ) + (1 − β)b).</summary>
    public double Beta { get; }

    /// <summary>Gets γ.</summary>
    public double Gamma { get; }

    /// <summary>Gets the sum of squared one-step errors over observations m + 1 … n.</summary>
    public double Sse { get; }

    /// <summary>Gets the final level a (R's coefficient <c>a</c>).</summary>
    public double Level { get; }

    /// <summary>Gets the final slope b (R's coefficient <c>b</c>).</summary>
    public double Slope { get; }

    /// <summary>Gets the final seasonal coefficients s1 … sm (s1 applies to the first forecast step).</summary>
    public IReadOnlyList<double> SeasonalCoefficients => _season;

    /// <inheritdoc/>
    protected override Forecast ForecastCore(int horizon, double[] levels)
    {
        int m = _season.Length;
        bool multiplicative = Season == EtsSeason.Multiplicative;
        var point = new double[horizon];
        for (int h = 1; h <= horizon; h++)
        {
            double trendPart = Level + h * Slope;
            double s = _season[(h - 1) % m];
            point[h - 1] = multiplicative ? trendPart * s : trendPart + s;
        }

        var intervals = new PredictionInterval[levels.Length];
        if (levels.Length == 0)
        {
            return new Forecast(Method, point, intervals);
        }

        // Sample variance of the residuals (R var()).
        double mean = 0;
        int count = 0;
        foreach (double r in Residuals)
        {
            if (!double.IsNaN(r))
            {
                mean += r;
                count++;
            }
        }

        mean /= count;
        double ss = 0;
        foreach (double r in Residuals)
        {
            if (!double.IsNaN(r))
            {
                ss += (r - mean) * (r - mean);
            }
        }

        double sigma2 = count > 1 ? ss / (count - 1) : 0;
        var variance = new double[horizon];
        for (int h = 1; h <= horizon; h++)
        {
            double sum = 0;
            if (!multiplicative)
            {
                sum = 1;
                for (int j = 1; j < h; j++)
                {
                    double psi = Psi(j, m);
                    sum += psi * psi;
                }
            }
            else
            {
                int rel = (h - 1) % m;
                for (int j = 0; j < h; j++)
                {
                    double psi = j == 0 ? 1 : Psi(j, m);
                    double ratio = _season[rel] / _season[(((rel - j) % m) + m) % m];
                    sum += psi * psi * ratio * ratio;
                }
            }

            variance[h - 1] = sigma2 * sum;
        }

        for (int i = 0; i < levels.Length; i++)
        {
            double z = Normal.InvCDF(0, 1, 0.5 + levels[i] / 200.0);
            var lower = new double[horizon];
            var upper = new double[horizon];
            for (int h = 0; h < horizon; h++)
            {
                double half = z * Math.Sqrt(variance[h]);
                lower[h] = point[h] - half;
                upper[h] = point[h] + half;
            }

            intervals[i] = new PredictionInterval(levels[i], lower, upper);
        }

        return new Forecast(Method, point, intervals);
    }

    private double Psi(int j, int m) => (Alpha * (1 + (j * Beta))) + (j % m == 0 ? Gamma * (1 - Alpha) : 0);

    private static Dictionary<string, double> BuildParameters(double alpha, double beta, double gamma, double level, double trend, double[] season)
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["alpha"] = alpha,
            ["beta"] = beta,
            ["gamma"] = gamma,
            ["a"] = level,
            ["b"] = trend,
        };
        for (int i = 0; i < season.Length; i++)
        {
            d["s" + (i + 1).ToString(CultureInfo.InvariantCulture)] = season[i];
        }

        return d;
    }
}
