using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// A stage of a sales pipeline, such as <c>Discovery</c> or <c>Negotiation</c>, with its position in the pipeline.
/// </summary>
/// <remarks>
/// Deal stages differ between pipelines, so they are values the caller defines rather than an enum. Two stages are
/// equal when name (ordinal) and order are equal; stages order by <see cref="Order"/>, then name. The default
/// value has an empty name and is not a valid stage (a <see cref="Deal"/> rejects it).
/// </remarks>
public readonly struct DealStage : IEquatable<DealStage>, IComparable<DealStage>, IComparable
{
    private readonly string? _name;

    private DealStage(string name, int order)
    {
        _name = name;
        Order = order;
    }

    /// <summary>Gets the stage name; empty only for the invalid default value.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Gets the position in the pipeline, 0 for the first stage.</summary>
    public int Order { get; }

    /// <summary>Gets a value indicating whether this is a real stage rather than the default value.</summary>
    public bool IsDefined => _name is not null;

    /// <summary>Creates a stage.</summary>
    /// <param name="name">The stage name; not blank.</param>
    /// <param name="order">The position in the pipeline, zero or more.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is negative.</exception>
    public static DealStage Of(string name, int order)
    {
        Facts.RequireText(name, nameof(name));
        if (order < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, string.Create(CultureInfo.InvariantCulture, $"A stage order must not be negative, but stage '{name}' had {order}."));
        }

        return new DealStage(name, order);
    }

    /// <inheritdoc/>
    public bool Equals(DealStage other) => Order == other.Order && string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DealStage other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Order, _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name));

    /// <summary>Orders by <see cref="Order"/>, then by name ordinally.</summary>
    /// <param name="other">The other stage.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(DealStage other)
    {
        int c = Order.CompareTo(other.Order);
        return c != 0 ? c : string.CompareOrdinal(_name, other._name);
    }

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        DealStage other => CompareTo(other),
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot compare a DealStage with a {obj.GetType().Name}."), nameof(obj)),
    };

    /// <summary>Returns the name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Returns whether two stages are equal.</summary>
    /// <param name="left">The left stage.</param>
    /// <param name="right">The right stage.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(DealStage left, DealStage right) => left.Equals(right);

    /// <summary>Returns whether two stages differ.</summary>
    /// <param name="left">The left stage.</param>
    /// <param name="right">The right stage.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(DealStage left, DealStage right) => !left.Equals(right);

    /// <summary>Orders stages.</summary>
    /// <param name="left">The left stage.</param>
    /// <param name="right">The right stage.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(DealStage left, DealStage right) => left.CompareTo(right) < 0;

    /// <summary>Orders stages.</summary>
    /// <param name="left">The left stage.</param>
    /// <param name="right">The right stage.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(DealStage left, DealStage right) => left.CompareTo(right) <= 0;

    /// <summary>Orders stages.</summary>
    /// <param name="left">The left stage.</param>
    /// <param name="right">The right stage.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(DealStage left, DealStage right) => left.CompareTo(right) > 0;

    /// <summary>Orders stages.</summary>
    /// <param name="left">The left stage.</param>
    /// <param name="right">The right stage.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(DealStage left, DealStage right) => left.CompareTo(right) >= 0;
}
