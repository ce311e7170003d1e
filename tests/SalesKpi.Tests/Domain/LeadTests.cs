using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class LeadTests
{
    private static readonly Instant Created = Instant.FromUtc(2026, 1, 5, 10, 0);

    private static Lead Sample() => new(
        LeadId.Of(4),
        Created,
        [new(Created.PlusHours(1), LeadStage.Mql), new(Created.PlusHours(30), LeadStage.Recycled), new(Created.PlusHours(90), LeadStage.Mql), new(Created.PlusHours(95), LeadStage.Sal)],
        source: "Webinar",
        contactJobTitle: "VP Sales",
        profile: new IcpProfile("Software", 120, "DE", "EMEA"),
        owner: RepId.Of(2),
        contactEmail: "ana@example.com");

    [Fact]
    public void Attributes_read_back()
    {
        Lead lead = Sample();
        Assert.Equal(LeadId.Of(4), lead.Id);
        Assert.Equal(Created, lead.Created);
        Assert.Equal("Webinar", lead.Source);
        Assert.Equal("VP Sales", lead.ContactJobTitle);
        Assert.Equal("ana@example.com", lead.ContactEmail);
        Assert.Equal(RepId.Of(2), lead.Owner);
        Assert.Equal(4, lead.StageHistory.Count);
        Assert.Equal(LeadStage.Sal, lead.CurrentStage);
        Assert.Equal("Lead 4 created 2026-01-05T10:00:00Z, stage Sal, owner 2", lead.ToString());
    }

    [Fact]
    public void A_stage_entered_twice_has_two_entries_and_one_first_entry()
    {
        Lead lead = Sample();
        Assert.Equal([Created.PlusHours(1), Created.PlusHours(90)], lead.Entries(LeadStage.Mql));
        Assert.Equal(Created.PlusHours(1), lead.FirstEntry(LeadStage.Mql));
        Assert.Null(lead.FirstEntry(LeadStage.Customer));
        Assert.Empty(lead.Entries(LeadStage.Customer));
    }

    [Fact]
    public void An_empty_history_means_stage_Lead_and_defaults_are_unknown()
    {
        var lead = new Lead(LeadId.Of(1), Created, []);
        Assert.Equal(LeadStage.Lead, lead.CurrentStage);
        Assert.Same(IcpProfile.Unknown, lead.Profile);
        Assert.True(lead.Owner.IsNone);
        Assert.Null(lead.Source);
    }

    [Fact]
    public void The_history_is_copied_not_shared()
    {
        StageChange<LeadStage>[] history = [new(Created, LeadStage.Mql)];
        var lead = new Lead(LeadId.Of(1), Created, history);
        history[0] = new(Created, LeadStage.Customer);
        Assert.Equal(LeadStage.Mql, lead.CurrentStage);
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("id", "None", () => new Lead(LeadId.None, Created, []));
        ArgumentAssert.Rejects("stageHistory", "undefined stage 42", () => new Lead(LeadId.Of(1), Created, [new(Created, (LeadStage)42)]));
        ArgumentAssert.Rejects("source", "' '", () => new Lead(LeadId.Of(1), Created, [], source: " "));
        ArgumentAssert.Rejects("contactJobTitle", "''", () => new Lead(LeadId.Of(1), Created, [], contactJobTitle: ""));
        ArgumentAssert.Rejects("contactEmail", "'\t'", () => new Lead(LeadId.Of(1), Created, [], contactEmail: "\t"));
        ArgumentAssert.Rejects("stage", "undefined stage 9", () => Sample().WithStage(Created, (LeadStage)9));
    }

    [Fact]
    public void Stages_before_creation_are_accepted_here_and_left_to_the_data_quality_check() =>
        Assert.Single(new Lead(LeadId.Of(1), Created, [new(Created.PlusHours(-1), LeadStage.Mql)]).StageHistory);

    [Fact]
    public void Pseudo_mutators_return_new_leads_and_leave_the_original()
    {
        Lead lead = Sample();
        Lead customer = lead.WithStage(Created.PlusDays(30), LeadStage.Customer);
        Assert.Equal(LeadStage.Customer, customer.CurrentStage);
        Assert.Equal(LeadStage.Sal, lead.CurrentStage);
        Assert.Equal(RepId.None, lead.WithOwner(RepId.None).Owner);
        Assert.Equal("Retail", lead.WithProfile(new IcpProfile("Retail")).Profile.Industry);
        Assert.Equal(lead, lead.WithOwner(RepId.Of(2)));
    }

    [Fact]
    public void Equality_contract_holds()
    {
        Lead lead = Sample();
        EqualityContract.AssertEquality(
            lead,
            Sample(),
            lead.WithOwner(RepId.Of(3)),
            lead.WithStage(Created.PlusDays(40), LeadStage.Sql),
            lead.WithProfile(IcpProfile.Unknown),
            new Lead(LeadId.Of(4), Created, lead.StageHistory, "webinar", "VP Sales", lead.Profile, RepId.Of(2), "ana@example.com"),
            new Lead(LeadId.Of(5), Created, lead.StageHistory, "Webinar", "VP Sales", lead.Profile, RepId.Of(2), "ana@example.com"));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public Property FirstEntry_is_the_minimum_of_the_entries_in_any_order(Instant created, LeadStage stage, (Instant At, LeadStage Stage)[] changes)
    {
        var lead = new Lead(LeadId.Of(1), created, changes.Select(c => new StageChange<LeadStage>(c.At, c.Stage)));
        var reversed = new Lead(LeadId.Of(1), created, changes.Reverse().Select(c => new StageChange<LeadStage>(c.At, c.Stage)));
        Instant[] entries = [.. changes.Where(c => c.Stage == stage).Select(c => c.At)];
        Instant? expected = entries.Length == 0 ? null : entries.Min();
        return (lead.FirstEntry(stage) == expected && reversed.FirstEntry(stage) == expected && lead.Entries(stage).SequenceEqual(entries))
            .Label($"{stage}: {string.Join(", ", entries)}");
    }
}
