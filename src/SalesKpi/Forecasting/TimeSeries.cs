using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// A plain, regularly spaced series of observations with its season length (12 for monthly data with a yearly
/// cycle, 4 for quarterly, 1 for none): the input of every time-series forecasting method.
/// </summary>
/// <remarks>Immutable. Values must be finite: NaN and infinities are rejected at construction.</remarks>
public sealed class TimeSeries
{
    private readonly double[] _values;

    private TimeSeries(double[] values, int seasonLength)
    {
        _values = values;
        SeasonLength = seasonLength;
    }

    /// <summary>Gets the observations, oldest first.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Gets the number of observations.</summary>
    public int Count => _values.Length;

    /// <summary>Gets the season length (1 for a non-seasonal series).</summary>
    public int SeasonLength { get; }

    /// <summary>Gets the observations as a span, oldest first.</summary>
    public ReadOnlySpan<double> Span => _values;

    /// <summary>Gets the observation at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based index.</param>
    public double this[int index] => _values[index];

    /// <summary>Creates a series from observations.</summary>
    /// <param name="values">The observations, oldest first; at least one, all finite.</param>
    /// <param name="seasonLength">The season length, at least 1.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">The series is empty or holds a NaN or infinite value (the message names its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonLength"/> is less than 1.</exception>
    public static TimeSeries Of(IEnumerable<double> values, int seasonLength = 1)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonLength, 1);
        var copy = new List<double>(values).ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("A time series needs at least one observation.", nameof(values));
        }

        for (int i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Observation {i} is {copy[i]}; every observation must be finite."),
                    nameof(values));
            }
        }

        return new TimeSeries(copy, seasonLength);
    }

    /// <summary>Returns the first <paramref name="count"/> observations as a new series with the same season length.</summary>
    /// <param name="count">How many observations to keep, between 1 and <see cref="Count"/>.</param>
    /// <returns>The shortened series.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    public TimeSeries Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return new TimeSeries(_values.AsSpan(0, count).ToArray(), SeasonLength);
    }
}
