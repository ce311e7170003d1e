using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Scenarios;

/// <summary>
/// End to end on the real Maven Analytics CRM pipeline (8,800 opportunities of 30 agents, 2016-10 to 2017-12; shared
/// data <c>crm/maven</c>): win rate and won amount per agent, won amount per quarter and the median deal and sales
/// cycle equal figures taken from the CSV file independently of the library, and the data-quality check finds nothing.
/// </summary>
/// <remarks>
/// The expected figures were computed from <c>sales_pipeline.csv</c> with a short Python script (standard library
/// only): won and lost counts and the sum of <c>close_value</c> of won opportunities per <c>sales_agent</c>; won
/// amounts per calendar quarter of <c>close_date</c>; the median <c>close_value</c> and the median of
/// <c>close_date − engage_date</c> in days over won opportunities. Prospecting opportunities (no engage date) are not
/// loaded; open Engaging ones are, without an amount (the file gives open deals no value).
/// </remarks>
public sealed class MavenPipelineTests
{
    private static readonly Lazy<(SalesFacts Facts, IdentityMap<RepId> Agents)> Pipeline = new(Load);

    private static readonly Dictionary<string, string> CountryCodes = new(StringComparer.Ordinal)
    {
        ["Belgium"] = "BE", ["Brazil"] = "BR", ["China"] = "CN", ["Germany"] = "DE", ["Italy"] = "IT", ["Japan"] = "JP",
        ["Jordan"] = "JO", ["Kenya"] = "KE", ["Korea"] = "KR", ["Norway"] = "NO", ["Panama"] = "PA", ["Philipines"] = "PH",
        ["Poland"] = "PL", ["Romania"] = "RO", ["United States"] = "US",
    };

    private static readonly EvaluationOptions<Deal> Utc = EvaluationOptions<Deal>.InZone(DateTimeZone.Utc);

    [Fact]
    public void The_pipeline_loads_without_data_quality_issues()
    {
        var facts = Pipeline.Value.Facts;

        Assert.Equal(4_238 + 2_473 + 1_589, facts.Deals.Count);
        Assert.Empty(DataQualityCheck.Run(facts).Issues);
    }

    [Theory]
    [InlineData("Darcel Schlecht", 349, 204, 1_153_214)]
    [InlineData("Hayden Neloms", 107, 45, 272_111)]
    [InlineData("Lajuana Vencill", 127, 104, 194_632)]
    [InlineData("Vicki Laflamme", 221, 126, 478_396)]
    [InlineData("Wilburn Farren", 55, 24, 157_640)]
    public void Win_rate_and_won_amount_per_agent_equal_the_independent_figures(string agent, int won, int lost, int amount)
    {
        var (facts, agents) = Pipeline.Value;
        var rep = agents.GetOrAdd(agent);

        var winRate = Metric.Rate<Deal>(d => d.IsWon).Where(d => !d.IsOpen).By(d => d.Owner).Evaluate(facts.Deals);
        var wonAmount = Metric.Sum<Deal>(d => d.Amount!.Value, Currency.Usd).Where(d => d.IsWon).By(d => d.Owner).Evaluate(facts.Deals);

        Assert.Equal(won, winRate[rep].Numerator!.Value);
        Assert.Equal(won + lost, winRate[rep].Denominator!.Value);
        Assert.Equal((double)won / (won + lost), winRate[rep].Value!.Value, 12);
        Assert.Equal(amount, wonAmount[rep].ExactValue);
        Assert.Equal(won, wonAmount[rep].Count);
    }

    [Fact]
    public void Every_agent_is_rated_and_the_totals_add_up()
    {
        var facts = Pipeline.Value.Facts;

        var winRate = Metric.Rate<Deal>(d => d.IsWon).Where(d => !d.IsOpen).By(d => d.Owner).Evaluate(facts.Deals);
        var overall = Metric.Rate<Deal>(d => d.IsWon).Where(d => !d.IsOpen).Evaluate(facts.Deals);

        Assert.Equal(30, winRate.Count);
        Assert.Equal(4_238, winRate.Sum(cell => cell.Value.Numerator!.Value));
        Assert.Equal(4_238, overall[Ungrouped.All].Numerator!.Value);
        Assert.Equal(4_238 + 2_473, overall[Ungrouped.All].Denominator!.Value);
    }

    [Theory]
    [InlineData(1, 531, 1_134_672)]
    [InlineData(2, 1_254, 3_086_111)]
    [InlineData(3, 1_257, 2_982_255)]
    [InlineData(4, 1_196, 2_802_496)]
    public void Won_amount_per_quarter_of_2017_equals_the_independent_figures(int quarter, int deals, int amount)
    {
        var facts = Pipeline.Value.Facts;

        var table = Metric.Sum<Deal>(d => d.Amount!.Value, Currency.Usd)
            .Where(d => d.IsWon)
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Quarter, d => d.Outcome.ClosedAt!.Value)
            .Evaluate(facts.Deals, Utc);

        Assert.Equal(4, table.Count);
        var value = table[Ungrouped.All, ReportingCalendar.Iso.GetPeriod(2017, PeriodKind.Quarter, quarter)];
        Assert.Equal(amount, value.ExactValue);
        Assert.Equal(deals, value.Count);
    }

    [Fact]
    public void Median_won_deal_and_median_sales_cycle_equal_the_independent_figures()
    {
        var facts = Pipeline.Value.Facts;

        var dealSize = Metric.Median<Deal>(d => (double)d.Amount!.Value.Amount).Where(d => d.IsWon).Evaluate(facts.Deals);
        var cycle = Metric.Median<Deal>(d => (d.Outcome.ClosedAt!.Value - d.Created).TotalDays).Where(d => d.IsWon).Evaluate(facts.Deals);

        Assert.Equal(1_117.0, dealSize[Ungrouped.All].Value);
        Assert.Equal(57.0, cycle[Ungrouped.All].Value);
        Assert.Equal(4_238, cycle[Ungrouped.All].Count);
    }

    private static (SalesFacts Facts, IdentityMap<RepId> Agents) Load()
    {
        // The agents, each in the zone of its regional office, and the accounts with their sector, size and country.
        var agents = new IdentityMap<RepId>(StringComparer.Ordinal);
        var reps = new List<Rep>();
        foreach (string[] cells in Csv.Records(SharedData.File("crm", "maven", "sales_teams.csv")))
        {
            var zone = DateTimeZoneProviders.Tzdb[cells[2] switch
            {
                "East" => "America/New_York",
                "Central" => "America/Chicago",
                "West" => "America/Los_Angeles",
                _ => throw new InvalidDataException($"Unknown regional office '{cells[2]}'."),
            }];
            reps.Add(new Rep(agents.GetOrAdd(cells[0]), cells[0], zone, WorkingCalendarId.Of("US"), []));
        }

        var accounts = new IdentityMap<AccountId>(StringComparer.Ordinal);
        var accountFacts = new List<Account>();
        foreach (string[] cells in Csv.Records(SharedData.File("crm", "maven", "accounts.csv")))
        {
            // The file names countries in English (one misspelt); a profile holds ISO 3166-1 codes.
            var profile = new IcpProfile(industry: cells[1], employeeCount: int.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture), country: CountryCodes[cells[5]]);
            accountFacts.Add(new Account(accounts.GetOrAdd(cells[0]), cells[0], profile));
        }

        var ids = new IdentityMap<DealId>(StringComparer.Ordinal);
        var deals = new List<Deal>();
        foreach (string[] cells in Csv.Records(SharedData.File("crm", "maven", "sales_pipeline.csv")))
        {
            string stage = cells[4];
            if (stage == "Prospecting")
            {
                continue;
            }

            var engaged = Day(cells[5]);
            var outcome = stage switch
            {
                "Won" => DealOutcome.Won(Day(cells[6])),
                "Lost" => DealOutcome.Lost(Day(cells[6])),
                "Engaging" => DealOutcome.Open,
                _ => throw new InvalidDataException($"Unknown deal stage '{stage}'."),
            };
            Money? amount = stage == "Engaging" ? null : Money.Of(decimal.Parse(cells[7], System.Globalization.CultureInfo.InvariantCulture), Currency.Usd);
            deals.Add(new Deal(
                ids.GetOrAdd(cells[0]),
                agents.GetOrAdd(cells[1]),
                cells[3].Length == 0 ? AccountId.None : accounts.GetOrAdd(cells[3]),
                amount,
                engaged,
                expectedClose: null,
                stageHistory: [],
                outcome: outcome));
        }

        return (new SalesFacts(reps: reps, deals: deals, accounts: accountFacts), agents);
    }

    private static Instant Day(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow().AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
}
