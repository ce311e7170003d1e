using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>
/// Wraps a method with the M4 competition benchmark protocol: when the series tests seasonal, forecast its
/// multiplicatively seasonally adjusted version and put the season back.
/// </summary>
/// <remarks>
/// <para>
/// If m &gt; 1, n ≥ 3m, every value is positive and the lag-m autocorrelation passes <see cref="SeasonalityTest"/>
/// at 1.645 (the M4 <c>SeasonalityTest</c>), the series is divided by the seasonal indices of a multiplicative
/// <see cref="ClassicalDecomposition"/>, the inner method is fitted to the adjusted series, and its point forecasts,
/// interval bounds and fitted values are multiplied by the indices (the forecasts by the last m indices, repeated).
/// Otherwise the inner method is fitted to the series unchanged.
/// </para>
/// <para>
/// The fitted model's parameters are the inner model's plus <c>seasonal</c> (1 when adjusted, else 0). Information
/// criteria are not reported (the inner likelihood is on the adjusted scale). <c>SeasonallyAdjusted(new Naive())</c>
/// is the M4 benchmark Naive2.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var naive2 = new SeasonallyAdjusted(new Naive());
/// var forecast = naive2.Fit(TimeSeries.Of(monthlySales, seasonLength: 12)).Forecast(18);
/// </code>
/// </example>
public sealed class SeasonallyAdjusted : ForecastMethod
{
    /// <summary>Wraps a method.</summary>
    /// <param name="inner">The method to fit to the adjusted series.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    public SeasonallyAdjusted(ForecastMethod inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
    }

    /// <summary>Gets the wrapped method.</summary>
    public ForecastMethod Inner { get; }

    /// <inheritdoc/>
    public override string Name => "SeasonallyAdjusted(" + Inner.Name + ")";

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The inner method rejects the (adjusted) series.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        ClassicalDecomposition? decomposition = null;
        if (series.SeasonLength > 1 && ForecastMath.AllPositive(series.Span) && SeasonalityTest.Evaluate(series).IsSeasonal)
        {
            decomposition = ClassicalDecomposition.Multiplicative(series);
        }

        var inner = Inner.Fit(decomposition?.SeasonallyAdjusted() ?? series);
        var fitted = new double[series.Count];
        for (int t = 0; t < fitted.Length; t++)
        {
            fitted[t] = inner.Fitted[t] * (decomposition?.Seasonal[t] ?? 1);
        }

        var parameters = new Dictionary<string, double>(inner.Parameters, StringComparer.Ordinal)
        {
            ["seasonal"] = decomposition is null ? 0 : 1,
        };
        return new AdjustedModel(Name, series, fitted, parameters, inner, decomposition);
    }

    private sealed class AdjustedModel : FittedModel
    {
        private readonly FittedModel _inner;
        private readonly ClassicalDecomposition? _decomposition;

        internal AdjustedModel(
            string name,
            TimeSeries series,
            double[] fitted,
            IReadOnlyDictionary<string, double> parameters,
            FittedModel inner,
            ClassicalDecomposition? decomposition)
            : base(name, series, fitted, parameters, null)
        {
            _inner = inner;
            _decomposition = decomposition;
        }

        protected override Forecast ForecastCore(int horizon, double[] levels)
        {
            var inner = _inner.Forecast(horizon, levels);
            if (_decomposition is null)
            {
                return new Forecast(Method, inner.Point, inner.Intervals);
            }

            int n = Series.Count;
            var factors = new double[horizon];
            for (int h = 0; h < horizon; h++)
            {
                factors[h] = _decomposition.SeasonalAt(n + h);
            }

            var intervals = new PredictionInterval[inner.Intervals.Count];
            for (int i = 0; i < intervals.Length; i++)
            {
                var interval = inner.Intervals[i];
                intervals[i] = new PredictionInterval(interval.Level, Scale(interval.Lower, factors), Scale(interval.Upper, factors));
            }

            return new Forecast(Method, Scale(inner.Point, factors), intervals);
        }

        private static double[] Scale(IReadOnlyList<double> values, double[] factors)
        {
            var scaled = new double[values.Count];
            for (int i = 0; i < scaled.Length; i++)
            {
                scaled[i] = values[i] * factors[i];
            }

            return scaled;
        }
    }
}
