using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class CurrencyTests
{
    [Fact]
    public void Well_known_currencies_have_their_codes()
    {
        Assert.Equal("USD", Currency.Usd.Code);
        Assert.Equal("EUR", Currency.Eur.Code);
        Assert.Equal("GBP", Currency.Gbp.Code);
        Assert.Equal("BRL", Currency.Brl.Code);
        Assert.Equal("JPY", Currency.Jpy.Code);
        Assert.Equal(Currency.Eur, Currency.Of("EUR"));
    }

    [Fact]
    public void Any_three_upper_case_letters_are_accepted() => Assert.Equal("CHF", Currency.Of("CHF").ToString());

    [Theory]
    [InlineData("usd")]
    [InlineData("Usd")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("")]
    [InlineData("U1D")]
    [InlineData("ÜSD")]
    [InlineData("US ")]
    public void Of_rejects_codes_that_are_not_three_upper_case_ascii_letters(string bad) =>
        ArgumentAssert.Rejects("code", $"'{bad}'", () => Currency.Of(bad));

    [Fact]
    public void Lower_case_i_is_not_folded_under_a_turkish_culture() =>
        // "inr".ToUpper() under tr-TR is "İNR"; the code is never case-folded, so this is rejected, not mangled.
        ArgumentAssert.Rejects("code", "'inr'", () => Currency.Of("inr"));

    [Fact]
    public void Default_is_XXX_the_code_for_no_currency()
    {
        Assert.Equal("XXX", default(Currency).Code);
        Assert.Equal(Currency.Of("XXX"), default);
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(Currency.Of("EUR"), Currency.Eur, Currency.Usd, Currency.Of("EUX"), default);

    [Fact]
    public void Currencies_order_by_code() =>
        EqualityContract.AssertOrdering(Currency.Brl, Currency.Eur, Currency.Gbp, Currency.Usd, default);

    [Property]
    public Property Every_upper_case_triple_round_trips()
    {
        Gen<string> codes = Gen.Choose('A', 'Z').Select(c => (char)c).ArrayOf(3).Select(a => new string(a));
        return Prop.ForAll(codes.ToArbitrary(), code => Currency.Of(code).Code == code && Currency.Of(code) == Currency.Of(new string(code.ToArray())));
    }
}
