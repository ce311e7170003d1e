using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class DealStageTests
{
    [Fact]
    public void A_stage_has_a_name_and_an_order()
    {
        DealStage s = DealStage.Of("Negotiation", 3);
        Assert.Equal("Negotiation", s.Name);
        Assert.Equal(3, s.Order);
        Assert.True(s.IsDefined);
        Assert.False(default(DealStage).IsDefined);
        Assert.Equal(string.Empty, default(DealStage).Name);
    }

    [Fact]
    public void Bad_names_and_orders_are_rejected()
    {
        ArgumentAssert.Rejects("name", "' '", () => DealStage.Of(" ", 0));
        ArgumentAssert.Rejects("order", "-1", () => DealStage.Of("Discovery", -1));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(DealStage.Of("Proposal", 1), DealStage.Of("Proposal", 1), DealStage.Of("proposal", 1), DealStage.Of("Proposal", 2), default);

    [Fact]
    public void Stages_order_by_position_then_name() =>
        EqualityContract.AssertOrdering(default, DealStage.Of("A", 0), DealStage.Of("Discovery", 1), DealStage.Of("Proposal", 1), DealStage.Of("A", 2));

    [Property]
    public bool Of_round_trips(NonEmptyString name, NonNegativeInt order) =>
        string.IsNullOrWhiteSpace(name.Get) || (DealStage.Of(name.Get, order.Get) is var s && s.Name == name.Get && s.Order == order.Get);
}

public sealed class DealOutcomeTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 2, 1, 12, 0);

    [Fact]
    public void Factories_build_the_three_outcomes()
    {
        Assert.Equal(DealStatus.Open, DealOutcome.Open.Status);
        Assert.False(DealOutcome.Open.IsClosed);
        Assert.Equal(new DealOutcome(DealStatus.Won, At), DealOutcome.Won(At));
        DealOutcome lost = DealOutcome.Lost(At, "Budget");
        Assert.True(lost.IsClosed);
        Assert.Equal("Budget", lost.LossReason);
        Assert.Equal("Lost at 2026-02-01T12:00:00Z (Budget)", lost.ToString());
    }

    [Fact]
    public void A_closed_outcome_without_close_instant_is_representable_for_the_data_quality_check() =>
        Assert.Null(new DealOutcome(DealStatus.Won, null).ClosedAt);

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("status", "5", () => new DealOutcome((DealStatus)5, null));
        ArgumentAssert.Rejects("closedAt", "2026-02-01T12:00:00Z", () => new DealOutcome(DealStatus.Open, At));
        ArgumentAssert.Rejects("lossReason", "'Budget'", () => new DealOutcome(DealStatus.Won, At, "Budget"));
        ArgumentAssert.Rejects("lossReason", "''", () => DealOutcome.Lost(At, ""));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            DealOutcome.Lost(At, "Budget"),
            new DealOutcome(DealStatus.Lost, At, "Budget"),
            DealOutcome.Lost(At, "budget"),
            DealOutcome.Lost(At),
            DealOutcome.Won(At),
            DealOutcome.Lost(At + Duration.FromSeconds(1), "Budget"),
            DealOutcome.Open);

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Closed_outcomes_keep_their_instant(Instant at) =>
        DealOutcome.Won(at).ClosedAt == at && DealOutcome.Lost(at).ClosedAt == at && DealOutcome.Won(at) != DealOutcome.Lost(at);
}

public sealed class HistoryEntryTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 2, 1, 12, 0);

    [Fact]
    public void ValueChange_prints_dates_and_money_invariantly()
    {
        Assert.Equal("2026-02-01T12:00:00Z 2026-03-31 -> 2026-04-30", new ValueChange<LocalDate>(At, new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 30)).ToString());
        Assert.Equal("2026-02-01T12:00:00Z none -> 1.5 EUR", new ValueChange<Money>(At, null, Money.Of(1.5m, Currency.Eur)).ToString());
        Assert.Equal("2026-02-01T12:00:00Z Mql", new StageChange<LeadStage>(At, LeadStage.Mql).ToString());
    }

    [Fact]
    public void Equality_contract_holds_for_history_entries()
    {
        EqualityContract.AssertEquality(
            new ValueChange<LocalDate>(At, new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 30)),
            new ValueChange<LocalDate>(At, new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 30)),
            new ValueChange<LocalDate>(At, null, new LocalDate(2026, 4, 30)),
            new ValueChange<LocalDate>(At, new LocalDate(2026, 3, 31), new LocalDate(2026, 5, 1)),
            new ValueChange<LocalDate>(At + Duration.FromTicks(1), new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 30)));
        EqualityContract.AssertEquality(
            new StageChange<DealStage>(At, DealStage.Of("A", 0)),
            new StageChange<DealStage>(At, DealStage.Of("A", 0)),
            new StageChange<DealStage>(At, DealStage.Of("B", 0)),
            new StageChange<DealStage>(At + Duration.FromTicks(1), DealStage.Of("A", 0)));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Entries_with_equal_parts_are_equal(Instant at, LeadStage stage, LocalDate from, LocalDate to) =>
        new StageChange<LeadStage>(at, stage) == new StageChange<LeadStage>(at, stage)
        && new ValueChange<LocalDate>(at, from, to).GetHashCode() == new ValueChange<LocalDate>(at, from, to).GetHashCode();
}
