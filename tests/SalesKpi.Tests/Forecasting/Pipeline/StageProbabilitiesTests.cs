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

    /// <summary>
    /// Stays in Proposal, in days: 1 won, 2 lost, 3 won, 4 lost, 5 open, 6 won, 7 lost, 8 won, 9 lost, 10 won, 11 open,
    /// 12 lost (closed deals entered Proposal on 1 March and closed from it; open deals entered it 5 and 11 days before
    /// the snapshot).
    /// </summary>
    private static Deal[] ProposalStays()
    {
        var deals = new List<Deal>();
        string outcomes = "WLWLOWLWLWOL";
        for (int d = 1; d <= outcomes.Length; d++)
        {
            var entered = outcomes[d - 1] == 'O' ? AsOf - Duration.FromDays(d) : At(3, 1);
            var deal = new Deal(DealId.Of(d), RepId.Of(1), AccountId.None, Usd(1m), entered, new LocalDate(2026, 4, 1), [new(entered, Proposal)]);
            var closedAt = entered + Duration.FromDays(d);
            deals.Add(outcomes[d - 1] switch
            {
                'W' => deal.WithOutcome(DealOutcome.Won(closedAt)),
                'L' => deal.WithOutcome(DealOutcome.Lost(closedAt)),
                _ => deal,
            });
        }

        return [.. deals];
    }

    private static double ByAge(StageProbabilities p, double days)
    {
        var deal = new PipelineDeal(DealId.Of(99), RepId.Of(1), Proposal, Usd(1m), new LocalDate(2026, 4, 1), AsOf - Duration.FromDays(days));
        Assert.True(p.TryGet(deal, AsOf, out double probability));
        return probability;
    }

    [Fact]
    public void By_stage_age_estimates_the_chance_among_deals_still_in_the_stage_with_open_stays_censored()
    {
        var p = StageProbabilities.Learn(ProposalStays(), AsOf, Year, byStageAge: true, minimumComparables: 1);

        // Kaplan-Meier: at risk 12, 11, …; S before each length: 1, 11/12, 10/12, 9/12, 8/12, 8/12, 4/7, 10/21, 8/21,
        // 2/7, 4/21, 4/21. Won mass: 1/12 (1 d), 1/12 (3 d), 8/12 · 1/7 (6 d), 10/21 · 1/5 (8 d), 2/7 · 1/3 (10 d).
        Assert.Equal(19.0 / 42, ByAge(p, 0), 12); // 1/12 + 1/12 + 2/21 + 2/21 + 2/21
        Assert.Equal(31.0 / 77, ByAge(p, 1.5), 12); // (1/12 + 2/7) ÷ 11/12
        Assert.Equal(0.25, ByAge(p, 9), 12); // at 9 days: 9 lost, 10 won, 11 open, 12 lost: (2/21) ÷ (8/21)
        Assert.Equal(0.0, ByAge(p, 10.5), 12); // only the open 11-day stay and the lost 12-day one remain
        Assert.Equal(0.0, ByAge(p, 30), 12); // older than every stay
        Assert.Equal(0.5, p[Proposal]); // the stage's own share stays the closed deals': 5 of 10
        Assert.True(p.ByStageAge);
        Assert.EndsWith(", by stage age", p.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void By_stage_age_a_resolution_comes_before_a_censoring_of_the_same_length()
    {
        // Stays of 1 day won, 1 day still open, 2 days lost. Resolution first: at 1 day, 3 at risk, 1 won: 1/3, then the
        // open stay leaves and the lost one resolves the rest. (Censoring first would give 1/2.)
        var won = new Deal(DealId.Of(1), RepId.Of(1), AccountId.None, Usd(1m), At(3, 1), new LocalDate(2026, 4, 1), [new(At(3, 1), Proposal)])
            .WithOutcome(DealOutcome.Won(At(3, 2)));
        var open = new Deal(DealId.Of(2), RepId.Of(1), AccountId.None, Usd(1m), AsOf - Duration.FromDays(1), new LocalDate(2026, 4, 1), [new(AsOf - Duration.FromDays(1), Proposal)]);
        var lost = new Deal(DealId.Of(3), RepId.Of(1), AccountId.None, Usd(1m), At(3, 1), new LocalDate(2026, 4, 1), [new(At(3, 1), Proposal)])
            .WithOutcome(DealOutcome.Lost(At(3, 3)));

        var p = StageProbabilities.Learn([won, open, lost], AsOf, Year, byStageAge: true, minimumComparables: 1);

        Assert.Equal(1.0 / 3, ByAge(p, 0), 12);
    }

    [Fact]
    public void By_stage_age_a_re_entered_stage_counts_its_latest_stay()
    {
        // Proposal 1–3 March, Negotiation 3–5 March, Proposal again 5 March until won on 15 March: the Proposal stay is 10
        // days. A fresh deal in Proposal is then the only one at risk past 2 days: with 1 comparable, at 9 days it is won.
        var deal = new Deal(DealId.Of(1), RepId.Of(1), AccountId.None, Usd(1m), At(3, 1), new LocalDate(2026, 4, 1), [new(At(3, 1), Proposal)])
            .WithStage(At(3, 3), Negotiation).WithStage(At(3, 5), Proposal).WithOutcome(DealOutcome.Won(At(3, 15)));
        var lost = new Deal(DealId.Of(2), RepId.Of(1), AccountId.None, Usd(1m), At(3, 1), new LocalDate(2026, 4, 1), [new(At(3, 1), Proposal)])
            .WithOutcome(DealOutcome.Lost(At(3, 4)));

        var p = StageProbabilities.Learn([deal, lost], AsOf, Year, byStageAge: true, minimumComparables: 1);

        Assert.Equal(0.5, ByAge(p, 0), 12); // stays 3 days (lost) and 10 days (won)
        Assert.Equal(1.0, ByAge(p, 9), 12); // only the 10-day stay is still at risk; the first, 2-day stay would give none
    }

    [Fact]
    public void By_stage_age_rests_on_at_least_the_minimum_number_of_stays()
    {
        var p = StageProbabilities.Learn(ProposalStays(), AsOf, Year, byStageAge: true);

        // Ten stays at risk from the 3-day length on: (1/12 + 2/7) ÷ 10/12 = 31/70 at every older age.
        Assert.Equal(10, StageProbabilities.MinimumComparables);
        Assert.Equal(31.0 / 70, ByAge(p, 3), 12);
        Assert.Equal(31.0 / 70, ByAge(p, 30), 12);
        Assert.Equal(31.0 / 77, ByAge(p, 2), 12);
    }

    [Fact]
    public void Without_stage_age_an_open_deal_gets_its_stage_share()
    {
        var p = StageProbabilities.Learn(ProposalStays(), AsOf, Year);

        Assert.False(p.ByStageAge);
        Assert.Equal(0.5, ByAge(p, 0));
        Assert.Equal(0.5, ByAge(p, 30));
        var unknown = new PipelineDeal(DealId.Of(99), RepId.Of(1), Negotiation, Usd(1m), new LocalDate(2026, 4, 1), AsOf);
        Assert.False(p.TryGet(unknown, AsOf, out _));
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
