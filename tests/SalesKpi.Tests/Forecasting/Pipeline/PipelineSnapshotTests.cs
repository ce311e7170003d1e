using System;
using System.Linq;
using NodaTime;
using SalesKpi.Forecasting;
using Xunit;
using static SalesKpi.Tests.Forecasting.Pipeline.PipelineTestDeals;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class PipelineSnapshotTests
{
    private static readonly LocalDate Close = new(2026, 3, 25);

    private static Deal[] Deals() =>
    [
        Open(1, 100m, Close, Proposal),
        Open(2, 50m, Close, Proposal).WithOutcome(DealOutcome.Won(At(2, 20))),
        Open(3, 70m, Close, Negotiation).WithOutcome(DealOutcome.Won(At(3, 25))),
        Open(4, 10m, Close, Proposal).WithOutcome(DealOutcome.Lost(At(2, 10))),
        new(DealId.Of(5), RepId.Of(1), AccountId.None, Usd(10m), At(3, 21), Close, [new(At(3, 21), Proposal)]),
        new(DealId.Of(6), RepId.Of(1), AccountId.None, null, At(1, 1), Close, [new(At(1, 1), Proposal)]),
        new(DealId.Of(7), RepId.Of(1), AccountId.None, Money.Of(5m, Currency.Eur), At(1, 1), Close, [new(At(1, 1), Proposal)]),
        Open(8, 20m, Close, Proposal).WithOutcome(new DealOutcome(DealStatus.Won, null)),
        new(DealId.Of(9), RepId.Of(1), AccountId.None, Usd(30m), At(1, 1), null, [new(At(1, 1), Proposal)]),
        new(DealId.Of(10), RepId.Of(1), AccountId.None, Usd(30m), At(1, 1), Close, [new(At(3, 21), Proposal)]),
        Open(11, -5m, Close, Proposal),
        Open(12, 40m, Close, Discovery).WithStage(At(3, 22), Proposal).WithAmount(At(3, 22), Usd(400m)).WithExpectedClose(At(3, 22), new LocalDate(2026, 6, 30)),
    ];

    [Fact]
    public void Places_every_deal_as_it_stood_at_the_instant()
    {
        var snapshot = PipelineSnapshot.Take(Deals(), AsOf, DateTimeZone.Utc, Currency.Usd);

        Assert.Equal(
            [
                new PipelineDeal(DealId.Of(1), RepId.Of(1), Proposal, Usd(100m), Close, At(1, 1), ForecastCategory.Pipeline, Close),
                new PipelineDeal(DealId.Of(3), RepId.Of(1), Negotiation, Usd(70m), Close, At(1, 1), ForecastCategory.Pipeline, Close),
                new PipelineDeal(DealId.Of(12), RepId.Of(1), Discovery, Usd(40m), Close, At(1, 1), ForecastCategory.Pipeline, Close),
            ],
            snapshot.OpenDeals);
        Assert.Equal([new PipelineWin(DealId.Of(2), RepId.Of(1), Usd(50m), new LocalDate(2026, 2, 20))], snapshot.Won);
        Assert.Equal(
            [
                new PipelineExclusion(DealId.Of(6), PipelineExclusionReason.MissingAmount),
                new PipelineExclusion(DealId.Of(7), PipelineExclusionReason.OtherCurrency),
                new PipelineExclusion(DealId.Of(8), PipelineExclusionReason.ClosedWithoutCloseTime),
                new PipelineExclusion(DealId.Of(9), PipelineExclusionReason.MissingExpectedClose),
                new PipelineExclusion(DealId.Of(10), PipelineExclusionReason.NoStage),
                new PipelineExclusion(DealId.Of(11), PipelineExclusionReason.NegativeAmount),
            ],
            snapshot.Excluded);
        Assert.Equal(new LocalDate(2026, 3, 20), snapshot.AsOfDate);
        Assert.Equal("Pipeline at 2026-03-20T12:00:00Z: 3 open, 1 won, 6 excluded (USD)", snapshot.ToString());
    }

    [Fact]
    public void A_deal_entered_its_stage_at_the_start_of_its_latest_stay()
    {
        var repeated = Open(1, 1m, Close, Discovery).WithStage(At(1, 5), Proposal).WithStage(At(1, 9), Proposal).WithStage(At(3, 25), Negotiation);
        var returned = Open(2, 1m, Close, Proposal).WithStage(At(1, 5), Discovery).WithStage(At(2, 2), Proposal);

        var snapshot = PipelineSnapshot.Take([repeated, returned], AsOf, DateTimeZone.Utc, Currency.Usd);

        Assert.Equal((Proposal, At(1, 5)), (snapshot.OpenDeals[0].Stage, snapshot.OpenDeals[0].StageEntered));
        Assert.Equal((Proposal, At(2, 2)), (snapshot.OpenDeals[1].Stage, snapshot.OpenDeals[1].StageEntered));
    }

    [Fact]
    public void Does_not_depend_on_the_input_order()
    {
        var deals = Deals();
        var forward = PipelineSnapshot.Take(deals, AsOf, DateTimeZone.Utc, Currency.Usd);
        var backward = PipelineSnapshot.Take(deals.Reverse(), AsOf, DateTimeZone.Utc, Currency.Usd);

        Assert.Equal(forward.OpenDeals, backward.OpenDeals);
        Assert.Equal(forward.Won, backward.Won);
        Assert.Equal(forward.Excluded, backward.Excluded);
    }

    [Fact]
    public void Dates_wins_in_the_given_zone_and_sums_those_of_a_period()
    {
        // Won at 2026-02-28T23:30Z: still February in UTC, already 1 March in Berlin (UTC+1).
        var late = Open(1, 80m, Close, Proposal).WithOutcome(DealOutcome.Won(Instant.FromUtc(2026, 2, 28, 23, 30)));
        var early = Open(2, 15.25m, Close, Proposal).WithOutcome(DealOutcome.Won(At(3, 2)));
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

        Assert.Equal(Usd(15.25m), PipelineSnapshot.Take([late, early], AsOf, DateTimeZone.Utc, Currency.Usd).WonIn(March));
        Assert.Equal(Usd(95.25m), PipelineSnapshot.Take([late, early], AsOf, berlin, Currency.Usd).WonIn(March));
    }

    [Fact]
    public void Converts_other_currencies_at_the_snapshot_date_and_wins_at_their_close_date()
    {
        var rates = new ExchangeRateTable(
        [
            new ExchangeRate(Currency.Eur, Currency.Usd, new LocalDate(2026, 1, 1), 1.10m),
            new ExchangeRate(Currency.Eur, Currency.Usd, new LocalDate(2026, 3, 1), 1.20m),
        ]);
        Deal InEuro(int id, decimal amount) =>
            new(DealId.Of(id), RepId.Of(1), AccountId.None, Money.Of(amount, Currency.Eur), At(1, 1), Close, [new(At(1, 1), Proposal)]);
        Deal[] deals =
        [
            InEuro(1, 100m), // open: the rate of 20 March, 1.20
            InEuro(2, 100m).WithOutcome(DealOutcome.Won(At(2, 10))), // won on 10 February: 1.10
            new(DealId.Of(3), RepId.Of(1), AccountId.None, Money.Of(5m, Currency.Gbp), At(1, 1), Close, [new(At(1, 1), Proposal)]),
        ];

        var snapshot = PipelineSnapshot.Take(deals, AsOf, DateTimeZone.Utc, Currency.Usd, rates);

        Assert.Equal(Usd(120.00m), snapshot.OpenDeals.Single().Amount);
        Assert.Equal(Usd(110.00m), snapshot.Won.Single().Amount);
        Assert.Equal([new PipelineExclusion(DealId.Of(3), PipelineExclusionReason.NoExchangeRate)], snapshot.Excluded);
        Assert.Equal(
            [PipelineExclusionReason.OtherCurrency, PipelineExclusionReason.OtherCurrency, PipelineExclusionReason.OtherCurrency],
            PipelineSnapshot.Take(deals, AsOf, DateTimeZone.Utc, Currency.Usd).Excluded.Select(e => e.Reason));
    }

    [Fact]
    public void Rejects_bad_input_naming_the_parameter()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => PipelineSnapshot.Take(null!, AsOf, DateTimeZone.Utc, Currency.Usd)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => PipelineSnapshot.Take([], AsOf, null!, Currency.Usd)).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => PipelineSnapshot.Take([], AsOf, DateTimeZone.Utc, default)).ParamName);
        var nullDeal = Assert.Throws<ArgumentNullException>(() => PipelineSnapshot.Take([Open(1, 1m, Close, Proposal), null!], AsOf, DateTimeZone.Utc, Currency.Usd));
        Assert.Contains("position 1", nullDeal.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => PipelineSnapshot.Take([Open(4, 1m, Close, Proposal), Open(4, 2m, Close, Proposal)], AsOf, DateTimeZone.Utc, Currency.Usd));
        Assert.Equal("deals", twice.ParamName);
        Assert.Contains("Deal 4", twice.Message, StringComparison.Ordinal);
    }
}
