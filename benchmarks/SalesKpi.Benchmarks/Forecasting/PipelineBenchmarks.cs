using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SalesKpi.Forecasting;

namespace SalesKpi.Benchmarks.Forecasting;

/// <summary>
/// Pipeline forecasts over a seeded pipeline of 10², 10³ and 10⁴ open deals (amounts in cents, five stages, expected
/// closes spread over four months) plus as many closed deals of history: taking the snapshot; learning stage win
/// probabilities and close-date slips from the history (and probabilities by stage age); the weighted pipeline of a
/// quarter; the flow of the quarter's pipeline over 30 days; the new business of the last four quarters; and the Monte
/// Carlo simulation of the quarter with 10,000 trials, on the calling thread, on two threads (same result) and with the
/// new business added. <see cref="WeightedPipeline"/> is the baseline: one
/// pass over the deals.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 2, 15, 12, 0);
    private static readonly ReportingPeriod Quarter = new(PeriodKind.Quarter, new LocalDate(2026, 1, 1), new LocalDate(2026, 4, 1), "2026-Q1");

    private Deal[] _deals = null!;
    private PipelineSnapshot _snapshot = null!;
    private StageProbabilities _probabilities = null!;
    private CloseDateSlips _slips = null!;
    private NewBusinessHistory _newBusiness = null!;

    [Params(100, 1_000, 10_000)]
    public int OpenDeals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261127);
        DealStage[] stages = [.. Enumerable.Range(0, 5).Select(i => DealStage.Of("Stage" + i, i))];
        var deals = new List<Deal>(2 * OpenDeals);
        for (int i = 0; i < 2 * OpenDeals; i++)
        {
            var created = AsOf - Duration.FromDays(30 + random.Next(300));
            int reached = random.Next(stages.Length);
            var history = new List<StageChange<DealStage>>();
            for (int s = 0; s <= reached; s++)
            {
                history.Add(new(created + Duration.FromDays(3 * s), stages[s]));
            }

            var expected = new LocalDate(2025, 12, 1).PlusDays(random.Next(150));
            var amount = Money.Of(random.Next(100_000, 10_000_000) / 100m, Currency.Usd);
            var deal = new Deal(DealId.Of(i + 1), RepId.Of(1 + (i % 50)), AccountId.None, amount, created, expected, history);
            if (i >= OpenDeals)
            {
                // History: closed within the look-back, won more often from later stages, some days off the expected date.
                var closedAt = AsOf - Duration.FromDays(1 + random.Next(200));
                if (closedAt < created + Duration.FromDays(3 * reached))
                {
                    closedAt = created + Duration.FromDays((3 * reached) + 1);
                }

                bool won = random.NextDouble() < 0.15 + (0.15 * reached);
                deal = deal.WithOutcome(won ? DealOutcome.Won(closedAt) : DealOutcome.Lost(closedAt));
            }

            deals.Add(deal);
        }

        _deals = [.. deals];
        _snapshot = PipelineSnapshot.Take(_deals, AsOf, DateTimeZone.Utc, Currency.Usd);
        _probabilities = StageProbabilities.Learn(_deals, AsOf, Duration.FromDays(365));
        _slips = CloseDateSlips.Learn(_deals, AsOf, Duration.FromDays(365), DateTimeZone.Utc);
        _newBusiness = LearnNewBusiness();
    }

    [Benchmark]
    public PipelineSnapshot Snapshot() => PipelineSnapshot.Take(_deals, AsOf, DateTimeZone.Utc, Currency.Usd);

    [Benchmark]
    public (StageProbabilities, CloseDateSlips) LearnFromHistory() =>
        (StageProbabilities.Learn(_deals, AsOf, Duration.FromDays(365)), CloseDateSlips.Learn(_deals, AsOf, Duration.FromDays(365), DateTimeZone.Utc));

    [Benchmark]
    public StageProbabilities LearnByStageAge() => StageProbabilities.Learn(_deals, AsOf, Duration.FromDays(365), byStageAge: true);

    [Benchmark]
    public PipelineFlow Flow() =>
        PipelineFlow.Between(_deals, AsOf - Duration.FromDays(30), AsOf, Quarter, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso);

    [Benchmark(Baseline = true)]
    public WeightedPipeline Weighted() => WeightedPipeline.Of(_snapshot, _probabilities, Quarter);

    [Benchmark]
    public PipelineSimulation MonteCarlo10000Trials() => PipelineSimulation.Run(_snapshot, _probabilities, _slips, Quarter, trials: 10_000, seed: 42);

    [Benchmark]
    public PipelineSimulation MonteCarlo10000TrialsWithNewBusiness() =>
        PipelineSimulation.Run(_snapshot, _probabilities, _slips, Quarter, trials: 10_000, seed: 42, newBusiness: _newBusiness);

    [Benchmark]
    public NewBusinessHistory LearnNewBusiness() =>
        NewBusinessHistory.Learn(_deals, AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Quarter, 4);

    [Benchmark]
    public PipelineSimulation MonteCarlo10000TrialsTwoThreads() =>
        PipelineSimulation.Run(_snapshot, _probabilities, _slips, Quarter, trials: 10_000, seed: 42, maxDegreeOfParallelism: 2);
}
