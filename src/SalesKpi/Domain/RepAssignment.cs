using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// A period in which a rep held one role in one team: business dates <c>[Start, End)</c>, open-ended when
/// <see cref="End"/> is <see langword="null"/>.
/// </summary>
/// <remarks>
/// <see cref="End"/> is exclusive: an assignment from 2026-01-01 to 2026-02-01 covers all of January. Equal when all
/// components are equal; assignments order by <see cref="Start"/>.
/// </remarks>
public readonly record struct RepAssignment
{
    /// <summary>Creates an assignment.</summary>
    /// <param name="start">The first business date of the assignment.</param>
    /// <param name="end">The first date after the assignment (exclusive), after <paramref name="start"/>; or <see langword="null"/> when ongoing.</param>
    /// <param name="role">The role.</param>
    /// <param name="team">The team; not <c>None</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>, or <paramref name="team"/> is <c>None</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not defined.</exception>
    public RepAssignment(LocalDate start, LocalDate? end, RepRole role, TeamId team)
    {
        if (end is { } e && e <= start)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"An assignment's end {Facts.Format(e)} (exclusive) must be after its start {Facts.Format(start)}."), nameof(end));
        }

        Facts.RequireDefined(role, nameof(role));
        if (team.IsNone)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"An assignment from {Facts.Format(start)} needs a team, but the team was None."), nameof(team));
        }

        Start = start;
        End = end;
        Role = role;
        Team = team;
    }

    /// <summary>Gets the first business date.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the first date after the assignment (exclusive), or <see langword="null"/> when ongoing.</summary>
    public LocalDate? End { get; }

    /// <summary>Gets the role.</summary>
    public RepRole Role { get; }

    /// <summary>Gets the team.</summary>
    public TeamId Team { get; }

    /// <summary>Returns whether <paramref name="date"/> lies in <c>[Start, End)</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the assignment covers the date.</returns>
    public bool Contains(LocalDate date) => date >= Start && (End is null || date < End.Value);

    /// <summary>Returns whether this assignment and <paramref name="other"/> share at least one date.</summary>
    /// <param name="other">The other assignment.</param>
    /// <returns><see langword="true"/> when they overlap.</returns>
    public bool Overlaps(RepAssignment other) =>
        (End is null || other.Start < End.Value) && (other.End is null || Start < other.End.Value);

    /// <summary>Formats the assignment, for example <c>2026-01-01..2026-07-01 Ae in team 2</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Facts.Format(Start)}..{(End is { } e ? Facts.Format(e) : "open")} {Role} in team {Team}");
}
