using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class AccountTests
{
    private static readonly LocalDate Jan1 = new(2026, 1, 1);

    private static Account Sample() => new(
        AccountId.Of(5),
        "Acme GmbH",
        new IcpProfile("Manufacturing", 800, "DE", "EMEA"),
        [new SubscriptionChange(Jan1, Money.Of(1200m, Currency.Eur), BillingInterval.Annual), new SubscriptionChange(new LocalDate(2026, 4, 1), Money.Of(250m, Currency.Eur))],
        RepId.Of(3));

    [Fact]
    public void Attributes_read_back()
    {
        Account a = Sample();
        Assert.Equal(AccountId.Of(5), a.Id);
        Assert.Equal("Acme GmbH", a.Name);
        Assert.Equal(new EmployeeBand(501, 1000), a.Profile.EmployeeBand);
        Assert.Equal(RepId.Of(3), a.Owner);
        Assert.Equal(2, a.SubscriptionHistory.Count);
        Assert.Equal("Account 5 'Acme GmbH'", a.ToString());
    }

    [Fact]
    public void Mrr_on_a_date_is_the_latest_change_in_force_normalised_to_a_month()
    {
        Account a = Sample();
        Assert.Null(a.MrrOn(new LocalDate(2025, 12, 31)));
        // 1200 a year = 100 a month.
        Assert.Equal(Money.Of(100m, Currency.Eur), a.MrrOn(Jan1));
        Assert.Equal(Money.Of(100m, Currency.Eur), a.MrrOn(new LocalDate(2026, 3, 31)));
        Assert.Equal(Money.Of(250m, Currency.Eur), a.MrrOn(new LocalDate(2026, 4, 1)));
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("id", "None", () => new Account(AccountId.None, "Acme"));
        ArgumentAssert.Rejects("name", "' '", () => new Account(AccountId.Of(1), " "));
    }

    [Fact]
    public void Pseudo_mutators_return_new_accounts()
    {
        Account a = Sample();
        Account churned = a.WithSubscriptionChange(new SubscriptionChange(new LocalDate(2026, 9, 1), Money.Zero(Currency.Eur)));
        Assert.Equal(Money.Zero(Currency.Eur), churned.MrrOn(new LocalDate(2026, 9, 1)));
        Assert.Equal(2, a.SubscriptionHistory.Count);
        Assert.True(a.WithOwner(RepId.None).Owner.IsNone);
        Assert.Same(IcpProfile.Unknown, a.WithProfile(IcpProfile.Unknown).Profile);
    }

    [Fact]
    public void Equality_contract_holds()
    {
        Account a = Sample();
        EqualityContract.AssertEquality(
            a,
            Sample(),
            a.WithOwner(RepId.Of(4)),
            a.WithProfile(IcpProfile.Unknown),
            a.WithSubscriptionChange(new SubscriptionChange(Jan1, Money.Zero(Currency.Eur))),
            new Account(AccountId.Of(5), "Acme AG", a.Profile, a.SubscriptionHistory, RepId.Of(3)),
            new Account(AccountId.Of(6), "Acme GmbH", a.Profile, a.SubscriptionHistory, RepId.Of(3)));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public Property Mrr_on_any_date_is_the_amount_of_the_change_in_force_per_month(Money amount, LocalDate effective, LocalDate probe)
    {
        Account a = new Account(AccountId.Of(1), "A").WithSubscriptionChange(new SubscriptionChange(effective, amount, BillingInterval.Quarterly));
        Money? expected = probe < effective ? null : amount.DividedBy(3m);
        return (a.MrrOn(probe) == expected).Label($"{amount} from {effective} on {probe}");
    }
}

public sealed class SubscriptionChangeTests
{
    private static readonly LocalDate Jan1 = new(2026, 1, 1);

    [Theory]
    [InlineData(BillingInterval.Monthly, 120, 120)]
    [InlineData(BillingInterval.Quarterly, 120, 40)]
    [InlineData(BillingInterval.SemiAnnual, 120, 20)]
    [InlineData(BillingInterval.Annual, 120, 10)]
    public void Mrr_divides_the_amount_by_the_months_in_the_interval(BillingInterval interval, int amount, int mrr) =>
        Assert.Equal(Money.Of(mrr, Currency.Usd), new SubscriptionChange(Jan1, Money.Of(amount, Currency.Usd), interval).Mrr);

    [Fact]
    public void An_undefined_interval_is_rejected() =>
        ArgumentAssert.Rejects("interval", "2", () => new SubscriptionChange(Jan1, Money.Of(1m, Currency.Usd), (BillingInterval)2));

    [Fact]
    public void Negative_amounts_are_accepted_here_and_left_to_the_data_quality_check() =>
        Assert.Equal(-5m, new SubscriptionChange(Jan1, Money.Of(-5m, Currency.Usd)).Mrr.Amount);

    [Fact]
    public void ToString_is_invariant() =>
        Assert.Equal("2026-01-01 1200.00 USD Annual (MRR 100.00 USD)", new SubscriptionChange(Jan1, Money.Of(1200.00m, Currency.Usd), BillingInterval.Annual).ToString());

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new SubscriptionChange(Jan1, Money.Of(10m, Currency.Usd)),
            new SubscriptionChange(Jan1, Money.Of(10.0m, Currency.Usd), BillingInterval.Monthly),
            new SubscriptionChange(Jan1, Money.Of(10m, Currency.Usd), BillingInterval.Annual),
            new SubscriptionChange(Jan1.PlusDays(1), Money.Of(10m, Currency.Usd)),
            new SubscriptionChange(Jan1, Money.Of(10m, Currency.Eur)));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Twelve_monthly_mrrs_of_an_annual_plan_add_back_to_the_amount_up_to_decimal_precision(Money amount)
    {
        Money mrr = new SubscriptionChange(Jan1, amount, BillingInterval.Annual).Mrr;
        // Division keeps 28 significant digits; twelve times the quotient is within 1e-20 of the amount.
        return Math.Abs((mrr * 12m).Amount - amount.Amount) < 1e-15m;
    }
}
