using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class ExchangeRateTests
{
    private static readonly LocalDate Jan1 = new(2026, 1, 1);
    private static readonly LocalDate Feb1 = new(2026, 2, 1);

    private static readonly ExchangeRateTable Table = new([
        new ExchangeRate(Currency.Eur, Currency.Usd, Jan1, 1.10m),
        new ExchangeRate(Currency.Eur, Currency.Usd, Feb1, 1.20m),
        new ExchangeRate(Currency.Gbp, Currency.Usd, Jan1, 1.25m),
    ]);

    [Fact]
    public void Conversion_uses_the_latest_rate_on_or_before_the_rate_date()
    {
        // 100 EUR at 1.10 = 110 USD (rate of 1 Jan in force until 31 Jan); at 1.20 = 120 USD from 1 Feb.
        Assert.Equal(Money.Of(110m, Currency.Usd), Table.Convert(Money.Of(100m, Currency.Eur), Currency.Usd, Jan1));
        Assert.Equal(Money.Of(110m, Currency.Usd), Table.Convert(Money.Of(100m, Currency.Eur), Currency.Usd, new LocalDate(2026, 1, 31)));
        Assert.Equal(Money.Of(120m, Currency.Usd), Table.Convert(Money.Of(100m, Currency.Eur), Currency.Usd, Feb1));
        Assert.Equal(Money.Of(120m, Currency.Usd), Table.Convert(Money.Of(100m, Currency.Eur), Currency.Usd, new LocalDate(2027, 6, 1)));
    }

    [Fact]
    public void Same_currency_converts_to_itself()
    {
        Money usd = Money.Of(3m, Currency.Usd);
        Assert.Equal(usd, Table.Convert(usd, Currency.Usd, new LocalDate(1900, 1, 1)));
    }

    [Fact]
    public void A_missing_rate_is_an_error_not_a_guess()
    {
        ArgumentAssert.Rejects("target", "2025-12-31", () => Table.Convert(Money.Of(1m, Currency.Eur), Currency.Usd, new LocalDate(2025, 12, 31)));
        // Rates are never inverted implicitly.
        ArgumentAssert.Rejects("target", "USD/EUR", () => Table.Convert(Money.Of(1m, Currency.Usd), Currency.Eur, Feb1));
        Assert.False(Table.TryGetRate(Currency.Usd, Currency.Gbp, Feb1, out _));
    }

    [Fact]
    public void Two_rates_for_one_pair_and_date_are_rejected() =>
        ArgumentAssert.Rejects("rates", "2026-01-01", () => new ExchangeRateTable([
            new ExchangeRate(Currency.Eur, Currency.Usd, Jan1, 1.1m),
            new ExchangeRate(Currency.Eur, Currency.Usd, Jan1, 1.2m),
        ]));

    [Fact]
    public void A_rate_needs_two_currencies_and_a_positive_value()
    {
        ArgumentAssert.Rejects("to", "EUR", () => new ExchangeRate(Currency.Eur, Currency.Eur, Jan1, 1m));
        ArgumentAssert.Rejects("rate", "0", () => new ExchangeRate(Currency.Eur, Currency.Usd, Jan1, 0m));
        ArgumentAssert.Rejects("rate", "-1.5", () => new ExchangeRate(Currency.Eur, Currency.Usd, Jan1, -1.5m));
    }

    [Fact]
    public void Rates_keep_their_given_order_and_print_invariantly()
    {
        Assert.Equal(3, Table.Rates.Count);
        Assert.Equal("2026-01-01 EUR/USD 1.10", Table.Rates[0].ToString());
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new ExchangeRate(Currency.Eur, Currency.Usd, Jan1, 1.10m),
            new ExchangeRate(Currency.Eur, Currency.Usd, Jan1, 1.1m),
            new ExchangeRate(Currency.Eur, Currency.Usd, Feb1, 1.10m),
            new ExchangeRate(Currency.Usd, Currency.Eur, Jan1, 1.10m),
            new ExchangeRate(Currency.Eur, Currency.Usd, Jan1, 1.11m));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Conversion_is_linear_in_the_amount(Money a, Money b)
    {
        Money x = Money.Of(a.Amount, Currency.Eur);
        Money y = Money.Of(b.Amount, Currency.Eur);
        // Amounts have 2 decimals and the rate 2, so every product is exact and linearity holds exactly.
        return Table.Convert(x + y, Currency.Usd, Feb1) == Table.Convert(x, Currency.Usd, Feb1) + Table.Convert(y, Currency.Usd, Feb1);
    }
}
