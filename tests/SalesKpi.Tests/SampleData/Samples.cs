using System;
using SalesKpi.SampleData;

namespace SalesKpi.Tests.SampleData;

/// <summary>Samples shared by the tests (each generated once per test run).</summary>
internal static class Samples
{
    private static readonly Lazy<SampleOrganisation> SmallSample = new(() => SampleOrganisation.Generate(new SampleOptions { Seed = 1, Activities = 2_000 }));

    private static readonly Lazy<SampleOrganisation> MediumSample = new(() => SampleOrganisation.Generate(new SampleOptions { Seed = 11, Activities = 60_000 }));

    /// <summary>Gets the seed-1 sample of 2,000 activities.</summary>
    internal static SampleOrganisation Small => SmallSample.Value;

    /// <summary>Gets the seed-11 sample of 60,000 activities (6,000 leads, 600 deals, 300 accounts).</summary>
    internal static SampleOrganisation Medium => MediumSample.Value;
}
