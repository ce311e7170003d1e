using System;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>A lead's stage change as 16 bytes: the instant as Unix ticks and the stage.</summary>
/// <param name="Ticks">When the lead entered the stage, as Unix ticks.</param>
/// <param name="Stage">The stage entered.</param>
internal readonly record struct StageRow(long Ticks, LeadStage Stage);

/// <summary>
/// A lead projected into a compact value, as a user would project their leads once to evaluate many metrics over them:
/// its stage changes in a small array of <see cref="StageRow"/> (all leads' arrays allocated one after the other, so
/// they lie in memory in lead order) and its profile as the canonical codes of the comparison.
/// </summary>
/// <param name="History">The stage changes, in the lead's order.</param>
/// <param name="Industry">The industry's code (<see cref="Dataset.IndustryIds"/>; unknown is the empty string's).</param>
/// <param name="Band">The employee band's index in <see cref="IcpBands.LowerBounds"/>, or -1 when the employee count is unknown.</param>
/// <param name="Country">The country's code (<see cref="Dataset.CountryIds"/>).</param>
internal readonly record struct LeadRow(StageRow[] History, int Industry, int Band, int Country)
{
    public static LeadRow[] From(Dataset data)
    {
        var leads = data.Leads;
        var rows = new LeadRow[leads.Length];
        for (int i = 0; i < leads.Length; i++)
        {
            var lead = leads[i];
            var changes = lead.StageHistory;
            var history = new StageRow[changes.Count];
            for (int j = 0; j < history.Length; j++)
            {
                history[j] = new StageRow(changes[j].At.ToUnixTimeTicks(), changes[j].Stage);
            }

            var profile = lead.Profile;
            rows[i] = new LeadRow(
                history,
                (int)data.IndustryIds[profile.Industry ?? string.Empty],
                profile.EmployeeCount is int employees ? IcpBands.IndexOf(employees) : -1,
                (int)data.CountryIds[profile.Country ?? string.Empty]);
        }

        return rows;
    }
}

/// <summary>Value-type keys over <see cref="LeadRow"/>, compiled into the library's evaluation loop.</summary>
internal static class LeadRowSelectors
{
    public static readonly FactKey<LeadRow, (int Industry, int Band)> IndustryAndBand = FactKey<LeadRow, (int Industry, int Band)>.Of(default(IndustryAndBandKey), "industry and band");

    public static readonly FactKey<LeadRow, int> Country = FactKey<LeadRow, int>.Of(default(CountryKey), "country");

    private readonly struct IndustryAndBandKey : IFactKey<LeadRow, (int Industry, int Band)>
    {
        public (int Industry, int Band) KeyOf(in LeadRow fact) => (fact.Industry, fact.Band);
    }

    private readonly struct CountryKey : IFactKey<LeadRow, int>
    {
        public int KeyOf(in LeadRow fact) => fact.Country;
    }
}
