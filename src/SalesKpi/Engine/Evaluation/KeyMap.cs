using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SalesKpi;

/// <summary>
/// An open-addressing map from group keys to dense slots 0, 1, 2 … in first-seen order. Specialised per key type
/// by the JIT (the default equality comparer is devirtualised for value-type keys such as value tuples).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class KeyMap<TKey>
{
    private int[] _buckets = new int[16];
    private TKey[] _keys = new TKey[8];
    private int[] _hashes = new int[8];
    private int _count;
    private int _shift = 32 - 4;

    public int Count => _count;

    public TKey this[int slot] => _keys[slot];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(TKey key)
    {
        if (key is null)
        {
            ThrowNullKey();
        }

        int hash = EqualityComparer<TKey>.Default.GetHashCode(key);
        int[] buckets = _buckets;
        uint mask = (uint)buckets.Length - 1;
        uint i = unchecked((uint)hash * 0x9E3779B9u) >> _shift;
        while (true)
        {
            int entry = buckets[i];
            if (entry == 0)
            {
                return Insert(key, hash, i);
            }

            entry--;
            if (_hashes[entry] == hash && EqualityComparer<TKey>.Default.Equals(_keys[entry], key))
            {
                return entry;
            }

            i = (i + 1) & mask;
        }
    }

    public bool TryGet(TKey key, out int slot)
    {
        int hash = key is null ? 0 : EqualityComparer<TKey>.Default.GetHashCode(key);
        uint mask = (uint)_buckets.Length - 1;
        uint i = unchecked((uint)hash * 0x9E3779B9u) >> _shift;
        while (true)
        {
            int entry = _buckets[i];
            if (entry == 0)
            {
                slot = -1;
                return false;
            }

            entry--;
            if (_hashes[entry] == hash && EqualityComparer<TKey>.Default.Equals(_keys[entry], key))
            {
                slot = entry;
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    [DoesNotReturn]
    private static void ThrowNullKey() =>
        throw new ArgumentException("A group key is null; key selectors must return a non-null key for every fact.", "facts");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Insert(TKey key, int hash, uint bucket)
    {
        int slot = _count;
        if (slot == _keys.Length)
        {
            Array.Resize(ref _keys, slot * 2);
            Array.Resize(ref _hashes, slot * 2);
        }

        _keys[slot] = key;
        _hashes[slot] = hash;
        _count = slot + 1;
        _buckets[bucket] = slot + 1;
        if (_count * 2 > _buckets.Length)
        {
            Rehash();
        }

        return slot;
    }

    private void Rehash()
    {
        var buckets = new int[_buckets.Length * 2];
        _shift--;
        uint mask = (uint)buckets.Length - 1;
        for (int slot = 0; slot < _count; slot++)
        {
            uint i = unchecked((uint)_hashes[slot] * 0x9E3779B9u) >> _shift;
            while (buckets[i] != 0)
            {
                i = (i + 1) & mask;
            }

            buckets[i] = slot + 1;
        }

        _buckets = buckets;
    }
}
