using System;

namespace SalesKpi;

/// <summary>The values of a table's cells in table order, materialised when read.</summary>
internal abstract class CellValues
{
    public abstract int Count { get; }

    public abstract KpiValue this[int cell] { get; }
}

/// <summary>Finished values held as they are (fill, comparison, target and derived tables).</summary>
internal sealed class ArrayCellValues(KpiValue[] values) : CellValues
{
    public override int Count => values.Length;

    public override KpiValue this[int cell] => values[cell];
}

/// <summary>Turns an accumulator into its value; implemented by the evaluation states (their valuation is immutable).</summary>
internal interface IAccumulatorValuer<TAcc>
    where TAcc : struct
{
    KpiValue ValueOf(in TAcc acc);
}

/// <summary>
/// Accumulators copied into table order (plain data, no references), valued on each read: a table of a million
/// counts holds a million 8-byte accumulators instead of a million 112-byte values.
/// </summary>
internal sealed class AccumulatorCellValues<TAcc>(TAcc[] accumulators, IAccumulatorValuer<TAcc> valuer) : CellValues
    where TAcc : struct
{
    public override int Count => accumulators.Length;

    public override KpiValue this[int cell] => valuer.ValueOf(in accumulators[cell]);
}

/// <summary>
/// Counts in table order as 32-bit integers (every count of the table fits): half the bytes of their accumulators, valued
/// on each read.
/// </summary>
internal sealed class CountCellValues(int[] counts, IAccumulatorValuer<CountAccumulator> valuer) : CellValues
{
    public override int Count => counts.Length;

    public override KpiValue this[int cell] => valuer.ValueOf(new CountAccumulator { N = counts[cell] });
}

/// <summary>
/// A table's period index per cell, in table order: 16-bit when the table has at most 65,536 periods (every daily table
/// of up to 179 years), 32-bit otherwise.
/// </summary>
internal readonly struct CellPeriods
{
    private readonly int[]? _wide;
    private readonly ushort[]? _narrow;

    public CellPeriods(int[] wide) => _wide = wide;

    public CellPeriods(ushort[] narrow) => _narrow = narrow;

    public int Length => _narrow?.Length ?? _wide?.Length ?? 0;

    public int this[int cell] => _narrow is not null ? _narrow[cell] : _wide![cell];
}

/// <summary>Accumulators in table order, some of them cells added by a fill policy, which read as the fill value.</summary>
internal sealed class FilledCellValues<TAcc>(TAcc[] accumulators, bool[] filled, KpiValue fillValue, IAccumulatorValuer<TAcc> valuer) : CellValues
    where TAcc : struct
{
    public override int Count => accumulators.Length;

    public override KpiValue this[int cell] => filled[cell] ? fillValue : valuer.ValueOf(in accumulators[cell]);
}

/// <summary>Receives the rows of a table being built: each row's key, then its cells in period order.</summary>
/// <typeparam name="TK">The key type.</typeparam>
/// <typeparam name="TAcc">The accumulator type.</typeparam>
internal interface IRowSink<TK, TAcc>
    where TAcc : struct
{
    /// <summary>Receives, once before any row, the periods the cells' period indices refer to (empty without periods).</summary>
    void UsePeriods(ReportingPeriod[] periods);

    void BeginRow(TK key, int cells);

    /// <summary>Adds a cell: its period (null without periods), that period's index in the periods given, its accumulator.</summary>
    void Add(ReportingPeriod? period, int periodIndex, in TAcc acc);
}
