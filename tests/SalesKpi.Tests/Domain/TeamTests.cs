using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class TeamTests
{
    [Fact]
    public void A_team_has_a_name_and_an_optional_parent()
    {
        var team = new Team(TeamId.Of(3), "EMEA Mid-Market", TeamId.Of(1));
        Assert.Equal("Team 3 'EMEA Mid-Market' (parent 1)", team.ToString());
        Assert.True(new Team(TeamId.Of(1), "Sales").Parent.IsNone);
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("id", "None", () => new Team(TeamId.None, "Sales"));
        ArgumentAssert.Rejects("name", "' '", () => new Team(TeamId.Of(1), " "));
        ArgumentAssert.Rejects("parent", "Team 4", () => new Team(TeamId.Of(4), "Loop", TeamId.Of(4)));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new Team(TeamId.Of(3), "EMEA", TeamId.Of(1)),
            new Team(TeamId.Of(3), "EMEA", TeamId.Of(1)),
            new Team(TeamId.Of(3), "EMEA"),
            new Team(TeamId.Of(3), "Emea", TeamId.Of(1)),
            new Team(TeamId.Of(2), "EMEA", TeamId.Of(1)));

    [Property]
    public bool Equal_parts_make_equal_teams(NonNegativeInt id, NonNegativeInt parent) =>
        id.Get == parent.Get
        || (new Team(TeamId.Of(id.Get), "T", TeamId.Of(parent.Get)) is var a && a == new Team(TeamId.Of(id.Get), "T", TeamId.Of(parent.Get)) && a.GetHashCode() == new Team(TeamId.Of(id.Get), "T", TeamId.Of(parent.Get)).GetHashCode());
}

public sealed class TeamHierarchyTests
{
    private static Team T(int id, int parent = -1) => new(TeamId.Of(id), $"Team {id}", parent < 0 ? TeamId.None : TeamId.Of(parent));

    // 1 Sales
    // ├── 2 EMEA
    // │   ├── 4 DACH
    // │   └── 5 Nordics
    // └── 3 Americas
    //     └── 6 Brazil
    // 7 Partners
    private static readonly TeamHierarchy Org = new([T(1), T(2, 1), T(3, 1), T(4, 2), T(5, 2), T(6, 3), T(7)]);

    [Fact]
    public void Queries_walk_the_tree()
    {
        Assert.Equal([TeamId.Of(1), TeamId.Of(7)], Org.Roots.Select(t => t.Id));
        Assert.Equal([TeamId.Of(4), TeamId.Of(5)], Org.ChildrenOf(TeamId.Of(2)).Select(t => t.Id));
        Assert.Empty(Org.ChildrenOf(TeamId.Of(6)));
        Assert.Equal([TeamId.Of(2), TeamId.Of(1)], Org.AncestorsOf(TeamId.Of(4)));
        Assert.Empty(Org.AncestorsOf(TeamId.Of(7)));
        Assert.Equal([TeamId.Of(2), TeamId.Of(4), TeamId.Of(5), TeamId.Of(3), TeamId.Of(6)], Org.DescendantsOf(TeamId.Of(1)));
        Assert.True(Org.IsWithin(TeamId.Of(6), TeamId.Of(1)));
        Assert.True(Org.IsWithin(TeamId.Of(6), TeamId.Of(6)));
        Assert.False(Org.IsWithin(TeamId.Of(1), TeamId.Of(6)));
        Assert.False(Org.IsWithin(TeamId.Of(4), TeamId.Of(3)));
        Assert.Equal(2, Org.DepthOf(TeamId.Of(5)));
        Assert.Equal("Team 3", Org.Get(TeamId.Of(3)).Name);
        Assert.True(Org.Contains(TeamId.Of(7)));
        Assert.False(Org.Contains(TeamId.Of(8)));
    }

    [Fact]
    public void Construction_rejects_duplicates_unknown_parents_and_cycles()
    {
        ArgumentAssert.Rejects("teams", "id 2", () => new TeamHierarchy([T(1), T(2, 1), T(2)]));
        ArgumentAssert.Rejects("teams", "unknown parent 9", () => new TeamHierarchy([T(1), T(2, 9)]));
        ArgumentAssert.Rejects("teams", "cycle", () => new TeamHierarchy([T(1, 3), T(2, 1), T(3, 2)]));
    }

    [Fact]
    public void Queries_reject_unknown_teams()
    {
        ArgumentAssert.Rejects("id", "Team 8", () => Org.Get(TeamId.Of(8)));
        ArgumentAssert.Rejects("id", "Team 8", () => Org.AncestorsOf(TeamId.Of(8)));
        ArgumentAssert.Rejects("ancestor", "Team 9", () => Org.IsWithin(TeamId.Of(1), TeamId.Of(9)));
    }

    [Property]
    public Property Descendants_and_ancestors_are_inverse_relations(PositiveInt[] parents)
    {
        // Team i + 1 takes a parent among teams 1..i (or none), which can never form a cycle.
        var teams = new List<Team> { T(1) };
        for (int i = 0; i < parents.Length; i++)
        {
            int p = parents[i].Get % (i + 2);
            teams.Add(T(i + 2, p == 0 ? -1 : p));
        }

        var org = new TeamHierarchy(teams);
        bool inverse = teams.All(a => teams.All(b =>
            org.DescendantsOf(a.Id).Contains(b.Id) == org.AncestorsOf(b.Id).Contains(a.Id)
            && org.IsWithin(b.Id, a.Id) == (a.Id == b.Id || org.AncestorsOf(b.Id).Contains(a.Id))));
        int total = org.Roots.Sum(r => 1 + org.DescendantsOf(r.Id).Count);
        return (inverse && total == teams.Count).Label(string.Join(", ", teams));
    }
}
