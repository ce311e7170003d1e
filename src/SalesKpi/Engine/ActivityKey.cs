namespace SalesKpi;

/// <summary>
/// Ready-made group keys of a <see cref="SalesActivity"/>, compiled into the evaluation loop (see
/// <see cref="FactKey{TFact, TKey}"/>). Each gives the same groups as the equivalent lambda.
/// </summary>
/// <example>
/// <code>
/// var daily = Metric.Count&lt;SalesActivity&gt;().By(ActivityKey.RepAndKind)
///     .PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp);
/// var options = EvaluationOptions&lt;SalesActivity&gt;.InBasis(homeZones, ActivityKey.Rep, organisationZone);
/// </code>
/// </example>
public static class ActivityKey
{
    /// <summary>Gets the rep: like <c>a => a.Rep</c>.</summary>
    public static FactKey<SalesActivity, RepId> Rep { get; } = FactKey<SalesActivity, RepId>.Of(default(RepSelector), "rep");

    /// <summary>Gets the kind: like <c>a => a.Kind</c>.</summary>
    public static FactKey<SalesActivity, SalesActivityKind> Kind { get; } = FactKey<SalesActivity, SalesActivityKind>.Of(default(KindSelector), "kind");

    /// <summary>Gets the account: like <c>a => a.Account</c>.</summary>
    public static FactKey<SalesActivity, AccountId> Account { get; } = FactKey<SalesActivity, AccountId>.Of(default(AccountSelector), "account");

    /// <summary>Gets the pair (rep, kind): like <c>a => (a.Rep, a.Kind)</c>.</summary>
    public static FactKey<SalesActivity, (RepId Rep, SalesActivityKind Kind)> RepAndKind { get; } =
        FactKey<SalesActivity, (RepId Rep, SalesActivityKind Kind)>.Of(default(RepAndKindSelector), "rep, kind");

    private readonly struct RepSelector : IFactKey<SalesActivity, RepId>
    {
        public RepId KeyOf(in SalesActivity fact) => fact.Rep;
    }

    private readonly struct KindSelector : IFactKey<SalesActivity, SalesActivityKind>
    {
        public SalesActivityKind KeyOf(in SalesActivity fact) => fact.Kind;
    }

    private readonly struct AccountSelector : IFactKey<SalesActivity, AccountId>
    {
        public AccountId KeyOf(in SalesActivity fact) => fact.Account;
    }

    private readonly struct RepAndKindSelector : IFactKey<SalesActivity, (RepId Rep, SalesActivityKind Kind)>
    {
        public (RepId Rep, SalesActivityKind Kind) KeyOf(in SalesActivity fact) => (fact.Rep, fact.Kind);
    }
}
