using System;

namespace SalesKpi;

/// <summary>
/// A small identifier value type wrapping a dense, non-negative <see cref="int"/> that the engine can use as an
/// array index, with a <c>None</c> value (the default) for optional links.
/// </summary>
/// <typeparam name="TSelf">The identifier type itself.</typeparam>
/// <remarks>
/// Implemented by <see cref="RepId"/>, <see cref="TeamId"/>, <see cref="LeadId"/>, <see cref="DealId"/>,
/// <see cref="AccountId"/>, <see cref="UserId"/>, <see cref="TicketId"/> and <see cref="ActivityId"/>.
/// The default value of every implementation is its <c>None</c> value, which orders before every real id.
/// <see cref="IdentityMap{TId}"/> assigns such ids to external string keys.
/// </remarks>
public interface IDenseId<TSelf> : IEquatable<TSelf>, IComparable<TSelf>
    where TSelf : struct, IDenseId<TSelf>
{
    /// <summary>Gets the non-negative index this id wraps, or -1 for the <c>None</c> value.</summary>
    int Value { get; }

    /// <summary>Gets a value indicating whether this is the <c>None</c> value (no link).</summary>
    bool IsNone { get; }

    /// <summary>Creates the id wrapping <paramref name="value"/>.</summary>
    /// <param name="value">A non-negative index, at most <see cref="int.MaxValue"/> − 1.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or <see cref="int.MaxValue"/>.</exception>
    static abstract TSelf Of(int value);
}
