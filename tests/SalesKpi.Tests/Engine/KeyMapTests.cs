using System.Collections.Generic;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class KeyMapTests
{
    private static void AgreesWithDictionary<TKey>(IEnumerable<TKey> keys)
        where TKey : notnull
    {
        var map = new KeyMap<TKey>();
        var expected = new Dictionary<TKey, int>();
        foreach (var key in keys)
        {
            int slot = map.GetOrAdd(key);
            if (!expected.TryGetValue(key, out int known))
            {
                known = expected.Count;
                expected.Add(key, known);
            }

            Assert.Equal(known, slot);
        }

        Assert.Equal(expected.Count, map.Count);
    }

    [Property]
    public void Small_int_keys_take_the_direct_path_and_agree_with_a_dictionary(short[] keys) =>
        AgreesWithDictionary(System.Array.ConvertAll(keys, k => (int)k));

    [Property]
    public void Wide_long_keys_take_the_hashed_bits_path_and_agree_with_a_dictionary(long[] keys) =>
        AgreesWithDictionary(System.Array.ConvertAll(keys, k => k * 1_000_003L));

    [Property]
    public void Neighbouring_keys_outside_the_direct_range_keep_their_own_slots(int start, byte length)
    {
        // Keys next to each other differ in their lowest bits only: the hashed path must compare every bit of them.
        long first = 4_096L + ((long)start & 0x3FFF_FFFF);
        var longs = new List<long>();
        var ints = new List<int>();
        var pairs = new List<(int, int)>();
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i <= length; i++)
            {
                longs.Add(first + i);
                ints.Add((int)(first + i));
                pairs.Add(((int)(first + i), i % 3));
            }
        }

        AgreesWithDictionary(longs);
        AgreesWithDictionary(ints);
        AgreesWithDictionary(pairs);
    }

    [Fact]
    public void A_hundred_thousand_neighbouring_wide_keys_keep_their_own_slots()
    {
        // Enough keys that probe sequences run through their neighbours' buckets.
        var keys = new List<long>();
        for (long k = 0; k < 100_000; k++)
        {
            keys.Add((1L << 40) + k);
        }

        AgreesWithDictionary(keys);
        AgreesWithDictionary(keys.ConvertAll(k => (int)(k & 0x3FFF_FFFF) + 4_096));
    }

    [Fact]
    public void Past_the_bit_cache_s_limit_keys_keep_their_slots_by_equality_alone()
    {
        // 300,000 keys pass the 262,144 the bit cache serves; the map then drops it. Every key, whether met before or
        // after that, and met again afterwards, keeps its first slot.
        var keys = new List<long>();
        for (long k = 0; k < 300_000; k++)
        {
            keys.Add((k * 7_919) + (1L << 33));
        }

        var map = new KeyMap<long>();
        for (int i = 0; i < keys.Count; i++)
        {
            Assert.Equal(i, map.GetOrAdd(keys[i]));
        }

        for (int i = keys.Count - 1; i >= 0; i -= 997)
        {
            Assert.Equal(i, map.GetOrAdd(keys[i]));
            Assert.True(map.TryGet(keys[i], out int slot));
            Assert.Equal(i, slot);
            Assert.Equal(keys[i], map[i]);
        }

        Assert.Equal(keys.Count, map.Count);
        Assert.Equal(keys.Count, map.GetOrAdd(-1));
    }

    [Property]
    public void Tuple_keys_agree_with_a_dictionary(int[] reps, byte[] kinds)
    {
        var keys = new List<(int, byte)>();
        for (int i = 0; i < reps.Length; i++)
        {
            keys.Add((reps[i], kinds.Length == 0 ? (byte)0 : kinds[i % kinds.Length]));
        }

        AgreesWithDictionary(keys);
    }

    [Property]
    public void Pairs_of_small_ints_on_both_sides_of_the_direct_range_agree_with_a_dictionary(ushort[] reps, byte[] kinds)
    {
        // Reps 0..4999 and kinds 0..19 straddle the direct range (rep < 4096 and kind < 16) and grow its array.
        var keys = new List<(int, int)>();
        for (int i = 0; i < reps.Length; i++)
        {
            keys.Add((reps[i] % 5000, kinds.Length == 0 ? 0 : kinds[i % kinds.Length] % 20));
        }

        AgreesWithDictionary(keys);
    }

    [Property]
    public void Pairs_of_an_id_and_a_short_code_agree_with_a_dictionary(ushort[] reps, short[] kinds)
    {
        // The runtime lays (int, short) out code first; the map rotates its raw bits so small ids take the direct path.
        var keys = new List<(int, short)>();
        for (int i = 0; i < reps.Length; i++)
        {
            keys.Add((reps[i] % 5000, kinds.Length == 0 ? (short)0 : kinds[i % kinds.Length]));
        }

        AgreesWithDictionary(keys);
    }

    [Property]
    public void Pairs_of_a_rep_id_and_an_int_code_agree_with_a_dictionary(ushort[] reps, int[] lines)
    {
        // The runtime lays (RepId, int) out code first too.
        var keys = new List<(RepId, int)>();
        for (int i = 0; i < reps.Length; i++)
        {
            keys.Add((RepId.Of(reps[i] % 5000), lines.Length == 0 ? 0 : lines[i % lines.Length] % 40));
        }

        AgreesWithDictionary(keys);
    }

    [Fact]
    public void A_pair_and_its_mirror_keep_their_own_slots_in_either_direct_array()
    {
        // (20, 3) fits the direct array (id low, code high) and (3, 20) the mirrored one, at the same index (20 × 16 + 3):
        // one array for both would give them one slot.
        var map = new KeyMap<(int, int)>();
        Assert.Equal(0, map.GetOrAdd((20, 3)));
        Assert.Equal(1, map.GetOrAdd((3, 20)));
        Assert.Equal(0, map.GetOrAdd((20, 3)));
        Assert.Equal(1, map.GetOrAdd((3, 20)));
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public void A_pair_key_far_into_the_direct_range_after_a_small_one_keeps_both_slots()
    {
        var map = new KeyMap<(int, int)>();
        Assert.Equal(0, map.GetOrAdd((1, 0)));
        Assert.Equal(1, map.GetOrAdd((4095, 15)));
        Assert.Equal(0, map.GetOrAdd((1, 0)));
        Assert.Equal(1, map.GetOrAdd((4095, 15)));
        Assert.Equal(2, map.GetOrAdd((4096, 15)));
        Assert.Equal(3, map.Count);
    }

    [Property]
    public void String_keys_agree_with_a_dictionary(string[] keys) =>
        AgreesWithDictionary(System.Array.FindAll(keys, k => k is not null));

    [Fact]
    public void Equal_keys_with_different_bits_share_a_slot()
    {
        // +0.0 and −0.0 are equal but differ in their sign bit.
        var map = new KeyMap<double>();
        Assert.Equal(map.GetOrAdd(0.0), map.GetOrAdd(-0.0));
        Assert.Equal(1, map.Count);
    }
}
