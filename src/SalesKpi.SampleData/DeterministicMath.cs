using System;

namespace SalesKpi.SampleData;

/// <summary>
/// Natural logarithm and exponential computed with IEEE-exact operations only (add, multiply, divide, bit
/// manipulation and <see cref="Math.ScaleB"/>), so that the sample is bit-identical on every platform.
/// </summary>
/// <remarks>
/// <see cref="Math.Log(double)"/> and <see cref="Math.Exp"/> delegate to the platform's C library, whose last-bit
/// results are not guaranteed to agree across operating systems and processors. These versions are accurate to a
/// few units in the last place, which is ample for sampling; what matters is that they are the same everywhere.
/// </remarks>
internal static class DeterministicMath
{
    private const double Ln2 = 0.6931471805599453;
    private const double Ln2Hi = 0.693147180369123816490;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>Returns ln(<paramref name="x"/>) for a positive, finite, normal <paramref name="x"/>.</summary>
    internal static double Log(double x)
    {
        if (!(x > 0.0) || double.IsInfinity(x) || !double.IsNormal(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "The logarithm needs a positive, finite, normal number.");
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }

        // ln(m) = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m - 1) / (m + 1), |s| <= 0.1716.
        double s = (m - 1.0) / (m + 1.0);
        double s2 = s * s;
        double term = s;
        double sum = s;
        for (int k = 3; k <= 31; k += 2)
        {
            term *= s2;
            sum += term / k;
        }

        return (2.0 * sum) + (exponent * Ln2);
    }

    /// <summary>Returns e^<paramref name="x"/>, for <paramref name="x"/> clamped to [-700, 700].</summary>
    internal static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "The exponential needs a number.");
        }

        x = Math.Clamp(x, -700.0, 700.0);
        double k = Math.Round(x / Ln2);
        double r = (x - (k * Ln2Hi)) - (k * Ln2Lo);

        // Taylor series of e^r for |r| <= 0.35.
        double term = 1.0;
        double sum = 1.0;
        for (int n = 1; n <= 22; n++)
        {
            term = term * r / n;
            sum += term;
        }

        return Math.ScaleB(sum, (int)k);
    }

    /// <summary>Returns <paramref name="x"/> raised to <paramref name="y"/> for a positive <paramref name="x"/>.</summary>
    internal static double Pow(double x, double y) => Exp(y * Log(x));
}
