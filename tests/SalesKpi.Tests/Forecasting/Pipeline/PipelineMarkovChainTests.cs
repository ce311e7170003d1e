using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Forecasting;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class PipelineMarkovChainTests
{
    private static readonly DealStage Qualify = DealStage.Of("Qualify", 0);
    private static readonly DealStage Propose = DealStage.Of("Propose", 1);

    private static readonly DealStage Discovery = DealStage.Of("Discovery", 0);
    private static readonly DealStage Proposal = DealStage.Of("Proposal", 1);
    private static readonly DealStage Negotiation = DealStage.Of("Negotiation", 2);
    private static readonly DealStage Contract = DealStage.Of("Contract", 3);

    private static readonly Instant T0 = At(2025, 1, 1);
    private static readonly Instant T1 = At(2025, 2, 1);
    private static readonly Instant T2 = At(2025, 3, 1);
    private static readonly Instant T3 = At(2025, 4, 1);

    internal static Instant At(int year, int month, int day) => Instant.FromUtc(year, month, day, 0, 0);

    internal static Deal MakeDeal(int id, Instant created, DealOutcome outcome, params (Instant At, DealStage Stage)[] stages) =>
        new(DealId.Of(id), RepId.Of(1), AccountId.None, null, created, null, stages.Select(s => new StageChange<DealStage>(s.At, s.Stage)), outcome: outcome);

    /// <summary>
    /// Five deals over snapshots T0 (Jan 1), T1 (Feb 1), T2 (Mar 1), giving exactly these transitions:
    /// Qualify → Qualify 1, → Propose 2, → Lost 1 (4 in all); Propose → Qualify 1, → Propose 1, → Won 1, → Lost 1 (4 in all).
    /// </summary>
    private static Deal[] AnchorDeals() =>
    [
        // (T0,T1) Qualify → Qualify; (T1,T2) Qualify → Propose.
        MakeDeal(1, At(2024, 12, 15), DealOutcome.Open, (At(2024, 12, 15), Qualify), (At(2025, 2, 10), Propose)),

        // (T0,T1) Qualify → Propose; (T1,T2) Propose → Won.
        MakeDeal(2, At(2024, 12, 20), DealOutcome.Won(At(2025, 2, 15)), (At(2024, 12, 20), Qualify), (At(2025, 1, 10), Propose)),

        // (T0,T1) Qualify → Lost; closed before T1, so nothing after.
        MakeDeal(3, At(2024, 12, 1), DealOutcome.Lost(At(2025, 1, 20)), (At(2024, 12, 1), Qualify)),

        // Created after T0; (T1,T2) Propose → Qualify.
        MakeDeal(4, At(2025, 1, 5), DealOutcome.Open, (At(2025, 1, 5), Propose), (At(2025, 2, 20), Qualify)),

        // (T0,T1) Propose → Propose; (T1,T2) Propose → Lost.
        MakeDeal(5, At(2024, 11, 1), DealOutcome.Lost(At(2025, 2, 25)), (At(2024, 11, 1), Propose)),
    ];

    private static PipelineMarkovChain AnchorChain() => PipelineMarkovChain.Learn(AnchorDeals(), [T0, T1, T2]);

    [Fact]
    public void Weighted_transitions_give_weighted_shares_and_keep_the_counts()
    {
        // Weight = deal id. Qualify: 1 → Qualify (deal 1), 2 + 1 → Propose (deals 2 and 1), 3 → Lost (deal 3): 7 in all.
        // Propose: 5 → Propose (deal 5), 2 → Won (deal 2), 4 → Qualify (deal 4), 5 → Lost (deal 5): 16 in all.
        var chain = PipelineMarkovChain.Learn(AnchorDeals(), [T0, T1, T2], (deal, _) => deal.Id.Value);

        Assert.True(chain.IsWeighted);
        Assert.Equal(1.0 / 7, chain.TransitionProbability(Qualify, Qualify), 12);
        Assert.Equal(3.0 / 7, chain.TransitionProbability(Qualify, Propose), 12);
        Assert.Equal(3.0 / 7, chain.TransitionProbability(Qualify, DealStatus.Lost), 12);
        Assert.Equal(2.0 / 16, chain.TransitionProbability(Propose, DealStatus.Won), 12);
        Assert.Equal(4.0 / 16, chain.TransitionProbability(Propose, Qualify), 12);
        Assert.Equal(2, chain.TransitionCount(Qualify, Propose));
        Assert.False(AnchorChain().IsWeighted);
    }

    [Fact]
    public void Transitions_that_all_weigh_zero_use_their_counts()
    {
        var zero = PipelineMarkovChain.Learn(AnchorDeals(), [T0, T1, T2], (_, _) => 0);
        var counted = AnchorChain();

        Assert.Equal(counted.TransitionProbability(Qualify, Propose), zero.TransitionProbability(Qualify, Propose));
        Assert.Equal(counted.WinProbability(Qualify), zero.WinProbability(Qualify), 12);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Learn_rejects_a_bad_weight_naming_the_deal(double bad)
    {
        var error = Assert.Throws<ArgumentException>(() => PipelineMarkovChain.Learn(AnchorDeals(), [T0, T1, T2], (deal, _) => deal.Id.Value == 3 ? bad : 1));

        Assert.Equal("weight", error.ParamName);
        Assert.Contains("deal 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_stage_anchor_matches_the_hand_computed_chain()
    {
        // P (rows Qualify, Propose; columns Qualify, Propose, Won, Lost):
        //   Qualify: 1/4, 1/2, 0,   1/4
        //   Propose: 1/4, 1/4, 1/4, 1/4
        // Q = [[1/4, 1/2], [1/4, 1/4]],  R = [[0, 1/4], [1/4, 1/4]].
        // I − Q = [[3/4, −1/2], [−1/4, 3/4]], det = 9/16 − 1/8 = 7/16,
        // N = (I − Q)⁻¹ = (16/7)·[[3/4, 1/2], [1/4, 3/4]] = [[12/7, 8/7], [4/7, 12/7]].
        // B = N·R: Qualify Won = 8/7·1/4 = 2/7, Lost = 12/7·1/4 + 8/7·1/4 = 5/7;
        //          Propose Won = 12/7·1/4 = 3/7, Lost = 4/7·1/4 + 12/7·1/4 = 4/7.
        // t = N·1: Qualify 12/7 + 8/7 = 20/7, Propose 4/7 + 12/7 = 16/7.
        // Check by first step: t_Q = 1 + 1/4·t_Q + 1/2·t_P = 7/7 + 5/7 + 8/7 = 20/7; t_P = 1 + 1/4·t_Q + 1/4·t_P = 7/7 + 5/7 + 4/7 = 16/7.
        PipelineMarkovChain chain = AnchorChain();

        Assert.Equal([Qualify, Propose], chain.Stages);
        Assert.Empty(chain.UnobservedStages);
        Assert.Equal(2, chain.IntervalCount);
        Assert.Equal(8, chain.TotalTransitions);

        Assert.Equal(0.25, chain.TransitionProbability(Qualify, Qualify), 1e-15);
        Assert.Equal(0.5, chain.TransitionProbability(Qualify, Propose), 1e-15);
        Assert.Equal(0.0, chain.TransitionProbability(Qualify, DealStatus.Won), 1e-15);
        Assert.Equal(0.25, chain.TransitionProbability(Qualify, DealStatus.Lost), 1e-15);
        Assert.Equal(0.25, chain.TransitionProbability(Propose, Qualify), 1e-15);
        Assert.Equal(0.25, chain.TransitionProbability(Propose, Propose), 1e-15);
        Assert.Equal(0.25, chain.TransitionProbability(Propose, DealStatus.Won), 1e-15);
        Assert.Equal(0.25, chain.TransitionProbability(Propose, DealStatus.Lost), 1e-15);

        Assert.Equal(2.0 / 7, chain.WinProbability(Qualify), 1e-12);
        Assert.Equal(5.0 / 7, chain.LossProbability(Qualify), 1e-12);
        Assert.Equal(3.0 / 7, chain.WinProbability(Propose), 1e-12);
        Assert.Equal(4.0 / 7, chain.LossProbability(Propose), 1e-12);
        Assert.Equal(20.0 / 7, chain.ExpectedStepsToClose(Qualify), 1e-12);
        Assert.Equal(16.0 / 7, chain.ExpectedStepsToClose(Propose), 1e-12);
    }

    [Fact]
    public void Two_stage_anchor_projects_by_hand_and_converges_to_the_absorption_probabilities()
    {
        // From 100 in Qualify:
        // step 1: Qualify 100·1/4 = 25, Propose 100·1/2 = 50, Won 0, Lost 25.
        // step 2: Qualify 25·1/4 + 50·1/4 = 18.75, Propose 25·1/2 + 50·1/4 = 25,
        //         Won 0 + 50·1/4 = 12.5, Lost 25 + 25·1/4 + 50·1/4 = 43.75 (total 100).
        // Limit: Won → 100·2/7, Lost → 100·5/7.
        PipelineMarkovChain chain = AnchorChain();
        IReadOnlyList<PipelineProjectionStep> steps = chain.Project(new Dictionary<DealStage, double> { [Qualify] = 100 }, 200);

        Assert.Equal(200, steps.Count);
        Assert.Equal(1, steps[0].Step);
        Assert.Equal(25, steps[0].OpenByStage[Qualify], 1e-12);
        Assert.Equal(50, steps[0].OpenByStage[Propose], 1e-12);
        Assert.Equal(75, steps[0].Open, 1e-12);
        Assert.Equal(0, steps[0].Won, 1e-12);
        Assert.Equal(25, steps[0].Lost, 1e-12);

        Assert.Equal(2, steps[1].Step);
        Assert.Equal(18.75, steps[1].OpenByStage[Qualify], 1e-12);
        Assert.Equal(25, steps[1].OpenByStage[Propose], 1e-12);
        Assert.Equal(12.5, steps[1].Won, 1e-12);
        Assert.Equal(43.75, steps[1].Lost, 1e-12);
        Assert.Equal("Step 2: open 43.75 (Qualify 18.75, Propose 25), won 12.5, lost 43.75", steps[1].ToString());

        Assert.Equal(100 * 2.0 / 7, steps[^1].Won, 1e-9);
        Assert.Equal(100 * 5.0 / 7, steps[^1].Lost, 1e-9);
        Assert.True(steps[^1].Open < 1e-9, $"open after 200 steps: {steps[^1].Open}");
    }

    [Fact]
    public void Learn_counts_each_deal_open_at_a_snapshot_once_per_interval()
    {
        Deal[] deals =
        [
            // Skips Proposal: (T0,T1) Discovery → Negotiation; (T1,T2) Negotiation → Negotiation.
            MakeDeal(1, At(2024, 12, 1), DealOutcome.Open, (At(2024, 12, 1), Discovery), (At(2025, 1, 15), Negotiation)),

            // Closes between snapshots: (T0,T1) Proposal → Won.
            MakeDeal(2, At(2024, 12, 1), DealOutcome.Won(At(2025, 1, 10)), (At(2024, 12, 1), Proposal)),

            // Created after T0: nothing for (T0,T1); (T1,T2) Discovery → Proposal.
            MakeDeal(3, At(2025, 1, 10), DealOutcome.Open, (At(2025, 1, 10), Discovery), (At(2025, 2, 10), Proposal)),

            // Closed before T0: never counted.
            MakeDeal(4, At(2024, 11, 1), DealOutcome.Lost(At(2024, 12, 20)), (At(2024, 11, 1), Discovery)),

            // Lost exactly at T1: (T0,T1) Proposal → Lost; not open at T1, so nothing for (T1,T2).
            MakeDeal(5, At(2024, 12, 1), DealOutcome.Lost(T1), (At(2024, 12, 1), Proposal)),

            // Moves out and back within (T0,T1): Discovery → Discovery; lost exactly at T2: (T1,T2) Discovery → Lost.
            MakeDeal(6, At(2024, 12, 1), DealOutcome.Lost(T2), (At(2024, 12, 1), Discovery), (At(2025, 1, 5), Proposal), (At(2025, 1, 20), Discovery)),

            // Created before T0 but in no stage until after it: nothing for (T0,T1); (T1,T2) Proposal → Proposal.
            MakeDeal(7, At(2024, 12, 1), DealOutcome.Open, (At(2025, 1, 5), Proposal)),

            // Enters Proposal exactly at T1 (a stage counts from its entry instant): (T0,T1) Discovery → Proposal;
            // (T1,T2) Proposal → Proposal.
            MakeDeal(8, At(2024, 12, 1), DealOutcome.Open, (At(2024, 12, 1), Discovery), (T1, Proposal)),

            // Created exactly at T1 (open from its creation instant): (T1,T2) Negotiation → Won.
            MakeDeal(9, T1, DealOutcome.Won(At(2025, 2, 20)), (T1, Negotiation)),
        ];

        PipelineMarkovChain chain = PipelineMarkovChain.Learn(deals, [T0, T1, T2]);

        Assert.Equal([Discovery, Proposal, Negotiation], chain.Stages);
        var expected = new Dictionary<(DealStage, DealStage), int>
        {
            [(Discovery, Discovery)] = 1,
            [(Discovery, Proposal)] = 2,
            [(Discovery, Negotiation)] = 1,
            [(Proposal, Proposal)] = 2,
            [(Negotiation, Negotiation)] = 1,
        };
        foreach (DealStage from in chain.Stages)
        {
            foreach (DealStage to in chain.Stages)
            {
                Assert.True(
                    expected.GetValueOrDefault((from, to)) == chain.TransitionCount(from, to),
                    $"{from} → {to}: expected {expected.GetValueOrDefault((from, to))}, got {chain.TransitionCount(from, to)}");
            }
        }

        Assert.Equal(0, chain.TransitionCount(Discovery, DealStatus.Won));
        Assert.Equal(1, chain.TransitionCount(Discovery, DealStatus.Lost));
        Assert.Equal(1, chain.TransitionCount(Proposal, DealStatus.Won));
        Assert.Equal(1, chain.TransitionCount(Proposal, DealStatus.Lost));
        Assert.Equal(1, chain.TransitionCount(Negotiation, DealStatus.Won));
        Assert.Equal(0, chain.TransitionCount(Negotiation, DealStatus.Lost));
        Assert.Equal(5, chain.ObservationCount(Discovery));
        Assert.Equal(4, chain.ObservationCount(Proposal));
        Assert.Equal(2, chain.ObservationCount(Negotiation));
        Assert.Equal(11, chain.TotalTransitions);
        Assert.Equal(2.0 / 5, chain.TransitionProbability(Discovery, Proposal), 1e-15);
    }

    [Fact]
    public void Learn_does_not_depend_on_the_order_of_the_deals()
    {
        PipelineMarkovChain forward = AnchorChain();
        PipelineMarkovChain backward = PipelineMarkovChain.Learn(AnchorDeals().Reverse(), [T0, T1, T2]);
        Assert.Equal(forward.ToString(), backward.ToString());
    }

    [Fact]
    public void ToString_lists_each_stage_with_its_observations_and_probabilities()
    {
        Assert.Equal(
            "Pipeline Markov chain: 2 stages, 8 transitions over 2 intervals\n"
            + "Qualify (4): Qualify 0.25, Propose 0.5, Lost 0.25\n"
            + "Propose (4): Qualify 0.25, Propose 0.25, Won 0.25, Lost 0.25",
            AnchorChain().ToString());
    }

    [Fact]
    public void A_stage_seen_only_at_the_last_snapshot_is_unobserved_and_projection_through_it_throws()
    {
        Deal[] deals =
        [
            // (T0,T1) Discovery → Won.
            MakeDeal(1, At(2024, 12, 1), DealOutcome.Won(At(2025, 1, 10)), (At(2024, 12, 1), Discovery)),

            // (T0,T1) Proposal → Proposal; (T1,T2) Proposal → Contract, and Contract is never left.
            MakeDeal(2, At(2024, 12, 1), DealOutcome.Open, (At(2024, 12, 1), Proposal), (At(2025, 2, 10), Contract)),
        ];

        PipelineMarkovChain chain = PipelineMarkovChain.Learn(deals, [T0, T1, T2]);

        Assert.Equal([Discovery, Proposal, Contract], chain.Stages);
        Assert.Equal([Contract], chain.UnobservedStages);
        Assert.Equal(0, chain.ObservationCount(Contract));
        Assert.Contains("Contract (0): unobserved", chain.ToString(), StringComparison.Ordinal);
        var row = Assert.Throws<InvalidOperationException>(() => chain.TransitionProbability(Contract, DealStatus.Won));
        Assert.Contains("Contract", row.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => chain.TransitionProbability(Contract, Contract));

        Assert.False(chain.IsAbsorptionDefined(Proposal));
        Assert.False(chain.IsAbsorptionDefined(Contract));
        var win = Assert.Throws<InvalidOperationException>(() => chain.WinProbability(Proposal));
        Assert.Contains("'Contract'", win.Message, StringComparison.Ordinal);

        var project = Assert.Throws<InvalidOperationException>(() => chain.Project(new Dictionary<DealStage, double> { [Proposal] = 10 }, 3));
        Assert.Contains("'Proposal'", project.Message, StringComparison.Ordinal);
        Assert.Contains("'Contract'", project.Message, StringComparison.Ordinal);

        // Stages that cannot reach the unobserved one still work, and zero held in it is harmless.
        Assert.True(chain.IsAbsorptionDefined(Discovery));
        Assert.Equal(1.0, chain.WinProbability(Discovery), 1e-12);
        Assert.Equal(1.0, chain.ExpectedStepsToClose(Discovery), 1e-12);
        var steps = chain.Project(new Dictionary<DealStage, double> { [Discovery] = 10, [Contract] = 0 }, 2);
        Assert.Equal(10, steps[0].Won, 1e-12);
        Assert.Equal(0, steps[1].Open, 1e-12);
    }

    [Fact]
    public void A_closed_loop_of_stages_that_never_closes_has_no_absorption_and_the_error_names_the_stages()
    {
        DealStage review = DealStage.Of("Review", 0);
        DealStage rework = DealStage.Of("Rework", 1);
        Deal[] deals =
        [
            // Review → Rework → Review → Rework over (T0,T1), (T1,T2), (T2,T3); never closes.
            MakeDeal(1, At(2024, 12, 1), DealOutcome.Open, (At(2024, 12, 1), review), (At(2025, 1, 10), rework), (At(2025, 2, 10), review), (At(2025, 3, 10), rework)),

            // (T0,T1) Discovery → Won.
            MakeDeal(2, At(2024, 12, 1), DealOutcome.Won(At(2025, 1, 10)), (At(2024, 12, 1), Discovery)),
        ];

        PipelineMarkovChain chain = PipelineMarkovChain.Learn(deals, [T0, T1, T2, T3]);

        Assert.Empty(chain.UnobservedStages);
        Assert.False(chain.IsAbsorptionDefined(review));
        Assert.False(chain.IsAbsorptionDefined(rework));
        foreach (Func<double> call in new Func<double>[] { () => chain.WinProbability(review), () => chain.LossProbability(rework), () => chain.ExpectedStepsToClose(review) })
        {
            var e = Assert.Throws<InvalidOperationException>(() => { _ = call(); });
            Assert.Contains("'Review'", e.Message, StringComparison.Ordinal);
            Assert.Contains("'Rework'", e.Message, StringComparison.Ordinal);
            Assert.Contains("never reach Won or Lost", e.Message, StringComparison.Ordinal);
        }

        Assert.True(chain.IsAbsorptionDefined(Discovery));
        Assert.Equal(1.0, chain.WinProbability(Discovery), 1e-12);

        // Projection is still defined: the mass cycles between the two stages and never closes.
        var steps = chain.Project(new Dictionary<DealStage, double> { [review] = 100 }, 3);
        Assert.Equal(100, steps[0].OpenByStage[rework], 1e-12);
        Assert.Equal(100, steps[1].OpenByStage[review], 1e-12);
        Assert.Equal(100, steps[2].OpenByStage[rework], 1e-12);
        Assert.Equal(0, steps[2].Won + steps[2].Lost, 1e-12);
    }

    [Fact]
    public void Projection_with_zero_steps_is_empty_and_an_empty_input_projects_zero()
    {
        PipelineMarkovChain chain = AnchorChain();
        Assert.Empty(chain.Project(new Dictionary<DealStage, double> { [Qualify] = 5 }, 0));
        var steps = chain.Project(new Dictionary<DealStage, double>(), 2);
        Assert.All(steps, s => Assert.Equal(0, s.Open + s.Won + s.Lost));
        Assert.Equal([Qualify, Propose], steps[0].OpenByStage.Keys.Order());
    }

    [Fact]
    public void Learn_from_deals_never_open_at_a_snapshot_gives_an_empty_chain()
    {
        Deal late = MakeDeal(1, At(2025, 6, 1), DealOutcome.Open, (At(2025, 6, 1), Discovery));
        PipelineMarkovChain chain = PipelineMarkovChain.Learn([late], [T0, T1]);
        Assert.Empty(chain.Stages);
        Assert.Equal(0, chain.TotalTransitions);
        Assert.Empty(chain.Project(new Dictionary<DealStage, double>(), 3).SelectMany(s => s.OpenByStage));
        ArgumentAssert.Rejects("from", "Discovery", () => chain.WinProbability(Discovery));
    }

    [Fact]
    public void Learn_rejects_null_and_bad_snapshots()
    {
        Deal[] deals = AnchorDeals();
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => PipelineMarkovChain.Learn(null!, [T0, T1])).ParamName);
        Assert.Equal("snapshots", Assert.Throws<ArgumentNullException>(() => PipelineMarkovChain.Learn(deals, null!)).ParamName);
        ArgumentAssert.Rejects("snapshots", "got 1", () => PipelineMarkovChain.Learn(deals, [T0]));
        ArgumentAssert.Rejects("snapshots", "got 0", () => PipelineMarkovChain.Learn(deals, []));
        ArgumentAssert.Rejects("snapshots", "snapshot 2 (2025-02-01T00:00:00Z) is not after snapshot 1 (2025-03-01T00:00:00Z)", () => PipelineMarkovChain.Learn(deals, [T0, T2, T1]));
        ArgumentAssert.Rejects("snapshots", "snapshot 1 (2025-01-01T00:00:00Z) is not after snapshot 0 (2025-01-01T00:00:00Z)", () => PipelineMarkovChain.Learn(deals, [T0, T0, T1]));
    }

    [Fact]
    public void Learn_rejects_a_null_deal_and_lists_a_closed_deal_without_a_close_instant()
    {
        Deal[] withNull = [.. AnchorDeals(), null!];
        ArgumentAssert.Rejects("deals", "position 5", () => PipelineMarkovChain.Learn(withNull, [T0, T1]));

        Deal wonWithoutClose = MakeDeal(42, At(2024, 12, 1), new DealOutcome(DealStatus.Won, null), (At(2024, 12, 1), Discovery));
        var chain = PipelineMarkovChain.Learn([.. AnchorDeals(), wonWithoutClose], [T0, T1, T2]);
        Assert.Equal([new PipelineExclusion(DealId.Of(42), PipelineExclusionReason.ClosedWithoutCloseTime)], chain.Excluded);
        Assert.Equal(AnchorChain().TotalTransitions, chain.TotalTransitions);
        Assert.Empty(AnchorChain().Excluded);
    }

    [Fact]
    public void Project_rejects_bad_input()
    {
        PipelineMarkovChain chain = AnchorChain();
        Assert.Equal("openByStage", Assert.Throws<ArgumentNullException>(() => chain.Project(null!, 3)).ParamName);
        ArgumentAssert.Rejects("openByStage", "'Discovery' (order 0) is not a stage of this chain; its stages are 'Qualify', 'Propose'", () => chain.Project(new Dictionary<DealStage, double> { [Discovery] = 1 }, 3));
        ArgumentAssert.Rejects("openByStage", "not a stage", () => chain.Project(new Dictionary<DealStage, double> { [DealStage.Of("Qualify", 5)] = 1 }, 3));
        ArgumentAssert.Rejects("openByStage", "stage 'Propose' had -2.5", () => chain.Project(new Dictionary<DealStage, double> { [Qualify] = 1, [Propose] = -2.5 }, 3));
        ArgumentAssert.Rejects("openByStage", "NaN", () => chain.Project(new Dictionary<DealStage, double> { [Qualify] = double.NaN }, 3));
        ArgumentAssert.Rejects("openByStage", "Infinity", () => chain.Project(new Dictionary<DealStage, double> { [Qualify] = double.PositiveInfinity }, 3));
        ArgumentAssert.Rejects("steps", "-1", () => chain.Project(new Dictionary<DealStage, double> { [Qualify] = 1 }, -1));
    }

    [Fact]
    public void Queries_reject_unknown_stages_and_statuses_that_do_not_close()
    {
        PipelineMarkovChain chain = AnchorChain();
        ArgumentAssert.Rejects("from", "'Discovery'", () => chain.TransitionCount(Discovery, Qualify));
        ArgumentAssert.Rejects("to", "'Discovery'", () => chain.TransitionCount(Qualify, Discovery));
        ArgumentAssert.Rejects("to", "'Discovery'", () => chain.TransitionProbability(Qualify, Discovery));
        ArgumentAssert.Rejects("from", "'Discovery'", () => chain.ObservationCount(Discovery));
        ArgumentAssert.Rejects("from", "'Discovery'", () => chain.ExpectedStepsToClose(Discovery));
        ArgumentAssert.Rejects("from", "''", () => chain.IsAbsorptionDefined(default));
        ArgumentAssert.Rejects("closedAs", "got Open", () => chain.TransitionCount(Qualify, DealStatus.Open));
        ArgumentAssert.Rejects("closedAs", "got Open", () => chain.TransitionProbability(Qualify, DealStatus.Open));
        ArgumentAssert.Rejects("closedAs", "got 7", () => chain.TransitionProbability(Qualify, (DealStatus)7));
    }
}

/// <summary>
/// One generated deal: created just before snapshot <see cref="Start"/>, in stage <c>Path[i]</c> at snapshot
/// Start + i (entered a day before it), then open, or closed ten days after its last path snapshot.
/// </summary>
public sealed record DealPath(int Start, int[] Path, DealStatus Ending);

/// <summary>Generated deals over monthly snapshots, with the transitions they must produce counted independently.</summary>
public sealed record DealHistoryCase(Instant[] Snapshots, DealPath[] Paths)
{
    public static readonly DealStage[] Pool = [DealStage.Of("S0", 0), DealStage.Of("S1", 1), DealStage.Of("S2", 2), DealStage.Of("S3", 3)];

    public Deal[] Deals() =>
    [
        .. Paths.Select((p, id) => PipelineMarkovChainTests.MakeDeal(
            id + 1,
            Snapshots[p.Start] - Duration.FromDays(2),
            p.Ending switch
            {
                DealStatus.Won => DealOutcome.Won(Snapshots[p.Start + p.Path.Length - 1] + Duration.FromDays(10)),
                DealStatus.Lost => DealOutcome.Lost(Snapshots[p.Start + p.Path.Length - 1] + Duration.FromDays(10)),
                _ => DealOutcome.Open,
            },
            [.. p.Path.Select((s, i) => (Snapshots[p.Start + i] - Duration.FromDays(1), Pool[s]))])),
    ];

    /// <summary>The expected counts: key (from, to) with to = 0..3 a stage, 4 Won, 5 Lost.</summary>
    public Dictionary<(int From, int To), int> ExpectedCounts()
    {
        var counts = new Dictionary<(int, int), int>();
        foreach (DealPath p in Paths)
        {
            for (int i = 0; i + 1 < p.Path.Length; i++)
            {
                counts[(p.Path[i], p.Path[i + 1])] = counts.GetValueOrDefault((p.Path[i], p.Path[i + 1])) + 1;
            }

            int last = p.Start + p.Path.Length - 1;
            if (p.Ending != DealStatus.Open && last < Snapshots.Length - 1)
            {
                var key = (p.Path[^1], p.Ending == DealStatus.Won ? 4 : 5);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    public override string ToString() =>
        $"{Snapshots.Length} snapshots; " + string.Join("; ", Paths.Select(p => $"@{p.Start} [{string.Join(" ", p.Path)}] {p.Ending}"));
}

/// <summary>A history in which every deal closes before the last snapshot, with open amounts per pool stage to project.</summary>
public sealed record ClosedHistoryCase(DealHistoryCase History, int[] Amounts)
{
    public override string ToString() => $"{History}; amounts [{string.Join(" ", Amounts)}]";
}

public static class MarkovArbitraries
{
    private static readonly Instant First = Instant.FromUtc(2025, 1, 1, 0, 0);

    public static Arbitrary<DealHistoryCase> Histories() => History(mustClose: false).ToArbitrary();

    public static Arbitrary<ClosedHistoryCase> ClosedHistories() =>
        (from history in History(mustClose: true)
         from amounts in Gen.ArrayOf(Gen.Choose(0, 1000), DealHistoryCase.Pool.Length)
         select new ClosedHistoryCase(history, amounts)).ToArbitrary();

    private static Gen<DealHistoryCase> History(bool mustClose) =>
        from m in Gen.Choose(2, 7)
        from n in Gen.Choose(1, 25)
        from paths in Gen.ArrayOf(Path(m, mustClose), n)
        select new DealHistoryCase([.. Enumerable.Range(0, m).Select(k => First + Duration.FromDays(30 * k))], paths);

    private static Gen<DealPath> Path(int m, bool mustClose) =>
        from start in Gen.Choose(0, mustClose ? m - 2 : m - 1)
        from length in Gen.Choose(1, mustClose ? m - 1 - start : m - start)
        from stages in Gen.ArrayOf(Gen.Choose(0, DealHistoryCase.Pool.Length - 1), length)
        from ending in mustClose ? Gen.Elements(DealStatus.Won, DealStatus.Lost) : Gen.Elements(DealStatus.Open, DealStatus.Won, DealStatus.Lost)
        select ending == DealStatus.Open
            ? new DealPath(start, [.. stages, .. Enumerable.Repeat(stages[^1], m - start - length)], ending) // open deals stay to the last snapshot
            : new DealPath(start, stages, ending);
}

[Properties(Arbitrary = [typeof(MarkovArbitraries)], MaxTest = 200)]
public sealed class PipelineMarkovChainPropertyTests
{
    private static PipelineMarkovChain Learn(DealHistoryCase c) => PipelineMarkovChain.Learn(c.Deals(), c.Snapshots);

    [Property]
    public void Learned_counts_equal_the_transitions_the_histories_contain(DealHistoryCase c)
    {
        PipelineMarkovChain chain = Learn(c);
        Dictionary<(int From, int To), int> expected = c.ExpectedCounts();
        int[] seen = [.. expected.Keys.SelectMany(k => k.To < 4 ? new[] { k.From, k.To } : [k.From]).Distinct().Order()];
        Assert.Equal(seen.Select(i => DealHistoryCase.Pool[i]), chain.Stages);
        Assert.Equal(expected.Values.Sum(), chain.TotalTransitions);
        foreach (int from in seen)
        {
            for (int to = 0; to < 6; to++)
            {
                if (to < 4 && !seen.Contains(to))
                {
                    continue;
                }

                DealStage f = DealHistoryCase.Pool[from];
                int actual = to switch
                {
                    4 => chain.TransitionCount(f, DealStatus.Won),
                    5 => chain.TransitionCount(f, DealStatus.Lost),
                    _ => chain.TransitionCount(f, DealHistoryCase.Pool[to]),
                };
                Assert.True(expected.GetValueOrDefault((from, to)) == actual, $"S{from} → {to}: expected {expected.GetValueOrDefault((from, to))}, got {actual}");
            }
        }
    }

    [Property]
    public void A_constant_weight_changes_no_probability(DealHistoryCase c)
    {
        PipelineMarkovChain counted = Learn(c);
        PipelineMarkovChain weighted = PipelineMarkovChain.Learn(c.Deals(), c.Snapshots, (_, _) => 2.5);
        foreach (DealStage from in counted.Stages.Where(s => counted.ObservationCount(s) > 0))
        {
            foreach (DealStage to in counted.Stages)
            {
                Assert.Equal(counted.TransitionProbability(from, to), weighted.TransitionProbability(from, to), 12);
            }

            Assert.Equal(counted.TransitionProbability(from, DealStatus.Won), weighted.TransitionProbability(from, DealStatus.Won), 12);
        }
    }

    [Property]
    public void Rows_of_observed_stages_are_stochastic_and_unobserved_rows_throw(DealHistoryCase c)
    {
        PipelineMarkovChain chain = Learn(c);
        foreach (DealStage from in chain.Stages)
        {
            if (chain.ObservationCount(from) == 0)
            {
                Assert.Contains(from, chain.UnobservedStages);
                Assert.Throws<InvalidOperationException>(() => chain.TransitionProbability(from, DealStatus.Won));
                continue;
            }

            double[] row = [.. chain.Stages.Select(to => chain.TransitionProbability(from, to)), chain.TransitionProbability(from, DealStatus.Won), chain.TransitionProbability(from, DealStatus.Lost)];
            Assert.All(row, p => Assert.InRange(p, 0.0, 1.0));
            Assert.Equal(1.0, row.Sum(), 1e-12);
            Assert.Equal((double)chain.TransitionCount(from, DealStatus.Won) / chain.ObservationCount(from), row[^2], 1e-15);
        }
    }

    [Property]
    public void Absorption_probabilities_sum_to_one_expected_steps_are_at_least_one_and_both_satisfy_the_first_step_equations(ClosedHistoryCase c)
    {
        // First-step analysis, independent of how the solve is done: B[s, Won] = P[s, Won] + Σ_j P[s, j]·B[j, Won]
        // and t[s] = 1 + Σ_j P[s, j]·t[j].
        PipelineMarkovChain chain = Learn(c.History);
        Assert.Empty(chain.UnobservedStages);
        foreach (DealStage s in chain.Stages)
        {
            Assert.True(chain.IsAbsorptionDefined(s));
            double win = chain.WinProbability(s);
            double loss = chain.LossProbability(s);
            double steps = chain.ExpectedStepsToClose(s);
            Assert.InRange(win, 0.0, 1.0);
            Assert.InRange(loss, 0.0, 1.0);
            Assert.Equal(1.0, win + loss, 1e-12);
            Assert.True(steps >= 1, $"{s}: expected steps {steps}");

            double winRhs = chain.TransitionProbability(s, DealStatus.Won) + chain.Stages.Sum(j => chain.TransitionProbability(s, j) * chain.WinProbability(j));
            double stepsRhs = 1 + chain.Stages.Sum(j => chain.TransitionProbability(s, j) * chain.ExpectedStepsToClose(j));
            Assert.Equal(win, winRhs, 1e-10);
            Assert.Equal(steps, stepsRhs, 1e-9 * steps);
        }
    }

    [Property]
    public void Projection_conserves_the_total_at_every_step_and_won_and_lost_never_decrease(ClosedHistoryCase c)
    {
        PipelineMarkovChain chain = Learn(c.History);
        Dictionary<DealStage, double> open = Open(chain, c);
        double total = open.Values.Sum();
        double won = 0;
        double lost = 0;
        foreach (PipelineProjectionStep step in chain.Project(open, 24))
        {
            Assert.Equal(total, step.Open + step.Won + step.Lost, 1e-9 * Math.Max(1, total));
            Assert.Equal(step.Open, step.OpenByStage.Values.Sum(), 1e-9 * Math.Max(1, total));
            Assert.All(step.OpenByStage.Values, v => Assert.True(v >= 0));
            Assert.True(step.Won >= won && step.Lost >= lost);
            won = step.Won;
            lost = step.Lost;
        }
    }

    [Property]
    public void Projection_converges_to_the_absorption_probabilities(ClosedHistoryCase c)
    {
        // At every step h: Won_h + Σ_s open_h[s]·B[s, Won] = Σ_s open_0[s]·B[s, Won] (what is still open is won at
        // its own eventual rate), and open_h → 0, so Won_h → Σ_s open_0[s]·B[s, Won].
        PipelineMarkovChain chain = Learn(c.History);
        Dictionary<DealStage, double> open = Open(chain, c);
        double total = open.Values.Sum();
        double eventualWon = open.Sum(e => e.Value * chain.WinProbability(e.Key));
        double eventualLost = open.Sum(e => e.Value * chain.LossProbability(e.Key));
        IReadOnlyList<PipelineProjectionStep> steps = chain.Project(open, 20_000);
        foreach (PipelineProjectionStep step in steps.Take(30))
        {
            double stillToWin = step.OpenByStage.Sum(e => e.Value * chain.WinProbability(e.Key));
            Assert.Equal(eventualWon, step.Won + stillToWin, 1e-9 * Math.Max(1, total));
        }

        Assert.Equal(eventualWon, steps[^1].Won, 1e-7 * Math.Max(1, total));
        Assert.Equal(eventualLost, steps[^1].Lost, 1e-7 * Math.Max(1, total));
    }

    [Property]
    public void Scaling_the_open_amounts_scales_the_projection(ClosedHistoryCase c)
    {
        PipelineMarkovChain chain = Learn(c.History);
        Dictionary<DealStage, double> open = Open(chain, c);
        var tripled = open.ToDictionary(e => e.Key, e => 3 * e.Value);
        var once = chain.Project(open, 6);
        var thrice = chain.Project(tripled, 6);
        for (int h = 0; h < 6; h++)
        {
            Assert.Equal(3 * once[h].Won, thrice[h].Won, 1e-9 * Math.Max(1, thrice[h].Won));
            Assert.Equal(3 * once[h].Lost, thrice[h].Lost, 1e-9 * Math.Max(1, thrice[h].Lost));
        }
    }

    private static Dictionary<DealStage, double> Open(PipelineMarkovChain chain, ClosedHistoryCase c) =>
        chain.Stages.ToDictionary(s => s, s => (double)c.Amounts[Array.IndexOf(DealHistoryCase.Pool, s)]);
}
