using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SalesKpi.Tests.Infrastructure;

namespace SalesKpi.Tests.Forecasting;

/// <summary>
/// The R forecast 8.20 golden values published in the shared data README (section "A 24-point monthly series"):
/// read from the file, never copied into the repository.
/// </summary>
internal static partial class RGolden
{
    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(SharedData.File("README.md")));

    /// <summary>Gets the 24-point monthly series the golden values were computed on.</summary>
    internal static double[] Series24
    {
        get
        {
            string[] lines = Lines.Value;
            int header = Array.FindIndex(lines, l => l.StartsWith("A 24-point monthly series", StringComparison.Ordinal));
            if (header < 0 || header + 1 >= lines.Length)
            {
                throw new InvalidOperationException("The shared data README no longer has the 24-point golden series.");
            }

            return Numbers(lines[header + 1].Trim('`', ' '));
        }
    }

    /// <summary>Returns the point forecasts and 95% lower bounds published for an R call such as <c>naive(y,3)</c>.</summary>
    internal static (double[] Point, double[] Lower95) For(string call)
    {
        string prefix = "- `" + call + "`:";
        string line = Lines.Value.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The shared data README has no golden line for `{call}`.");
        string rest = line[prefix.Length..];
        string[] parts = rest.Split(';');
        double[] point = Numbers(parts[0]);
        double[] lower = parts.Length > 1 ? Numbers(Parenthesis().Replace(parts[1], string.Empty).Replace("lo95", string.Empty, StringComparison.Ordinal)) : [];
        return (point, lower);
    }

    private static double[] Numbers(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToArray();

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex Parenthesis();
}
