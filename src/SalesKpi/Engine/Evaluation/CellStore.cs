using System;
using System.Runtime.CompilerServices;

namespace SalesKpi;

/// <summary>
/// Accumulators of the result cells, stored compactly in first-seen order and addressed by (key slot, period slot)
/// through a dense grid (period-major, so facts in time order touch one period's row of the grid at a time)
/// while keys × periods stays small (one array load per fact), or a hash map beyond that.
/// </summary>
/// <remarks>
/// While the grid addresses the cells, a new cell costs one append and one grid entry: which key and period each cell
/// belongs to (<see cref="KeyOf"/>, <see cref="PeriodOf"/>) is read back from the grid only when asked for (merge,
/// roll-up, snapshot, table), by one pass over it. A grid grows by copying its rows. Beyond the grid budget the cells
/// move to a hash map and their keys and periods are recorded as they come.
/// </remarks>
/// <typeparam name="TAcc">The accumulator type.</typeparam>
internal sealed class CellStore<TAcc>
    where TAcc : struct
{
    private const int MaxGridEntries = 1 << 22;

    /// <summary>Up to this many cells, keys and periods are recorded as cells come (small stores, such as the partial
    /// states of a merge, then never scan their grid); beyond it they are read back from the grid when asked for.</summary>
    private const int EagerRecordLimit = 4096;

    private int[]? _grid;
    private int _keyCapacity = 16;
    private int _periodCapacity = 16;
    private LongSlotMap? _sparse;
    private int[] _keyOf = [];
    private int[] _periodOf = [];

    /// <summary>The number of cells whose key and period are recorded in <see cref="_keyOf"/> and <see cref="_periodOf"/>.</summary>
    private int _recorded;

    /// <summary>One more than the largest key slot and period slot in the grid: the part of it <see cref="Record"/> reads.</summary>
    private int _keyBound;
    private int _periodBound;

    public CellStore()
    {
        _grid = new int[_keyCapacity * _periodCapacity];
    }

    public TAcc[] Accumulators { get; private set; } = new TAcc[16];

    /// <summary>Gets each cell's key slot (at least <see cref="Count"/> entries).</summary>
    public int[] KeyOf
    {
        get
        {
            if (_recorded != Count)
            {
                Record();
            }

            return _keyOf;
        }
    }

    /// <summary>Gets each cell's period slot (at least <see cref="Count"/> entries).</summary>
    public int[] PeriodOf
    {
        get
        {
            if (_recorded != Count)
            {
                Record();
            }

            return _periodOf;
        }
    }

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TAcc GetOrAdd(int key, int period)
    {
        int[]? grid = _grid;
        if (grid is not null && (uint)key < (uint)_keyCapacity && (uint)period < (uint)_periodCapacity)
        {
            int index = (period * _keyCapacity) + key;
            int cell = grid[index];
            if (cell != 0)
            {
                return ref Accumulators[cell - 1];
            }

            // A new cell inside the grid: append it without the general path's second look-up (which may grow the
            // array: read the array only after it returns).
            int appended = AddInGrid(grid, index, key, period);
            return ref Accumulators[appended];
        }

        // Slow may grow the array: read the array only after it returns.
        int added = Slow(key, period);
        return ref Accumulators[added];
    }

    public int Find(int key, int period)
    {
        if (_grid is not null)
        {
            return (uint)key < (uint)_keyCapacity && (uint)period < (uint)_periodCapacity
                ? _grid[(period * _keyCapacity) + key] - 1
                : -1;
        }

        return _sparse!.TryGet(Pack(key, period), out int cell) ? cell : -1;
    }

    private static long Pack(int key, int period) => ((long)key << 32) | (uint)period;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AddInGrid(int[] grid, int index, int key, int period)
    {
        _keyBound = Math.Max(_keyBound, key + 1);
        _periodBound = Math.Max(_periodBound, period + 1);
        int cell = Count;
        RecordEagerly(cell, key, period);
        if (cell == Accumulators.Length)
        {
            var accumulators = Accumulators;
            Array.Resize(ref accumulators, checked(cell * 2));
            Accumulators = accumulators;
        }

        Count = cell + 1;
        grid[index] = cell + 1;
        return cell;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Slow(int key, int period)
    {
        int found = Find(key, period);
        if (found >= 0)
        {
            return found;
        }

        int cell = Count;
        if (cell == Accumulators.Length)
        {
            var accumulators = Accumulators;
            Array.Resize(ref accumulators, checked(cell * 2));
            Accumulators = accumulators;
        }

        if (_grid is not null)
        {
            while (key >= _keyCapacity || period >= _periodCapacity)
            {
                if (!GrowGrid(key, period))
                {
                    break;
                }
            }

            if (_grid is not null)
            {
                _keyBound = Math.Max(_keyBound, key + 1);
                _periodBound = Math.Max(_periodBound, period + 1);
                RecordEagerly(cell, key, period);
                Count = cell + 1;
                _grid[(period * _keyCapacity) + key] = cell + 1;
                return cell;
            }
        }

        // Hash-map mode: every cell's key and period recorded as it comes.
        Record();
        EnsureRecordCapacity(cell + 1);
        _keyOf[cell] = key;
        _periodOf[cell] = period;
        Count = cell + 1;
        _recorded = Count;
        _sparse!.Add(Pack(key, period), cell);
        return cell;
    }

    private void RecordEagerly(int cell, int key, int period)
    {
        if (cell < EagerRecordLimit && _recorded == cell)
        {
            EnsureRecordCapacity(cell + 1);
            _keyOf[cell] = key;
            _periodOf[cell] = period;
            _recorded = cell + 1;
        }
    }

    /// <summary>Records the key and period of every cell (from the grid in grid mode; already done in hash-map mode).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Record()
    {
        if (_recorded == Count)
        {
            return;
        }

        EnsureRecordCapacity(Count);
        var grid = _grid!;
        int keys = _keyCapacity;
        var keyOf = _keyOf;
        var periodOf = _periodOf;
        for (int p = 0; p < _periodBound; p++)
        {
            var row = grid.AsSpan(p * keys, _keyBound);
            for (int k = 0; k < row.Length; k++)
            {
                int c = row[k];
                if (c != 0)
                {
                    keyOf[c - 1] = k;
                    periodOf[c - 1] = p;
                }
            }
        }

        _recorded = Count;
    }

    private void EnsureRecordCapacity(int count)
    {
        if (_keyOf.Length < count)
        {
            int size = Math.Max(count, Math.Max(16, _keyOf.Length * 2));
            var keyOf = _keyOf;
            Array.Resize(ref keyOf, size);
            _keyOf = keyOf;
            var periodOf = _periodOf;
            Array.Resize(ref periodOf, size);
            _periodOf = periodOf;
        }
    }

    private bool GrowGrid(int key, int period)
    {
        int keyCapacity = _keyCapacity;
        int periodCapacity = _periodCapacity;
        while (key >= keyCapacity)
        {
            keyCapacity *= 2;
        }

        while (period >= periodCapacity)
        {
            periodCapacity *= 2;
        }

        var old = _grid!;
        if ((long)keyCapacity * periodCapacity > MaxGridEntries)
        {
            // The cells so far are all in the grid: record them from it, then index them in the hash map.
            Record();
            _sparse = new LongSlotMap();
            for (int c = 0; c < Count; c++)
            {
                _sparse.Add(Pack(_keyOf[c], _periodOf[c]), c);
            }

            _grid = null;
            return false;
        }

        // Move the used part of the old grid row by row (one block copy per period row, not one write per cell).
        var grid = new int[keyCapacity * periodCapacity];
        int oldKeys = _keyCapacity;
        if (oldKeys == keyCapacity)
        {
            Array.Copy(old, grid, _periodBound * oldKeys);
        }
        else
        {
            for (int p = 0; p < _periodBound; p++)
            {
                Array.Copy(old, p * oldKeys, grid, p * keyCapacity, _keyBound);
            }
        }

        _grid = grid;
        _keyCapacity = keyCapacity;
        _periodCapacity = periodCapacity;
        return true;
    }
}

/// <summary>An open-addressing map from 64-bit keys to non-negative slots.</summary>
internal sealed class LongSlotMap
{
    private long[] _keys = new long[64];
    private int[] _slots = new int[64];
    private int _count;
    private int _shift = 64 - 6;

    public bool TryGet(long key, out int slot)
    {
        uint mask = (uint)_keys.Length - 1;
        uint i = (uint)(unchecked((ulong)key * 0x9E3779B97F4A7C15ul) >> _shift);
        while (true)
        {
            int s = _slots[i];
            if (s == 0)
            {
                slot = -1;
                return false;
            }

            if (_keys[i] == key)
            {
                slot = s - 1;
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    public void Add(long key, int slot)
    {
        if ((_count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        Put(_keys, _slots, _shift, key, slot + 1);
        _count++;
    }

    private static void Put(long[] keys, int[] slots, int shift, long key, int stored)
    {
        uint mask = (uint)keys.Length - 1;
        uint i = (uint)(unchecked((ulong)key * 0x9E3779B97F4A7C15ul) >> shift);
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        keys[i] = key;
        slots[i] = stored;
    }

    private void Grow()
    {
        var keys = new long[_keys.Length * 2];
        var slots = new int[_keys.Length * 2];
        int shift = _shift - 1;
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_slots[i] != 0)
            {
                Put(keys, slots, shift, _keys[i], _slots[i]);
            }
        }

        _keys = keys;
        _slots = slots;
        _shift = shift;
    }
}
