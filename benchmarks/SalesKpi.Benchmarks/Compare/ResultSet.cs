using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>Up to four integer key parts of a result row.</summary>
[InlineArray(4)]
internal struct KeyParts
{
    private long _element;
}

/// <summary>Up to eight exact integer values of a result row.</summary>
[InlineArray(8)]
internal struct IntegerValues
{
    private long _element;
}

/// <summary>Up to two exact decimal values of a result row.</summary>
[InlineArray(2)]
internal struct DecimalValues
{
    private decimal _element;
}

/// <summary>Up to eight real values of a result row; NaN stands for an undefined value.</summary>
[InlineArray(8)]
internal struct RealValues
{
    private double _element;
}

/// <summary>One row of a canonical result: integer keys, then exact counts, exact decimals and reals.</summary>
internal struct ResultRow
{
    public KeyParts Keys;
    public IntegerValues Integers;
    public DecimalValues Decimals;
    public RealValues Reals;
}

/// <summary>The shape of one result table: names of its key and value columns.</summary>
internal sealed record TableShape(string Name, string[] KeyNames, string[] IntegerNames, string[] DecimalNames, string[] RealNames)
{
    public static TableShape Of(string name, string[] keys, string[]? integers = null, string[]? decimals = null, string[]? reals = null) =>
        new(name, keys, integers ?? [], decimals ?? [], reals ?? []);
}

/// <summary>The rows of one result table, stored column-wise (only the widths the shape needs), so that a reference result of a million rows stays small.</summary>
internal sealed class ResultTable(TableShape shape)
{
    private readonly List<long> _keys = [];
    private readonly List<long> _integers = [];
    private readonly List<decimal> _decimals = [];
    private readonly List<double> _reals = [];

    public TableShape Shape { get; } = shape;

    public int Count { get; private set; }

    public void Add(in ResultRow row)
    {
        for (int k = 0; k < Shape.KeyNames.Length; k++)
        {
            _keys.Add(row.Keys[k]);
        }

        for (int v = 0; v < Shape.IntegerNames.Length; v++)
        {
            _integers.Add(row.Integers[v]);
        }

        for (int v = 0; v < Shape.DecimalNames.Length; v++)
        {
            _decimals.Add(row.Decimals[v]);
        }

        for (int v = 0; v < Shape.RealNames.Length; v++)
        {
            _reals.Add(row.Reals[v]);
        }

        Count++;
    }

    public ResultRow this[int index]
    {
        get
        {
            var row = default(ResultRow);
            for (int k = 0; k < Shape.KeyNames.Length; k++)
            {
                row.Keys[k] = _keys[(index * Shape.KeyNames.Length) + k];
            }

            for (int v = 0; v < Shape.IntegerNames.Length; v++)
            {
                row.Integers[v] = _integers[(index * Shape.IntegerNames.Length) + v];
            }

            for (int v = 0; v < Shape.DecimalNames.Length; v++)
            {
                row.Decimals[v] = _decimals[(index * Shape.DecimalNames.Length) + v];
            }

            for (int v = 0; v < Shape.RealNames.Length; v++)
            {
                row.Reals[v] = _reals[(index * Shape.RealNames.Length) + v];
            }

            return row;
        }
    }

    /// <summary>Row indexes in key order.</summary>
    public int[] SortedOrder()
    {
        int width = Shape.KeyNames.Length;
        var keys = _keys;
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            for (int k = 0; k < width; k++)
            {
                int c = keys[(x * width) + k].CompareTo(keys[(y * width) + k]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        });
        return order;
    }
}

/// <summary>
/// The engine-independent form of a workload's result, used only to check that engines agree (never timed): named
/// tables of rows keyed by integers, compared after sorting by key. Counts and decimals must be equal; reals must
/// agree within a relative tolerance.
/// </summary>
internal sealed class ResultSet
{
    public const double RelativeTolerance = 1e-9;

    private readonly Dictionary<string, ResultTable> _tables = new(StringComparer.Ordinal);

    public ResultTable Table(TableShape shape)
    {
        if (!_tables.TryGetValue(shape.Name, out var table))
        {
            table = new ResultTable(shape);
            _tables.Add(shape.Name, table);
        }

        return table;
    }

    public int RowCount
    {
        get
        {
            int n = 0;
            foreach (var t in _tables.Values)
            {
                n += t.Count;
            }

            return n;
        }
    }

    /// <summary>Compares two result sets; returns up to <paramref name="limit"/> human-readable differences.</summary>
    public static List<string> Compare(ResultSet expected, ResultSet actual, int limit)
    {
        var differences = new List<string>();
        foreach (var (name, expectedTable) in expected._tables)
        {
            var shape = expectedTable.Shape;
            if (!actual._tables.TryGetValue(name, out var other))
            {
                differences.Add($"table {name}: missing");
                continue;
            }

            var a = Sorted(expectedTable);
            var b = Sorted(other);
            int i = 0;
            int j = 0;
            while ((i < a.Length || j < b.Length) && differences.Count < limit)
            {
                int c = i >= a.Length ? 1 : j >= b.Length ? -1 : CompareKeys(a[i], b[j], shape.KeyNames.Length);
                if (c < 0)
                {
                    differences.Add($"table {name}: row {FormatKey(a[i], shape)} missing (expected {FormatValues(a[i], shape)})");
                    i++;
                }
                else if (c > 0)
                {
                    differences.Add($"table {name}: unexpected row {FormatKey(b[j], shape)} ({FormatValues(b[j], shape)})");
                    j++;
                }
                else
                {
                    string? d = CompareValues(a[i], b[j], shape);
                    if (d is not null)
                    {
                        differences.Add($"table {name}: row {FormatKey(a[i], shape)}: {d}");
                    }

                    i++;
                    j++;
                }
            }
        }

        foreach (var name in actual._tables.Keys)
        {
            if (!expected._tables.ContainsKey(name) && differences.Count < limit)
            {
                differences.Add($"table {name}: not expected");
            }
        }

        return differences;
    }

    public static bool RealsAgree(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.IsNaN(x) && double.IsNaN(y);
        }

        if (x == y)
        {
            return true;
        }

        double scale = Math.Max(Math.Abs(x), Math.Abs(y));
        return Math.Abs(x - y) <= RelativeTolerance * scale;
    }

    private static ResultRow[] Sorted(ResultTable table)
    {
        var order = table.SortedOrder();
        var rows = new ResultRow[order.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = table[order[i]];
        }

        return rows;
    }

    private static int CompareKeys(in ResultRow x, in ResultRow y, int keys)
    {
        for (int k = 0; k < keys; k++)
        {
            int c = x.Keys[k].CompareTo(y.Keys[k]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static string? CompareValues(in ResultRow x, in ResultRow y, TableShape shape)
    {
        for (int v = 0; v < shape.IntegerNames.Length; v++)
        {
            if (x.Integers[v] != y.Integers[v])
            {
                return Invariant($"{shape.IntegerNames[v]} expected {x.Integers[v]}, got {y.Integers[v]}");
            }
        }

        for (int v = 0; v < shape.DecimalNames.Length; v++)
        {
            if (x.Decimals[v] != y.Decimals[v])
            {
                return Invariant($"{shape.DecimalNames[v]} expected {x.Decimals[v]}, got {y.Decimals[v]}");
            }
        }

        for (int v = 0; v < shape.RealNames.Length; v++)
        {
            if (!RealsAgree(x.Reals[v], y.Reals[v]))
            {
                return Invariant($"{shape.RealNames[v]} expected {x.Reals[v]:R}, got {y.Reals[v]:R}");
            }
        }

        return null;
    }

    private static string FormatKey(in ResultRow row, TableShape shape)
    {
        var parts = new string[shape.KeyNames.Length];
        for (int k = 0; k < parts.Length; k++)
        {
            parts[k] = Invariant($"{shape.KeyNames[k]}={row.Keys[k]}");
        }

        return "(" + string.Join(", ", parts) + ")";
    }

    private static string FormatValues(in ResultRow row, TableShape shape)
    {
        var parts = new List<string>();
        for (int v = 0; v < shape.IntegerNames.Length; v++)
        {
            parts.Add(Invariant($"{shape.IntegerNames[v]}={row.Integers[v]}"));
        }

        for (int v = 0; v < shape.DecimalNames.Length; v++)
        {
            parts.Add(Invariant($"{shape.DecimalNames[v]}={row.Decimals[v]}"));
        }

        for (int v = 0; v < shape.RealNames.Length; v++)
        {
            parts.Add(Invariant($"{shape.RealNames[v]}={row.Reals[v]:R}"));
        }

        return string.Join(", ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
