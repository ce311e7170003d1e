using System;
using NodaTime;
using SalesKpi.Forecasting;
using Xunit;
using static SalesKpi.Tests.Forecasting.Pipeline.PipelineTestDeals;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class WeightedPipelineTests
{
    [Fact]
    public void Weighs_the_deals_expected_to_close_in_the_period()
    {
        Deal[] deals =
        [
            Open(1, 100m, new LocalDate(2026, 3, 25), Discovery),
            Open(2, 200m, new LocalDate(2026, 3, 31), Proposal),
            Open(3, 300m, new LocalDate(2026, 3, 28), Negotiation), // no probability for Negotiation
            Open(4, 400m, new LocalDate(2026, 4, 1), Proposal), // after March
            new(DealId.Of(5), RepId.Of(1), AccountId.None, null, At(1, 1), new LocalDate(2026, 3, 2), [new(At(1, 1), Proposal)]),
        ];
        var snapshot = PipelineSnapshot.Take(deals, AsOf, DateTimeZone.Utc, Currency.Usd);

        var weighted = WeightedPipeline.Of(snapshot, Probabilities(discovery: 0.5, proposal: 0.25), March);

        // E = 100 × 0.5 + 200 × 0.25 = 100; Var = 100² × 0.5 × 0.5 + 200² × 0.25 × 0.75 = 2500 + 7500 = 10000.
        Assert.Equal(Usd(100m), weighted.Expected);
        Assert.Equal(Usd(300m), weighted.Unweighted);
        Assert.Equal(10000.0, weighted.Variance, 9);
        Assert.Equal(100.0, weighted.StandardDeviation, 9);
        Assert.Equal([DealId.Of(1), DealId.Of(2)], [weighted.Deals[0].Deal.Id, weighted.Deals[1].Deal.Id]);
        Assert.Equal(Usd(50m), weighted.Deals[1].Weighted);
        Assert.Equal(
            [
                new PipelineExclusion(DealId.Of(3), PipelineExclusionReason.NoStageProbability),
                new PipelineExclusion(DealId.Of(5), PipelineExclusionReason.MissingAmount),
            ],
            weighted.Excluded);
        Assert.Equal("2026-03: weighted 100.00 USD of 300 USD (sd 100), 2 deals", weighted.ToString());
        Assert.Equal("Deal 2: 200 USD × 0.25 = 50.00 USD", weighted.Deals[1].ToString());
    }

    [Fact]
    public void An_empty_period_weighs_nothing()
    {
        var snapshot = PipelineSnapshot.Take([Open(1, 100m, new LocalDate(2026, 5, 1), Discovery)], AsOf, DateTimeZone.Utc, Currency.Usd);

        var weighted = WeightedPipeline.Of(snapshot, Probabilities(0.5, 0.5), March);

        Assert.Equal(Usd(0m), weighted.Expected);
        Assert.Equal(0.0, weighted.Variance);
        Assert.Empty(weighted.Deals);
    }

    [Fact]
    public void Rejects_bad_input_naming_the_parameter()
    {
        var snapshot = PipelineSnapshot.Take([], AsOf, DateTimeZone.Utc, Currency.Usd);

        Assert.Equal("snapshot", Assert.Throws<ArgumentNullException>(() => WeightedPipeline.Of(null!, Probabilities(0.1, 0.2), March)).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentNullException>(() => WeightedPipeline.Of(snapshot, null!, March)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentException>(() => WeightedPipeline.Of(snapshot, Probabilities(0.1, 0.2), default)).ParamName);
    }
}
