using System;
using System.Collections.Generic;
using NodaTime;
using SalesKpi.Forecasting;
using Xunit;
using static SalesKpi.Tests.Forecasting.Pipeline.PipelineTestDeals;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class StageProbabilitiesTests
{
    private static readonly Duration Year = Duration.FromDays(365);

    [Fact]
    public void Learns_the_share_won_of_the_closed_deals_that_entered_each_stage()
    {
        Deal[] deals =
        [
            Closed(1, won: true, At(3, 1), Discovery, Proposal, Negotiation),
            Closed(2, won: false, At(3, 2), Discovery, Proposal),
            Closed(3, won: false, At(3, 3), Discovery),
            Closed(4, won: true, At(3, 4), Discovery, Negotiation), // skipped Proposal
            Closed(5, won: true, At(3, 5), Discovery, Proposal, Discovery, Proposal), // re-entered: counts once
            Open(6, 100m, new LocalDate(2026, 4, 1), Proposal), // open: censored
            Closed(7, won: true, At(3, 21), Discovery), // closed after the as-of instant
            Closed(8, won: true, Instant.FromUtc(2025, 3, 1, 0, 0), Discovery), // before the look-back
            Closed(9, won: false, At(1, 2), Discovery, Proposal), // entered Proposal on 8 January, after it was lost
        ];

        var learned = StageProbabilities.Learn(deals, AsOf, Year);

        // Discovery: deals 1-5 and 9 closed, 1, 4 and 5 won: 3 of 6. Proposal: 1, 2, 5: 2 of 3. Negotiation: 1, 4: 2 of 2.
        Assert.Equal(
            [
                new StageProbability(Discovery, 0.5, 6, 3),
                new StageProbability(Proposal, 2.0 / 3, 3, 2),
                new StageProbability(Negotiation, 1.0, 2, 2),
            ],
            learned.Stages);
        Assert.Equal(0.5, learned[Discovery]);
        Assert.True(learned.Stages[0].IsLearned);
        Assert.Equal("Discovery 0.5 (3 of 6 won); Proposal 0.6666666666666666 (2 of 3 won); Negotiation 1 (2 of 2 won)", learned.ToString());
    }

    [Fact]
    public void The_look_back_excludes_its_start_and_includes_its_end()
    {
        var end = AsOf;
        Deal[] deals = [Closed(1, won: true, end, Discovery), Closed(2, won: false, end - Duration.FromDays(10), Discovery)];

        Assert.Equal(1.0, StageProbabilities.Learn(deals, AsOf, Duration.FromDays(10))[Discovery]);
        Assert.Equal(0.5, StageProbabilities.Learn(deals, AsOf, Duration.FromDays(10) + Duration.FromSeconds(1))[Discovery]);
    }

    [Fact]
    public void A_stage_without_closed_deals_has_no_probability()
    {
        var learned = StageProbabilities.Learn([Closed(1, won: true, At(3, 1), Discovery)], AsOf, Year);

        Assert.False(learned.TryGet(Proposal, out double p));
        Assert.Equal(0, p);
        var missing = Assert.Throws<KeyNotFoundException>(() => learned[Proposal]);
        Assert.Contains("'Proposal' (order 1)", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Supplied_probabilities_are_kept_in_stage_order()
    {
        var supplied = StageProbabilities.Of(new Dictionary<DealStage, double> { [Proposal] = 0.4, [Discovery] = 0.1 });

        Assert.Equal([new StageProbability(Discovery, 0.1, 0, 0), new StageProbability(Proposal, 0.4, 0, 0)], supplied.Stages);
        Assert.False(supplied.Stages[0].IsLearned);
        Assert.Equal("Discovery 0.1 (supplied); Proposal 0.4 (supplied)", supplied.ToString());
        Assert.Equal("(no stage probabilities)", StageProbabilities.Of([]).ToString());
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Rejects_a_probability_outside_the_unit_interval(double p)
    {
        var error = Assert.Throws<ArgumentException>(() => StageProbabilities.Of([new(Proposal, p)]));

        Assert.Equal("probabilities", error.ParamName);
        Assert.Contains("'Proposal'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_bad_input_naming_the_parameter()
    {
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => StageProbabilities.Of([new(Proposal, 0.1), new(Proposal, 0.2)])).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => StageProbabilities.Of([new(default, 0.1)])).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentNullException>(() => StageProbabilities.Of(null!)).ParamName);
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => StageProbabilities.Learn(null!, AsOf, Year)).ParamName);
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => StageProbabilities.Learn([null!], AsOf, Year)).ParamName);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => StageProbabilities.Learn([], AsOf, Duration.Zero));
        Assert.Equal("lookBack", zero.ParamName);
    }
}
