using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SalesKpi.SampleData;

namespace SalesKpi.Benchmarks;

/// <summary>
/// Generation speed of the sample organisation with proportional sizes (leads = activities / 10, deals = activities / 100,
/// sessions = activities / 4). Target: one million activities in under 2 seconds.
/// </summary>
[MemoryDiagnoser]
public class SampleDataBenchmarks
{
    [Params(10_000, 1_000_000)]
    public int Activities { get; set; }

    [Benchmark]
    public SampleOrganisation Generate() => SampleOrganisation.Generate(new SampleOptions { Seed = 1, Activities = Activities });
}

/// <summary>The largest sample: 10 million activities, a million leads and a million deals, measured a few times.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SampleDataLargeBenchmarks
{
    [Benchmark]
    public SampleOrganisation Generate_10M_activities_1M_leads_1M_deals() =>
        SampleOrganisation.Generate(new SampleOptions { Seed = 1, Activities = 10_000_000, Leads = 1_000_000, Deals = 1_000_000 });
}
