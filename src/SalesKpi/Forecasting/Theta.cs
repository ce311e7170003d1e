using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>
/// The standard Theta method (Assimakopoulos &amp; Nikolopoulos 2000, in the form of Hyndman &amp; Billah 2003):
/// simple exponential smoothing plus half the slope of the OLS trend, after a multiplicative seasonal adjustment
/// when the series is seasonal. This is R <c>forecast::thetaf</c>.
/// </summary>
/// <remarks>
/// <para>
/// Seasonal adjustment (when enabled): with m &gt; 1, n &gt; 2m, a non-constant series and |r_m| &gt;
/// Φ⁻¹(0.95)·√((1 + 2Σ_{k&lt;m} r_k²)/n) (<see cref="SeasonalityTest"/>), the series x is divided by the seasonal indices
/// of a multiplicative <see cref="ClassicalDecomposition"/>; forecasts are multiplied back by the indices of the last
/// m observations. Series with a non-positive value are not adjusted (R would decompose them anyway).
/// </para>
/// <para>
/// Fit: SES on x with α ∈ [1e−4, 0.9999] and ℓ_0 minimising the sum of squared one-step errors; b = the OLS slope of
/// x on time. Point forecast ŷ_{n+h} = ℓ_n + (b/2)·(h − 1 + (1 − (1−α)^n)/α), times the seasonal index.
/// </para>
/// <para>
/// Intervals: SES intervals shifted by the drift: ŷ ± Φ⁻¹(0.5 + level/200)·σ·√(1 + (h−1)α²), σ² = SSE/(n − 2) on the
/// adjusted series. As in R, the half-width is not rescaled by the seasonal index. Fitted values are the SES
/// one-step values (without the drift) times the seasonal indices, as in R.
/// </para>
/// <para>
/// Parameters: <c>alpha</c>, <c>l0</c>, <c>drift</c> (b/2), <c>sigma2</c>, <c>seasonal</c> (1 when adjusted, else 0).
/// Needs at least 3 observations. A constant series gives a flat forecast with zero-width intervals.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var fit = new Theta().Fit(TimeSeries.Of(monthlySales, seasonLength: 12));
/// var forecast = fit.Forecast(12, 80, 95);
/// </code>
/// </example>
public sealed class Theta : ForecastMethod
{
    private static readonly double ThetafCriticalValue = ForecastMath.NormalQuantile(0.95);

    /// <summary>Creates the standard Theta method.</summary>
    /// <param name="seasonalAdjustment">Whether to test for seasonality and adjust (default true, as R <c>thetaf</c>); false
    /// fits the series as given, for example when a <see cref="SeasonallyAdjusted"/> wrapper already adjusted it.</param>
    public Theta(bool seasonalAdjustment = true)
    {
        SeasonalAdjustment = seasonalAdjustment;
    }

    /// <summary>Gets whether the method tests for seasonality and adjusts.</summary>
    public bool SeasonalAdjustment { get; }

    /// <inheritdoc/>
    public override string Name => "Theta";

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The series has fewer than 3 observations.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        ForecastMath.RequireLength(series, 3, Name, "the variance divides by n − 2");
        int n = series.Count;
        int m = series.SeasonLength;
        ClassicalDecomposition? decomposition = null;
        if (SeasonalAdjustment && m > 1 && ForecastMath.AllPositive(series.Span)
            && SeasonalityTest.Evaluate(series, ThetafCriticalValue, (2 * m) + 1).IsSeasonal)
        {
            var candidate = ClassicalDecomposition.Multiplicative(series);
            bool usable = true;
            foreach (double index in candidate.SeasonalIndices)
            {
                usable &= Math.Abs(index) >= 1e-4;
            }

            decomposition = usable ? candidate : null;
        }

        var x = decomposition?.SeasonallyAdjusted() ?? series;
        var ses = SesProfileFitter.Fit(x.Span);
        double drift = ForecastMath.LinearFit(x.Span, 0).Slope / 2;
        double sigma2 = ses.Sse / (n - 2);
        var fitted = new double[n];
        for (int t = 0; t < n; t++)
        {
            fitted[t] = ses.Fitted[t] * (decomposition?.Seasonal[t] ?? 1);
        }

        var parameters = ForecastMath.Parameters(
            ("alpha", ses.Alpha), ("l0", ses.Level0), ("drift", drift), ("sigma2", sigma2), ("seasonal", decomposition is null ? 0 : 1));
        return new ThetaModel(Name, series, fitted, parameters, ses, drift, sigma2, decomposition);
    }

    private sealed class ThetaModel : ClosedFormModel
    {
        private readonly SesFit _ses;
        private readonly double _drift;
        private readonly double _sigma;
        private readonly ClassicalDecomposition? _decomposition;

        internal ThetaModel(
            string name,
            TimeSeries series,
            double[] fitted,
            IReadOnlyDictionary<string, double> parameters,
            SesFit ses,
            double drift,
            double sigma2,
            ClassicalDecomposition? decomposition)
            : base(name, series, fitted, parameters, null)
        {
            _ses = ses;
            _drift = drift;
            _sigma = Math.Sqrt(sigma2);
            _decomposition = decomposition;
        }

        protected override void Compute(int horizon, double[] point, double[] standardDeviation)
        {
            int n = Series.Count;
            double alpha = Math.Max(1e-10, _ses.Alpha);
            double start = (1 - Math.Pow(1 - alpha, n)) / alpha;
            for (int h = 1; h <= horizon; h++)
            {
                double index = _decomposition?.SeasonalAt(n + h - 1) ?? 1;
                point[h - 1] = (_ses.LastLevel + (_drift * (h - 1 + start))) * index;
                standardDeviation[h - 1] = _sigma * Math.Sqrt(1 + ((h - 1) * alpha * alpha));
            }
        }
    }
}
