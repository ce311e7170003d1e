using System.Runtime.CompilerServices;

namespace SalesKpi;

/// <summary>Receives each fact the single-pass loop keeps: its index in the batch and its key and period slots.</summary>
/// <remarks>Not generic, so that the loop's test for <see cref="AddToCells"/> is a constant also in code shared across reference-type facts.</remarks>
internal interface IFactSink
{
    void Put(int index, int key, int period);
}

/// <summary>The loop adds each kept fact to its cell's accumulator itself (a metric's own evaluation); never called.</summary>
internal readonly struct AddToCells : IFactSink
{
    public void Put(int index, int key, int period)
    {
    }
}

/// <summary>Records each kept fact's index and slots (the first half of a pass shared by several metrics).</summary>
internal struct SlotSink(int[] selection, int[] keys, int[] periods) : IFactSink
{
    private readonly int[] _selection = selection;
    private readonly int[] _keys = keys;
    private readonly int[] _periods = periods;

    /// <summary>Gets the number of facts recorded.</summary>
    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Put(int index, int key, int period)
    {
        int n = Count;
        _selection[n] = index;
        _keys[n] = key;
        _periods[n] = period;
        Count = n + 1;
    }
}
