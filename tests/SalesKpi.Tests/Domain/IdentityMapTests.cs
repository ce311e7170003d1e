using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class IdentityMapTests
{
    [Fact]
    public void Keys_get_dense_ids_in_first_seen_order()
    {
        var map = new IdentityMap<RepId>();
        Assert.Equal(RepId.Of(0), map.GetOrAdd("005-ALICE"));
        Assert.Equal(RepId.Of(1), map.GetOrAdd("005-BOB"));
        Assert.Equal(RepId.Of(0), map.GetOrAdd("005-ALICE"));
        Assert.Equal(RepId.Of(2), map.GetOrAdd("005-CAROL"));
        Assert.Equal(3, map.Count);
        Assert.Equal(["005-ALICE", "005-BOB", "005-CAROL"], map.Keys);
        Assert.Equal("005-BOB", map.GetKey(RepId.Of(1)));
    }

    [Fact]
    public void Keys_compare_ordinally_by_default()
    {
        var map = new IdentityMap<LeadId>();
        Assert.NotEqual(map.GetOrAdd("abc"), map.GetOrAdd("ABC"));
        // Under tr-TR a culture-insensitive-but-not-ordinal comparison could fold "I" and "ı"; ordinal never does.
        Assert.NotEqual(map.GetOrAdd("I"), map.GetOrAdd("ı"));
    }

    [Fact]
    public void A_comparer_can_fold_case()
    {
        var map = new IdentityMap<LeadId>(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(map.GetOrAdd("abc"), map.GetOrAdd("ABC"));
        Assert.Equal("abc", map.GetKey(LeadId.Of(0)));
    }

    [Fact]
    public void TryGetId_does_not_add()
    {
        var map = new IdentityMap<DealId>();
        Assert.False(map.TryGetId("x", out DealId missing));
        Assert.True(missing.IsNone);
        Assert.Equal(0, map.Count);
        DealId added = map.GetOrAdd("x");
        Assert.True(map.TryGetId("x", out DealId found));
        Assert.Equal(added, found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void GetOrAdd_rejects_blank_keys(string key) =>
        Assert.Equal("key", Assert.ThrowsAny<ArgumentException>(() => new IdentityMap<RepId>().GetOrAdd(key)).ParamName);

    [Fact]
    public void GetKey_rejects_ids_it_did_not_assign()
    {
        var map = new IdentityMap<RepId>();
        map.GetOrAdd("a");
        ArgumentAssert.Rejects("id", "5", () => map.GetKey(RepId.Of(5)));
        ArgumentAssert.Rejects("id", "None", () => map.GetKey(RepId.None));
    }

    [Property]
    public Property Ids_are_dense_deterministic_and_round_trip(NonEmptyString[] keys)
    {
        string[] input = [.. keys.Select(k => k.Get).Where(k => !string.IsNullOrWhiteSpace(k))];
        var first = new IdentityMap<AccountId>();
        var second = new IdentityMap<AccountId>();
        AccountId[] ids = [.. input.Select(first.GetOrAdd)];
        AccountId[] again = [.. input.Select(second.GetOrAdd)];
        string[] distinct = [.. input.Distinct(StringComparer.Ordinal)];
        bool dense = ids.Select(i => i.Value).Distinct().OrderBy(v => v).SequenceEqual(Enumerable.Range(0, distinct.Length));
        bool roundTrip = input.Zip(ids).All(p => first.GetKey(p.Second) == p.First);
        bool firstSeenOrder = distinct.SequenceEqual(first.Keys);
        return (dense && roundTrip && firstSeenOrder && ids.SequenceEqual(again)).Label(string.Join(",", input));
    }
}
