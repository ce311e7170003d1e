using System;
using System.Globalization;
using System.Linq;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>The standard employee bands as plain numbers, for hand loops and SQL (keys are the band's lower bound, −1 when unknown).</summary>
internal static class IcpBands
{
    /// <summary>Lower bounds of <see cref="EmployeeBandSet.Standard"/>, ascending.</summary>
    public static readonly int[] LowerBounds = EmployeeBandSet.Standard.Bands.Select(b => b.Min).ToArray();

    /// <summary>A SQL expression mapping the <c>employees</c> column to its band's lower bound (−1 when NULL or below the first band).</summary>
    public static string SqlCase(string column)
    {
        var parts = LowerBounds.Reverse().Select(b => string.Create(CultureInfo.InvariantCulture, $"WHEN {column} >= {b} THEN {b}"));
        return "CASE " + string.Join(" ", parts) + " ELSE -1 END";
    }

    /// <summary>Index of the band containing <paramref name="employees"/> in <see cref="LowerBounds"/>, or −1.</summary>
    public static int IndexOf(int employees)
    {
        int i = LowerBounds.Length - 1;
        while (i >= 0 && employees < LowerBounds[i])
        {
            i--;
        }

        return i;
    }

    public static long KeyOf(EmployeeBand? band) => band is { } b ? b.Min : -1;

    public static long KeyOfIndex(int index) => index < 0 ? -1 : LowerBounds[index];

    public static void EnsureContiguous()
    {
        var bands = EmployeeBandSet.Standard.Bands;
        for (int i = 0; i + 1 < bands.Count; i++)
        {
            if (bands[i].Max != bands[i + 1].Min - 1)
            {
                throw new InvalidOperationException("The standard employee bands are expected to be contiguous.");
            }
        }
    }
}
