using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class DealTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 1, 5, 10, 0);
    private static readonly DealStage Discovery = DealStage.Of("Discovery", 0);
    private static readonly DealStage Proposal = DealStage.Of("Proposal", 1);
    private static readonly DealStage Negotiation = DealStage.Of("Negotiation", 2);

    private static Deal Sample() => new(
        DealId.Of(9),
        RepId.Of(2),
        AccountId.Of(5),
        Money.Of(12_000m, Currency.Usd),
        Created,
        new LocalDate(2026, 3, 31),
        [new(Created, Discovery), new(Created.PlusDays(10), Proposal)],
        ForecastCategory.BestCase,
        name: "Acme renewal");

    [Fact]
    public void Attributes_read_back()
    {
        Deal deal = Sample();
        Assert.Equal(DealId.Of(9), deal.Id);
        Assert.Equal(RepId.Of(2), deal.Owner);
        Assert.Equal(AccountId.Of(5), deal.Account);
        Assert.Equal(Money.Of(12_000m, Currency.Usd), deal.Amount);
        Assert.Equal(new LocalDate(2026, 3, 31), deal.ExpectedClose);
        Assert.Equal(ForecastCategory.BestCase, deal.ForecastCategory);
        Assert.Equal(DealOutcome.Open, deal.Outcome);
        Assert.True(deal.IsOpen);
        Assert.Equal(Proposal, deal.CurrentStage);
        Assert.Equal("Acme renewal", deal.Name);
        Assert.Empty(deal.AmountHistory);
        Assert.Equal("Deal 9 (owner 2, account 5) 12000 USD, close 2026-03-31, Open", deal.ToString());
    }

    [Fact]
    public void Missing_amount_and_close_date_are_representable()
    {
        var deal = new Deal(DealId.Of(1), RepId.Of(1), AccountId.None, null, Created, null, []);
        Assert.Null(deal.Amount);
        Assert.Null(deal.ExpectedClose);
        Assert.Null(deal.CurrentStage);
        Assert.Equal("Deal 1 (owner 1, account None) none, close none, Open", deal.ToString());
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("id", "None", () => new Deal(DealId.None, RepId.Of(1), AccountId.None, null, Created, null, []));
        ArgumentAssert.Rejects("owner", "None", () => new Deal(DealId.Of(1), RepId.None, AccountId.None, null, Created, null, []));
        ArgumentAssert.Rejects("forecastCategory", "17", () => new Deal(DealId.Of(1), RepId.Of(1), AccountId.None, null, Created, null, [], (ForecastCategory)17));
        ArgumentAssert.Rejects("stageHistory", "position 1", () => new Deal(DealId.Of(1), RepId.Of(1), AccountId.None, null, Created, null, [new(Created, Discovery), new(Created, default)]));
        ArgumentAssert.Rejects("name", "' '", () => new Deal(DealId.Of(1), RepId.Of(1), AccountId.None, null, Created, null, [], name: " "));
        ArgumentAssert.Rejects("stage", "undefined", () => Sample().WithStage(Created, default));
        ArgumentAssert.Rejects("owner", "None", () => Sample().WithOwner(RepId.None));
        ArgumentAssert.Rejects("forecastCategory", "-1", () => Sample().WithForecastCategory((ForecastCategory)(-1)));
    }

    [Fact]
    public void WithAmount_and_WithExpectedClose_record_the_change()
    {
        Instant t1 = Created.PlusDays(20);
        Instant t2 = Created.PlusDays(40);
        Deal deal = Sample()
            .WithAmount(t1, Money.Of(15_000m, Currency.Usd))
            .WithExpectedClose(t1, new LocalDate(2026, 4, 30))
            .WithExpectedClose(t2, new LocalDate(2026, 6, 30));
        Assert.Equal(Money.Of(15_000m, Currency.Usd), deal.Amount);
        Assert.Equal([new ValueChange<Money>(t1, Money.Of(12_000m, Currency.Usd), Money.Of(15_000m, Currency.Usd))], deal.AmountHistory);
        Assert.Equal(2, deal.CloseDateHistory.Count);
        Assert.Equal(new LocalDate(2026, 4, 30), deal.CloseDateHistory[1].From);

        // The value in force: the From of the first change before it, the To of the last change at or before.
        Assert.Equal(Money.Of(12_000m, Currency.Usd), deal.AmountAt(t1.PlusHours(-1)));
        Assert.Equal(Money.Of(15_000m, Currency.Usd), deal.AmountAt(t1));
        Assert.Equal(new LocalDate(2026, 3, 31), deal.ExpectedCloseAt(Created));
        Assert.Equal(new LocalDate(2026, 4, 30), deal.ExpectedCloseAt(t2.PlusHours(-1)));
        Assert.Equal(new LocalDate(2026, 6, 30), deal.ExpectedCloseAt(t2.PlusDays(100)));
    }

    [Fact]
    public void Without_a_history_the_value_in_force_is_the_current_value() =>
        Assert.Equal(Money.Of(12_000m, Currency.Usd), Sample().AmountAt(Created.PlusDays(-1000)));

    [Fact]
    public void StageAt_and_FirstEntry_read_the_stage_history()
    {
        Deal deal = Sample().WithStage(Created.PlusDays(15), Negotiation).WithStage(Created.PlusDays(20), Proposal);
        Assert.Null(deal.StageAt(Created.PlusHours(-1)));
        Assert.Equal(Discovery, deal.StageAt(Created));
        Assert.Equal(Negotiation, deal.StageAt(Created.PlusDays(16)));
        Assert.Equal(Proposal, deal.StageAt(Created.PlusDays(30)));
        Assert.Equal(Created.PlusDays(10), deal.FirstEntry(Proposal));
        Assert.Null(deal.FirstEntry(DealStage.Of("Legal", 3)));
    }

    [Fact]
    public void Outcomes_and_categories_are_pseudo_mutations()
    {
        Deal deal = Sample();
        Deal won = deal.WithOutcome(DealOutcome.Won(Created.PlusDays(50))).WithForecastCategory(ForecastCategory.Closed);
        Assert.True(won.IsWon);
        Assert.Equal(ForecastCategory.Closed, won.ForecastCategory);
        Assert.True(deal.IsOpen);
        Assert.True(deal.WithOutcome(DealOutcome.Lost(Created.PlusDays(50), "Budget")).IsLost);
        Assert.Equal(RepId.Of(7), deal.WithOwner(RepId.Of(7)).Owner);
    }

    [Fact]
    public void Equality_contract_holds()
    {
        Deal deal = Sample();
        EqualityContract.AssertEquality(
            deal,
            Sample(),
            deal.WithOwner(RepId.Of(3)),
            deal.WithStage(Created.PlusDays(12), Negotiation),
            deal.WithOutcome(DealOutcome.Won(Created.PlusDays(30))),
            deal.WithForecastCategory(ForecastCategory.Commit),
            deal.WithAmount(Created.PlusDays(1), Money.Of(12_000m, Currency.Usd)),
            deal.WithExpectedClose(Created.PlusDays(1), new LocalDate(2026, 3, 31)),
            new Deal(DealId.Of(9), RepId.Of(2), AccountId.Of(5), null, Created, new LocalDate(2026, 3, 31), deal.StageHistory, ForecastCategory.BestCase, name: "Acme renewal"));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public Property The_amount_in_force_after_a_chain_of_changes_is_the_latest_one(Money start, Money[] changes, Instant probe)
    {
        Deal deal = new(DealId.Of(1), RepId.Of(1), AccountId.None, start, Created, null, []);
        Instant at = Created;
        var times = new Instant[changes.Length];
        for (int i = 0; i < changes.Length; i++)
        {
            at = at.PlusHours(1 + i);
            times[i] = at;
            deal = deal.WithAmount(at, changes[i]);
        }

        int last = Array.FindLastIndex(times, t => t <= probe);
        Money expected = last < 0 ? start : changes[last];
        return (deal.AmountAt(probe) == expected && deal.Amount == (changes.Length == 0 ? start : changes[^1]) && deal.AmountHistory.Count == changes.Length)
            .Label($"probe {probe}, last {last}");
    }
}
