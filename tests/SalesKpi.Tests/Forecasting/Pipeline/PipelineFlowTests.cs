using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Forecasting;
using Xunit;
using static SalesKpi.Tests.Forecasting.Pipeline.PipelineTestDeals;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class PipelineFlowTests
{
    private static readonly Instant From = At(2, 15);
    private static readonly LocalDate InMarch = new(2026, 3, 25);
    private static readonly ReportingCalendar Calendar = ReportingCalendar.Iso;

    private static Deal Created(int id, decimal amount, Instant created, LocalDate expectedClose) =>
        new(DealId.Of(id), RepId.Of(1), AccountId.None, Usd(amount), created, expectedClose, [new(created, Proposal)]);

    private static Deal[] Deals() =>
    [
        Open(1, 100m, InMarch, Proposal).WithExpectedClose(At(3, 2), new LocalDate(2026, 3, 27)), // moved within March: no push
        Open(2, 200m, InMarch, Proposal).WithAmount(At(3, 1), Usd(250m)),
        Open(3, 300m, InMarch, Proposal).WithAmount(At(3, 1), Usd(280m)),
        Open(4, 400m, InMarch, Proposal).WithAmount(At(3, 5), Usd(450m)).WithOutcome(DealOutcome.Won(At(3, 10))),
        Open(5, 500m, InMarch, Proposal).WithOutcome(DealOutcome.Lost(At(3, 12))),
        Open(6, 600m, InMarch, Proposal).WithExpectedClose(At(3, 2), new LocalDate(2026, 4, 10)).WithExpectedClose(At(3, 3), new LocalDate(2026, 5, 10)),
        Open(7, 700m, InMarch, Proposal).WithExpectedClose(At(3, 3), new LocalDate(2026, 2, 27)),
        Open(8, 800m, InMarch, Proposal).WithAmount(At(3, 4), Money.Of(800m, Currency.Eur)),
        Created(9, 900m, At(3, 5), new LocalDate(2026, 3, 28)),
        Open(10, 1000m, new LocalDate(2026, 4, 15), Proposal).WithExpectedClose(At(3, 6), new LocalDate(2026, 3, 30)),
        Created(11, 1100m, At(3, 7), new LocalDate(2026, 3, 9)).WithOutcome(DealOutcome.Won(At(3, 8))),
        new(DealId.Of(12), RepId.Of(1), AccountId.None, null, At(1, 1), InMarch, [new(At(1, 1), Proposal)]),
        Open(13, 1300m, new LocalDate(2026, 5, 1), Proposal),
    ];

    [Fact]
    public void Classifies_every_deal_once_and_the_waterfall_adds_up()
    {
        var flow = PipelineFlow.Between(Deals(), From, AsOf, March, DateTimeZone.Utc, Currency.Usd, Calendar);

        // Start 100 + 200 + … + 800 = 3600; end 100 + 250 + 280 + 900 + 1000 = 2530.
        Assert.Equal(Usd(3600m), flow.Start);
        Assert.Equal(Usd(2530m), flow.End);
        Assert.Equal(
            [
                (1, PipelineFlowKind.Unchanged, 100m), (2, PipelineFlowKind.AmountUp, 50m), (3, PipelineFlowKind.AmountDown, 20m),
                (4, PipelineFlowKind.Won, 400m), (5, PipelineFlowKind.Lost, 500m), (6, PipelineFlowKind.PushedOut, 600m),
                (7, PipelineFlowKind.PulledForward, 700m), (8, PipelineFlowKind.Dropped, 800m), (9, PipelineFlowKind.New, 900m),
                (10, PipelineFlowKind.PulledIn, 1000m), (11, PipelineFlowKind.CreatedAndWon, 1100m),
            ],
            flow.Deals.Select(e => (e.Deal.Value, e.Kind, e.Amount.Amount)));
        Assert.Equal(
            flow.End.Amount,
            flow.Start.Amount + flow.New.Amount + flow.PulledIn.Amount + flow.AmountUp.Amount - flow.Won.Amount - flow.Lost.Amount
            - flow.PushedOut.Amount - flow.PulledForward.Amount - flow.Dropped.Amount - flow.AmountDown.Amount);
        Assert.Equal(1.0 / 6, flow.SlippageRate!.Value, 12);
        Assert.Equal(2, flow.Pushes); // deal 6: March to April, then April to May
        Assert.Equal(Usd(1100m), flow.CreatedAndWon);
        Assert.Equal(Usd(0m), flow.CreatedAndLost);
        Assert.Equal([new PipelineExclusion(DealId.Of(12), PipelineExclusionReason.MissingAmount)], flow.Excluded);
        Assert.Equal(
            "2026-03 pipeline: 3600 USD + 900 new + 1000 pulled in + 50 up − 400 won − 500 lost − 600 pushed out − 700 pulled forward − 800 dropped − 20 down = 2530 USD",
            flow.ToString());
    }

    [Fact]
    public void Converts_at_each_instant_so_a_rate_change_shows_as_an_amount_change()
    {
        var rates = new ExchangeRateTable(
        [
            new ExchangeRate(Currency.Eur, Currency.Usd, new LocalDate(2026, 1, 1), 1.10m),
            new ExchangeRate(Currency.Eur, Currency.Usd, new LocalDate(2026, 3, 1), 1.20m),
        ]);
        var inEuro = new Deal(DealId.Of(1), RepId.Of(1), AccountId.None, Money.Of(100m, Currency.Eur), At(1, 1), InMarch, [new(At(1, 1), Proposal)]);

        var flow = PipelineFlow.Between([inEuro], From, AsOf, March, DateTimeZone.Utc, Currency.Usd, Calendar, rates);

        Assert.Equal(Usd(110.00m), flow.Start);
        Assert.Equal(Usd(10.00m), flow.AmountUp);
        Assert.Equal(Usd(120.00m), flow.End);
        var withoutRates = PipelineFlow.Between([inEuro], From, AsOf, March, DateTimeZone.Utc, Currency.Usd, Calendar);
        Assert.Empty(withoutRates.Deals);
        Assert.Equal([new PipelineExclusion(DealId.Of(1), PipelineExclusionReason.OtherCurrency)], withoutRates.Excluded);
    }

    [Fact]
    public void An_empty_start_has_no_slippage_rate()
    {
        var flow = PipelineFlow.Between([Created(1, 5m, At(3, 1), InMarch)], From, AsOf, March, DateTimeZone.Utc, Currency.Usd, Calendar);

        Assert.Null(flow.SlippageRate);
        Assert.Equal(Usd(5m), flow.New);
    }

    [Fact]
    public void Rejects_bad_input_naming_the_parameter()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => PipelineFlow.Between(null!, From, AsOf, March, DateTimeZone.Utc, Currency.Usd, Calendar)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => PipelineFlow.Between([], From, AsOf, March, null!, Currency.Usd, Calendar)).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => PipelineFlow.Between([], From, AsOf, March, DateTimeZone.Utc, Currency.Usd, null!)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => PipelineFlow.Between([], AsOf, From, March, DateTimeZone.Utc, Currency.Usd, Calendar)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentException>(() => PipelineFlow.Between([], From, AsOf, default, DateTimeZone.Utc, Currency.Usd, Calendar)).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => PipelineFlow.Between([], From, AsOf, March, DateTimeZone.Utc, default, Calendar)).ParamName);
        Assert.Equal("deals", Assert.Throws<ArgumentException>(() => PipelineFlow.Between([Open(1, 1m, InMarch, Proposal), Open(1, 2m, InMarch, Proposal)], From, AsOf, March, DateTimeZone.Utc, Currency.Usd, Calendar)).ParamName);
    }

    [Fact]
    public void Rolls_the_open_deals_up_by_forecast_category()
    {
        Deal InCategory(int id, decimal amount, LocalDate close, ForecastCategory category) => Open(id, amount, close, Proposal).WithForecastCategory(category);
        var snapshot = PipelineSnapshot.Take(
            [
                InCategory(1, 100m, InMarch, ForecastCategory.Commit),
                InCategory(2, 50m, InMarch, ForecastCategory.BestCase),
                InCategory(3, 30m, InMarch, ForecastCategory.Pipeline),
                InCategory(4, 1000m, InMarch, ForecastCategory.Omitted),
                InCategory(5, 20m, InMarch, ForecastCategory.Closed),
                InCategory(6, 999m, new LocalDate(2026, 4, 2), ForecastCategory.Commit),
                Open(7, 10m, InMarch, Proposal).WithOutcome(DealOutcome.Won(At(3, 5))),
            ],
            AsOf,
            DateTimeZone.Utc,
            Currency.Usd);

        Assert.Equal(new ForecastRollUp(Usd(10m), Usd(130m), Usd(180m), Usd(200m), true), snapshot.RollUp(March));
        Assert.Equal(new ForecastRollUp(Usd(10m), Usd(120m), Usd(50m), Usd(30m), false), snapshot.RollUp(March, cumulative: false));

        var coverage = snapshot.Coverage(March, Usd(110m));
        Assert.Equal(2m, coverage.Ratio);
        Assert.False(coverage.IsCovered);
        Assert.Equal("2× (200 USD for 100 USD to go)", coverage.ToString());
        Assert.True(snapshot.Coverage(March, Usd(10m)).IsCovered);
        Assert.Null(snapshot.Coverage(March, Usd(5m)).Ratio);
        Assert.Equal("covered (quota met)", snapshot.Coverage(March, Usd(5m)).ToString());
        Assert.Equal("quota", Assert.Throws<CurrencyMismatchException>(() => snapshot.Coverage(March, Money.Of(1m, Currency.Eur))).ParamName);
    }
}

/// <summary>A generated deal history: creation, amount and expected-close changes, outcome (days from 1 January 2026).</summary>
public sealed record FlowDeal(int Created, int Amount, int Close, int? AmountChangeDay, int NewAmount, bool OtherCurrency, int? CloseChangeDay, int NewClose, int Outcome, int OutcomeDay)
{
    private static Instant Day(int day) => Instant.FromUtc(2026, 1, 1, 9, 0).Plus(Duration.FromDays(day));

    public Deal Build(int id)
    {
        var created = Day(Created);
        var deal = new Deal(
            DealId.Of(id), RepId.Of(1), AccountId.None, Money.Of(Amount, Currency.Usd), created, new LocalDate(2026, 1, 1).PlusDays(Close), [new(created, DealStage.Of("S", 0))]);
        if (AmountChangeDay is { } a)
        {
            deal = deal.WithAmount(Day(Created + a), Money.Of(NewAmount, OtherCurrency ? Currency.Eur : Currency.Usd));
        }

        if (CloseChangeDay is { } c)
        {
            deal = deal.WithExpectedClose(Day(Created + c), new LocalDate(2026, 1, 1).PlusDays(NewClose));
        }

        return Outcome switch
        {
            1 => deal.WithOutcome(DealOutcome.Won(Day(Created + OutcomeDay))),
            2 => deal.WithOutcome(DealOutcome.Lost(Day(Created + OutcomeDay))),
            _ => deal,
        };
    }
}

public static class FlowArbitraries
{
    public static Arbitrary<FlowDeal[]> Deals() =>
        Gen.ArrayOf(
            from created in Gen.Choose(0, 100)
            from amount in Gen.Choose(0, 1000)
            from close in Gen.Choose(30, 130)
            from amountDay in Gen.Choose(0, 60).Select(d => (int?)d).Or(Gen.Constant((int?)null))
            from newAmount in Gen.Choose(0, 1000)
            from other in Gen.Elements(false, false, false, true)
            from closeDay in Gen.Choose(0, 60).Select(d => (int?)d).Or(Gen.Constant((int?)null))
            from newClose in Gen.Choose(30, 130)
            from outcome in Gen.Choose(0, 2)
            from outcomeDay in Gen.Choose(0, 80)
            select new FlowDeal(created, amount, close, amountDay, newAmount, other, closeDay, newClose, outcome, outcomeDay)).ToArbitrary();
}

[Properties(Arbitrary = [typeof(FlowArbitraries)], MaxTest = 150)]
public sealed class PipelineFlowPropertyTests
{
    [Property(MaxTest = 60)]
    public bool Every_pipeline_model_runs_end_to_end_on_arbitrary_histories(FlowDeal[] generated)
    {
        var deals = generated.Select((g, i) => g.Build(i + 1)).ToArray();
        var asOf = Instant.FromUtc(2026, 3, 10, 0, 0);
        var year = Duration.FromDays(365);
        var snapshot = PipelineSnapshot.Take(deals, asOf, DateTimeZone.Utc, Currency.Usd);
        var simulation = PipelineSimulation.Run(
            snapshot,
            StageProbabilities.Learn(deals, asOf, year, byStageAge: true),
            CloseDateSlips.Learn(deals, asOf, year, DateTimeZone.Utc),
            March,
            trials: 200,
            seed: 3,
            newBusiness: NewBusinessHistory.Learn(deals, asOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 2));
        var chain = PipelineMarkovChain.Learn(deals, [Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 2, 1, 0, 0), asOf]);
        var weighted = WeightedPipeline.Of(snapshot, StageProbabilities.Learn(deals, asOf, year), March);

        // Every open deal is simulated or listed as having no probability; totals are ordered and at least the won amount.
        bool accounted = snapshot.OpenDeals.All(d => simulation.Deals.Any(s => s.Deal.Id == d.Id)
            || simulation.Excluded.Contains(new PipelineExclusion(d.Id, PipelineExclusionReason.NoStageProbability)));
        bool ordered = simulation.P10 <= simulation.P50 && simulation.P50 <= simulation.P90 && simulation.Quantile(0) >= simulation.WonToDate;
        return accounted && ordered && weighted.Expected <= weighted.Unweighted && chain.IntervalCount == 2;
    }

    [Property]
    public bool A_snapshot_places_every_deal_at_most_once_in_id_order(FlowDeal[] generated)
    {
        var deals = generated.Select((g, i) => g.Build(i + 1)).ToArray();
        var asOf = Instant.FromUtc(2026, 3, 1, 0, 0);
        var snapshot = PipelineSnapshot.Take(deals, asOf, DateTimeZone.Utc, Currency.Usd);

        var ids = snapshot.OpenDeals.Select(d => d.Id).Concat(snapshot.Won.Select(w => w.Id)).Concat(snapshot.Excluded.Select(e => e.Deal)).ToList();
        bool once = ids.Distinct().Count() == ids.Count;
        bool sorted = snapshot.OpenDeals.Select(d => d.Id.Value).SequenceEqual(snapshot.OpenDeals.Select(d => d.Id.Value).Order());
        bool openRule = deals.All(d =>
            snapshot.OpenDeals.Any(o => o.Id == d.Id) == (d.Created <= asOf && !(d.Outcome.ClosedAt <= asOf) && d.AmountAt(asOf) is { Currency: var c } && c == Currency.Usd));
        bool amounts = snapshot.OpenDeals.All(d => d.Amount.Amount >= 0 && d.Amount.Currency == Currency.Usd);
        return once && sorted && openRule && amounts;
    }

    [Property]
    public bool The_waterfall_adds_up_and_matches_the_two_snapshots(FlowDeal[] generated)
    {
        var deals = generated.Select((g, i) => g.Build(i + 1)).ToArray();
        var from = Instant.FromUtc(2026, 2, 20, 0, 0);
        var to = Instant.FromUtc(2026, 3, 15, 0, 0);
        var flow = PipelineFlow.Between(deals, from, to, March, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso);

        decimal Pipeline(Instant at) => PipelineSnapshot.Take(deals, at, DateTimeZone.Utc, Currency.Usd).OpenDeals
            .Where(d => March.Contains(d.ExpectedClose)).Sum(d => d.Amount.Amount);

        bool identity = flow.End.Amount == flow.Start.Amount + flow.New.Amount + flow.PulledIn.Amount + flow.AmountUp.Amount - flow.Won.Amount
            - flow.Lost.Amount - flow.PushedOut.Amount - flow.PulledForward.Amount - flow.Dropped.Amount - flow.AmountDown.Amount;
        bool once = flow.Deals.Select(e => e.Deal).Distinct().Count() == flow.Deals.Count;
        return identity && once && flow.Start.Amount == Pipeline(from) && flow.End.Amount == Pipeline(to);
    }
}
