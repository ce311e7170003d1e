using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi;

/// <summary>A validated forest of <see cref="Team"/>s with ancestor and descendant queries for roll-ups.</summary>
/// <remarks>
/// <para>
/// Construction checks that ids are unique, that every parent is one of the teams, and that following parents
/// never returns to a team (no cycles); each failure throws an <see cref="ArgumentException"/> naming the teams.
/// Use <see cref="DataQualityCheck"/> instead when you want every problem listed rather than the first thrown.
/// </para>
/// <para>
/// Queries take an id that must be in the hierarchy. Children and descendants come in the order the teams were
/// given (descendants depth-first, pre-order). Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class TeamHierarchy
{
    private readonly Team[] _teams;
    private readonly Dictionary<TeamId, Team> _byId;
    private readonly Dictionary<TeamId, List<Team>> _children;
    private readonly Team[] _roots;

    /// <summary>Builds a hierarchy from <paramref name="teams"/> (copied).</summary>
    /// <param name="teams">The teams, in display order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="teams"/> is <see langword="null"/> or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two teams share an id, a parent is unknown, or the parents form a cycle.</exception>
    public TeamHierarchy(IEnumerable<Team> teams)
    {
        _teams = Facts.Copy(teams, nameof(teams));
        _byId = new Dictionary<TeamId, Team>(_teams.Length);
        foreach (Team team in _teams)
        {
            if (team is null)
            {
                throw new ArgumentNullException(nameof(teams), "The teams contain null.");
            }

            if (!_byId.TryAdd(team.Id, team))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Two teams have id {team.Id}: '{_byId[team.Id].Name}' and '{team.Name}'."), nameof(teams));
            }
        }

        _children = [];
        var roots = new List<Team>();
        foreach (Team team in _teams)
        {
            if (team.Parent.IsNone)
            {
                roots.Add(team);
                continue;
            }

            if (!_byId.ContainsKey(team.Parent))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Team {team.Id} '{team.Name}' has unknown parent {team.Parent}."), nameof(teams));
            }

            if (!_children.TryGetValue(team.Parent, out List<Team>? list))
            {
                list = [];
                _children.Add(team.Parent, list);
            }

            list.Add(team);
        }

        foreach (Team team in _teams)
        {
            int steps = 0;
            for (TeamId current = team.Parent; !current.IsNone; current = _byId[current].Parent)
            {
                if (current == team.Id || ++steps > _teams.Length)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Team {team.Id} '{team.Name}' is its own ancestor: the parents form a cycle."), nameof(teams));
                }
            }
        }

        _roots = [.. roots];
    }

    /// <summary>Gets the teams in the order given.</summary>
    public IReadOnlyList<Team> Teams => _teams;

    /// <summary>Gets the top-level teams (no parent), in the order given.</summary>
    public IReadOnlyList<Team> Roots => _roots;

    /// <summary>Returns whether the hierarchy holds <paramref name="id"/>.</summary>
    /// <param name="id">The team id.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(TeamId id) => _byId.ContainsKey(id);

    /// <summary>Returns the team with <paramref name="id"/>.</summary>
    /// <param name="id">The team id.</param>
    /// <returns>The team.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not in the hierarchy.</exception>
    public Team Get(TeamId id) => Require(id, nameof(id));

    /// <summary>Returns the direct children of <paramref name="id"/>.</summary>
    /// <param name="id">The team id.</param>
    /// <returns>The children, in the order given; empty for a leaf team.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not in the hierarchy.</exception>
    public IReadOnlyList<Team> ChildrenOf(TeamId id)
    {
        Require(id, nameof(id));
        return _children.TryGetValue(id, out List<Team>? list) ? list.ToArray() : [];
    }

    /// <summary>Returns the ancestors of <paramref name="id"/>, nearest (the parent) first.</summary>
    /// <param name="id">The team id.</param>
    /// <returns>The ancestor ids; empty for a top-level team.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not in the hierarchy.</exception>
    public IReadOnlyList<TeamId> AncestorsOf(TeamId id)
    {
        var ancestors = new List<TeamId>();
        for (TeamId current = Require(id, nameof(id)).Parent; !current.IsNone; current = _byId[current].Parent)
        {
            ancestors.Add(current);
        }

        return ancestors;
    }

    /// <summary>Returns every team below <paramref name="id"/>, depth-first in pre-order, excluding the team itself.</summary>
    /// <param name="id">The team id.</param>
    /// <returns>The descendant ids; empty for a leaf team.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not in the hierarchy.</exception>
    public IReadOnlyList<TeamId> DescendantsOf(TeamId id)
    {
        Require(id, nameof(id));
        var result = new List<TeamId>();
        var stack = new Stack<Team>();
        PushChildren(id, stack);
        while (stack.Count > 0)
        {
            Team team = stack.Pop();
            result.Add(team.Id);
            PushChildren(team.Id, stack);
        }

        return result;
    }

    /// <summary>Returns whether <paramref name="team"/> is <paramref name="ancestor"/> or lies below it.</summary>
    /// <param name="team">The team id.</param>
    /// <param name="ancestor">The candidate ancestor id.</param>
    /// <returns><see langword="true"/> when <paramref name="team"/> rolls up into <paramref name="ancestor"/>.</returns>
    /// <exception cref="ArgumentException">An id is not in the hierarchy.</exception>
    public bool IsWithin(TeamId team, TeamId ancestor)
    {
        Require(ancestor, nameof(ancestor));
        for (TeamId current = Require(team, nameof(team)).Id; !current.IsNone; current = _byId[current].Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the depth of <paramref name="id"/>: 0 for a top-level team.</summary>
    /// <param name="id">The team id.</param>
    /// <returns>The number of ancestors.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not in the hierarchy.</exception>
    public int DepthOf(TeamId id) => AncestorsOf(id).Count;

    private void PushChildren(TeamId id, Stack<Team> stack)
    {
        if (_children.TryGetValue(id, out List<Team>? children))
        {
            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    private Team Require(TeamId id, string paramName) =>
        _byId.TryGetValue(id, out Team? team)
            ? team
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Team {id} is not in the hierarchy."), paramName);
}
