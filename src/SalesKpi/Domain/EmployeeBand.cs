using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// A company-size band: the employee counts from <see cref="Min"/> to <see cref="Max"/>, both inclusive, or
/// unbounded above when <see cref="Max"/> is <see langword="null"/>.
/// </summary>
/// <remarks>
/// Bands are ranges of whole numbers, so the inclusive <c>[11, 50]</c> is the half-open <c>[11, 51)</c>.
/// Bands order by <see cref="Min"/>, then by <see cref="Max"/> (unbounded last).
/// </remarks>
public readonly record struct EmployeeBand : IComparable<EmployeeBand>, IComparable
{
    /// <summary>Creates a band.</summary>
    /// <param name="min">The smallest employee count in the band; at least 1.</param>
    /// <param name="max">The largest employee count in the band, at least <paramref name="min"/>; or <see langword="null"/> for no upper bound.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="min"/> is below 1, or <paramref name="max"/> is below <paramref name="min"/>.</exception>
    public EmployeeBand(int min, int? max)
    {
        if (min < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, string.Create(CultureInfo.InvariantCulture, $"A band's lower bound must be at least 1, but was {min}."));
        }

        if (max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, string.Create(CultureInfo.InvariantCulture, $"A band's upper bound must be at least its lower bound {min}, but was {max}."));
        }

        Min = min;
        Max = max;
    }

    /// <summary>Gets the smallest employee count in the band.</summary>
    public int Min { get; }

    /// <summary>Gets the largest employee count in the band, or <see langword="null"/> when unbounded.</summary>
    public int? Max { get; }

    /// <summary>Returns whether <paramref name="employeeCount"/> lies in the band.</summary>
    /// <param name="employeeCount">An employee count.</param>
    /// <returns><see langword="true"/> when <c>Min ≤ count ≤ Max</c>.</returns>
    public bool Contains(int employeeCount) => employeeCount >= Min && (Max is null || employeeCount <= Max.Value);

    /// <summary>Orders by <see cref="Min"/>, then <see cref="Max"/> with unbounded last.</summary>
    /// <param name="other">The other band.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(EmployeeBand other)
    {
        int c = Min.CompareTo(other.Min);
        return c != 0 ? c : ((long?)Max ?? long.MaxValue).CompareTo((long?)other.Max ?? long.MaxValue);
    }

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        EmployeeBand other => CompareTo(other),
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot compare an EmployeeBand with a {obj.GetType().Name}."), nameof(obj)),
    };

    /// <summary>Returns the label, for example <c>11-50</c> or <c>5001+</c>.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Max is { } max
        ? string.Create(CultureInfo.InvariantCulture, $"{Min}-{max}")
        : string.Create(CultureInfo.InvariantCulture, $"{Min}+");

    /// <summary>Orders bands.</summary>
    /// <param name="left">The left band.</param>
    /// <param name="right">The right band.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(EmployeeBand left, EmployeeBand right) => left.CompareTo(right) < 0;

    /// <summary>Orders bands.</summary>
    /// <param name="left">The left band.</param>
    /// <param name="right">The right band.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(EmployeeBand left, EmployeeBand right) => left.CompareTo(right) <= 0;

    /// <summary>Orders bands.</summary>
    /// <param name="left">The left band.</param>
    /// <param name="right">The right band.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(EmployeeBand left, EmployeeBand right) => left.CompareTo(right) > 0;

    /// <summary>Orders bands.</summary>
    /// <param name="left">The left band.</param>
    /// <param name="right">The right band.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(EmployeeBand left, EmployeeBand right) => left.CompareTo(right) >= 0;
}
