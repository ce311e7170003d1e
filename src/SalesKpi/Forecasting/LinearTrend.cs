using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>The linear trend method: an ordinary least squares line on time, extrapolated.</summary>
/// <remarks>
/// <para>
/// Fits y_t = a + b·t for t = 1..n by OLS; point forecast ŷ_{n+h} = a + b·(n + h); fitted values a + b·t.
/// </para>
/// <para>
/// Regression prediction interval: ŷ ± t_{n−2}(0.5 + level/200)·s·√(1 + 1/n + (n + h − t̄)²/Σ(t − t̄)²) with
/// s² = Σ (y_t − a − b·t)²/(n − 2) and t̄ = (n + 1)/2 (as R <c>forecast::tslm(y ~ trend)</c>). The width grows with h.
/// </para>
/// <para>Needs at least 3 observations (the residual variance divides by n − 2).</para>
/// </remarks>
/// <example>
/// <code>
/// var forecast = new LinearTrend().Fit(TimeSeries.Of(new[] { 1.0, 3, 5 })).Forecast(1); // point 7
/// </code>
/// </example>
public sealed class LinearTrend : ForecastMethod
{
    /// <inheritdoc/>
    public override string Name => "LinearTrend";

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The series has fewer than 3 observations.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        ForecastMath.RequireLength(series, 3, Name, "the residual variance divides by n − 2");
        var (a, b) = ForecastMath.LinearFit(series.Span, 1);
        return new LinearTrendModel(Name, series, a, b);
    }

    private sealed class LinearTrendModel : ClosedFormModel
    {
        private readonly double _intercept;
        private readonly double _slope;
        private readonly double _s;

        internal LinearTrendModel(string name, TimeSeries series, double intercept, double slope)
            : base(name, series, Line(intercept, slope, series.Count), Describe(series, intercept, slope, out double s), null)
        {
            _intercept = intercept;
            _slope = slope;
            _s = s;
        }

        protected override double Multiplier(double level) => ForecastMath.StudentTMultiplier(Series.Count - 2, level);

        protected override void Compute(int horizon, double[] point, double[] standardDeviation)
        {
            int n = Series.Count;
            double tMean = (n + 1) / 2.0;
            double sxx = n * (((double)n * n) - 1) / 12.0;
            for (int h = 1; h <= horizon; h++)
            {
                double t = n + h;
                point[h - 1] = _intercept + (_slope * t);
                standardDeviation[h - 1] = _s * Math.Sqrt(1 + (1.0 / n) + ((t - tMean) * (t - tMean) / sxx));
            }
        }

        private static double[] Line(double a, double b, int n)
        {
            var values = new double[n];
            for (int t = 1; t <= n; t++)
            {
                values[t - 1] = a + (b * t);
            }

            return values;
        }

        private static IReadOnlyDictionary<string, double> Describe(TimeSeries series, double a, double b, out double s)
        {
            double sse = 0;
            for (int t = 1; t <= series.Count; t++)
            {
                double e = series[t - 1] - a - (b * t);
                sse += e * e;
            }

            s = Math.Sqrt(sse / (series.Count - 2));
            return ForecastMath.Parameters(("intercept", a), ("slope", b), ("sigma2", s * s));
        }
    }
}
