using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// Names the working calendar (weekends and holidays) a rep works by, for example <c>DE-BY</c> or <c>US</c>.
/// </summary>
/// <remarks>
/// A key, not the calendar itself: whoever evaluates KPIs resolves it to a working calendar. Compared ordinally
/// (case-sensitive); ordered ordinally. The default value has an empty name and is not valid for a <see cref="Rep"/>.
/// </remarks>
public readonly struct WorkingCalendarId : IEquatable<WorkingCalendarId>, IComparable<WorkingCalendarId>, IComparable
{
    private readonly string? _name;

    private WorkingCalendarId(string name) => _name = name;

    /// <summary>Gets the calendar name; empty only for the default value.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Gets a value indicating whether this is a real key rather than the default value.</summary>
    public bool IsDefined => _name is not null;

    /// <summary>Creates a key.</summary>
    /// <param name="name">The calendar name; not blank.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public static WorkingCalendarId Of(string name) => new(Facts.RequireText(name, nameof(name)));

    /// <inheritdoc/>
    public bool Equals(WorkingCalendarId other) => string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is WorkingCalendarId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name);

    /// <summary>Compares names ordinally; the default orders first.</summary>
    /// <param name="other">The other key.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(WorkingCalendarId other) => string.CompareOrdinal(_name, other._name);

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        WorkingCalendarId other => CompareTo(other),
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot compare a WorkingCalendarId with a {obj.GetType().Name}."), nameof(obj)),
    };

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Returns whether two keys are equal.</summary>
    /// <param name="left">The left key.</param>
    /// <param name="right">The right key.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(WorkingCalendarId left, WorkingCalendarId right) => left.Equals(right);

    /// <summary>Returns whether two keys differ.</summary>
    /// <param name="left">The left key.</param>
    /// <param name="right">The right key.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(WorkingCalendarId left, WorkingCalendarId right) => !left.Equals(right);

    /// <summary>Orders keys.</summary>
    /// <param name="left">The left key.</param>
    /// <param name="right">The right key.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(WorkingCalendarId left, WorkingCalendarId right) => left.CompareTo(right) < 0;

    /// <summary>Orders keys.</summary>
    /// <param name="left">The left key.</param>
    /// <param name="right">The right key.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(WorkingCalendarId left, WorkingCalendarId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders keys.</summary>
    /// <param name="left">The left key.</param>
    /// <param name="right">The right key.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(WorkingCalendarId left, WorkingCalendarId right) => left.CompareTo(right) > 0;

    /// <summary>Orders keys.</summary>
    /// <param name="left">The left key.</param>
    /// <param name="right">The right key.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(WorkingCalendarId left, WorkingCalendarId right) => left.CompareTo(right) >= 0;
}
