using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>A team of reps, optionally inside a parent team.</summary>
/// <remarks>
/// A set of teams forms a <see cref="TeamHierarchy"/>, which checks that parents exist and that there are no cycles.
/// Immutable; two teams are equal when id, name and parent are equal.
/// </remarks>
public sealed class Team : IEquatable<Team>
{
    /// <summary>Creates a team.</summary>
    /// <param name="id">The team's id; not <c>None</c>.</param>
    /// <param name="name">The team name; not blank.</param>
    /// <param name="parent">The parent team, or <see cref="TeamId.None"/> for a top-level team; not the team itself.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A parameter is invalid, or the team is its own parent.</exception>
    public Team(TeamId id, string name, TeamId parent = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (id.IsNone)
        {
            throw new ArgumentException("A team needs an id, but the id was None.", nameof(id));
        }

        if (parent == id)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Team {id} cannot be its own parent."), nameof(parent));
        }

        Id = id;
        Name = Facts.RequireText(name, nameof(name));
        Parent = parent;
    }

    /// <summary>Gets the team's id.</summary>
    public TeamId Id { get; }

    /// <summary>Gets the team name.</summary>
    public string Name { get; }

    /// <summary>Gets the parent team, or <see cref="TeamId.None"/> for a top-level team.</summary>
    public TeamId Parent { get; }

    /// <inheritdoc/>
    public bool Equals(Team? other) =>
        other is not null && Id == other.Id && Parent == other.Parent && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Team);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Parent, StringComparer.Ordinal.GetHashCode(Name));

    /// <summary>Formats the team, for example <c>Team 3 'EMEA Mid-Market' (parent 1)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Team {Id} '{Name}' (parent {Parent})");

    /// <summary>Returns whether two teams are equal.</summary>
    /// <param name="left">The left team.</param>
    /// <param name="right">The right team.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(Team? left, Team? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two teams differ.</summary>
    /// <param name="left">The left team.</param>
    /// <param name="right">The right team.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(Team? left, Team? right) => !(left == right);
}
