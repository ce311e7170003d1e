using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Forecasting;
using static SalesKpi.Tests.Forecasting.Pipeline.PipelineTestDeals;

namespace SalesKpi.Tests.Forecasting.Pipeline;

/// <summary>A generated pipeline: open deals in four stages with amounts in cents, stage probabilities strictly between 0 and 1.</summary>
public sealed record PipelineCase(decimal[] Amounts, int[] Stages, int[] CloseOffsets, double[] StageP, long Seed)
{
    public static readonly DealStage[] AllStages = [.. Enumerable.Range(0, 4).Select(i => DealStage.Of("Stage" + i, i))];

    public Deal[] Deals(decimal scale = 1m) =>
    [
        .. Amounts.Select((a, i) => Open(i + 1, a * scale, new LocalDate(2026, 3, 1).PlusDays(CloseOffsets[i]), AllStages[Stages[i]])),
    ];

    public StageProbabilities Probabilities(Func<double, double>? map = null) =>
        StageProbabilities.Of(StageP.Select((p, i) => new KeyValuePair<DealStage, double>(AllStages[i], map is null ? p : map(p))));

    public override string ToString() =>
        $"amounts [{string.Join(" ", Amounts)}] stages [{string.Join(" ", Stages)}] offsets [{string.Join(" ", CloseOffsets)}] p [{string.Join(" ", StageP)}] seed {Seed}";
}

public static class PipelineArbitraries
{
    public static Arbitrary<PipelineCase> Pipelines() =>
        (from n in Gen.Choose(1, 25)
         from cents in Gen.ArrayOf(Gen.Choose(0, 500_000), n)
         from stages in Gen.ArrayOf(Gen.Choose(0, 3), n)
         from offsets in Gen.ArrayOf(Gen.Choose(-20, 50), n)
         from p in Gen.ArrayOf(Gen.Choose(1, 98), 4)
         from seed in Gen.Choose(0, int.MaxValue)
         select new PipelineCase([.. cents.Select(c => c / 100m)], stages, offsets, [.. p.Select(x => x / 100.0)], seed)).ToArbitrary();
}

/// <summary>Laws of the pipeline forecasts: order independence, monotonicity, equivariance, bounds and agreement.</summary>
[Properties(Arbitrary = [typeof(PipelineArbitraries)], MaxTest = 80)]
public sealed class PipelinePropertyTests
{
    private const int Trials = 400;

    private static readonly CloseDateSlips Slips = CloseDateSlips.Of([new(PipelineCase.AllStages[1], [-3, 0, 4, 12, 40])]);

    private static PipelineSimulation Simulate(PipelineCase c, IEnumerable<Deal> deals, StageProbabilities p) =>
        PipelineSimulation.Run(PipelineSnapshot.Take(deals, AsOf, DateTimeZone.Utc, Currency.Usd), p, Slips, March, Trials, c.Seed);

    private static Money[] Quantiles(PipelineSimulation s) => [.. Enumerable.Range(0, 21).Select(i => s.Quantile(i / 20.0))];

    [Property]
    public bool The_input_order_does_not_matter(PipelineCase c) =>
        Quantiles(Simulate(c, c.Deals(), c.Probabilities())).SequenceEqual(Quantiles(Simulate(c, c.Deals().Reverse(), c.Probabilities())));

    [Property]
    public bool Higher_probabilities_never_lower_a_quantile(PipelineCase c)
    {
        var low = Quantiles(Simulate(c, c.Deals(), c.Probabilities()));
        var high = Quantiles(Simulate(c, c.Deals(), c.Probabilities(p => p + ((1 - p) / 2))));
        return low.Zip(high).All(pair => pair.First <= pair.Second);
    }

    [Property]
    public bool Scaling_the_amounts_scales_every_quantile(PipelineCase c)
    {
        var one = Quantiles(Simulate(c, c.Deals(), c.Probabilities()));
        var ten = Quantiles(Simulate(c, c.Deals(10m), c.Probabilities()));
        return one.Zip(ten).All(pair => pair.First.Amount * 10m == pair.Second.Amount);
    }

    [Property]
    public bool Quantiles_lie_between_the_won_amount_and_the_whole_pipeline(PipelineCase c)
    {
        var s = Simulate(c, c.Deals(), c.Probabilities());
        var q = Quantiles(s);
        return q[0] >= s.WonToDate && q.Zip(q.Skip(1)).All(pair => pair.First <= pair.Second) && q[^1].Amount <= s.WonToDate.Amount + c.Amounts.Sum()
            && s.P10 <= s.P50 && s.P50 <= s.P90;
    }

    [Property]
    public bool The_mean_estimates_the_exact_expectation(PipelineCase c)
    {
        var s = Simulate(c, c.Deals(), c.Probabilities());
        double sd = Math.Sqrt(s.Deals.Sum(d => (double)d.Deal.Amount.Amount * (double)d.Deal.Amount.Amount * d.Probability * (1 - d.Probability)));
        return Math.Abs((double)(s.Mean.Amount - s.Expected.Amount)) <= (6 * sd / Math.Sqrt(Trials)) + 1e-9;
    }

    [Property]
    public bool Without_slips_the_expectation_is_the_weighted_pipeline(PipelineCase c)
    {
        var snapshot = PipelineSnapshot.Take(c.Deals(), AsOf, DateTimeZone.Utc, Currency.Usd);
        var inMarch = new ReportingPeriod(PeriodKind.Quarter, new LocalDate(2026, 2, 1), new LocalDate(2026, 6, 1), "Feb-May");
        var weighted = WeightedPipeline.Of(snapshot, c.Probabilities(), inMarch);
        var simulated = PipelineSimulation.Run(snapshot, c.Probabilities(), CloseDateSlips.None, inMarch, 10, c.Seed);
        return weighted.Expected == simulated.Expected && weighted.Deals.Count == c.Amounts.Length;
    }

    [Property]
    public bool The_weighted_pipeline_is_linear_in_the_amounts(PipelineCase c)
    {
        var one = WeightedPipeline.Of(PipelineSnapshot.Take(c.Deals(), AsOf, DateTimeZone.Utc, Currency.Usd), c.Probabilities(), March);
        var three = WeightedPipeline.Of(PipelineSnapshot.Take(c.Deals(3m), AsOf, DateTimeZone.Utc, Currency.Usd), c.Probabilities(), March);
        return three.Expected.Amount == 3 * one.Expected.Amount && one.Expected <= one.Unweighted
            && Math.Abs(three.Variance - (9 * one.Variance)) <= 1e-9 * Math.Max(1, three.Variance);
    }

    [Property]
    public bool Probabilities_by_stage_age_are_probabilities_and_start_at_the_closed_share(PositiveInt[] stayDays, bool[] won, byte openCount)
    {
        // Closed deals with stays of the given lengths in Proposal; won as given (or lost).
        var deals = new List<Deal>();
        for (int i = 0; i < stayDays.Length; i++)
        {
            var entered = At(1, 1);
            var deal = new Deal(DealId.Of(i + 1), RepId.Of(1), AccountId.None, Usd(1m), entered, new LocalDate(2026, 4, 1), [new(entered, Proposal)]);
            var closedAt = entered + Duration.FromHours(stayDays[i].Get % 1500);
            deals.Add(deal.WithOutcome(i < won.Length && won[i] ? DealOutcome.Won(closedAt) : DealOutcome.Lost(closedAt)));
        }

        var closedOnly = StageProbabilities.Learn(deals, AsOf, Duration.FromDays(365), byStageAge: true);
        for (int i = 0; i < openCount % 8; i++)
        {
            var entered = AsOf - Duration.FromHours(37 * (i + 1));
            deals.Add(new Deal(DealId.Of(10_000 + i), RepId.Of(1), AccountId.None, Usd(1m), entered, new LocalDate(2026, 4, 1), [new(entered, Proposal)]));
        }

        var withOpen = StageProbabilities.Learn(deals, AsOf, Duration.FromDays(365), byStageAge: true);
        if (stayDays.Length == 0)
        {
            return !closedOnly.TryGet(Proposal, out _);
        }

        bool inRange = true;
        foreach (var p in new[] { closedOnly, withOpen })
        {
            for (int hours = 0; hours <= 1600; hours += 50)
            {
                var deal = new PipelineDeal(DealId.Of(99), RepId.Of(1), Proposal, Usd(1m), new LocalDate(2026, 4, 1), AsOf - Duration.FromHours(hours));
                inRange &= p.TryGet(deal, AsOf, out double probability) && probability >= 0 && probability <= 1;
            }
        }

        var fresh = new PipelineDeal(DealId.Of(99), RepId.Of(1), Proposal, Usd(1m), new LocalDate(2026, 4, 1), AsOf);
        closedOnly.TryGet(fresh, AsOf, out double atZero);
        return inRange && Math.Abs(atZero - closedOnly[Proposal]) <= 1e-12;
    }

    [Property]
    public bool The_in_period_share_is_the_share_of_possible_slip_dates_in_the_period(int[] rawSlips, int expectedOffset, int asOfOffset, int entryOffset, bool hasEntryDate)
    {
        int[] slips = [.. rawSlips.Select(s => s % 90).Order()];
        var day0 = new LocalDate(2026, 3, 1);
        var current = day0.PlusDays(expectedOffset % 120);
        LocalDate? atEntry = hasEntryDate ? day0.PlusDays(entryOffset % 120) : null;
        var asOfDate = day0.PlusDays(asOfOffset % 60);
        var deal = new PipelineDeal(DealId.Of(1), RepId.Of(1), Proposal, Usd(1m), current, AsOf, ForecastCategory.Pipeline, atEntry);

        // Brute force: every slip from the stage-entry date (the current one without it), those not before the snapshot date.
        var from = atEntry ?? current;
        var possible = slips.Select(s => from.PlusDays(s)).Where(d => d >= asOfDate).ToList();
        double expected = slips.Length == 0
            ? (March.Contains(current > asOfDate ? current : asOfDate) ? 1 : 0)
            : possible.Count == 0 ? 0 : (double)possible.Count(March.Contains) / possible.Count;
        return PipelineSimulation.InPeriodShare(deal, slips, asOfDate, March) == expected;
    }

    [Property]
    public bool Pace_projection_and_required_rate_agree(PositiveInt actualCents, PositiveInt quotaCents, byte dayOfMarch)
    {
        decimal actual = actualCents.Get / 100m;
        decimal quota = quotaCents.Get / 100m;
        var pace = QuotaPace.Of(actual, quota, March, new LocalDate(2026, 2, 28).PlusDays(dayOfMarch % 33), WorkingCalendar.MondayToFriday);
        bool paceAgrees = pace.Projected is not { } projected || pace.Pace == projected / quota || Math.Abs((decimal)pace.Pace! - (projected / quota)) < 1e-24m;
        bool rateAgrees = pace.RequiredDailyRate is not { } rate || actual >= quota
            || Math.Abs(actual + (rate * pace.RemainingDays) - quota) < 1e-20m;
        return paceAgrees && rateAgrees && (pace.RequiredDailyRate is not null || (actual < quota && pace.RemainingDays == 0));
    }
}
