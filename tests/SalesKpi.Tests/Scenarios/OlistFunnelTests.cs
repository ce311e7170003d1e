using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Scenarios;

/// <summary>
/// End to end on the real Olist marketing funnel (8,000 marketing-qualified leads, 842 of them won; shared data
/// <c>crm/olist</c>): the data-quality check finds the one lead won before its first contact, and the MQL → customer
/// conversion by origin equals counts taken from the CSV files independently of the library.
/// </summary>
/// <remarks>
/// The expected counts were computed from the two CSV files with a short Python script (standard library only): a
/// lead's trial is its first contact (00:00 UTC of <c>first_contact_date</c>); it converts when its <c>won_date</c>
/// (UTC) falls within 180 days after, both ends inclusive. The lead won before its first contact is left out by the data-quality check.
/// </remarks>
public sealed class OlistFunnelTests
{
    private const string BadLead = "b91cf8812365f50ff4bda4bcd6206b05";

    private static readonly Instant AsOf = Instant.FromUtc(2019, 1, 1, 0, 0);

    private static readonly Lazy<(SalesFacts Facts, IdentityMap<LeadId> Ids)> Funnel = new(Load);

    [Fact]
    public void The_lead_won_before_its_first_contact_is_the_only_lead_with_data_quality_issues()
    {
        var (facts, ids) = Funnel.Value;

        var report = DataQualityCheck.Run(facts);

        // Won two days before its first contact: a stage entered before the lead was created, and a history whose
        // second entry (customer) is earlier than its first (MQL).
        Assert.Equal(
            [DataQualityRule.StageChangeBeforeCreation, DataQualityRule.StageHistoryOutOfOrder],
            report.Issues.Select(issue => issue.Rule).Order());
        Assert.All(report.Issues, issue =>
        {
            Assert.Equal(FactKind.Lead, issue.Kind);
            Assert.Equal(BadLead, ids.GetKey(LeadId.Of(int.Parse(issue.Id!, CultureInfo.InvariantCulture))));
        });
        Assert.Contains("2018-03-06T19:38:55Z", report.IssuesOf(DataQualityRule.StageChangeBeforeCreation)[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("organic_search", 2295, 245)]
    [InlineData("paid_search", 1586, 174)]
    [InlineData("social", 1350, 70)]
    [InlineData("unknown", 1099, 166)]
    [InlineData("direct_traffic", 499, 55)]
    [InlineData("email", 493, 13)]
    [InlineData("referral", 284, 24)]
    [InlineData("other", 150, 4)]
    [InlineData("display", 118, 6)]
    [InlineData("other_publicities", 65, 3)]
    [InlineData(NoOrigin, 60, 13)]
    public void Mql_to_customer_within_180_days_by_origin_equals_the_independent_counts(string origin, int trials, int successes)
    {
        var table = ConversionByOrigin();

        var value = table[origin];
        Assert.Equal(trials, value.Denominator!.Value);
        Assert.Equal(successes, value.Numerator!.Value);
        Assert.Equal(0, value.Censored);
        Assert.Equal((double)successes / trials, value.Value!.Value, 12);
    }

    [Fact]
    public void The_origins_cover_every_kept_lead_and_the_conversions_add_up()
    {
        var table = ConversionByOrigin();

        Assert.Equal(11, table.Count);
        Assert.Equal(7_999, table.Sum(cell => cell.Value.Denominator!.Value));
        Assert.Equal(773, table.Sum(cell => cell.Value.Numerator!.Value));
    }

    private const string NoOrigin = "(none)";

    private static KpiTable<string> ConversionByOrigin()
    {
        var kept = DataQualityCheck.Apply(Funnel.Value.Facts, DataQualityPolicy.SkipAndReport);
        Assert.Equal(7_999, kept.Facts.Leads.Count);
        var metric = Metric.Conversion<Lead, StageChange<LeadStage>>(
                l => l.StageHistory,
                s => s.At,
                s => s.Stage == LeadStage.Mql,
                s => s.Stage == LeadStage.Customer,
                Duration.FromDays(180))
            .By(l => l.Source ?? NoOrigin);
        return metric.Evaluate(kept.Facts.Leads, EvaluationOptions<Lead>.InZone(DateTimeZone.Utc).WithAsOf(AsOf));
    }

    private static (SalesFacts Facts, IdentityMap<LeadId> Ids) Load()
    {
        var won = new Dictionary<string, Instant>(StringComparer.Ordinal);
        var wonPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");
        foreach (var cells in Csv.Records(SharedData.File("crm", "olist", "olist_closed_deals_dataset.csv")))
        {
            won.Add(cells[0], wonPattern.Parse(cells[4]).GetValueOrThrow().InUtc().ToInstant());
        }

        var ids = new IdentityMap<LeadId>(StringComparer.Ordinal);
        var leads = new List<Lead>();
        foreach (var cells in Csv.Records(SharedData.File("crm", "olist", "olist_marketing_qualified_leads_dataset.csv")))
        {
            var contact = LocalDatePattern.Iso.Parse(cells[1]).GetValueOrThrow().AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            var history = new List<StageChange<LeadStage>> { new(contact, LeadStage.Mql) };
            if (won.TryGetValue(cells[0], out var wonAt))
            {
                history.Add(new StageChange<LeadStage>(wonAt, LeadStage.Customer));
            }

            leads.Add(new Lead(ids.GetOrAdd(cells[0]), contact, history, source: cells[3].Length == 0 ? null : cells[3]));
        }

        Assert.Equal(8_000, leads.Count);
        return (new SalesFacts(leads: leads), ids);
    }
}
