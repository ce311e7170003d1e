using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>The mean method: every future value equals the average of the observations.</summary>
/// <remarks>
/// <para>Point forecast ȳ = (1/n)·Σ y_t for every step; fitted values ȳ.</para>
/// <para>
/// Standard deviation s·√(1 + 1/n) for every step, s² = Σ (y_t − ȳ)²/(n − 1), with the Student-t quantile on
/// n − 1 degrees of freedom: ȳ ± t_{n−1}(0.5 + level/200)·s·√(1 + 1/n) (R <c>forecast::meanf</c>).
/// </para>
/// <para>Needs at least 2 observations.</para>
/// </remarks>
/// <example>
/// <code>
/// var forecast = new Mean().Fit(TimeSeries.Of(new[] { 1.0, 2, 6 })).Forecast(1, 95); // point 3
/// </code>
/// </example>
public sealed class Mean : ForecastMethod
{
    /// <inheritdoc/>
    public override string Name => "Mean";

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The series has fewer than 2 observations.</exception>
    protected override FittedModel FitCore(TimeSeries series)
    {
        ForecastMath.RequireLength(series, 2, Name, "the variance divides by n − 1");
        return new MeanModel(Name, series);
    }

    private sealed class MeanModel : ClosedFormModel
    {
        private readonly double _mean;
        private readonly double _sd;

        internal MeanModel(string name, TimeSeries series)
            : this(name, series, ForecastMath.Mean(series.Span))
        {
        }

        private MeanModel(string name, TimeSeries series, double mean)
            : base(name, series, Repeat(mean, series.Count), Describe(series, mean, out double s), null)
        {
            _mean = mean;
            _sd = s * Math.Sqrt(1 + (1.0 / series.Count));
        }

        protected override double Multiplier(double level) => ForecastMath.StudentTMultiplier(Series.Count - 1, level);

        protected override void Compute(int horizon, double[] point, double[] standardDeviation)
        {
            Array.Fill(point, _mean);
            Array.Fill(standardDeviation, _sd);
        }

        private static double[] Repeat(double value, int count)
        {
            var values = new double[count];
            Array.Fill(values, value);
            return values;
        }

        private static IReadOnlyDictionary<string, double> Describe(TimeSeries series, double mean, out double s)
        {
            double ss = 0;
            foreach (double y in series.Span)
            {
                ss += (y - mean) * (y - mean);
            }

            s = Math.Sqrt(ss / (series.Count - 1));
            return ForecastMath.Parameters(("mean", mean), ("sigma2", s * s));
        }
    }
}
