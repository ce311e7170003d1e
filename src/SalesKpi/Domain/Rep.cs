using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// A sales rep: name, home time zone, working calendar and role history (which role in which team, from when to
/// when).
/// </summary>
/// <remarks>
/// <para>
/// The home zone turns the rep's activity <see cref="Instant"/>s into business dates when an evaluation chooses the
/// rep's zone. The working calendar is referenced by key (<see cref="WorkingCalendarId"/>).
/// </para>
/// <para>
/// Assignments are sorted by start and must not overlap: a rep holds one role in one team on any date. Gaps are
/// allowed (a leave, a re-hire); a rep with no assignment on a date is not active on that date, so a rep who joins
/// mid-period is active only from the start of the first assignment.
/// </para>
/// <para>Immutable; two reps are equal when id, name, zone id, calendar and assignments are equal.</para>
/// </remarks>
public sealed class Rep : IEquatable<Rep>
{
    private readonly RepAssignment[] _assignments;

    /// <summary>Creates a rep.</summary>
    /// <param name="id">The rep's id; not <c>None</c>.</param>
    /// <param name="name">The display name; not blank.</param>
    /// <param name="homeZone">The home time zone.</param>
    /// <param name="workingCalendar">The working calendar key; not the default.</param>
    /// <param name="assignments">The role history in any order (copied, then sorted by start); assignments must not overlap.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="homeZone"/> or <paramref name="assignments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A parameter is invalid, or two assignments overlap; the message names the values.</exception>
    public Rep(RepId id, string name, DateTimeZone homeZone, WorkingCalendarId workingCalendar, IEnumerable<RepAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(homeZone);
        ArgumentNullException.ThrowIfNull(assignments);
        if (id.IsNone)
        {
            throw new ArgumentException("A rep needs an id, but the id was None.", nameof(id));
        }

        if (!workingCalendar.IsDefined)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Rep {id} needs a working calendar, but got the default (empty) key."), nameof(workingCalendar));
        }

        Id = id;
        Name = Facts.RequireText(name, nameof(name));
        HomeZone = homeZone;
        WorkingCalendar = workingCalendar;
        _assignments = Facts.Copy(assignments, nameof(assignments));
        Array.Sort(_assignments, static (a, b) => a.Start.CompareTo(b.Start));
        for (int i = 1; i < _assignments.Length; i++)
        {
            if (_assignments[i].Overlaps(_assignments[i - 1]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Rep {id} has overlapping assignments {_assignments[i - 1]} and {_assignments[i]}."), nameof(assignments));
            }
        }
    }

    /// <summary>Gets the rep's id.</summary>
    public RepId Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the home time zone.</summary>
    public DateTimeZone HomeZone { get; }

    /// <summary>Gets the working calendar key.</summary>
    public WorkingCalendarId WorkingCalendar { get; }

    /// <summary>Gets the role history sorted by start.</summary>
    public IReadOnlyList<RepAssignment> Assignments => _assignments;

    /// <summary>Gets the first date of the first assignment, or <see langword="null"/> when there is none.</summary>
    public LocalDate? FirstDay => _assignments.Length == 0 ? null : _assignments[0].Start;

    /// <summary>Returns the assignment covering <paramref name="date"/>.</summary>
    /// <param name="date">The business date.</param>
    /// <returns>The assignment, or <see langword="null"/> when the rep is not active on that date.</returns>
    public RepAssignment? AssignmentOn(LocalDate date)
    {
        foreach (RepAssignment assignment in _assignments)
        {
            if (assignment.Contains(date))
            {
                return assignment;
            }
        }

        return null;
    }

    /// <summary>Returns whether the rep holds an assignment on <paramref name="date"/>.</summary>
    /// <param name="date">The business date.</param>
    /// <returns><see langword="true"/> when active.</returns>
    public bool IsActiveOn(LocalDate date) => AssignmentOn(date) is not null;

    /// <summary>Returns a copy with <paramref name="assignment"/> added to the role history.</summary>
    /// <param name="assignment">The new assignment; must not overlap an existing one.</param>
    /// <returns>The new rep.</returns>
    /// <exception cref="ArgumentException">The assignment overlaps an existing one.</exception>
    public Rep WithAssignment(RepAssignment assignment) => new(Id, Name, HomeZone, WorkingCalendar, [.. _assignments, assignment]);

    /// <inheritdoc/>
    public bool Equals(Rep? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && string.Equals(Name, other.Name, StringComparison.Ordinal)
                && string.Equals(HomeZone.Id, other.HomeZone.Id, StringComparison.Ordinal)
                && WorkingCalendar == other.WorkingCalendar
                && Facts.SequenceEqual(_assignments, other._assignments)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Rep);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Id);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(HomeZone.Id, StringComparer.Ordinal);
        hash.Add(WorkingCalendar);
        Facts.AddSequence(ref hash, _assignments);
        return hash.ToHashCode();
    }

    /// <summary>Formats the rep, for example <c>Rep 2 'Ana Lima' (America/Sao_Paulo, BR)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Rep {Id} '{Name}' ({HomeZone.Id}, {WorkingCalendar})");

    /// <summary>Returns whether two reps are equal.</summary>
    /// <param name="left">The left rep.</param>
    /// <param name="right">The right rep.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(Rep? left, Rep? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two reps differ.</summary>
    /// <param name="left">The left rep.</param>
    /// <param name="right">The right rep.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(Rep? left, Rep? right) => !(left == right);
}
