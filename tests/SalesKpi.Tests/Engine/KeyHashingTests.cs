using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class KeyHashingTests
{
    /// <summary>A hashing under which every key collides, to drive a map past its probe limit.</summary>
    private sealed class CollidingHashing : KeyHashing<string>
    {
        public override int Hash(string key) => 7;

        public override bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
    }

    private static void AgreesWithDictionary<TKey>(KeyMap<TKey> map, IEnumerable<TKey> keys)
        where TKey : notnull
    {
        var expected = new Dictionary<TKey, int>();
        foreach (var key in keys)
        {
            if (!expected.TryGetValue(key, out int known))
            {
                known = expected.Count;
                expected.Add(key, known);
            }

            Assert.Equal(known, map.GetOrAdd(key));
        }

        Assert.Equal(expected.Count, map.Count);
        foreach (var (key, slot) in expected)
        {
            Assert.True(map.TryGet(key, out int found));
            Assert.Equal(slot, found);
        }
    }

    [Property]
    public void Equal_text_in_separate_instances_has_one_hash(string text)
    {
        text ??= string.Empty;
        var copy = new string(text.AsSpan());
        Assert.Equal(TextHashing.Of(text), TextHashing.Of(copy));
    }

    [Fact]
    public void Text_differing_in_any_code_unit_of_lengths_zero_to_twenty_hashes_apart()
    {
        // Every length covers another mix of whole eight-byte blocks and a 2-, 4- or 6-byte rest.
        for (int length = 1; length <= 20; length++)
        {
            string text = new('a', length);
            for (int i = 0; i < length; i++)
            {
                var changed = text.ToCharArray();
                changed[i] = 'b';
                Assert.NotEqual(TextHashing.Of(text), TextHashing.Of(new string(changed)));
            }

            Assert.NotEqual(TextHashing.Of(text), TextHashing.Of(text + "\0"));
        }
    }

    [Fact]
    public void Text_keys_use_the_fast_hashing_and_other_keys_the_default_comparer()
    {
        Assert.True(new KeyMap<string>().HasFastHashing);
        Assert.False(new KeyMap<int>().HasFastHashing);
        Assert.False(new KeyMap<(int, int)>().HasFastHashing);
    }

    [Property]
    public void Text_pairs_with_missing_parts_agree_with_a_dictionary(string?[] industries, int[] bands)
    {
        var hashing = PairHashing<string?, int>.Of(KeyHashing<string?>.ForType, null);
        Assert.NotNull(hashing);
        var keys = new List<(string?, int)>();
        for (int i = 0; i < Math.Min(industries.Length, bands.Length); i++)
        {
            // Few distinct values, so that keys repeat, in fresh instances so that equal text is not the same object.
            string? industry = industries[i] is null ? null : new string((industries[i]!.Length % 4 == 0 ? "tech" : industries[i]!).AsSpan());
            keys.Add((industry, bands[i] % 3));
        }

        AgreesWithDictionary(new KeyMap<(string?, int)>(hashing), keys.Concat(keys));
    }

    [Fact]
    public void A_pair_of_parts_without_a_hashing_of_their_own_has_none()
    {
        Assert.Null(PairHashing<int, long>.Of(null, null));
    }

    [Fact]
    public void Keys_that_all_collide_make_the_map_fall_back_to_the_default_comparer_and_keep_every_slot()
    {
        var map = new KeyMap<string>(new CollidingHashing());
        var keys = Enumerable.Range(0, 3 * KeyMap<string>.MaxProbes).Select(i => "key " + i).ToList();
        AgreesWithDictionary(map, keys.Concat(keys).Concat(keys.AsEnumerable().Reverse()));
        Assert.False(map.HasFastHashing);
    }

    [Fact]
    public void Then_by_text_parts_gives_the_counts_of_a_linq_grouping()
    {
        var facts = Enumerable.Range(0, 500).Select(i => (Industry: i % 7 == 0 ? null : "industry " + (i % 5), Band: i % 3)).ToArray();
        var table = Metric.Count<(string? Industry, int Band)>()
            .By(f => f.Industry ?? "unknown")
            .ThenBy(f => f.Band)
            .ThenBy(f => f.Industry is null ? "missing" : "known")
            .Evaluate(facts);
        var expected = facts.GroupBy(f => ((f.Industry ?? "unknown", f.Band), f.Industry is null ? "missing" : "known")).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.Count, table.Count);
        foreach (var (key, count) in expected)
        {
            Assert.Equal(count, table[key].Value);
        }
    }
}
