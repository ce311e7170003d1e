using System;
using System.Runtime.CompilerServices;

namespace SalesKpi;

/// <summary>
/// Accumulators of the result cells, stored compactly in first-seen order and addressed by (key slot, period slot)
/// through a dense grid (period-major, so facts in time order touch one period's row of the grid at a time)
/// while keys × periods stays small (one array load per fact), or a hash map beyond that.
/// </summary>
/// <typeparam name="TAcc">The accumulator type.</typeparam>
internal sealed class CellStore<TAcc>
    where TAcc : struct
{
    private const int MaxGridEntries = 1 << 22;

    private int[]? _grid;
    private int _keyCapacity = 16;
    private int _periodCapacity = 16;
    private LongSlotMap? _sparse;

    public CellStore()
    {
        _grid = new int[_keyCapacity * _periodCapacity];
    }

    public TAcc[] Accumulators { get; private set; } = new TAcc[16];

    public int[] KeyOf { get; private set; } = new int[16];

    public int[] PeriodOf { get; private set; } = new int[16];

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TAcc GetOrAdd(int key, int period)
    {
        int[]? grid = _grid;
        if (grid is not null && (uint)key < (uint)_keyCapacity && (uint)period < (uint)_periodCapacity)
        {
            int cell = grid[(period * _keyCapacity) + key];
            if (cell != 0)
            {
                return ref Accumulators[cell - 1];
            }
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
            int size = checked(cell * 2);
            var accumulators = Accumulators;
            Array.Resize(ref accumulators, size);
            Accumulators = accumulators;
            var keys = KeyOf;
            Array.Resize(ref keys, size);
            KeyOf = keys;
            var periods = PeriodOf;
            Array.Resize(ref periods, size);
            PeriodOf = periods;
        }

        KeyOf[cell] = key;
        PeriodOf[cell] = period;
        Count = cell + 1;
        Index(key, period, cell);
        return cell;
    }

    private void Index(int key, int period, int cell)
    {
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
                _grid[(period * _keyCapacity) + key] = cell + 1;
                return;
            }
        }

        _sparse!.Add(Pack(key, period), cell);
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

        if ((long)keyCapacity * periodCapacity > MaxGridEntries)
        {
            _sparse = new LongSlotMap();
            for (int c = 0; c < Count - 1; c++)
            {
                _sparse.Add(Pack(KeyOf[c], PeriodOf[c]), c);
            }

            _grid = null;
            return false;
        }

        var grid = new int[keyCapacity * periodCapacity];
        for (int c = 0; c < Count - 1; c++)
        {
            grid[(PeriodOf[c] * keyCapacity) + KeyOf[c]] = c + 1;
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
