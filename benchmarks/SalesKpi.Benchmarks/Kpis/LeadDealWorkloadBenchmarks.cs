using BenchmarkDotNet.Attributes;
using SalesKpi.Benchmarks.Compare;
using SalesKpi.SampleData;

namespace SalesKpi.Benchmarks.Kpis;

/// <summary>
/// The comparison's lead and deal workloads (W2 MQL → SAL conversion by ICP, W3 median and mean days MQL → won per
/// country, W4 monthly won amount per rep with its 3-month moving average) over 10⁴ and 10⁶ lead and deal objects, the
/// library single threaded against the hand loop over the same objects. These are the workloads whose cost is reading
/// objects scattered over the heap (one object per lead or deal, its histories in arrays of their own). W2 also runs over
/// the leads projected into compact values, its events read by delegates and by a value type, against the hand loop
/// over the same values.
/// </summary>
[MemoryDiagnoser]
public class LeadDealWorkloadBenchmarks
{
    private readonly W2MqlToSalByIcp _w2 = new();
    private readonly W3MqlToWonDays _w3 = new();
    private readonly W4MonthlyWonMovingAverage _w4 = new();
    private Dataset _data = null!;

    /// <summary>Gets or sets the number of leads, and of deals.</summary>
    [Params(10_000, 1_000_000)]
    public int LeadsAndDeals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new Dataset(SampleOrganisation.Generate(new SampleOptions { Seed = 42, Activities = 10_000, Leads = LeadsAndDeals, Deals = LeadsAndDeals, Sessions = 0 }));
        _data.BuildRows(datesAtLoad: false);
    }

    [Benchmark]
    public object W2MqlToSalByIcp() => _w2.SalesKpi(_data);

    [Benchmark]
    public object W2MqlToSalByIcpHandLoop() => _w2.HandLoop(_data);

    [Benchmark]
    public object W2MqlToSalOverRowsByDelegates() => Compare.W2MqlToSalByIcp.MqlToSalRowsByDelegates.Evaluate(_data.LeadRows, _data.LeadRowOptions);

    [Benchmark]
    public object W2MqlToSalOverRowsByValueType() => _w2.SalesKpiRows(_data, parallel: false);

    [Benchmark]
    public object W2MqlToSalOverRowsHandLoop() => _w2.HandLoopRows(_data);

    [Benchmark]
    public object W3MqlToWonDaysPerCountry() => _w3.SalesKpi(_data);

    [Benchmark]
    public object W3MqlToWonDaysPerCountryHandLoop() => _w3.HandLoop(_data);

    [Benchmark]
    public object W4MonthlyWonPerRep() => _w4.SalesKpi(_data);

    [Benchmark]
    public object W4MonthlyWonPerRepHandLoop() => _w4.HandLoop(_data);
}
