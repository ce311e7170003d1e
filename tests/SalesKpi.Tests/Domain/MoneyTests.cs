using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class MoneyTests
{
    private static readonly Money TenUsd = Money.Of(10m, Currency.Usd);

    [Fact]
    public void Arithmetic_is_exact_decimal_arithmetic()
    {
        // 0.1 + 0.2 = 0.3 exactly in decimal (binary floating point would give 0.30000000000000004).
        Assert.Equal(Money.Of(0.3m, Currency.Usd), Money.Of(0.1m, Currency.Usd) + Money.Of(0.2m, Currency.Usd));
        // 1234.56 - 34.56 = 1200.00
        Assert.Equal(Money.Of(1200m, Currency.Eur), Money.Of(1234.56m, Currency.Eur).Minus(Money.Of(34.56m, Currency.Eur)));
        // 19.99 × 3 = 59.97
        Assert.Equal(Money.Of(59.97m, Currency.Usd), Money.Of(19.99m, Currency.Usd) * 3m);
        Assert.Equal(Money.Of(59.97m, Currency.Usd), 3m * Money.Of(19.99m, Currency.Usd));
        // 100 / 8 = 12.5
        Assert.Equal(Money.Of(12.5m, Currency.Usd), Money.Of(100m, Currency.Usd) / 8m);
        Assert.Equal(Money.Of(-10m, Currency.Usd), -TenUsd);
        // 30 000 won of a 40 000 quota = 0.75 attainment
        Assert.Equal(0.75m, Money.Of(30_000m, Currency.Usd).DividedBy(Money.Of(40_000m, Currency.Usd)));
    }

    [Fact]
    public void Division_keeps_every_digit_and_rounding_is_explicit_half_to_even()
    {
        // An annual 1000 per month: 1000 / 12 = 83.333…
        Money monthly = Money.Of(1000m, Currency.Usd).DividedBy(12m);
        Assert.Equal(1000m / 12m, monthly.Amount);
        Assert.Equal(Money.Of(83.33m, Currency.Usd), monthly.Round(2));
        Assert.Equal(Money.Of(0.12m, Currency.Usd), Money.Of(0.125m, Currency.Usd).Round(2));
        Assert.Equal(Money.Of(0.14m, Currency.Usd), Money.Of(0.135m, Currency.Usd).Round(2));
    }

    [Fact]
    public void Mixing_currencies_throws_naming_both()
    {
        Money eur = Money.Of(5m, Currency.Eur);
        foreach (Action mixed in new Action[] { () => _ = TenUsd + eur, () => _ = TenUsd - eur, () => _ = TenUsd < eur, () => _ = TenUsd.DividedBy(eur), () => _ = TenUsd.CompareTo(eur) })
        {
            CurrencyMismatchException e = Assert.Throws<CurrencyMismatchException>(mixed);
            Assert.Contains("USD", e.Message, StringComparison.Ordinal);
            Assert.Contains("EUR", e.Message, StringComparison.Ordinal);
            Assert.Equal(Currency.Usd, e.Expected);
            Assert.Equal(Currency.Eur, e.Actual);
            Assert.NotNull(e.ParamName);
        }
    }

    [Fact]
    public void Money_in_different_currencies_is_unequal_without_throwing()
    {
        Assert.NotEqual(TenUsd, Money.Of(10m, Currency.Eur));
        Assert.False(TenUsd == Money.Of(10m, Currency.Eur));
    }

    [Fact]
    public void Equality_contract_holds_and_ignores_the_decimal_scale() =>
        EqualityContract.AssertEquality(Money.Of(10.00m, Currency.Usd), Money.Of(10m, Currency.Usd), Money.Of(10.01m, Currency.Usd), Money.Of(-10m, Currency.Usd));

    [Fact]
    public void Money_orders_by_amount_within_a_currency() =>
        EqualityContract.AssertOrdering(Money.Of(-1m, Currency.Usd), Money.Zero(Currency.Usd), Money.Of(0.01m, Currency.Usd), TenUsd);

    [Fact]
    public void Division_by_zero_is_rejected_naming_the_divisor()
    {
        ArgumentAssert.Rejects("divisor", "10 USD", () => TenUsd.DividedBy(0m));
        ArgumentAssert.Rejects("divisor", "0 USD", () => TenUsd.DividedBy(Money.Zero(Currency.Usd)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(29)]
    public void Round_rejects_places_outside_0_to_28(int places) =>
        ArgumentAssert.Rejects("decimals", places.ToString(System.Globalization.CultureInfo.InvariantCulture), () => TenUsd.Round(places));

    [Fact]
    public void ToString_is_invariant_under_a_decimal_comma_culture() =>
        Assert.Equal("1234.50 USD", Money.Of(1234.50m, Currency.Usd).ToString());

    [Fact]
    public void Sum_adds_exactly_and_rejects_a_foreign_currency()
    {
        Assert.Equal(Money.Of(0.6m, Currency.Usd), Money.Sum([Money.Of(0.1m, Currency.Usd), Money.Of(0.2m, Currency.Usd), Money.Of(0.3m, Currency.Usd)], Currency.Usd));
        Assert.Equal(Money.Zero(Currency.Eur), Money.Sum([], Currency.Eur));
        CurrencyMismatchException e = Assert.Throws<CurrencyMismatchException>(() => Money.Sum([TenUsd, Money.Of(1m, Currency.Gbp)], Currency.Usd));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("GBP", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overflow_throws_rather_than_wrapping() =>
        Assert.Throws<OverflowException>(() => Money.Of(decimal.MaxValue, Currency.Usd) + Money.Of(1m, Currency.Usd));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public Property Addition_is_commutative_and_associative_and_subtraction_undoes_it(Money a, Money b, Money c)
    {
        Money b2 = Money.Of(b.Amount, a.Currency);
        Money c2 = Money.Of(c.Amount, a.Currency);
        return (a + b2 == b2 + a && (a + b2) + c2 == a + (b2 + c2) && (a + b2) - b2 == a && a - a == Money.Zero(a.Currency))
            .Label($"{a}, {b2}, {c2}");
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Sum_equals_the_fold_of_Plus_in_any_order(Money[] values)
    {
        Money[] usd = [.. values.Select(v => Money.Of(v.Amount, Currency.Usd))];
        Money fold = usd.Aggregate(Money.Zero(Currency.Usd), (s, v) => s + v);
        return Money.Sum(usd, Currency.Usd) == fold && Money.Sum(usd.Reverse(), Currency.Usd) == fold;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Ordering_agrees_with_the_sign_of_the_difference(Money a, Money b)
    {
        Money b2 = Money.Of(b.Amount, a.Currency);
        return Math.Sign(a.CompareTo(b2)) == Math.Sign((a - b2).Amount) && (a < b2) == ((a - b2).Amount < 0m);
    }
}
