using System;
using System.Collections.Generic;

namespace SalesKpi;

/// <summary>A set of non-negative id values: a bitmap when the values are dense enough, a hash set otherwise.</summary>
internal sealed class DenseIdSet
{
    private const long MaxBitmapBits = 1L << 26;
    private readonly ulong[]? _bits;
    private readonly HashSet<int>? _set;

    internal DenseIdSet(int maxValue, int count)
    {
        long size = (long)maxValue + 1;
        if (maxValue < 0)
        {
            _bits = [];
        }
        else if (size <= Math.Max(MaxBitmapBits, 64L * count))
        {
            _bits = new ulong[(int)((size + 63) >> 6)];
        }
        else
        {
            _set = new HashSet<int>(count);
        }
    }

    /// <summary>Adds a value; returns false when it was already present.</summary>
    internal bool Add(int value)
    {
        if (_set is not null)
        {
            return _set.Add(value);
        }

        ulong mask = 1UL << (value & 63);
        ref ulong word = ref _bits![value >> 6];
        if ((word & mask) != 0)
        {
            return false;
        }

        word |= mask;
        return true;
    }

    internal bool Contains(int value)
    {
        if (value < 0)
        {
            return false;
        }

        if (_set is not null)
        {
            return _set.Contains(value);
        }

        int index = value >> 6;
        return index < _bits!.Length && (_bits[index] & (1UL << (value & 63))) != 0;
    }
}
