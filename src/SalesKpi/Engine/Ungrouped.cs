using System;

namespace SalesKpi;

/// <summary>The single key of a metric that is not grouped: every fact falls into the one group <see cref="All"/>.</summary>
/// <remarks>Returned by the primitives of <see cref="Metric"/>; <c>By</c> replaces it with a real key.</remarks>
public readonly record struct Ungrouped : IComparable<Ungrouped>
{
    /// <summary>Gets the only value.</summary>
    public static Ungrouped All => default;

    /// <summary>Compares two values (they are always equal).</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Zero.</returns>
    public int CompareTo(Ungrouped other) => 0;

    /// <summary>Returns <c>all</c>.</summary>
    /// <returns>The text <c>all</c>.</returns>
    public override string ToString() => "all";

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool operator <(Ungrouped left, Ungrouped right) => false;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool operator >(Ungrouped left, Ungrouped right) => false;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Always <see langword="true"/>.</returns>
    public static bool operator <=(Ungrouped left, Ungrouped right) => true;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Always <see langword="true"/>.</returns>
    public static bool operator >=(Ungrouped left, Ungrouped right) => true;
}
