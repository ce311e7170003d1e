using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// The classical decomposition of a seasonal series into a centred moving-average trend, a fixed seasonal pattern
/// and a remainder (R <c>stats::decompose</c>).
/// </summary>
/// <remarks>
/// <para>
/// Trend: a centred moving average of order m (for even m the 2×m average, weights 1/(2m), 1/m, …, 1/m, 1/(2m));
/// undefined (NaN) for the first and last ⌊m/2⌋ observations. Detrended values y/T (multiplicative) or y − T
/// (additive); the raw figure of seasonal position i is the mean of the detrended values at positions ≡ i (mod m),
/// counted from the first observation; the figures are then normalised to average 1 (multiplicative) or 0 (additive).
/// </para>
/// <para>
/// Positions are relative to the first observation, so the result does not depend on the calendar month the series
/// starts in. Needs m ≥ 2 and at least 2m observations; the multiplicative form needs every value strictly positive.
/// </para>
/// </remarks>
public sealed class ClassicalDecomposition
{
    private readonly double[] _trend;
    private readonly double[] _indices;
    private readonly double[] _seasonal;
    private readonly double[] _remainder;

    private ClassicalDecomposition(DecompositionKind kind, TimeSeries series, double[] trend, double[] indices)
    {
        Kind = kind;
        Series = series;
        _trend = trend;
        _indices = indices;
        int n = series.Count;
        int m = indices.Length;
        _seasonal = new double[n];
        _remainder = new double[n];
        for (int t = 0; t < n; t++)
        {
            _seasonal[t] = indices[t % m];
            _remainder[t] = kind == DecompositionKind.Multiplicative
                ? series[t] / (_seasonal[t] * trend[t])
                : series[t] - _seasonal[t] - trend[t];
        }
    }

    /// <summary>Gets how the components combine.</summary>
    public DecompositionKind Kind { get; }

    /// <summary>Gets the decomposed series.</summary>
    public TimeSeries Series { get; }

    /// <summary>Gets the centred moving-average trend (NaN for the first and last ⌊m/2⌋ observations).</summary>
    public IReadOnlyList<double> Trend => _trend;

    /// <summary>Gets the m normalised seasonal figures; element i belongs to observations i, i + m, i + 2m, … (zero-based).</summary>
    public IReadOnlyList<double> SeasonalIndices => _indices;

    /// <summary>Gets the seasonal component for every observation.</summary>
    public IReadOnlyList<double> Seasonal => _seasonal;

    /// <summary>Gets the remainder y/(S·T) or y − S − T (NaN where the trend is undefined).</summary>
    public IReadOnlyList<double> Remainder => _remainder;

    /// <summary>Decomposes a series multiplicatively: y = T × S × R.</summary>
    /// <param name="series">The series, with season length m ≥ 2, at least 2m observations, every value positive.</param>
    /// <returns>The decomposition.</returns>
    /// <exception cref="ArgumentException">m is 1, the series is shorter than 2m, or a value is not positive.</exception>
    /// <example>
    /// <code>
    /// var d = ClassicalDecomposition.Multiplicative(TimeSeries.Of(sales, seasonLength: 12));
    /// double januaryIndex = d.SeasonalIndices[0];
    /// </code>
    /// </example>
    public static ClassicalDecomposition Multiplicative(TimeSeries series) => Decompose(series, DecompositionKind.Multiplicative);

    /// <summary>Decomposes a series additively: y = T + S + R.</summary>
    /// <param name="series">The series, with season length m ≥ 2 and at least 2m observations.</param>
    /// <returns>The decomposition.</returns>
    /// <exception cref="ArgumentException">m is 1 or the series is shorter than 2m.</exception>
    /// <example>
    /// <code>
    /// var d = ClassicalDecomposition.Additive(TimeSeries.Of(sales, seasonLength: 4));
    /// </code>
    /// </example>
    public static ClassicalDecomposition Additive(TimeSeries series) => Decompose(series, DecompositionKind.Additive);

    /// <summary>Returns the seasonal component at any zero-based position, including future ones (n, n + 1, …).</summary>
    /// <param name="position">The zero-based position, at least 0.</param>
    /// <returns>The seasonal index (multiplicative) or figure (additive) of that position.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is negative.</exception>
    public double SeasonalAt(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return _indices[position % _indices.Length];
    }

    /// <summary>Returns the seasonally adjusted series: y/S (multiplicative) or y − S (additive).</summary>
    /// <returns>The adjusted series, with the same season length.</returns>
    public TimeSeries SeasonallyAdjusted()
    {
        var adjusted = new double[Series.Count];
        for (int t = 0; t < adjusted.Length; t++)
        {
            adjusted[t] = Kind == DecompositionKind.Multiplicative ? Series[t] / _seasonal[t] : Series[t] - _seasonal[t];
        }

        return TimeSeries.Of(adjusted, Series.SeasonLength);
    }

    private static ClassicalDecomposition Decompose(TimeSeries series, DecompositionKind kind)
    {
        ArgumentNullException.ThrowIfNull(series);
        int m = series.SeasonLength;
        int n = series.Count;
        if (m < 2)
        {
            throw new ArgumentException("A classical decomposition needs a season length of at least 2; the series has 1.", nameof(series));
        }

        if (n < 2 * m)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A classical decomposition needs at least two seasons (2m = {2 * m} observations); the series has {n}."),
                nameof(series));
        }

        int bad = kind == DecompositionKind.Multiplicative ? ForecastMath.FirstNonPositive(series.Span) : -1;
        if (bad >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A multiplicative decomposition needs positive values; observation {bad} is {series[bad]}."),
                nameof(series));
        }

        var trend = CentredMovingAverage(series.Span, m);
        var figures = SeasonalFigures(series.Span, trend, m, kind == DecompositionKind.Multiplicative);
        return new ClassicalDecomposition(kind, series, trend, figures);
    }

    /// <summary>
    /// The m normalised seasonal figures of R <c>decompose</c> for raw values (no argument checks): the mean detrended
    /// value per position of the cycle, normalised to mean 1 (multiplicative) or 0 (additive). Shared by the
    /// decomposition, the ETS initial states and the Holt-Winters start values.
    /// </summary>
    /// <param name="y">The values, at least 2m of them.</param>
    /// <param name="m">The season length, at least 2.</param>
    /// <param name="multiplicative">Whether to detrend by division (else by subtraction).</param>
    /// <returns>The figures; element i belongs to positions i, i + m, … .</returns>
    internal static double[] SeasonalFigures(ReadOnlySpan<double> y, int m, bool multiplicative) =>
        SeasonalFigures(y, CentredMovingAverage(y, m), m, multiplicative);

    private static double[] SeasonalFigures(ReadOnlySpan<double> y, double[] trend, int m, bool multiplicative)
    {
        var sums = new double[m];
        var counts = new int[m];
        for (int t = 0; t < y.Length; t++)
        {
            if (!double.IsNaN(trend[t]))
            {
                sums[t % m] += multiplicative ? y[t] / trend[t] : y[t] - trend[t];
                counts[t % m]++;
            }
        }

        var figures = new double[m];
        double average = 0;
        for (int i = 0; i < m; i++)
        {
            figures[i] = sums[i] / counts[i];
            average += figures[i];
        }

        average /= m;
        for (int i = 0; i < m; i++)
        {
            figures[i] = multiplicative ? figures[i] / average : figures[i] - average;
        }

        return figures;
    }

    /// <summary>The centred moving average of order m (2×m for even m); NaN for the first and last ⌊m/2⌋ values.</summary>
    /// <param name="y">The values.</param>
    /// <param name="m">The order, at least 2.</param>
    /// <returns>The trend, as long as <paramref name="y"/>.</returns>
    internal static double[] CentredMovingAverage(ReadOnlySpan<double> y, int m)
    {
        int n = y.Length;
        int half = m / 2;
        bool even = m % 2 == 0;
        var trend = ForecastMath.NaNs(n);
        for (int t = half; t < n - half; t++)
        {
            double sum = 0;
            if (even)
            {
                sum += 0.5 * (y[t - half] + y[t + half]);
                for (int j = -half + 1; j < half; j++)
                {
                    sum += y[t + j];
                }
            }
            else
            {
                for (int j = -half; j <= half; j++)
                {
                    sum += y[t + j];
                }
            }

            trend[t] = sum / m;
        }

        return trend;
    }
}
