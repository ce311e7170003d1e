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

    /// <summary>Returns the whole R call and the published values of the first golden line whose call starts with <paramref name="prefix"/>.</summary>
    internal static (string Call, double[] Values) ForPrefix(string prefix)
    {
        string start = "- `" + prefix;
        string line = Lines.Value.FirstOrDefault(l => l.StartsWith(start, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The shared data README has no golden line starting with `{prefix}`.");
        int close = line.IndexOf("`:", 3, StringComparison.Ordinal);
        return (line[3..close], Numbers(line[(close + 2)..].Split(';')[0]));
    }

    /// <summary>Reads a classic series (columns year, period, value) from the shared data folder.</summary>
    internal static double[] Classic(string file) =>
        File.ReadAllLines(SharedData.File("classic", file))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => double.Parse(l.Split(',')[2].Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToArray();

    /// <summary>Parses the numbers of an R vector literal <c>c(1,2,3)</c> inside a call.</summary>
    internal static double[] VectorIn(string call)
    {
        int open = call.IndexOf("c(", StringComparison.Ordinal) + 2;
        return Numbers(call[open..call.IndexOf(')', open)]);
    }

    private static double[] Numbers(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToArray();

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex Parenthesis();
}
