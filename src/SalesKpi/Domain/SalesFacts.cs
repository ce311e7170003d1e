using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// All the facts of one sales organisation that an evaluation reads: reps, teams, leads, deals, accounts,
/// activities and account usage (sessions, feature usage, support tickets, conversations).
/// </summary>
/// <remarks>
/// <para>
/// Construction copies every input, so later changes to the caller's collections do not show through, and rejects
/// <see langword="null"/> collections and <see langword="null"/> elements. It does not check that the facts agree
/// with each other (unique ids, links to known reps …): run <see cref="DataQualityCheck"/> for that.
/// </para>
/// <para>
/// Entities are exposed as <see cref="IReadOnlyList{T}"/>; the bulk value facts (activities, sessions, feature
/// usage, tickets, conversations) as <see cref="ReadOnlyMemory{T}"/> so that engines can scan them as spans.
/// The <c>With…</c> methods return a new set sharing the unchanged collections. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class SalesFacts
{
    private readonly Rep[] _reps;
    private readonly Team[] _teams;
    private readonly Lead[] _leads;
    private readonly Deal[] _deals;
    private readonly Account[] _accounts;
    private readonly SalesActivity[] _activities;
    private readonly UsageSession[] _sessions;
    private readonly FeatureUsage[] _featureUsage;
    private readonly SupportTicket[] _tickets;
    private readonly Conversation[] _conversations;

    /// <summary>Creates a set of facts; every collection is optional (empty when <see langword="null"/>) and copied.</summary>
    /// <param name="reps">The reps.</param>
    /// <param name="teams">The teams.</param>
    /// <param name="leads">The leads.</param>
    /// <param name="deals">The deals.</param>
    /// <param name="accounts">The accounts.</param>
    /// <param name="activities">The sales activities.</param>
    /// <param name="sessions">The product sessions.</param>
    /// <param name="featureUsage">The feature-usage facts.</param>
    /// <param name="tickets">The support tickets.</param>
    /// <param name="conversations">The customer conversations.</param>
    /// <exception cref="ArgumentNullException">A collection contains <see langword="null"/>.</exception>
    public SalesFacts(
        IEnumerable<Rep>? reps = null,
        IEnumerable<Team>? teams = null,
        IEnumerable<Lead>? leads = null,
        IEnumerable<Deal>? deals = null,
        IEnumerable<Account>? accounts = null,
        IEnumerable<SalesActivity>? activities = null,
        IEnumerable<UsageSession>? sessions = null,
        IEnumerable<FeatureUsage>? featureUsage = null,
        IEnumerable<SupportTicket>? tickets = null,
        IEnumerable<Conversation>? conversations = null)
        : this(
            CopyEntities(reps, nameof(reps)),
            CopyEntities(teams, nameof(teams)),
            CopyEntities(leads, nameof(leads)),
            CopyEntities(deals, nameof(deals)),
            CopyEntities(accounts, nameof(accounts)),
            activities is null ? [] : [.. activities],
            sessions is null ? [] : [.. sessions],
            featureUsage is null ? [] : [.. featureUsage],
            tickets is null ? [] : [.. tickets],
            conversations is null ? [] : [.. conversations])
    {
    }

    private SalesFacts(
        Rep[] reps,
        Team[] teams,
        Lead[] leads,
        Deal[] deals,
        Account[] accounts,
        SalesActivity[] activities,
        UsageSession[] sessions,
        FeatureUsage[] featureUsage,
        SupportTicket[] tickets,
        Conversation[] conversations)
    {
        _reps = reps;
        _teams = teams;
        _leads = leads;
        _deals = deals;
        _accounts = accounts;
        _activities = activities;
        _sessions = sessions;
        _featureUsage = featureUsage;
        _tickets = tickets;
        _conversations = conversations;
    }

    /// <summary>Gets the empty set of facts.</summary>
    public static SalesFacts Empty { get; } = new();

    /// <summary>Gets the reps.</summary>
    public IReadOnlyList<Rep> Reps => _reps;

    /// <summary>Gets the teams.</summary>
    public IReadOnlyList<Team> Teams => _teams;

    /// <summary>Gets the leads.</summary>
    public IReadOnlyList<Lead> Leads => _leads;

    /// <summary>Gets the deals.</summary>
    public IReadOnlyList<Deal> Deals => _deals;

    /// <summary>Gets the accounts.</summary>
    public IReadOnlyList<Account> Accounts => _accounts;

    /// <summary>Gets the sales activities.</summary>
    public ReadOnlyMemory<SalesActivity> Activities => _activities;

    /// <summary>Gets the product sessions.</summary>
    public ReadOnlyMemory<UsageSession> Sessions => _sessions;

    /// <summary>Gets the feature-usage facts.</summary>
    public ReadOnlyMemory<FeatureUsage> FeatureUsage => _featureUsage;

    /// <summary>Gets the support tickets.</summary>
    public ReadOnlyMemory<SupportTicket> Tickets => _tickets;

    /// <summary>Gets the customer conversations.</summary>
    public ReadOnlyMemory<Conversation> Conversations => _conversations;

    /// <summary>Gets the total number of facts of every kind.</summary>
    public long Count =>
        (long)_reps.Length + _teams.Length + _leads.Length + _deals.Length + _accounts.Length + _activities.Length
        + _sessions.Length + _featureUsage.Length + _tickets.Length + _conversations.Length;

    /// <summary>Returns a copy with other reps.</summary>
    /// <param name="reps">The reps (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reps"/> is or contains <see langword="null"/>.</exception>
    public SalesFacts WithReps(IEnumerable<Rep> reps) => With(reps: RequireEntities(reps, nameof(reps)));

    /// <summary>Returns a copy with other teams.</summary>
    /// <param name="teams">The teams (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="teams"/> is or contains <see langword="null"/>.</exception>
    public SalesFacts WithTeams(IEnumerable<Team> teams) => With(teams: RequireEntities(teams, nameof(teams)));

    /// <summary>Returns a copy with other leads.</summary>
    /// <param name="leads">The leads (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leads"/> is or contains <see langword="null"/>.</exception>
    public SalesFacts WithLeads(IEnumerable<Lead> leads) => With(leads: RequireEntities(leads, nameof(leads)));

    /// <summary>Returns a copy with other deals.</summary>
    /// <param name="deals">The deals (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> is or contains <see langword="null"/>.</exception>
    public SalesFacts WithDeals(IEnumerable<Deal> deals) => With(deals: RequireEntities(deals, nameof(deals)));

    /// <summary>Returns a copy with other accounts.</summary>
    /// <param name="accounts">The accounts (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="accounts"/> is or contains <see langword="null"/>.</exception>
    public SalesFacts WithAccounts(IEnumerable<Account> accounts) => With(accounts: RequireEntities(accounts, nameof(accounts)));

    /// <summary>Returns a copy with other activities.</summary>
    /// <param name="activities">The activities (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activities"/> is <see langword="null"/>.</exception>
    public SalesFacts WithActivities(IEnumerable<SalesActivity> activities) => With(activities: Facts.Copy(activities, nameof(activities)));

    /// <summary>Returns a copy with other sessions.</summary>
    /// <param name="sessions">The sessions (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sessions"/> is <see langword="null"/>.</exception>
    public SalesFacts WithSessions(IEnumerable<UsageSession> sessions) => With(sessions: Facts.Copy(sessions, nameof(sessions)));

    /// <summary>Returns a copy with other feature-usage facts.</summary>
    /// <param name="featureUsage">The facts (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="featureUsage"/> is <see langword="null"/>.</exception>
    public SalesFacts WithFeatureUsage(IEnumerable<FeatureUsage> featureUsage) => With(featureUsage: Facts.Copy(featureUsage, nameof(featureUsage)));

    /// <summary>Returns a copy with other tickets.</summary>
    /// <param name="tickets">The tickets (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tickets"/> is <see langword="null"/>.</exception>
    public SalesFacts WithTickets(IEnumerable<SupportTicket> tickets) => With(tickets: Facts.Copy(tickets, nameof(tickets)));

    /// <summary>Returns a copy with other conversations.</summary>
    /// <param name="conversations">The conversations (copied).</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conversations"/> is <see langword="null"/>.</exception>
    public SalesFacts WithConversations(IEnumerable<Conversation> conversations) => With(conversations: Facts.Copy(conversations, nameof(conversations)));

    /// <summary>Builds the <see cref="TeamHierarchy"/> of <see cref="Teams"/>.</summary>
    /// <returns>The hierarchy.</returns>
    /// <exception cref="ArgumentException">The teams have duplicate ids, unknown parents or a cycle.</exception>
    public TeamHierarchy BuildTeamHierarchy() => new(_teams);

    /// <summary>Summarises the counts, for example <c>SalesFacts: 12 reps, 3 teams, 400 leads, …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"SalesFacts: {_reps.Length} reps, {_teams.Length} teams, {_leads.Length} leads, {_deals.Length} deals, {_accounts.Length} accounts, {_activities.Length} activities, {_sessions.Length} sessions, {_featureUsage.Length} feature usages, {_tickets.Length} tickets, {_conversations.Length} conversations");

    internal Rep[] RepArray => _reps;

    internal Team[] TeamArray => _teams;

    internal Lead[] LeadArray => _leads;

    internal Deal[] DealArray => _deals;

    internal Account[] AccountArray => _accounts;

    internal SalesActivity[] ActivityArray => _activities;

    internal UsageSession[] SessionArray => _sessions;

    internal FeatureUsage[] FeatureUsageArray => _featureUsage;

    internal SupportTicket[] TicketArray => _tickets;

    internal Conversation[] ConversationArray => _conversations;

    internal SalesFacts With(
        Rep[]? reps = null,
        Team[]? teams = null,
        Lead[]? leads = null,
        Deal[]? deals = null,
        Account[]? accounts = null,
        SalesActivity[]? activities = null,
        UsageSession[]? sessions = null,
        FeatureUsage[]? featureUsage = null,
        SupportTicket[]? tickets = null,
        Conversation[]? conversations = null) =>
        new(
            reps ?? _reps,
            teams ?? _teams,
            leads ?? _leads,
            deals ?? _deals,
            accounts ?? _accounts,
            activities ?? _activities,
            sessions ?? _sessions,
            featureUsage ?? _featureUsage,
            tickets ?? _tickets,
            conversations ?? _conversations);

    private static T[] CopyEntities<T>(IEnumerable<T>? source, string paramName)
        where T : class => source is null ? [] : RequireEntities(source, paramName);

    private static T[] RequireEntities<T>(IEnumerable<T> source, string paramName)
        where T : class
    {
        T[] copy = Facts.Copy(source, paramName);
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentNullException(paramName, string.Create(CultureInfo.InvariantCulture, $"The {typeof(T).Name} at index {i} is null."));
            }
        }

        return copy;
    }
}
