using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class SalesActivityKindTests
{
    [Fact]
    public void Well_known_kinds_have_fixed_codes_and_names()
    {
        (SalesActivityKind Kind, int Code, string Name)[] expected =
        [
            (SalesActivityKind.Call, 1, "Call"), (SalesActivityKind.Email, 2, "Email"), (SalesActivityKind.Reply, 3, "Reply"),
            (SalesActivityKind.Meeting, 4, "Meeting"), (SalesActivityKind.LeadPassed, 5, "LeadPassed"), (SalesActivityKind.Note, 6, "Note"),
            (SalesActivityKind.Task, 7, "Task"), (SalesActivityKind.Sms, 8, "Sms"), (SalesActivityKind.SocialMessage, 9, "SocialMessage"),
            (SalesActivityKind.Demo, 10, "Demo"),
        ];
        foreach ((SalesActivityKind kind, int code, string name) in expected)
        {
            Assert.Equal(code, kind.Code);
            Assert.Equal(name, kind.ToString());
            Assert.Equal(kind, SalesActivityKind.FromCode(code));
            Assert.True(kind.IsDefined);
            Assert.False(kind.IsCustom);
        }
    }

    [Fact]
    public void Custom_kinds_start_at_1000()
    {
        SalesActivityKind demoVisit = SalesActivityKind.Custom(1000);
        Assert.True(demoVisit.IsCustom);
        Assert.True(demoVisit.IsDefined);
        Assert.Equal("Custom(1000)", demoVisit.ToString());
        Assert.Equal(demoVisit, SalesActivityKind.FromCode(1000));
        ArgumentAssert.Rejects("code", "999", () => SalesActivityKind.Custom(999));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(999)]
    public void FromCode_rejects_codes_that_are_neither_well_known_nor_custom(int bad) =>
        ArgumentAssert.Rejects("code", bad.ToString(System.Globalization.CultureInfo.InvariantCulture), () => SalesActivityKind.FromCode(bad));

    [Fact]
    public void Default_is_undefined() => Assert.False(default(SalesActivityKind).IsDefined);

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(SalesActivityKind.Call, SalesActivityKind.FromCode(1), SalesActivityKind.Email, SalesActivityKind.Custom(1001), default);

    [Fact]
    public void Kinds_order_by_code() =>
        EqualityContract.AssertOrdering(default, SalesActivityKind.Call, SalesActivityKind.Demo, SalesActivityKind.Custom(1000), SalesActivityKind.Custom(int.MaxValue));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool FromCode_round_trips_every_defined_kind(SalesActivityKind kind) => SalesActivityKind.FromCode(kind.Code) == kind;
}
