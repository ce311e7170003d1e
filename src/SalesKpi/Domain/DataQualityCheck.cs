using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// Finds facts that contradict each other or themselves — duplicate ids, stage changes before creation, won deals
/// without a close, negative durations, links to unknown reps, leads, deals, accounts or teams — and either rejects
/// them or leaves them out with a report.
/// </summary>
/// <remarks>
/// <para>The rules, per kind of fact (each is a <see cref="DataQualityRule"/>):</para>
/// <list type="bullet">
/// <item><description>every kind with an id (reps, teams, leads, deals, accounts, activities, tickets): <see cref="DataQualityRule.DuplicateId"/>, reported on every copy;</description></item>
/// <item><description>teams: parent not among the teams (<see cref="DataQualityRule.UnknownTeam"/>), parents forming a cycle (<see cref="DataQualityRule.TeamCycle"/>);</description></item>
/// <item><description>reps: an assignment in an unknown team;</description></item>
/// <item><description>leads: a stage entered before creation, stage history going back in time, an unknown owner (when one is set);</description></item>
/// <item><description>deals: the lead rules plus won or lost without a close instant, closed before created, amount or close-date changes before creation or not chaining, a negative amount, an unknown owner or account (when set);</description></item>
/// <item><description>accounts: an unknown owner (when set), a negative subscription amount, a subscription history out of date order;</description></item>
/// <item><description>activities: unknown rep, lead, deal or account (links that are set), zero duration on a connected call or held meeting;</description></item>
/// <item><description>sessions: unknown account, zero duration; feature usage: unknown account; tickets: unknown account, closed before opened; conversations: unknown account or rep (when set).</description></item>
/// </list>
/// <para>
/// Each fact gets at most one issue per rule. <see cref="Run"/> checks once. <see cref="Apply"/> with
/// <see cref="DataQualityPolicy.SkipAndReport"/> repeats the check after leaving out the offending facts until
/// nothing more is found, so a fact that refers to a left-out fact (an activity of a rep with a duplicate id) is
/// left out and reported too: the result never refers to a fact it does not contain, and nothing is dropped
/// without an issue. Time: linear in the number of facts per round; activities are checked without allocating per
/// activity.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// DataQualityResult result = DataQualityCheck.Apply(facts, DataQualityPolicy.SkipAndReport);
/// foreach (DataQualityIssue issue in result.Report.Issues) log.Warn(issue.ToString());
/// Evaluate(result.Facts);
/// </code>
/// </example>
public static class DataQualityCheck
{
    /// <summary>Checks <paramref name="facts"/> once and reports every issue; immediate.</summary>
    /// <param name="facts">The facts.</param>
    /// <returns>The report; <see cref="DataQualityReport.IsClean"/> when nothing contradicts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    public static DataQualityReport Run(SalesFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var issues = new List<DataQualityIssue>();
        CheckOnce(facts, issues);
        return new DataQualityReport(issues);
    }

    /// <summary>Checks <paramref name="facts"/> and applies <paramref name="policy"/>; immediate.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="policy">Reject (throw) or skip-and-report.</param>
    /// <returns>
    /// With <see cref="DataQualityPolicy.Reject"/>: the unchanged facts and a clean report. With
    /// <see cref="DataQualityPolicy.SkipAndReport"/>: the facts without every offending fact, and a report whose
    /// indexes refer to <paramref name="facts"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not defined.</exception>
    /// <exception cref="DataQualityException">The policy is <see cref="DataQualityPolicy.Reject"/> and an issue was found; the message lists every issue.</exception>
    public static DataQualityResult Apply(SalesFacts facts, DataQualityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Facts.RequireDefined(policy, nameof(policy));
        if (policy == DataQualityPolicy.Reject)
        {
            DataQualityReport report = Run(facts);
            if (!report.IsClean)
            {
                throw new DataQualityException(report, nameof(facts));
            }

            return new DataQualityResult(facts, report);
        }

        var all = new List<DataQualityIssue>();
        var maps = new int[KindCount][];
        SalesFacts current = facts;
        while (true)
        {
            var round = new List<DataQualityIssue>();
            CheckOnce(current, round);
            if (round.Count == 0)
            {
                return new DataQualityResult(current, new DataQualityReport(all));
            }

            var drop = new HashSet<int>[KindCount];
            foreach (DataQualityIssue issue in round)
            {
                int kind = (int)issue.Kind;
                int original = maps[kind] is { } map ? map[issue.Index] : issue.Index;
                all.Add(original == issue.Index ? issue : new DataQualityIssue(issue.Kind, original, issue.Id, issue.Rule, issue.Reason));
                (drop[kind] ??= []).Add(issue.Index);
            }

            current = current.With(
                reps: Keep(current.RepArray, drop, maps, FactKind.Rep),
                teams: Keep(current.TeamArray, drop, maps, FactKind.Team),
                leads: Keep(current.LeadArray, drop, maps, FactKind.Lead),
                deals: Keep(current.DealArray, drop, maps, FactKind.Deal),
                accounts: Keep(current.AccountArray, drop, maps, FactKind.Account),
                activities: Keep(current.ActivityArray, drop, maps, FactKind.Activity),
                sessions: Keep(current.SessionArray, drop, maps, FactKind.Session),
                featureUsage: Keep(current.FeatureUsageArray, drop, maps, FactKind.FeatureUsage),
                tickets: Keep(current.TicketArray, drop, maps, FactKind.Ticket),
                conversations: Keep(current.ConversationArray, drop, maps, FactKind.Conversation));
        }
    }

    private const int KindCount = 10;

    private static T[]? Keep<T>(T[] items, HashSet<int>[] drop, int[][] maps, FactKind kind)
    {
        HashSet<int>? dropped = drop[(int)kind];
        if (dropped is null)
        {
            return null;
        }

        int[]? map = maps[(int)kind];
        var kept = new T[items.Length - dropped.Count];
        var newMap = new int[kept.Length];
        int j = 0;
        for (int i = 0; i < items.Length; i++)
        {
            if (!dropped.Contains(i))
            {
                kept[j] = items[i];
                newMap[j] = map is null ? i : map[i];
                j++;
            }
        }

        maps[(int)kind] = newMap;
        return kept;
    }

    private static void CheckOnce(SalesFacts facts, List<DataQualityIssue> issues)
    {
        var checker = new Checker(facts, issues);
        checker.CheckTeams();
        checker.CheckReps();
        checker.CheckLeads();
        checker.CheckDeals();
        checker.CheckAccounts();
        checker.CheckActivities();
        checker.CheckUsage();
    }

    private sealed class Checker
    {
        private readonly SalesFacts _facts;
        private readonly List<DataQualityIssue> _issues;
        private readonly DenseIdSet _reps;
        private readonly DenseIdSet _teams;
        private readonly DenseIdSet _leads;
        private readonly DenseIdSet _deals;
        private readonly DenseIdSet _accounts;
        private readonly DenseIdSet _duplicateReps;
        private readonly DenseIdSet _duplicateTeams;
        private readonly DenseIdSet _duplicateLeads;
        private readonly DenseIdSet _duplicateDeals;
        private readonly DenseIdSet _duplicateAccounts;

        internal Checker(SalesFacts facts, List<DataQualityIssue> issues)
        {
            _facts = facts;
            _issues = issues;
            (_reps, _duplicateReps) = Index(facts.RepArray, static r => r.Id.Value);
            (_teams, _duplicateTeams) = Index(facts.TeamArray, static t => t.Id.Value);
            (_leads, _duplicateLeads) = Index(facts.LeadArray, static l => l.Id.Value);
            (_deals, _duplicateDeals) = Index(facts.DealArray, static d => d.Id.Value);
            (_accounts, _duplicateAccounts) = Index(facts.AccountArray, static a => a.Id.Value);
        }

        internal void CheckTeams()
        {
            Team[] teams = _facts.TeamArray;
            var byId = new Dictionary<TeamId, Team>(teams.Length);
            foreach (Team team in teams)
            {
                byId.TryAdd(team.Id, team);
            }

            for (int i = 0; i < teams.Length; i++)
            {
                Team team = teams[i];
                int id = team.Id.Value;
                if (_duplicateTeams.Contains(team.Id.Value))
                {
                    Add(FactKind.Team, i, id, DataQualityRule.DuplicateId, $"Another team also has id {team.Id}.");
                }

                if (!team.Parent.IsNone && !_teams.Contains(team.Parent.Value))
                {
                    Add(FactKind.Team, i, id, DataQualityRule.UnknownTeam, $"The parent team {team.Parent} is not among the teams.");
                    continue;
                }

                int steps = 0;
                for (TeamId current = team.Parent; !current.IsNone && byId.TryGetValue(current, out Team? parent); current = parent.Parent)
                {
                    if (current == team.Id || ++steps > teams.Length)
                    {
                        Add(FactKind.Team, i, id, DataQualityRule.TeamCycle, $"Following the parents from team {team.Id} returns to team {current}.");
                        break;
                    }
                }
            }
        }

        internal void CheckReps()
        {
            Rep[] reps = _facts.RepArray;
            for (int i = 0; i < reps.Length; i++)
            {
                Rep rep = reps[i];
                int id = rep.Id.Value;
                if (_duplicateReps.Contains(rep.Id.Value))
                {
                    Add(FactKind.Rep, i, id, DataQualityRule.DuplicateId, $"Another rep also has id {rep.Id}.");
                }

                foreach (RepAssignment assignment in rep.Assignments)
                {
                    if (!_teams.Contains(assignment.Team.Value))
                    {
                        Add(FactKind.Rep, i, id, DataQualityRule.UnknownTeam, $"The assignment {assignment} is in team {assignment.Team}, which is not among the teams.");
                        break;
                    }
                }
            }
        }

        internal void CheckLeads()
        {
            Lead[] leads = _facts.LeadArray;
            for (int i = 0; i < leads.Length; i++)
            {
                FactPrefetch.Ahead<Lead>(leads, i + FactPrefetch.Distance);
                Lead lead = leads[i];
                int id = lead.Id.Value;
                if (_duplicateLeads.Contains(lead.Id.Value))
                {
                    Add(FactKind.Lead, i, id, DataQualityRule.DuplicateId, $"Another lead also has id {lead.Id}.");
                }

                CheckStageHistory(FactKind.Lead, i, id, "lead", lead.Created, lead.StageHistory);
                if (!lead.Owner.IsNone && !_reps.Contains(lead.Owner.Value))
                {
                    Add(FactKind.Lead, i, id, DataQualityRule.UnknownRep, $"The owner, rep {lead.Owner}, is not among the reps.");
                }
            }
        }

        internal void CheckDeals()
        {
            Deal[] deals = _facts.DealArray;
            for (int i = 0; i < deals.Length; i++)
            {
                FactPrefetch.Ahead<Deal>(deals, i + FactPrefetch.Distance);
                Deal deal = deals[i];
                int id = deal.Id.Value;
                if (_duplicateDeals.Contains(deal.Id.Value))
                {
                    Add(FactKind.Deal, i, id, DataQualityRule.DuplicateId, $"Another deal also has id {deal.Id}.");
                }

                CheckStageHistory(FactKind.Deal, i, id, "deal", deal.Created, deal.StageHistory);
                DealOutcome outcome = deal.Outcome;
                if (outcome.IsClosed && outcome.ClosedAt is null)
                {
                    Add(FactKind.Deal, i, id, DataQualityRule.ClosedWithoutCloseTime, $"The deal is {outcome.Status} but has no close instant.");
                }

                if (outcome.ClosedAt is { } closedAt && closedAt < deal.Created)
                {
                    Add(FactKind.Deal, i, id, DataQualityRule.CloseBeforeCreation, $"The deal closed at {Facts.Format(closedAt)}, before it was created at {Facts.Format(deal.Created)}.");
                }

                CheckValueHistory(i, id, "amount", deal.Created, deal.AmountHistory, deal.Amount);
                CheckValueHistory(i, id, "expected close date", deal.Created, deal.CloseDateHistory, deal.ExpectedClose);
                if (deal.Amount is { } amount && amount.Amount < 0m)
                {
                    Add(FactKind.Deal, i, id, DataQualityRule.NegativeAmount, $"The amount {amount} is negative.");
                }

                if (!_reps.Contains(deal.Owner.Value))
                {
                    Add(FactKind.Deal, i, id, DataQualityRule.UnknownRep, $"The owner, rep {deal.Owner}, is not among the reps.");
                }

                if (!deal.Account.IsNone && !_accounts.Contains(deal.Account.Value))
                {
                    Add(FactKind.Deal, i, id, DataQualityRule.UnknownAccount, $"The account {deal.Account} is not among the accounts.");
                }
            }
        }

        internal void CheckAccounts()
        {
            Account[] accounts = _facts.AccountArray;
            for (int i = 0; i < accounts.Length; i++)
            {
                FactPrefetch.Ahead<Account>(accounts, i + FactPrefetch.Distance);
                Account account = accounts[i];
                int id = account.Id.Value;
                if (_duplicateAccounts.Contains(account.Id.Value))
                {
                    Add(FactKind.Account, i, id, DataQualityRule.DuplicateId, $"Another account also has id {account.Id}.");
                }

                if (!account.Owner.IsNone && !_reps.Contains(account.Owner.Value))
                {
                    Add(FactKind.Account, i, id, DataQualityRule.UnknownRep, $"The owner, rep {account.Owner}, is not among the reps.");
                }

                IReadOnlyList<SubscriptionChange> history = account.SubscriptionHistory;
                for (int k = 0; k < history.Count; k++)
                {
                    if (history[k].Amount.Amount < 0m)
                    {
                        Add(FactKind.Account, i, id, DataQualityRule.NegativeAmount, $"The subscription change {history[k]} has a negative amount.");
                        break;
                    }
                }

                for (int k = 1; k < history.Count; k++)
                {
                    if (history[k].EffectiveDate < history[k - 1].EffectiveDate)
                    {
                        Add(FactKind.Account, i, id, DataQualityRule.SubscriptionHistoryOutOfOrder, $"The subscription change effective {Facts.Format(history[k].EffectiveDate)} follows one effective {Facts.Format(history[k - 1].EffectiveDate)}.");
                        break;
                    }
                }
            }
        }

        internal void CheckActivities()
        {
            SalesActivity[] activities = _facts.ActivityArray;
            int max = -1;
            foreach (ref readonly SalesActivity activity in activities.AsSpan())
            {
                max = Math.Max(max, activity.Id.Value);
            }

            var seen = new DenseIdSet(max, activities.Length);
            DenseIdSet? duplicates = null;
            foreach (ref readonly SalesActivity activity in activities.AsSpan())
            {
                if (!seen.Add(activity.Id.Value))
                {
                    (duplicates ??= new DenseIdSet(max, 16)).Add(activity.Id.Value);
                }
            }

            for (int i = 0; i < activities.Length; i++)
            {
                ref readonly SalesActivity a = ref activities[i];
                if (duplicates is not null && duplicates.Contains(a.Id.Value))
                {
                    Add(FactKind.Activity, i, a.Id.Value, DataQualityRule.DuplicateId, $"Another activity also has id {a.Id}.");
                }

                if (!_reps.Contains(a.Rep.Value))
                {
                    Add(FactKind.Activity, i, a.Id.Value, DataQualityRule.UnknownRep, $"The rep {a.Rep} is not among the reps.");
                }

                if (!a.Lead.IsNone && !_leads.Contains(a.Lead.Value))
                {
                    Add(FactKind.Activity, i, a.Id.Value, DataQualityRule.UnknownLead, $"The linked lead {a.Lead} is not among the leads.");
                }

                if (!a.Deal.IsNone && !_deals.Contains(a.Deal.Value))
                {
                    Add(FactKind.Activity, i, a.Id.Value, DataQualityRule.UnknownDeal, $"The linked deal {a.Deal} is not among the deals.");
                }

                if (!a.Account.IsNone && !_accounts.Contains(a.Account.Value))
                {
                    Add(FactKind.Activity, i, a.Id.Value, DataQualityRule.UnknownAccount, $"The linked account {a.Account} is not among the accounts.");
                }

                if (a.DurationSeconds == 0 && a.Outcome is SalesActivityOutcome.Connected or SalesActivityOutcome.Held)
                {
                    Add(FactKind.Activity, i, a.Id.Value, DataQualityRule.ZeroDuration, $"The {a.Kind} is {a.Outcome} but lasted 0 seconds.");
                }
            }
        }

        internal void CheckUsage()
        {
            UsageSession[] sessions = _facts.SessionArray;
            for (int i = 0; i < sessions.Length; i++)
            {
                UsageSession s = sessions[i];
                if (!_accounts.Contains(s.Account.Value))
                {
                    Add(FactKind.Session, i, null, DataQualityRule.UnknownAccount, $"The account {s.Account} is not among the accounts.");
                }

                if (s.Duration == Duration.Zero)
                {
                    Add(FactKind.Session, i, null, DataQualityRule.ZeroDuration, $"The session of user {s.User} at {Facts.Format(s.Start)} lasted 0 seconds.");
                }
            }

            FeatureUsage[] usage = _facts.FeatureUsageArray;
            for (int i = 0; i < usage.Length; i++)
            {
                if (!_accounts.Contains(usage[i].Account.Value))
                {
                    Add(FactKind.FeatureUsage, i, null, DataQualityRule.UnknownAccount, $"The account {usage[i].Account} is not among the accounts.");
                }
            }

            SupportTicket[] tickets = _facts.TicketArray;
            (_, DenseIdSet duplicateTickets) = Index(tickets, static t => t.Id.Value);
            for (int i = 0; i < tickets.Length; i++)
            {
                SupportTicket t = tickets[i];
                int id = t.Id.Value;
                if (duplicateTickets.Contains(t.Id.Value))
                {
                    Add(FactKind.Ticket, i, id, DataQualityRule.DuplicateId, $"Another ticket also has id {t.Id}.");
                }

                if (!_accounts.Contains(t.Account.Value))
                {
                    Add(FactKind.Ticket, i, id, DataQualityRule.UnknownAccount, $"The account {t.Account} is not among the accounts.");
                }

                if (t.Closed is { } closed && closed < t.Opened)
                {
                    Add(FactKind.Ticket, i, id, DataQualityRule.TicketClosedBeforeOpened, $"The ticket was closed at {Facts.Format(closed)}, before it was opened at {Facts.Format(t.Opened)}.");
                }
            }

            Conversation[] conversations = _facts.ConversationArray;
            for (int i = 0; i < conversations.Length; i++)
            {
                Conversation c = conversations[i];
                if (!_accounts.Contains(c.Account.Value))
                {
                    Add(FactKind.Conversation, i, null, DataQualityRule.UnknownAccount, $"The account {c.Account} is not among the accounts.");
                }

                if (!c.Rep.IsNone && !_reps.Contains(c.Rep.Value))
                {
                    Add(FactKind.Conversation, i, null, DataQualityRule.UnknownRep, $"The rep {c.Rep} is not among the reps.");
                }
            }
        }

        private static (DenseIdSet Known, DenseIdSet Duplicates) Index<T>(T[] items, Func<T, int> id)
        {
            int max = -1;
            foreach (T item in items)
            {
                max = Math.Max(max, id(item));
            }

            var known = new DenseIdSet(max, items.Length);
            var duplicates = new DenseIdSet(max, 16);
            foreach (T item in items)
            {
                int value = id(item);
                if (value >= 0 && !known.Add(value))
                {
                    duplicates.Add(value);
                }
            }

            return (known, duplicates);
        }

        private void CheckStageHistory<TStage>(FactKind kind, int index, int id, string noun, Instant created, IReadOnlyList<StageChange<TStage>> history)
        {
            for (int k = 0; k < history.Count; k++)
            {
                if (history[k].At < created)
                {
                    Add(kind, index, id, DataQualityRule.StageChangeBeforeCreation, $"Stage {Facts.FormatValue(history[k].Stage)} was entered at {Facts.Format(history[k].At)}, before the {noun} was created at {Facts.Format(created)}.");
                    break;
                }
            }

            for (int k = 1; k < history.Count; k++)
            {
                if (history[k].At < history[k - 1].At)
                {
                    Add(kind, index, id, DataQualityRule.StageHistoryOutOfOrder, $"Stage {Facts.FormatValue(history[k].Stage)} entered at {Facts.Format(history[k].At)} follows stage {Facts.FormatValue(history[k - 1].Stage)} entered later, at {Facts.Format(history[k - 1].At)}.");
                    break;
                }
            }
        }

        private void CheckValueHistory<T>(int index, int id, string noun, Instant created, IReadOnlyList<ValueChange<T>> history, T? current)
            where T : struct
        {
            for (int k = 0; k < history.Count; k++)
            {
                if (history[k].At < created)
                {
                    Add(FactKind.Deal, index, id, DataQualityRule.HistoryChangeBeforeCreation, $"The {noun} changed at {Facts.Format(history[k].At)}, before the deal was created at {Facts.Format(created)}.");
                    break;
                }
            }

            for (int k = 1; k < history.Count; k++)
            {
                ValueChange<T> previous = history[k - 1];
                ValueChange<T> change = history[k];
                if (change.At < previous.At)
                {
                    Add(FactKind.Deal, index, id, DataQualityRule.ChangeHistoryInconsistent, $"The {noun} change at {Facts.Format(change.At)} follows a change made later, at {Facts.Format(previous.At)}.");
                    return;
                }

                if (!EqualityComparer<T?>.Default.Equals(change.From, previous.To))
                {
                    Add(FactKind.Deal, index, id, DataQualityRule.ChangeHistoryInconsistent, $"The {noun} change at {Facts.Format(change.At)} starts from {Facts.FormatOrNone(change.From)}, but the change before it ended at {Facts.FormatValue(previous.To)}.");
                    return;
                }
            }

            if (history.Count > 0 && !EqualityComparer<T?>.Default.Equals(history[^1].To, current))
            {
                Add(FactKind.Deal, index, id, DataQualityRule.ChangeHistoryInconsistent, $"The last {noun} change ends at {Facts.FormatValue(history[^1].To)}, but the current {noun} is {Facts.FormatOrNone(current)}.");
            }
        }

        private void Add(FactKind kind, int index, string? id, DataQualityRule rule, FormattableString reason) =>
            _issues.Add(new DataQualityIssue(kind, index, id, rule, FormattableString.Invariant(reason)));

        // The id's text is made only for a fact with an issue: most facts have none (a text per fact cost 99 MB over 12
        // million facts).
        private void Add(FactKind kind, int index, int id, DataQualityRule rule, FormattableString reason) =>
            Add(kind, index, id.ToString(CultureInfo.InvariantCulture), rule, reason);
    }
}
