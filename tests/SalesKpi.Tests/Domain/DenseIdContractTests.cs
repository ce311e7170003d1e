using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

/// <summary>The contract every identifier type keeps; one derived class per type runs it.</summary>
public abstract class DenseIdContractTests<TId>
    where TId : struct, IDenseId<TId>
{
    [Fact]
    public void Default_is_None_with_value_minus_one()
    {
        TId none = default;
        Assert.True(none.IsNone);
        Assert.Equal(-1, none.Value);
        Assert.Equal("None", none.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(123_456)]
    [InlineData(int.MaxValue - 1)]
    public void Of_wraps_a_non_negative_value(int value)
    {
        TId id = TId.Of(value);
        Assert.False(id.IsNone);
        Assert.Equal(value, id.Value);
    }

    [Theory]
    [InlineData(-1, "-1")]
    [InlineData(int.MinValue, "-2147483648")]
    [InlineData(int.MaxValue, "2147483647")]
    public void Of_rejects_negative_values_and_int_max(int bad, string text) =>
        ArgumentAssert.Rejects("value", text, () => TId.Of(bad));

    [Fact]
    public void ToString_is_the_invariant_value()
    {
        // tr-TR would not group digits in ToString() either, but a culture-sensitive "N0" would give "1.234.567".
        Assert.Equal("1234567", TId.Of(1_234_567).ToString());
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(TId.Of(7), TId.Of(7), TId.Of(8), TId.Of(0), default);

    [Fact]
    public void None_orders_before_zero_which_orders_before_larger_values() =>
        EqualityContract.AssertOrdering(default, TId.Of(0), TId.Of(1), TId.Of(41), TId.Of(int.MaxValue - 1));

    [Property]
    public Property Of_round_trips_and_orders_like_the_values(NonNegativeInt a, NonNegativeInt b)
    {
        int x = Math.Min(a.Get, int.MaxValue - 1);
        int y = Math.Min(b.Get, int.MaxValue - 1);
        TId ix = TId.Of(x);
        TId iy = TId.Of(y);
        return (ix.Value == x && Math.Sign(ix.CompareTo(iy)) == Math.Sign(x.CompareTo(y)) && ix.Equals(iy) == (x == y))
            .Label($"{x} vs {y}");
    }
}

public sealed class RepIdTests : DenseIdContractTests<RepId>;

public sealed class TeamIdTests : DenseIdContractTests<TeamId>;

public sealed class LeadIdTests : DenseIdContractTests<LeadId>;

public sealed class DealIdTests : DenseIdContractTests<DealId>;

public sealed class AccountIdTests : DenseIdContractTests<AccountId>;

public sealed class UserIdTests : DenseIdContractTests<UserId>;

public sealed class TicketIdTests : DenseIdContractTests<TicketId>;

public sealed class ActivityIdTests : DenseIdContractTests<ActivityId>;
