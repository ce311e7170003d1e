using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class DataQualityCheckTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly DealStage Discovery = DealStage.Of("Discovery", 0);
    private static readonly DealStage Proposal = DealStage.Of("Proposal", 1);

    private static Team Team(int id, int parent = -1) => new(TeamId.Of(id), $"Team {id}", parent < 0 ? TeamId.None : TeamId.Of(parent));

    private static Rep Rep(int id, int team = 2) =>
        new(RepId.Of(id), $"Rep {id}", DateTimeZone.Utc, WorkingCalendarId.Of("US"), [new RepAssignment(new LocalDate(2025, 1, 1), null, RepRole.Ae, TeamId.Of(team))]);

    private static Lead Lead(int id, params StageChange<LeadStage>[] history) => new(LeadId.Of(id), T0, history, owner: RepId.Of(1));

    private static Deal Deal(int id, int owner = 1, int account = 1) =>
        new(DealId.Of(id), RepId.Of(owner), account < 0 ? AccountId.None : AccountId.Of(account), Money.Of(1000m, Currency.Usd), T0, new LocalDate(2026, 3, 31),
            [new(T0, Discovery), new(T0.PlusDays(3), Proposal)]);

    private static Account Account(int id) =>
        new(AccountId.Of(id), $"Account {id}", subscriptionHistory: [new SubscriptionChange(new LocalDate(2026, 1, 1), Money.Of(100m, Currency.Usd))], owner: RepId.Of(2));

    private static SalesActivity Activity(int id, int rep = 1, int lead = -1, int deal = -1, int account = -1, SalesActivityOutcome outcome = SalesActivityOutcome.None, Duration? duration = null) =>
        new(ActivityId.Of(id), RepId.Of(rep), T0.PlusHours(id % 1000), SalesActivityKind.Call, outcome, duration,
            lead < 0 ? LeadId.None : LeadId.Of(lead), deal < 0 ? DealId.None : DealId.Of(deal), account < 0 ? AccountId.None : AccountId.Of(account));

    /// <summary>A small organisation with no contradictions.</summary>
    private static SalesFacts Clean() => new(
        reps: [Rep(1), Rep(2)],
        teams: [Team(1), Team(2, 1)],
        leads: [Lead(1, new(T0.PlusHours(1), LeadStage.Mql), new(T0.PlusHours(2), LeadStage.Sal))],
        deals: [Deal(1).WithOutcome(DealOutcome.Won(T0.PlusDays(20))).WithAmount(T0.PlusDays(5), Money.Of(1200m, Currency.Usd))],
        accounts: [Account(1)],
        activities: [Activity(1, lead: 1), Activity(2, deal: 1, outcome: SalesActivityOutcome.Connected, duration: Duration.FromMinutes(4)), Activity(3, rep: 2, account: 1)],
        sessions: [new UsageSession(AccountId.Of(1), UserId.Of(1), T0, Duration.FromMinutes(20))],
        featureUsage: [new FeatureUsage(AccountId.Of(1), UserId.Of(1), "export", T0)],
        tickets: [new SupportTicket(TicketId.Of(1), AccountId.Of(1), T0, T0.PlusHours(3))],
        conversations: [new Conversation(AccountId.Of(1), RepId.Of(2), T0, ConversationChannel.Call)]);

    private static DataQualityIssue SingleIssue(SalesFacts facts, FactKind kind, int index, DataQualityRule rule, params string[] reasonParts)
    {
        DataQualityIssue issue = Assert.Single(DataQualityCheck.Run(facts).Issues);
        Assert.Equal(kind, issue.Kind);
        Assert.Equal(index, issue.Index);
        Assert.Equal(rule, issue.Rule);
        foreach (string part in reasonParts)
        {
            Assert.Contains(part, issue.Reason, StringComparison.Ordinal);
        }

        return issue;
    }

    [Fact]
    public void The_baseline_is_clean()
    {
        DataQualityReport report = DataQualityCheck.Run(Clean());
        Assert.True(report.IsClean, report.ToString());
        report.ThrowIfAny();
    }

    // ---- DuplicateId, one case per kind with ids ----

    [Fact]
    public void Lead_deal_and_account_issues_name_the_fact_by_its_id_as_text()
    {
        DataQualityReport report = DataQualityCheck.Run(Clean()
            .WithLeads([Lead(41), Lead(1042), Lead(41)])
            .WithDeals([Deal(7), Deal(123456, owner: 99)])
            .WithAccounts([Account(1), Account(205), Account(205)]));
        Assert.Equal(
            [(FactKind.Lead, 0, "41"), (FactKind.Lead, 2, "41"), (FactKind.Account, 1, "205"), (FactKind.Account, 2, "205")],
            report.IssuesOf(DataQualityRule.DuplicateId).Select(i => (i.Kind, i.Index, i.Id!)));
        Assert.Equal([(FactKind.Deal, 1, "123456")], report.IssuesOf(DataQualityRule.UnknownRep).Select(i => (i.Kind, i.Index, i.Id!)));
    }

    [Fact]
    public void DuplicateId_reports_every_rep_copy()
    {
        DataQualityReport report = DataQualityCheck.Run(Clean().WithReps([Rep(1), Rep(2), Rep(1)]));
        Assert.Equal([(FactKind.Rep, 0, "1"), (FactKind.Rep, 2, "1")], report.IssuesOf(DataQualityRule.DuplicateId).Select(i => (i.Kind, i.Index, i.Id!)));
    }

    [Fact]
    public void DuplicateId_reports_teams_leads_deals_accounts_activities_and_tickets()
    {
        SalesFacts clean = Clean();
        (SalesFacts Facts, FactKind Kind)[] cases =
        [
            (clean.WithTeams([.. clean.Teams, Team(2, 1)]), FactKind.Team),
            (clean.WithLeads([.. clean.Leads, Lead(1)]), FactKind.Lead),
            (clean.WithDeals([.. clean.Deals, Deal(1)]), FactKind.Deal),
            (clean.WithAccounts([.. clean.Accounts, Account(1)]), FactKind.Account),
            (clean.WithActivities([.. clean.Activities.ToArray(), Activity(2)]), FactKind.Activity),
            (clean.WithTickets([.. clean.Tickets.ToArray(), new SupportTicket(TicketId.Of(1), AccountId.Of(1), T0)]), FactKind.Ticket),
        ];
        foreach ((SalesFacts facts, FactKind kind) in cases)
        {
            DataQualityIssue[] issues = [.. DataQualityCheck.Run(facts).Issues];
            Assert.Equal(2, issues.Length);
            Assert.All(issues, i => Assert.Equal((kind, DataQualityRule.DuplicateId), (i.Kind, i.Rule)));
            Assert.All(issues, i => Assert.Contains("also has id", i.Reason, StringComparison.Ordinal));
        }
    }

    // ---- stage histories ----

    [Fact]
    public void StageChangeBeforeCreation_is_reported_for_a_lead() =>
        SingleIssue(Clean().WithLeads([Lead(1, new StageChange<LeadStage>(T0.PlusHours(-2), LeadStage.Mql))]), FactKind.Lead, 0, DataQualityRule.StageChangeBeforeCreation, "Mql", "2026-01-05T07:00:00Z", "2026-01-05T09:00:00Z");

    [Fact]
    public void StageChangeBeforeCreation_is_reported_for_a_deal()
    {
        Deal deal = new(DealId.Of(1), RepId.Of(1), AccountId.Of(1), null, T0, null, [new(T0.PlusDays(-1), Discovery)]);
        SingleIssue(Clean().WithDeals([deal]), FactKind.Deal, 0, DataQualityRule.StageChangeBeforeCreation, "Discovery", "2026-01-04T09:00:00Z");
    }

    [Fact]
    public void StageHistoryOutOfOrder_is_reported_for_a_lead_and_a_deal()
    {
        SingleIssue(Clean().WithLeads([Lead(1, new(T0.PlusHours(5), LeadStage.Mql), new(T0.PlusHours(4), LeadStage.Sal))]), FactKind.Lead, 0, DataQualityRule.StageHistoryOutOfOrder, "Sal", "2026-01-05T13:00:00Z", "2026-01-05T14:00:00Z");
        Deal deal = new(DealId.Of(1), RepId.Of(1), AccountId.Of(1), null, T0, null, [new(T0.PlusDays(2), Proposal), new(T0.PlusDays(1), Discovery)]);
        SingleIssue(Clean().WithDeals([deal]), FactKind.Deal, 0, DataQualityRule.StageHistoryOutOfOrder, "Discovery");
    }

    [Fact]
    public void Equal_stage_instants_are_in_order() =>
        Assert.True(DataQualityCheck.Run(Clean().WithLeads([Lead(1, new(T0, LeadStage.Mql), new(T0, LeadStage.Sal))])).IsClean);

    // ---- deal outcome and histories ----

    [Fact]
    public void ClosedWithoutCloseTime_is_reported_for_won_and_lost_deals()
    {
        SingleIssue(Clean().WithDeals([Deal(1).WithOutcome(new DealOutcome(DealStatus.Won, null))]), FactKind.Deal, 0, DataQualityRule.ClosedWithoutCloseTime, "Won");
        SingleIssue(Clean().WithDeals([Deal(1).WithOutcome(new DealOutcome(DealStatus.Lost, null, "Budget"))]), FactKind.Deal, 0, DataQualityRule.ClosedWithoutCloseTime, "Lost");
    }

    [Fact]
    public void CloseBeforeCreation_is_a_negative_sales_cycle() =>
        SingleIssue(Clean().WithDeals([Deal(1).WithOutcome(DealOutcome.Won(T0.PlusHours(-1)))]), FactKind.Deal, 0, DataQualityRule.CloseBeforeCreation, "2026-01-05T08:00:00Z", "2026-01-05T09:00:00Z");

    [Fact]
    public void HistoryChangeBeforeCreation_is_reported_for_amount_and_close_date()
    {
        SingleIssue(Clean().WithDeals([Deal(1).WithAmount(T0.PlusHours(-1), Money.Of(1100m, Currency.Usd))]), FactKind.Deal, 0, DataQualityRule.HistoryChangeBeforeCreation, "amount", "2026-01-05T08:00:00Z");
        SingleIssue(Clean().WithDeals([Deal(1).WithExpectedClose(T0.PlusHours(-1), new LocalDate(2026, 4, 30))]), FactKind.Deal, 0, DataQualityRule.HistoryChangeBeforeCreation, "expected close date");
    }

    [Fact]
    public void ChangeHistoryInconsistent_is_reported_when_the_changes_do_not_chain()
    {
        Money usd(decimal a) => Money.Of(a, Currency.Usd);
        Deal Build(Money current, params ValueChange<Money>[] changes) =>
            new(DealId.Of(1), RepId.Of(1), AccountId.Of(1), current, T0, null, [], amountHistory: changes);

        // From of the second change is not the To of the first.
        SingleIssue(Clean().WithDeals([Build(usd(3), new(T0.PlusDays(1), usd(1), usd(2)), new(T0.PlusDays(2), usd(5), usd(3)))]), FactKind.Deal, 0, DataQualityRule.ChangeHistoryInconsistent, "starts from 5 USD", "ended at 2 USD");
        // Changes going back in time.
        SingleIssue(Clean().WithDeals([Build(usd(3), new(T0.PlusDays(2), usd(1), usd(2)), new(T0.PlusDays(1), usd(2), usd(3)))]), FactKind.Deal, 0, DataQualityRule.ChangeHistoryInconsistent, "made later");
        // The last change does not end at the current value.
        SingleIssue(Clean().WithDeals([Build(usd(9), new ValueChange<Money>(T0.PlusDays(1), usd(1), usd(2)))]), FactKind.Deal, 0, DataQualityRule.ChangeHistoryInconsistent, "ends at 2 USD", "current amount is 9 USD");
    }

    // ---- durations ----

    [Fact]
    public void ZeroDuration_is_reported_for_a_session_and_for_a_connected_call_or_held_meeting()
    {
        SingleIssue(Clean().WithSessions([new UsageSession(AccountId.Of(1), UserId.Of(7), T0, Duration.Zero)]), FactKind.Session, 0, DataQualityRule.ZeroDuration, "user 7");
        SingleIssue(Clean().WithActivities([Activity(1, outcome: SalesActivityOutcome.Connected, duration: Duration.Zero)]), FactKind.Activity, 0, DataQualityRule.ZeroDuration, "Connected", "0 seconds");
        SingleIssue(Clean().WithActivities([Activity(1, outcome: SalesActivityOutcome.Held, duration: Duration.Zero)]), FactKind.Activity, 0, DataQualityRule.ZeroDuration, "Held");
    }

    [Fact]
    public void A_zero_duration_is_fine_where_nothing_happened()
    {
        Assert.True(DataQualityCheck.Run(Clean().WithActivities([Activity(1, outcome: SalesActivityOutcome.NoAnswer, duration: Duration.Zero)])).IsClean);
        Assert.True(DataQualityCheck.Run(Clean().WithActivities([Activity(1, outcome: SalesActivityOutcome.Connected)])).IsClean);
    }

    [Fact]
    public void TicketClosedBeforeOpened_is_a_negative_resolution_time() =>
        SingleIssue(Clean().WithTickets([new SupportTicket(TicketId.Of(4), AccountId.Of(1), T0, T0.PlusHours(-1))]), FactKind.Ticket, 0, DataQualityRule.TicketClosedBeforeOpened, "2026-01-05T08:00:00Z");

    // ---- amounts ----

    [Fact]
    public void NegativeAmount_is_reported_for_a_deal_and_a_subscription()
    {
        Deal negative = new(DealId.Of(1), RepId.Of(1), AccountId.Of(1), Money.Of(-5m, Currency.Usd), T0, null, []);
        SingleIssue(Clean().WithDeals([negative]), FactKind.Deal, 0, DataQualityRule.NegativeAmount, "-5 USD");
        Account refund = Account(1).WithSubscriptionChange(new SubscriptionChange(new LocalDate(2026, 2, 1), Money.Of(-10m, Currency.Usd)));
        SingleIssue(Clean().WithAccounts([refund]), FactKind.Account, 0, DataQualityRule.NegativeAmount, "-10 USD");
    }

    [Fact]
    public void SubscriptionHistoryOutOfOrder_is_reported() =>
        SingleIssue(
            Clean().WithAccounts([Account(1).WithSubscriptionChange(new SubscriptionChange(new LocalDate(2025, 6, 1), Money.Of(50m, Currency.Usd)))]),
            FactKind.Account, 0, DataQualityRule.SubscriptionHistoryOutOfOrder, "2025-06-01", "2026-01-01");

    // ---- references ----

    [Fact]
    public void UnknownRep_is_reported_for_every_kind_that_refers_to_a_rep()
    {
        SalesFacts clean = Clean();
        SingleIssue(clean.WithActivities([Activity(1, rep: 9)]), FactKind.Activity, 0, DataQualityRule.UnknownRep, "rep 9");
        SingleIssue(clean.WithDeals([Deal(1, owner: 9)]), FactKind.Deal, 0, DataQualityRule.UnknownRep, "rep 9");
        SingleIssue(clean.WithLeads([Lead(1).WithOwner(RepId.Of(9))]), FactKind.Lead, 0, DataQualityRule.UnknownRep, "rep 9");
        SingleIssue(clean.WithAccounts([Account(1).WithOwner(RepId.Of(9))]), FactKind.Account, 0, DataQualityRule.UnknownRep, "rep 9");
        SingleIssue(clean.WithConversations([new Conversation(AccountId.Of(1), RepId.Of(9), T0)]), FactKind.Conversation, 0, DataQualityRule.UnknownRep, "rep 9");
    }

    [Fact]
    public void Unset_optional_links_are_not_unknown_references()
    {
        SalesFacts facts = Clean()
            .WithLeads([Lead(1).WithOwner(RepId.None)])
            .WithDeals([Deal(1, account: -1)])
            .WithConversations([new Conversation(AccountId.Of(1), RepId.None, T0)]);
        Assert.True(DataQualityCheck.Run(facts).IsClean);
    }

    [Fact]
    public void UnknownTeam_is_reported_for_a_rep_assignment_and_a_team_parent()
    {
        SingleIssue(Clean().WithReps([Rep(1), Rep(2, team: 8)]), FactKind.Rep, 1, DataQualityRule.UnknownTeam, "team 8");
        SingleIssue(Clean().WithTeams([Team(1), Team(2, 1), Team(3, 8)]), FactKind.Team, 2, DataQualityRule.UnknownTeam, "parent team 8");
    }

    [Fact]
    public void UnknownLead_and_UnknownDeal_are_reported_for_activity_links()
    {
        SingleIssue(Clean().WithActivities([Activity(1, lead: 5)]), FactKind.Activity, 0, DataQualityRule.UnknownLead, "lead 5");
        SingleIssue(Clean().WithActivities([Activity(1, deal: 6)]), FactKind.Activity, 0, DataQualityRule.UnknownDeal, "deal 6");
    }

    [Fact]
    public void UnknownAccount_is_reported_for_every_kind_that_refers_to_an_account()
    {
        SalesFacts clean = Clean();
        SingleIssue(clean.WithActivities([Activity(1, account: 4)]), FactKind.Activity, 0, DataQualityRule.UnknownAccount, "account 4");
        SingleIssue(clean.WithDeals([Deal(1, account: 4)]), FactKind.Deal, 0, DataQualityRule.UnknownAccount, "account 4");
        SingleIssue(clean.WithSessions([new UsageSession(AccountId.Of(4), UserId.Of(1), T0, Duration.FromMinutes(1))]), FactKind.Session, 0, DataQualityRule.UnknownAccount, "account 4");
        SingleIssue(clean.WithFeatureUsage([new FeatureUsage(AccountId.Of(4), UserId.Of(1), "f", T0)]), FactKind.FeatureUsage, 0, DataQualityRule.UnknownAccount, "account 4");
        SingleIssue(clean.WithTickets([new SupportTicket(TicketId.Of(1), AccountId.Of(4), T0)]), FactKind.Ticket, 0, DataQualityRule.UnknownAccount, "account 4");
        SingleIssue(clean.WithConversations([new Conversation(AccountId.Of(4), RepId.Of(1), T0)]), FactKind.Conversation, 0, DataQualityRule.UnknownAccount, "account 4");
    }

    [Fact]
    public void TeamCycle_is_reported_for_every_team_on_the_cycle()
    {
        DataQualityReport report = DataQualityCheck.Run(Clean().WithTeams([Team(1), Team(2, 1), Team(3, 5), Team(4, 3), Team(5, 4)]));
        Assert.Equal([2, 3, 4], report.IssuesOf(DataQualityRule.TeamCycle).Select(i => i.Index));
        Assert.Equal(3, report.Issues.Count);
    }

    // ---- report, policies ----

    [Fact]
    public void A_fact_breaking_several_rules_gets_one_issue_per_rule_in_rule_order()
    {
        SalesActivity bad = Activity(1, rep: 9, lead: 9, deal: 9, account: 9, outcome: SalesActivityOutcome.Connected, duration: Duration.Zero);
        DataQualityReport report = DataQualityCheck.Run(Clean().WithActivities([bad]));
        Assert.Equal(
            [DataQualityRule.ZeroDuration, DataQualityRule.UnknownRep, DataQualityRule.UnknownLead, DataQualityRule.UnknownDeal, DataQualityRule.UnknownAccount],
            report.Issues.Select(i => i.Rule));
        Assert.Equal(5, report.IssuesOf(FactKind.Activity).Count);
    }

    [Fact]
    public void Reject_throws_listing_every_issue_and_passes_clean_facts_through()
    {
        SalesFacts bad = Clean().WithActivities([Activity(1, rep: 9), Activity(2, lead: 8)]);
        DataQualityException e = Assert.Throws<DataQualityException>(() => DataQualityCheck.Apply(bad, DataQualityPolicy.Reject));
        Assert.Equal("facts", e.ParamName);
        Assert.Equal(2, e.Report.Issues.Count);
        Assert.Contains("Activity 1 (#0) UnknownRep: The rep 9 is not among the reps.", e.Message, StringComparison.Ordinal);
        Assert.Contains("Activity 2 (#1) UnknownLead: The linked lead 8 is not among the leads.", e.Message, StringComparison.Ordinal);
        Assert.Throws<DataQualityException>(() => DataQualityCheck.Run(bad).ThrowIfAny());

        SalesFacts clean = Clean();
        DataQualityResult result = DataQualityCheck.Apply(clean, DataQualityPolicy.Reject);
        Assert.Same(clean, result.Facts);
        Assert.True(result.Report.IsClean);
    }

    [Fact]
    public void SkipAndReport_leaves_out_offenders_and_everything_that_then_refers_to_them()
    {
        // Rep 1 appears twice: both copies go, then the lead, deal and activities of rep 1 refer to an unknown rep.
        SalesFacts facts = Clean().WithReps([Rep(1), Rep(2), Rep(1)]);
        DataQualityResult result = DataQualityCheck.Apply(facts, DataQualityPolicy.SkipAndReport);

        Assert.Equal([RepId.Of(2)], result.Facts.Reps.Select(r => r.Id));
        Assert.Empty(result.Facts.Leads);
        Assert.Empty(result.Facts.Deals);
        // Activity 3 belongs to rep 2 and links only to account 1: kept. Activities 1 and 2 belong to rep 1.
        Assert.Equal([ActivityId.Of(3)], result.Facts.Activities.ToArray().Select(a => a.Id));
        Assert.True(DataQualityCheck.Run(result.Facts).IsClean);

        (FactKind, int, DataQualityRule)[] expected =
        [
            (FactKind.Rep, 0, DataQualityRule.DuplicateId),
            (FactKind.Rep, 2, DataQualityRule.DuplicateId),
            (FactKind.Lead, 0, DataQualityRule.UnknownRep),
            (FactKind.Deal, 0, DataQualityRule.UnknownRep),
            (FactKind.Activity, 0, DataQualityRule.UnknownRep),
            (FactKind.Activity, 1, DataQualityRule.UnknownRep),
        ];
        Assert.Equal(expected, result.Report.Issues.Select(i => (i.Kind, i.Index, i.Rule)));
    }

    [Fact]
    public void SkipAndReport_indexes_refer_to_the_input_even_after_several_rounds()
    {
        // Round 1 drops team 3 (unknown parent 9); round 2 drops rep 3 (its team is gone); round 3 drops activity 5 (its rep is gone).
        SalesFacts facts = Clean()
            .WithTeams([Team(1), Team(3, 9), Team(2, 1)])
            .WithReps([Rep(1), Rep(2), Rep(3, team: 3)])
            .WithActivities([Activity(1), Activity(2), Activity(3), Activity(4, rep: 2), Activity(5, rep: 3)]);
        DataQualityResult result = DataQualityCheck.Apply(facts, DataQualityPolicy.SkipAndReport);
        Assert.Equal(
            [(FactKind.Rep, 2, "3"), (FactKind.Team, 1, "3"), (FactKind.Activity, 4, "5")],
            result.Report.Issues.Select(i => (i.Kind, i.Index, i.Id!)));
        Assert.Equal(4, result.Facts.Activities.Length);
    }

    [Fact]
    public void Undefined_policies_are_rejected() =>
        Infrastructure.ArgumentAssert.Rejects("policy", "3", () => DataQualityCheck.Apply(Clean(), (DataQualityPolicy)3));

    [Fact]
    public void Sparse_large_ids_are_checked_as_well_as_dense_ones()
    {
        SalesFacts facts = new(
            reps: [Rep(int.MaxValue - 1), Rep(1)],
            teams: [Team(1), Team(2, 1)],
            activities: [Activity(2_000_000_000, rep: int.MaxValue - 1), Activity(2_000_000_000, rep: 1), Activity(3, rep: int.MaxValue - 2)]);
        DataQualityReport report = DataQualityCheck.Run(facts);
        Assert.Equal(
            [(0, DataQualityRule.DuplicateId), (1, DataQualityRule.DuplicateId), (2, DataQualityRule.UnknownRep)],
            report.Issues.Select(i => (i.Index, i.Rule)));
    }

    [Fact]
    public void Reasons_are_invariant_under_a_turkish_culture() =>
        Assert.DoesNotContain(
            DataQualityCheck.Run(Clean().WithDeals([new Deal(DealId.Of(1), RepId.Of(1), AccountId.Of(1), Money.Of(-1234.5m, Currency.Usd), T0, null, [])])).Issues,
            i => i.Reason.Contains("1234,5", StringComparison.Ordinal));
}
