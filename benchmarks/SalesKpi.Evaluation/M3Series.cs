using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace SalesKpi.Evaluation;

/// <summary>One M3 series split into its training part and its hold-out.</summary>
internal sealed record M3Series(string Id, string Category, int SeasonLength, double[] Train, double[] Test)
{
    internal static readonly (string Category, string File, int SeasonLength)[] Files =
    [
        ("yearly", "m3_yearly_wide.csv", 1),
        ("quarterly", "m3_quarterly_wide.csv", 4),
        ("monthly", "m3_monthly_wide.csv", 12),
        ("other", "m3_other_wide.csv", 1),
    ];

    /// <summary>Reads the four wide M3 files: train on the first n_total − nf values, hold out the last nf.</summary>
    internal static List<M3Series> ReadAll(string folder)
    {
        var all = new List<M3Series>();
        foreach (var (category, file, m) in Files)
        {
            string path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"M3 file '{file}' not found in '{folder}'.", path);
            }

            using var reader = new StreamReader(path);
            string header = reader.ReadLine() ?? throw new InvalidDataException($"'{path}' is empty.");
            if (!header.StartsWith("series,n_total,nf,category,start_year,start_period,v1", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"'{path}' does not have the expected header.");
            }

            int line = 1;
            while (reader.ReadLine() is { } row)
            {
                line++;
                if (row.Length == 0)
                {
                    continue;
                }

                var cells = row.Split(',');
                int total = int.Parse(cells[1], NumberStyles.Integer, CultureInfo.InvariantCulture);
                int nf = int.Parse(cells[2], NumberStyles.Integer, CultureInfo.InvariantCulture);
                if (cells.Length < 6 + total)
                {
                    throw new InvalidDataException($"{path}:{line}: n_total is {total} but only {cells.Length - 6} values.");
                }

                var values = new double[total];
                for (int i = 0; i < total; i++)
                {
                    values[i] = double.Parse(cells[6 + i], NumberStyles.Float, CultureInfo.InvariantCulture);
                }

                all.Add(new M3Series(cells[0].Trim(), category, m, values[..(total - nf)], values[(total - nf)..]));
            }
        }

        return all;
    }
}
