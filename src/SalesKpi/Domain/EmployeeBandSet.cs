using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// An ordered set of contiguous, non-overlapping <see cref="EmployeeBand"/>s that assigns every employee count from
/// the first lower bound up to exactly one band.
/// </summary>
/// <remarks>
/// <see cref="Standard"/> is the set of KPI-SPEC §3: 1–10, 11–50, 51–200, 201–500, 501–1000, 1001–5000, 5001+.
/// Build your own with <see cref="FromLowerBounds(int[])"/>. Instances are immutable and thread-safe.
/// </remarks>
/// <example>
/// <code>
/// EmployeeBand band = EmployeeBandSet.Standard.BandOf(120); // 51-200
/// var coarse = EmployeeBandSet.FromLowerBounds(1, 100, 1000); // 1-99, 100-999, 1000+
/// </code>
/// </example>
public sealed class EmployeeBandSet
{
    private readonly EmployeeBand[] _bands;

    private EmployeeBandSet(EmployeeBand[] bands) => _bands = bands;

    /// <summary>Gets the standard bands: 1–10, 11–50, 51–200, 201–500, 501–1000, 1001–5000, 5001+.</summary>
    public static EmployeeBandSet Standard { get; } = FromLowerBounds(1, 11, 51, 201, 501, 1001, 5001);

    /// <summary>Gets the bands in ascending order; the last is unbounded above.</summary>
    public IReadOnlyList<EmployeeBand> Bands => _bands;

    /// <summary>Creates the bands <c>[b0, b1 − 1], [b1, b2 − 1], …, [bn, ∞)</c>.</summary>
    /// <param name="lowerBounds">Strictly increasing lower bounds, the first at least 1.</param>
    /// <returns>The band set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lowerBounds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="lowerBounds"/> is empty, not strictly increasing, or starts below 1.</exception>
    public static EmployeeBandSet FromLowerBounds(params int[] lowerBounds)
    {
        ArgumentNullException.ThrowIfNull(lowerBounds);
        if (lowerBounds.Length == 0)
        {
            throw new ArgumentException("At least one lower bound is needed, but none was given.", nameof(lowerBounds));
        }

        if (lowerBounds[0] < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The first lower bound must be at least 1, but was {lowerBounds[0]}."), nameof(lowerBounds));
        }

        var bands = new EmployeeBand[lowerBounds.Length];
        for (int i = 0; i < lowerBounds.Length; i++)
        {
            if (i + 1 < lowerBounds.Length && lowerBounds[i + 1] <= lowerBounds[i])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Lower bounds must be strictly increasing, but {lowerBounds[i + 1]} follows {lowerBounds[i]}."), nameof(lowerBounds));
            }

            bands[i] = new EmployeeBand(lowerBounds[i], i + 1 < lowerBounds.Length ? lowerBounds[i + 1] - 1 : null);
        }

        return new EmployeeBandSet(bands);
    }

    /// <summary>Returns the band containing <paramref name="employeeCount"/>.</summary>
    /// <param name="employeeCount">An employee count, at least the first band's lower bound.</param>
    /// <returns>The band.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="employeeCount"/> is below the first band.</exception>
    public EmployeeBand BandOf(int employeeCount)
    {
        if (!TryGetBand(employeeCount, out EmployeeBand band))
        {
            throw new ArgumentOutOfRangeException(nameof(employeeCount), employeeCount, string.Create(CultureInfo.InvariantCulture, $"The employee count {employeeCount} is below the first band {_bands[0]}."));
        }

        return band;
    }

    /// <summary>Finds the band containing <paramref name="employeeCount"/>.</summary>
    /// <param name="employeeCount">An employee count.</param>
    /// <param name="band">The band when found.</param>
    /// <returns><see langword="false"/> when the count is below the first band.</returns>
    public bool TryGetBand(int employeeCount, out EmployeeBand band)
    {
        for (int i = _bands.Length - 1; i >= 0; i--)
        {
            if (employeeCount >= _bands[i].Min)
            {
                band = _bands[i];
                return true;
            }
        }

        band = default;
        return false;
    }

    /// <summary>Lists the band labels, for example <c>1-10, 11-50, 51+</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(", ", Array.ConvertAll(_bands, static b => b.ToString()));
}
