using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class DataQualityPropertyTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 1, 5, 9, 0);

    /// <summary>A random organisation whose references may point anywhere in a small id range, so some are unknown.</summary>
    private static Gen<SalesFacts> RandomFacts() =>
        from repIds in Gen.Choose(0, 6).ArrayOf()
        from teamParents in Gen.Choose(-1, 4).ArrayOf()
        from repTeams in Gen.Choose(0, 5).ArrayOf(repIds.Length)
        from leadOwners in Gen.Choose(-1, 7).ArrayOf()
        from activityReps in Gen.Choose(0, 7).ArrayOf()
        from activityLeads in Gen.Choose(-1, 7).ArrayOf(activityReps.Length)
        from activityIds in Gen.Choose(0, 40).ArrayOf(activityReps.Length)
        select new SalesFacts(
            teams: teamParents.Select((p, i) => new Team(TeamId.Of(i), $"T{i}", p < 0 || p == i ? TeamId.None : TeamId.Of(p))),
            reps: repIds.Select((id, i) => new Rep(RepId.Of(id), "R", DateTimeZone.Utc, WorkingCalendarId.Of("X"), [new RepAssignment(new LocalDate(2025, 1, 1), null, RepRole.Ae, TeamId.Of(repTeams[i]))])),
            leads: leadOwners.Select((o, i) => new Lead(LeadId.Of(i), T0, [], owner: o < 0 ? RepId.None : RepId.Of(o))),
            activities: activityReps.Select((r, i) => new SalesActivity(ActivityId.Of(activityIds[i]), RepId.Of(r), T0, SalesActivityKind.Email, lead: activityLeads[i] < 0 ? LeadId.None : LeadId.Of(activityLeads[i]))));

    [Property(MaxTest = 300)]
    public Property SkipAndReport_gives_clean_facts_and_reports_every_left_out_fact() =>
        Prop.ForAll(RandomFacts().ToArbitrary(), facts =>
        {
            DataQualityResult result = DataQualityCheck.Apply(facts, DataQualityPolicy.SkipAndReport);
            bool clean = DataQualityCheck.Run(result.Facts).IsClean;
            bool reps = KeptExactlyUnreported(facts.Reps, result.Facts.Reps, result.Report, FactKind.Rep);
            bool teams = KeptExactlyUnreported(facts.Teams, result.Facts.Teams, result.Report, FactKind.Team);
            bool leads = KeptExactlyUnreported(facts.Leads, result.Facts.Leads, result.Report, FactKind.Lead);
            bool activities = KeptExactlyUnreported(facts.Activities.ToArray(), result.Facts.Activities.ToArray(), result.Report, FactKind.Activity);
            return (clean && reps && teams && leads && activities).Label(result.Report.ToString());
        });

    [Property(MaxTest = 200)]
    public Property Reject_throws_exactly_when_the_report_is_not_clean() =>
        Prop.ForAll(RandomFacts().ToArbitrary(), facts =>
        {
            bool isClean = DataQualityCheck.Run(facts).IsClean;
            try
            {
                DataQualityCheck.Apply(facts, DataQualityPolicy.Reject);
                return isClean;
            }
            catch (DataQualityException)
            {
                return !isClean;
            }
        });

    [Property(MaxTest = 100)]
    public Property The_report_does_not_depend_on_the_order_of_unrelated_collections() =>
        Prop.ForAll(RandomFacts().ToArbitrary(), facts =>
        {
            // Reversing the activities reverses their indexes but not which activities are reported, or why.
            SalesFacts reversed = facts.WithActivities(facts.Activities.ToArray().Reverse());
            int n = facts.Activities.Length;
            var a = DataQualityCheck.Run(facts).IssuesOf(FactKind.Activity).Select(i => (i.Index, i.Rule, i.Reason)).ToHashSet();
            var b = DataQualityCheck.Run(reversed).IssuesOf(FactKind.Activity).Select(i => (n - 1 - i.Index, i.Rule, i.Reason)).ToHashSet();
            return a.SetEquals(b);
        });

    /// <summary>The kept facts are the input facts whose index has no issue, in input order.</summary>
    private static bool KeptExactlyUnreported<T>(IReadOnlyList<T> input, IReadOnlyList<T> kept, DataQualityReport report, FactKind kind)
    {
        HashSet<int> reported = [.. report.IssuesOf(kind).Select(i => i.Index)];
        T[] expected = [.. input.Where((_, i) => !reported.Contains(i))];
        return expected.SequenceEqual(kept) && reported.All(i => i >= 0 && i < input.Count);
    }
}

public sealed class DataQualityIssueTests
{
    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("kind", "20", () => new DataQualityIssue((FactKind)20, 0, null, DataQualityRule.DuplicateId, "r"));
        ArgumentAssert.Rejects("index", "-1", () => new DataQualityIssue(FactKind.Rep, -1, null, DataQualityRule.DuplicateId, "r"));
        ArgumentAssert.Rejects("id", "' '", () => new DataQualityIssue(FactKind.Rep, 0, " ", DataQualityRule.DuplicateId, "r"));
        ArgumentAssert.Rejects("rule", "99", () => new DataQualityIssue(FactKind.Rep, 0, null, (DataQualityRule)99, "r"));
        ArgumentAssert.Rejects("reason", "''", () => new DataQualityIssue(FactKind.Rep, 0, null, DataQualityRule.DuplicateId, ""));
    }

    [Fact]
    public void ToString_names_kind_id_index_rule_and_reason()
    {
        Assert.Equal("Deal 7 (#3) ClosedWithoutCloseTime: why", new DataQualityIssue(FactKind.Deal, 3, "7", DataQualityRule.ClosedWithoutCloseTime, "why").ToString());
        Assert.Equal("Session #12 ZeroDuration: why", new DataQualityIssue(FactKind.Session, 12, null, DataQualityRule.ZeroDuration, "why").ToString());
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new DataQualityIssue(FactKind.Deal, 3, "7", DataQualityRule.ClosedWithoutCloseTime, "why"),
            new DataQualityIssue(FactKind.Deal, 3, "7", DataQualityRule.ClosedWithoutCloseTime, "why"),
            new DataQualityIssue(FactKind.Lead, 3, "7", DataQualityRule.ClosedWithoutCloseTime, "why"),
            new DataQualityIssue(FactKind.Deal, 4, "7", DataQualityRule.ClosedWithoutCloseTime, "why"),
            new DataQualityIssue(FactKind.Deal, 3, null, DataQualityRule.ClosedWithoutCloseTime, "why"),
            new DataQualityIssue(FactKind.Deal, 3, "7", DataQualityRule.CloseBeforeCreation, "why"),
            new DataQualityIssue(FactKind.Deal, 3, "7", DataQualityRule.ClosedWithoutCloseTime, "Why"));

    [Property]
    public bool Reports_sort_issues_by_kind_index_and_rule(byte[] seeds)
    {
        DataQualityIssue[] issues = [.. seeds.Select(s => new DataQualityIssue((FactKind)(s % 10), s % 7, null, (DataQualityRule)(s % 17), "r"))];
        var report = new DataQualityReport(issues);
        var keys = report.Issues.Select(i => ((int)i.Kind, i.Index, (int)i.Rule)).ToArray();
        return keys.SequenceEqual(keys.Order()) && report.Issues.Count == issues.Length && report.IsClean == (issues.Length == 0);
    }
}
