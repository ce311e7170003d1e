using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>One contradiction found by <see cref="DataQualityCheck"/>: which fact, which rule, and why.</summary>
/// <remarks>
/// <see cref="Index"/> is the position of the fact in its collection of the <see cref="SalesFacts"/> that was
/// checked, so facts without an id (sessions, feature usage, conversations) are identified too. A fact that breaks
/// several rules has one issue per rule. Equal when all components are equal.
/// </remarks>
public sealed class DataQualityIssue : IEquatable<DataQualityIssue>
{
    /// <summary>Creates an issue.</summary>
    /// <param name="kind">The kind of fact.</param>
    /// <param name="index">The position of the fact in its collection; zero or more.</param>
    /// <param name="id">The fact's id as text, or <see langword="null"/> for facts without an id; not blank.</param>
    /// <param name="rule">The rule broken.</param>
    /// <param name="reason">Why, with the offending values; not blank.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A parameter is invalid; the message names it and its value.</exception>
    public DataQualityIssue(FactKind kind, int index, string? id, DataQualityRule rule, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Facts.RequireDefined(kind, nameof(kind));
        Facts.RequireDefined(rule, nameof(rule));
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, string.Create(CultureInfo.InvariantCulture, $"An index must not be negative, but was {index}."));
        }

        Kind = kind;
        Index = index;
        Id = Facts.OptionalText(id, nameof(id));
        Rule = rule;
        Reason = Facts.RequireText(reason, nameof(reason));
    }

    /// <summary>Gets the kind of fact.</summary>
    public FactKind Kind { get; }

    /// <summary>Gets the position of the fact in its collection of the checked <see cref="SalesFacts"/>.</summary>
    public int Index { get; }

    /// <summary>Gets the fact's id as text, or <see langword="null"/> for facts without an id.</summary>
    public string? Id { get; }

    /// <summary>Gets the rule broken.</summary>
    public DataQualityRule Rule { get; }

    /// <summary>Gets why, with the offending values.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public bool Equals(DataQualityIssue? other) =>
        other is not null
        && Kind == other.Kind
        && Index == other.Index
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Rule == other.Rule
        && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DataQualityIssue);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Index, Id is null ? 0 : StringComparer.Ordinal.GetHashCode(Id), Rule, StringComparer.Ordinal.GetHashCode(Reason));

    /// <summary>Formats the issue, for example <c>Deal 7 (#3) ClosedWithoutCloseTime: the deal is Won but has no close instant.</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Id is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Kind} #{Index} {Rule}: {Reason}")
        : string.Create(CultureInfo.InvariantCulture, $"{Kind} {Id} (#{Index}) {Rule}: {Reason}");

    /// <summary>Returns whether two issues are equal.</summary>
    /// <param name="left">The left issue.</param>
    /// <param name="right">The right issue.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(DataQualityIssue? left, DataQualityIssue? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two issues differ.</summary>
    /// <param name="left">The left issue.</param>
    /// <param name="right">The right issue.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(DataQualityIssue? left, DataQualityIssue? right) => !(left == right);
}
