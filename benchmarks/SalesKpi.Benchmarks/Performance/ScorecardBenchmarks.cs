using BenchmarkDotNet.Attributes;
using SalesKpi.Benchmarks.Compare;
using SalesKpi.SampleData;

namespace SalesKpi.Benchmarks.Performance;

/// <summary>
/// The weekly 6-line rep scorecard of the comparison (W5) for every rep and week of a generated organisation, through
/// the engine (six metrics) and by hand (one pass), at 10⁴ and 10⁶ activities.
/// </summary>
[MemoryDiagnoser]
public class ScorecardBenchmarks
{
    private readonly W5WeeklyScorecard _scorecard = new();
    private Dataset _data = null!;

    [Params(10_000, 1_000_000)]
    public int Activities { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _data = new Dataset(SampleOrganisation.Generate(new SampleOptions { Seed = 42, Activities = Activities, Sessions = 0 }));

    [Benchmark(Baseline = true)]
    public object WeeklyScorecardHandLoop() => _scorecard.HandLoop(_data);

    [Benchmark]
    public object WeeklyScorecardEngine() => _scorecard.SalesKpi(_data);
}
