using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace SalesKpi.Tests.Infrastructure;

/// <summary>Reads the comma-separated files of the shared data: a header line, then one record a line, fields optionally in double quotes (a doubled quote inside stands for one).</summary>
internal static class Csv
{
    /// <summary>Returns the data records of a file (the header skipped, empty lines ignored).</summary>
    public static IEnumerable<string[]> Records(string path) => File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(Fields);

    /// <summary>Splits one line into its fields.</summary>
    public static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"Unterminated quoted field in line '{line}'.");
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
