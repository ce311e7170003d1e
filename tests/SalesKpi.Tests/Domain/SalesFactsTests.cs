using System;
using System.Linq;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class SalesFactsTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 5, 9, 0);

    [Fact]
    public void Empty_has_nothing()
    {
        Assert.Equal(0, SalesFacts.Empty.Count);
        Assert.Empty(SalesFacts.Empty.Reps);
        Assert.True(SalesFacts.Empty.Activities.IsEmpty);
    }

    [Fact]
    public void Inputs_are_copied()
    {
        SalesActivity[] activities = [new(ActivityId.Of(1), RepId.Of(1), At, SalesActivityKind.Call)];
        Team[] teams = [new(TeamId.Of(1), "Sales")];
        var facts = new SalesFacts(teams: teams, activities: activities);
        activities[0] = new(ActivityId.Of(2), RepId.Of(1), At, SalesActivityKind.Email);
        teams[0] = new(TeamId.Of(2), "Other");
        Assert.Equal(ActivityId.Of(1), facts.Activities.Span[0].Id);
        Assert.Equal(TeamId.Of(1), facts.Teams[0].Id);
        Assert.Equal(2, facts.Count);
    }

    [Fact]
    public void With_methods_replace_one_collection_and_keep_the_others()
    {
        var facts = new SalesFacts(teams: [new Team(TeamId.Of(1), "Sales")]);
        SalesFacts more = facts
            .WithReps([new Rep(RepId.Of(1), "A", DateTimeZone.Utc, WorkingCalendarId.Of("US"), [])])
            .WithLeads([new Lead(LeadId.Of(1), At, [])])
            .WithDeals([new Deal(DealId.Of(1), RepId.Of(1), AccountId.None, null, At, null, [])])
            .WithAccounts([new Account(AccountId.Of(1), "Acme")])
            .WithActivities([new SalesActivity(ActivityId.Of(1), RepId.Of(1), At, SalesActivityKind.Call)])
            .WithSessions([new UsageSession(AccountId.Of(1), UserId.Of(1), At, Duration.FromMinutes(1))])
            .WithFeatureUsage([new FeatureUsage(AccountId.Of(1), UserId.Of(1), "f", At)])
            .WithTickets([new SupportTicket(TicketId.Of(1), AccountId.Of(1), At)])
            .WithConversations([new Conversation(AccountId.Of(1), RepId.Of(1), At)]);
        Assert.Equal(10, more.Count);
        Assert.Equal(1, facts.Count);
        Assert.Same(facts.Teams, more.Teams);
        Assert.Equal("SalesFacts: 1 reps, 1 teams, 1 leads, 1 deals, 1 accounts, 1 activities, 1 sessions, 1 feature usages, 1 tickets, 1 conversations", more.ToString());
        Assert.Single(more.BuildTeamHierarchy().Roots);
    }

    [Fact]
    public void Null_elements_are_rejected_naming_the_collection_and_the_index()
    {
        ArgumentAssert.Rejects("leads", "index 1", () => new SalesFacts(leads: [new Lead(LeadId.Of(1), At, []), null!]));
        ArgumentAssert.Rejects("teams", "index 0", () => SalesFacts.Empty.WithTeams([null!]));
    }

    [Property]
    public bool Count_is_the_sum_of_the_collection_sizes(byte activities, byte teams)
    {
        var facts = new SalesFacts(
            teams: Enumerable.Range(0, teams).Select(i => new Team(TeamId.Of(i), "T")),
            activities: Enumerable.Range(0, activities).Select(i => new SalesActivity(ActivityId.Of(i), RepId.Of(0), At, SalesActivityKind.Call)));
        return facts.Count == activities + teams && facts.Activities.Length == activities && facts.Teams.Count == teams;
    }
}
