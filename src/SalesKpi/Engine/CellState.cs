using System;

namespace SalesKpi;

/// <summary>
/// The accumulator state of one KPI cell as plain data (numbers and sorted arrays, no delegates), the unit of a
/// <see cref="KpiSnapshot{TKey}"/>.
/// </summary>
/// <remarks>
/// Which fields a metric uses is fixed by its primitive; unused fields are zero or <see langword="null"/>:
/// <list type="table">
/// <listheader><term>primitive</term><description>fields</description></listheader>
/// <item><term>count</term><description><see cref="Count"/>.</description></item>
/// <item><term>sum/mean of <see langword="long"/></term><description><see cref="Count"/>, <see cref="Integer"/> = Σx.</description></item>
/// <item><term>sum/mean of <see langword="decimal"/></term><description><see cref="Count"/>, <see cref="Decimal"/> = Σx.</description></item>
/// <item><term>sum/mean of <see langword="double"/></term><description><see cref="Count"/>, <see cref="Real"/> = Σx, <see cref="Real2"/> = its compensation term.</description></item>
/// <item><term>min/max of <see langword="double"/> or <see langword="decimal"/></term><description><see cref="Count"/>, <see cref="Real"/>/<see cref="Decimal"/> = min, <see cref="Real2"/>/<see cref="Decimal2"/> = max.</description></item>
/// <item><term>ratio of <see langword="double"/> or <see langword="decimal"/> sums</term><description><see cref="Count"/>, numerator in <see cref="Real"/>/<see cref="Decimal"/>, denominator in <see cref="Real2"/>/<see cref="Decimal2"/> (double sums with compensation terms in <see cref="Reals"/>).</description></item>
/// <item><term>rate, count ratio</term><description><see cref="Count"/>, <see cref="Integer"/> = numerator (successes), <see cref="Integer2"/> = denominator (trials).</description></item>
/// <item><term>distinct count</term><description><see cref="Count"/>, <see cref="Integers"/> = the distinct members, ascending.</description></item>
/// <item><term>median, percentile</term><description><see cref="Count"/>, <see cref="Reals"/> = the values, ascending.</description></item>
/// <item><term>conversion</term><description><see cref="Count"/>, <see cref="Integer"/> = successes, <see cref="Integer2"/> = trials, <see cref="Integer3"/> = censored.</description></item>
/// <item><term>last value</term><description><see cref="Count"/>, <see cref="Integers"/> = pairs (entity, Unix ticks) by ascending entity, <see cref="Decimals"/> = each entity's value.</description></item>
/// </list>
/// </remarks>
public readonly record struct CellState
{
    /// <summary>Gets the number of facts added.</summary>
    public long Count { get; init; }

    /// <summary>Gets the first integer field.</summary>
    public long Integer { get; init; }

    /// <summary>Gets the second integer field.</summary>
    public long Integer2 { get; init; }

    /// <summary>Gets the third integer field.</summary>
    public long Integer3 { get; init; }

    /// <summary>Gets the first decimal field.</summary>
    public decimal Decimal { get; init; }

    /// <summary>Gets the second decimal field.</summary>
    public decimal Decimal2 { get; init; }

    /// <summary>Gets the first floating-point field.</summary>
    public double Real { get; init; }

    /// <summary>Gets the second floating-point field.</summary>
    public double Real2 { get; init; }

    /// <summary>Gets the integer array field (sorted), if any.</summary>
    public long[]? Integers { get; init; }

    /// <summary>Gets the floating-point array field, if any.</summary>
    public double[]? Reals { get; init; }

    /// <summary>Gets the decimal array field, if any.</summary>
    public decimal[]? Decimals { get; init; }

    /// <summary>The key of <see cref="Exception.Data"/> under which <see cref="Invalid"/> keeps its reason, for a restore to name the cell.</summary>
    internal const string InvalidReasonKey = "SalesKpi.InvalidCellReason";

    internal static ArgumentException Invalid(string what)
    {
        var error = Errors.Argument("The snapshot cell is invalid: " + what + ".", "snapshot");
        error.Data[InvalidReasonKey] = what;
        return error;
    }

    /// <summary>Throws when <paramref name="values"/> holds a NaN or an infinity: no evaluation produces one.</summary>
    internal static void RequireFinite(params ReadOnlySpan<double> values)
    {
        foreach (double value in values)
        {
            if (!double.IsFinite(value))
            {
                throw Invalid("a value is not finite");
            }
        }
    }

    /// <summary>Throws when a cell of no facts holds a non-zero sum: a sum over no facts is 0.</summary>
    internal static void RequireZeroWhenEmpty(long count, bool zero)
    {
        if (count == 0 && !zero)
        {
            throw Invalid("a sum over no facts must be 0");
        }
    }

    /// <summary>Throws when <paramref name="values"/> is not strictly ascending (members or entities listed once each, in order).</summary>
    internal static void RequireStrictlyAscending(ReadOnlySpan<long> values, int stride, string what)
    {
        for (int i = stride; i < values.Length; i += stride)
        {
            if (values[i] <= values[i - stride])
            {
                throw Invalid(what + " are not strictly ascending");
            }
        }
    }
}
