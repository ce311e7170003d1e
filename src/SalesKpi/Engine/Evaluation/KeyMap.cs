using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SalesKpi;

/// <summary>Whether keys of <typeparamref name="TKey"/> are composite words: value types of 8 bytes without references that are not primitives (value tuples of two ids).</summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal static class KeyWords<TKey>
{
    public static readonly bool IsComposite =
        typeof(TKey).IsValueType && !typeof(TKey).IsPrimitive && !typeof(TKey).IsEnum
        && !RuntimeHelpers.IsReferenceOrContainsReferences<TKey>() && Unsafe.SizeOf<TKey>() == 8
        && typeof(TKey).IsGenericType;
}

/// <summary>
/// An open-addressing map from group keys to dense slots 0, 1, 2 … in first-seen order. Specialised per key type
/// by the JIT (the default equality comparer is devirtualised for value-type keys such as value tuples).
/// </summary>
/// <remarks>
/// Keys without references of 1, 2, 4 or 8 bytes (ints, int-backed ids, enums, small value tuples) first go through a
/// cache keyed by their raw bits: a direct array for small values, a cheap integer hash otherwise. It is only a cache
/// of the equality-based map (a miss falls back to it), so it stays correct even if equal keys differ in padding bits;
/// its size is bounded so such padding cannot make it grow per fact, and past 262,144 keys it is dropped (a count by a
/// million keys: 149 → 111 MB, 440 → 368 ms over 4·10⁶ facts).
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class KeyMap<TKey>
{
    // Raw bits of the form hi·2^32 + lo with hi < 16 and lo < 4096 (a small id, or a pair of a small id and a small
    // code such as (rep, kind)) index a direct array of at most 65,536 slots (lo·16 + hi; lo for keys of up to 4 bytes),
    // grown on demand.
    private const ulong DirectMask = 0x0000_000F_0000_0FFFul;

    // 8-byte raw bits with the halves the other way round (lo < 16 and hi < 4096) index a second direct array (hi·16 + lo).
    private const ulong SwappedMask = 0x0000_0FFF_0000_000Ful;
    private const int MaxDirectSize = 1 << 16;

    private int[]? _direct;
    private int[]? _directSwapped;
    private ulong[] _bitKeys = [];
    private int[] _bitSlots = [];
    private int _bitCount;
    private int _bitShift = 64;

    /// <summary>Whether the bit cache was dropped: past <see cref="MaxCachedKeys"/> keys it would only double the memory
    /// of the map (its arrays and their growth) for look-ups that miss the processor's caches either way.</summary>
    private bool _bitsDropped;

    /// <summary>The keys past which the bit cache is dropped.</summary>
    private const int MaxCachedKeys = 1 << 18;
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
        // Both conditions are JIT-time constants per key type.
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<TKey>() && Unsafe.SizeOf<TKey>() is 1 or 2 or 4 or 8)
        {
            ulong bits = Bits(ref key);
            if ((bits & ~DirectMask) == 0)
            {
                // A pair: small id major, small code minor, so the array grows with the number of ids (reps), not
                // with the largest code, and a few reps of a pair key never need a large array.
                int index = Unsafe.SizeOf<TKey>() == 8 ? (int)(((bits & 0xFFF) << 4) | (bits >> 32)) : (int)bits;
                return DirectSlot(key, index, ref _direct);
            }

            if (Unsafe.SizeOf<TKey>() == 8 && (bits & ~SwappedMask) == 0)
            {
                // The same pair laid out code first: the runtime orders a value tuple's fields as it sees fit, and lays
                // out (RepId, short) and (RepId, int) with the code in the low half. A direct array of its own, so a key
                // has one place whichever way round it fits.
                return DirectSlot(key, (int)(((bits >> 32) << 4) | (bits & 0xF)), ref _directSwapped);
            }

            ulong[] bitKeys = _bitKeys;
            if (bitKeys.Length > 0)
            {
                uint mask = (uint)bitKeys.Length - 1;
                uint i = (uint)(unchecked(bits * 0x9E3779B97F4A7C15ul) >> _bitShift);
                while (true)
                {
                    int s = _bitSlots[i];
                    if (s == 0)
                    {
                        break;
                    }

                    if (bitKeys[i] == bits)
                    {
                        return s - 1;
                    }

                    i = (i + 1) & mask;
                }
            }

            return AddBits(key, bits);
        }

        return GetOrAddByEquality(key);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int GetOrAddByEquality(TKey key)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(ref TKey key) => Unsafe.SizeOf<TKey>() switch
    {
        1 => Unsafe.As<TKey, byte>(ref key),
        2 => Unsafe.As<TKey, ushort>(ref key),
        4 => Unsafe.As<TKey, uint>(ref key),
        _ => Unsafe.As<TKey, ulong>(ref key),
    };

    /// <summary>Returns the slot a direct array holds at <paramref name="index"/>, adding the key when it holds none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int DirectSlot(TKey key, int index, ref int[]? array)
    {
        int[]? direct = array;
        if (direct is not null && (uint)index < (uint)direct.Length)
        {
            int s = direct[index];
            if (s != 0)
            {
                return s - 1;
            }
        }

        return AddDirect(key, index, ref array);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AddDirect(TKey key, int index, ref int[]? array)
    {
        int slot = GetOrAddByEquality(key);
        if (array is null || index >= array.Length)
        {
            int size = Math.Max(256, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)index + 1));
            var direct = new int[Math.Min(size, MaxDirectSize)];
            array?.CopyTo(direct, 0);
            array = direct;
        }

        array[index] = slot + 1;
        return slot;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AddBits(TKey key, ulong bits)
    {
        int slot = GetOrAddByEquality(key);
        if (_bitsDropped)
        {
            return slot;
        }

        if (_count > MaxCachedKeys)
        {
            _bitsDropped = true;
            _bitKeys = [];
            _bitSlots = [];
            _bitCount = 0;
            return slot;
        }

        if (_bitCount >= (4 * _count) + 1024)
        {
            return slot;
        }

        if ((_bitCount + 1) * 2 > _bitKeys.Length)
        {
            GrowBits();
        }

        PutBits(_bitKeys, _bitSlots, _bitShift, bits, slot + 1);
        _bitCount++;
        return slot;
    }

    private static void PutBits(ulong[] keys, int[] slots, int shift, ulong bits, int stored)
    {
        uint mask = (uint)keys.Length - 1;
        uint i = (uint)(unchecked(bits * 0x9E3779B97F4A7C15ul) >> shift);
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        keys[i] = bits;
        slots[i] = stored;
    }

    private void GrowBits()
    {
        int size = Math.Max(64, _bitKeys.Length * 2);
        int shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        var keys = new ulong[size];
        var slots = new int[size];
        for (int i = 0; i < _bitKeys.Length; i++)
        {
            if (_bitSlots[i] != 0)
            {
                PutBits(keys, slots, shift, _bitKeys[i], _bitSlots[i]);
            }
        }

        _bitKeys = keys;
        _bitSlots = slots;
        _bitShift = shift;
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
