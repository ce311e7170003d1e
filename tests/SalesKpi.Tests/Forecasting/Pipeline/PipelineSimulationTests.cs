using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesKpi.Forecasting;
using Xunit;
using static SalesKpi.Tests.Forecasting.Pipeline.PipelineTestDeals;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class PipelineSimulationTests
{
    private static readonly LocalDate InMarch = new(2026, 3, 25);

    private static PipelineSnapshot Snapshot(params Deal[] deals) => PipelineSnapshot.Take(deals, AsOf, DateTimeZone.Utc, Currency.Usd);

    private static StageProbabilities Stages(params double[] p) =>
        StageProbabilities.Of(p.Select((q, i) => new KeyValuePair<DealStage, double>(DealStage.Of("S" + i, i), q)));

    /// <summary>One deal of amount 1 per probability, each in its own stage, expected to close on 25 March.</summary>
    private static PipelineSnapshot UnitDeals(int count) =>
        Snapshot([.. Enumerable.Range(0, count).Select(i => Open(i + 1, 1m, InMarch, DealStage.Of("S" + i, i)))]);

    [Fact]
    public void The_generator_matches_the_reference_streams()
    {
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref state));

        var zero = new Xoshiro256StarStar(0);
        Assert.Equal([0x99EC5F36CB75F2B4UL, 0xBF6E1F784956452AUL, 0x1A5F849D4933E6E0UL], new[] { zero.Next(), zero.Next(), zero.Next() });
        var answer = new Xoshiro256StarStar(42);
        Assert.Equal([0x15780B2E0C2EC716UL, 0x6104D9866D113A7EUL, 0xAE17533239E499A1UL], new[] { answer.Next(), answer.Next(), answer.Next() });
    }

    [Theory]
    [InlineData(2026, 3, 25, 0.6)] // all five slips possible; closes 20, 25, 28 March, 4 and 24 April: 3 of 5 in March
    [InlineData(2026, 3, 10, 0.5)] // overdue by 10 days: slips 10 and 30 remain, closing 20 March and 9 April
    [InlineData(2026, 1, 1, 0.0)] // overdue beyond every slip: no won deal ever closed that late
    [InlineData(2026, 2, 20, 1.0)] // 28 days overdue: only slip 30 remains, closing 22 March
    [InlineData(2026, 3, 31, 0.4)] // closes 26 and 31 March, 3, 10 and 30 April: 2 of 5
    [InlineData(2026, 4, 30, 0.0)] // the earliest close, 25 April, is after March
    public void The_in_period_share_counts_the_slips_still_possible(int year, int month, int day, double expected)
    {
        int[] slips = [-5, 0, 3, 10, 30];
        var deal = new PipelineDeal(DealId.Of(1), RepId.Of(1), Proposal, Usd(1m), new LocalDate(year, month, day), At(1, 1));

        double share = PipelineSimulation.InPeriodShare(deal, slips, new LocalDate(2026, 3, 20), March);

        Assert.Equal(expected, share);
    }

    [Fact]
    public void Slips_apply_to_the_expected_close_in_force_when_the_deal_entered_its_stage()
    {
        // Expected 1 March on entering Proposal, pushed to 20 April since. Slips 0 and 30 from 1 March: only 30 remains
        // possible on 20 March, closing 31 March, in March. From 20 April they would both land after March.
        var deal = new PipelineDeal(
            DealId.Of(1), RepId.Of(1), Proposal, Usd(1m), new LocalDate(2026, 4, 20), At(1, 1), ForecastCategory.Pipeline, new LocalDate(2026, 3, 1));

        Assert.Equal(1.0, PipelineSimulation.InPeriodShare(deal, [0, 30], new LocalDate(2026, 3, 20), March));
        Assert.Equal(0.0, PipelineSimulation.InPeriodShare(deal, [], new LocalDate(2026, 3, 20), March)); // no slips: the current date
        Assert.Equal(0.0, PipelineSimulation.InPeriodShare(deal with { StageEntryExpectedClose = null }, [0, 30], new LocalDate(2026, 3, 20), March));
    }

    [Theory]
    [InlineData(2026, 2, 15, 1.0)] // overdue without slip history: closes on the snapshot date
    [InlineData(2026, 3, 31, 1.0)]
    [InlineData(2026, 4, 1, 0.0)]
    public void Without_slips_a_deal_closes_on_its_expected_date_or_the_snapshot_date(int year, int month, int day, double expected)
    {
        var deal = new PipelineDeal(DealId.Of(1), RepId.Of(1), Proposal, Usd(1m), new LocalDate(year, month, day), At(1, 1));

        Assert.Equal(expected, PipelineSimulation.InPeriodShare(deal, [], new LocalDate(2026, 3, 20), March));
    }

    [Fact]
    public void Matches_the_exact_poisson_binomial_distribution()
    {
        double[] p = [0.1, 0.3, 0.5, 0.7, 0.9, 0.45];
        const int trials = 200_000;

        var simulation = PipelineSimulation.Run(UnitDeals(p.Length), Stages(p), CloseDateSlips.None, March, trials, seed: 7);

        double[] exact = PoissonBinomial(p);
        double tail = 1;
        for (int k = 0; k <= p.Length; k++)
        {
            double se = Math.Sqrt(tail * (1 - tail) / trials);
            Assert.InRange(simulation.ProbabilityOfReaching(Usd(k)), tail - (5 * se) - 1e-12, tail + (5 * se) + 1e-12);
            tail -= exact[k];
        }

        // Exact CDF: 0.0052, 0.0764, 0.3340, 0.7029, 0.9358, …: the 10th, 50th and 90th percentiles are 2, 3 and 4.
        Assert.Equal([Usd(2m), Usd(3m), Usd(4m)], new[] { simulation.P10, simulation.P50, simulation.P90 });
        Assert.Equal(Usd(2.95m), simulation.Expected);
        Assert.InRange((double)simulation.Mean.Amount, 2.95 - 0.01, 2.95 + 0.01);
        Assert.InRange(simulation.StandardDeviation, Math.Sqrt(p.Sum(q => q * (1 - q))) - 0.01, Math.Sqrt(p.Sum(q => q * (1 - q))) + 0.01);
    }

    [Fact]
    public void Slipped_deals_count_with_the_share_of_their_slips_landing_in_the_period()
    {
        // One deal, p = 1, slips 0 and 30: closes 25 March or 24 April, so it lands in March in half the trials.
        var slips = CloseDateSlips.Of([new(Proposal, [0, 30])]);
        var snapshot = Snapshot(Open(1, 1000m, InMarch, Proposal));

        var simulation = PipelineSimulation.Run(snapshot, Probabilities(0.5, 1.0), slips, March, trials: 40_000, seed: 3);

        Assert.Equal(0.5, simulation.Deals[0].InPeriodProbability);
        Assert.Equal(0.5, simulation.Deals[0].Probability);
        Assert.Equal(Usd(500m), simulation.Deals[0].Expected); // 1000 × 0.5
        Assert.Equal(250_000.0, simulation.Deals[0].Variance); // 1000² × 0.5 × 0.5
        Assert.Equal(Usd(500m), simulation.Expected);
        Assert.InRange(simulation.ProbabilityOfReaching(Usd(1000m)), 0.5 - 0.0125, 0.5 + 0.0125);
    }

    [Fact]
    public void Adds_the_amount_won_to_date_and_certain_deals_to_every_trial()
    {
        var snapshot = Snapshot(
            Open(1, 100m, InMarch, Proposal).WithOutcome(DealOutcome.Won(At(3, 3))),
            Open(2, 40m, InMarch, Proposal),
            Open(3, 7m, InMarch, Discovery),
            Open(4, 1m, new LocalDate(2026, 2, 1), Negotiation));

        var simulation = PipelineSimulation.Run(snapshot, Probabilities(discovery: 0, proposal: 1), CloseDateSlips.None, March, trials: 50, seed: 1);

        Assert.Equal(Usd(100m), simulation.WonToDate);
        Assert.Equal(Usd(140m), simulation.Quantile(0));
        Assert.Equal(Usd(140m), simulation.Quantile(1));
        Assert.Equal(0.0, simulation.StandardDeviation);
        Assert.Equal([new PipelineExclusion(DealId.Of(4), PipelineExclusionReason.NoStageProbability)], simulation.Excluded);
        Assert.Equal(1.0, simulation.ProbabilityOfReaching(Usd(140m)));
        Assert.Equal(0.0, simulation.ProbabilityOfReaching(Usd(140.01m)));
    }

    [Fact]
    public void Totals_are_exact_sums_of_the_amounts()
    {
        var snapshot = Snapshot(Open(1, 0.10m, InMarch, Discovery), Open(2, 0.2m, InMarch, Proposal));

        var simulation = PipelineSimulation.Run(snapshot, Probabilities(0.5, 0.5), CloseDateSlips.None, March, trials: 1000, seed: 11);

        decimal[] possible = [0m, 0.1m, 0.2m, 0.3m];
        for (int i = 0; i <= 20; i++)
        {
            Assert.Contains(simulation.Quantile(i / 20.0).Amount, possible);
        }

        Assert.Equal(0.00m, simulation.Quantile(0).Amount);
        Assert.Equal(0.30m, simulation.Quantile(1).Amount);
    }

    [Fact]
    public void The_decimal_path_draws_the_same_trials_as_the_integer_path()
    {
        var snapshot = Snapshot([.. Enumerable.Range(1, 30).Select(i => Open(i, 1000.5m + (i * 17.25m), InMarch, i % 2 == 0 ? Discovery : Proposal))]);
        var probabilities = Probabilities(0.35, 0.6);

        var fast = PipelineSimulation.Run(snapshot, probabilities, CloseDateSlips.None, March, 2000, 5, forceDecimal: false);
        var exact = PipelineSimulation.Run(snapshot, probabilities, CloseDateSlips.None, March, 2000, 5, forceDecimal: true);

        for (int i = 0; i <= 100; i++)
        {
            Assert.Equal(exact.Quantile(i / 100.0), fast.Quantile(i / 100.0));
        }

        Assert.Equal(exact.Mean, fast.Mean);
    }

    [Fact]
    public void Amounts_too_large_for_integers_are_summed_in_decimal()
    {
        decimal huge = 7_000_000_000_000_000m; // 7e15 at scale 4 is 7e19, beyond a long
        var snapshot = Snapshot(Open(1, huge, InMarch, Discovery), Open(2, 0.0001m, InMarch, Proposal));

        var simulation = PipelineSimulation.Run(snapshot, Probabilities(1, 1), CloseDateSlips.None, March, 3, 0);

        Assert.Equal(Usd(huge + 0.0001m), simulation.P50);
    }

    [Fact]
    public void Is_reproducible_for_a_seed_and_varies_with_it()
    {
        var snapshot = UnitDeals(40);
        var p = Stages([.. Enumerable.Range(0, 40).Select(i => 0.2 + (i * 0.015))]);

        var first = PipelineSimulation.Run(snapshot, p, CloseDateSlips.None, March, 500, seed: 99);
        var again = PipelineSimulation.Run(snapshot, p, CloseDateSlips.None, March, 500, seed: 99);
        var other = PipelineSimulation.Run(snapshot, p, CloseDateSlips.None, March, 500, seed: 100);

        Assert.Equal(first.Mean, again.Mean);
        Assert.Equal(first.StandardDeviation, again.StandardDeviation);
        Assert.NotEqual(first.Mean, other.Mean);
        Assert.Equal(99, first.Seed);
        Assert.Equal(500, first.Trials);
    }

    [Fact]
    public void Gives_the_same_trials_on_any_number_of_threads()
    {
        // 300 deals × 5,000 trials is enough work for the blocks to run in parallel.
        var snapshot = Snapshot([.. Enumerable.Range(1, 300).Select(i => Open(i, 10m + i, InMarch, i % 3 == 0 ? Discovery : Proposal))]);
        var probabilities = Probabilities(0.3, 0.55);

        var one = PipelineSimulation.Run(snapshot, probabilities, CloseDateSlips.None, March, 5000, seed: 8);
        var two = PipelineSimulation.Run(snapshot, probabilities, CloseDateSlips.None, March, 5000, seed: 8, maxDegreeOfParallelism: 2);
        var any = PipelineSimulation.Run(snapshot, probabilities, CloseDateSlips.None, March, 5000, seed: 8, maxDegreeOfParallelism: -1);

        for (int i = 0; i <= 50; i++)
        {
            Assert.Equal(one.Quantile(i / 50.0), two.Quantile(i / 50.0));
            Assert.Equal(one.Quantile(i / 50.0), any.Quantile(i / 50.0));
        }

        Assert.Equal(one.StandardDeviation, two.StandardDeviation);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 9)]
    [InlineData(0.1001, 10)]
    [InlineData(0.5, 49)]
    [InlineData(1.0, 99)]
    public void Quantiles_are_order_statistics_of_the_trials(double probability, int index)
    {
        // p = 0.5 for 12 unit deals; the sorted totals are read back through Quantile at k/100.
        var simulation = PipelineSimulation.Run(UnitDeals(12), Stages([.. Enumerable.Repeat(0.5, 12)]), CloseDateSlips.None, March, 100, seed: 4);
        var sorted = Enumerable.Range(1, 100).Select(k => simulation.Quantile(k / 100.0)).ToArray();

        Assert.Equal(sorted[index], simulation.Quantile(probability));
        Assert.Equal(sorted, simulation.Totals);
        Assert.Equal(100, simulation.Totals.Count);
        Assert.True(simulation.Totals.Zip(simulation.Totals.Skip(1)).All(pair => pair.First <= pair.Second));
    }

    [Fact]
    public void One_trial_is_allowed_and_has_no_spread()
    {
        var simulation = PipelineSimulation.Run(UnitDeals(5), Stages(0.5, 0.5, 0.5, 0.5, 0.5), CloseDateSlips.None, March, trials: 1, seed: 3);

        Assert.Equal(1, simulation.Trials);
        Assert.Equal(0, simulation.StandardDeviation);
        Assert.Equal(simulation.Quantile(0), simulation.Quantile(1));
        Assert.Equal(simulation.Mean, simulation.P50);
    }

    [Fact]
    public void A_deal_whose_stage_has_no_probability_is_listed_in_id_order_and_not_simulated()
    {
        // Deal 5 has no amount: the snapshot excludes it, before the simulation adds 4 and 9.
        var noAmount = new Deal(DealId.Of(5), RepId.Of(1), AccountId.None, null, At(1, 1), InMarch, [new(At(1, 1), Proposal)]);
        var snapshot = Snapshot(Open(9, 10m, InMarch, Negotiation), Open(2, 20m, InMarch, Proposal), Open(4, 30m, InMarch, Negotiation), noAmount);

        var simulation = PipelineSimulation.Run(snapshot, Probabilities(0.3, 0.6), CloseDateSlips.None, March, trials: 100);

        Assert.Equal([DealId.Of(2)], simulation.Deals.Select(d => d.Deal.Id));
        Assert.Equal([DealId.Of(4), DealId.Of(5), DealId.Of(9)], simulation.Excluded.Select(e => e.Deal));
        Assert.Equal(PipelineExclusionReason.NoStageProbability, simulation.Excluded[0].Reason);
        Assert.Equal(PipelineExclusionReason.NoStageProbability, simulation.Excluded[2].Reason);
        Assert.Equal(snapshot.Excluded.Single(), simulation.Excluded[1]);
    }

    [Fact]
    public void A_snapshot_after_the_period_gives_no_deal_a_chance_in_it()
    {
        // Expected 10 March; on 20 April only slips of 41 days or more are still possible, all after March (to day 22).
        var deal = PipelineSnapshot.Take([Open(1, 10m, new LocalDate(2026, 3, 10), Proposal)], Instant.FromUtc(2026, 4, 20, 12, 0), DateTimeZone.Utc, Currency.Usd).OpenDeals[0];

        Assert.Equal(0.0, PipelineSimulation.InPeriodShare(deal, [0, 10, 40, 60], new LocalDate(2026, 4, 20), March));
    }

    [Fact]
    public void Totals_beyond_32_bits_of_the_finest_scale_are_exact_on_the_integer_path()
    {
        // 300,000,000.25 at scale 2 is 3e10 units per deal, more than 2^32.
        var snapshot = Snapshot([.. Enumerable.Range(1, 12).Select(i => Open(i, 300_000_000.25m * i, InMarch, i % 2 == 0 ? Discovery : Proposal))]);
        var probabilities = Probabilities(0.4, 0.7);

        var fast = PipelineSimulation.Run(snapshot, probabilities, CloseDateSlips.None, March, 500, 11, forceDecimal: false);
        var exact = PipelineSimulation.Run(snapshot, probabilities, CloseDateSlips.None, March, 500, 11, forceDecimal: true);

        Assert.Equal(exact.Totals, fast.Totals);
        Assert.True(fast.Quantile(1).Amount > 4_294_967_296m / 100);
    }

    [Fact]
    public void A_sum_that_would_overflow_64_bits_is_summed_in_decimal()
    {
        // Each amount fits in 64 bits; both together (1e19) do not.
        decimal big = 5_000_000_000_000_000_000m;
        var snapshot = Snapshot(Open(1, big, InMarch, Discovery), Open(2, big, InMarch, Proposal));

        var simulation = PipelineSimulation.Run(snapshot, Probabilities(0.5, 0.5), CloseDateSlips.None, March, trials: 400, seed: 2);

        Assert.Equal(Usd(0m), simulation.Quantile(0));
        Assert.Equal(Usd(2 * big), simulation.Quantile(1));
        Assert.All(simulation.Totals, t => Assert.Contains(t.Amount, new[] { 0m, big, 2 * big }));
    }

    [Fact]
    public void Rejects_bad_input_naming_the_parameter()
    {
        var snapshot = UnitDeals(1);
        var p = Stages(0.5);

        Assert.Equal("snapshot", Assert.Throws<ArgumentNullException>(() => PipelineSimulation.Run(null!, p, CloseDateSlips.None, March)).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentNullException>(() => PipelineSimulation.Run(snapshot, null!, CloseDateSlips.None, March)).ParamName);
        Assert.Equal("slips", Assert.Throws<ArgumentNullException>(() => PipelineSimulation.Run(snapshot, p, null!, March)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentException>(() => PipelineSimulation.Run(snapshot, p, CloseDateSlips.None, default)).ParamName);
        var noTrials = Assert.Throws<ArgumentOutOfRangeException>(() => PipelineSimulation.Run(snapshot, p, CloseDateSlips.None, March, 0));
        Assert.Equal("trials", noTrials.ParamName);
        Assert.Contains("at least one trial", noTrials.Message, StringComparison.Ordinal);
        var noThreads = Assert.Throws<ArgumentOutOfRangeException>(() => PipelineSimulation.Run(snapshot, p, CloseDateSlips.None, March, 10, 0, 0));
        Assert.Equal("maxDegreeOfParallelism", noThreads.ParamName);
        Assert.Contains("-1 (no limit) or at least 1", noThreads.Message, StringComparison.Ordinal);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => PipelineSimulation.Run(snapshot, p, CloseDateSlips.None, March, 10, 0, -2)).ParamName);
        var simulation = PipelineSimulation.Run(snapshot, p, CloseDateSlips.None, March, 10);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => simulation.Quantile(double.NaN)).ParamName);
        var beyond = Assert.Throws<ArgumentOutOfRangeException>(() => simulation.Quantile(1.5));
        Assert.Equal("probability", beyond.ParamName);
        Assert.Contains("[0, 1]", beyond.Message, StringComparison.Ordinal);
        Assert.Equal("target", Assert.Throws<CurrencyMismatchException>(() => simulation.ProbabilityOfReaching(Money.Of(1m, Currency.Eur))).ParamName);
    }

    /// <summary>The exact distribution of the number of successes of independent Bernoulli trials, by recursion over the trials.</summary>
    internal static double[] PoissonBinomial(IReadOnlyList<double> p)
    {
        var dist = new double[p.Count + 1];
        dist[0] = 1;
        for (int i = 0; i < p.Count; i++)
        {
            for (int k = i + 1; k > 0; k--)
            {
                dist[k] = (dist[k] * (1 - p[i])) + (dist[k - 1] * p[i]);
            }

            dist[0] *= 1 - p[i];
        }

        return dist;
    }
}
