using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>Identifies a customer account: a dense, non-negative integer, or <see cref="None"/>.</summary>
/// <remarks>
/// The default value is <see cref="None"/>, which means "no a customer account" where a link is optional and orders before
/// every real id. Ids order by <see cref="Value"/>. Use <see cref="IdentityMap{TId}"/> to assign ids to external
/// string keys.
/// </remarks>
public readonly record struct AccountId : IDenseId<AccountId>, IComparable
{
    // Stores Value + 1 so that default(AccountId) is None.
    private readonly int _raw;

    private AccountId(int raw) => _raw = raw;

    /// <summary>Gets the <c>None</c> value (also the default): no a customer account.</summary>
    public static AccountId None => default;

    /// <inheritdoc/>
    public int Value => _raw - 1;

    /// <inheritdoc/>
    public bool IsNone => _raw == 0;

    /// <summary>Creates the id wrapping <paramref name="value"/>.</summary>
    /// <param name="value">A non-negative index, at most <see cref="int.MaxValue"/> − 1.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or <see cref="int.MaxValue"/>.</exception>
    public static AccountId Of(int value)
    {
        if (value < 0 || value == int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"A AccountId must be between 0 and {int.MaxValue - 1}, but was {value}."));
        }

        return new AccountId(value + 1);
    }

    /// <summary>Compares by <see cref="Value"/>; <see cref="None"/> orders first.</summary>
    /// <param name="other">The other id.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(AccountId other) => _raw.CompareTo(other._raw);

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        AccountId other => CompareTo(other),
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot compare a AccountId with a {obj.GetType().Name}."), nameof(obj)),
    };

    /// <summary>Returns the value in invariant digits, or <c>None</c>.</summary>
    /// <returns>For example <c>42</c>.</returns>
    public override string ToString() => IsNone ? "None" : Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns whether <paramref name="left"/> orders before <paramref name="right"/>.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(AccountId left, AccountId right) => left._raw < right._raw;

    /// <summary>Returns whether <paramref name="left"/> orders before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(AccountId left, AccountId right) => left._raw <= right._raw;

    /// <summary>Returns whether <paramref name="left"/> orders after <paramref name="right"/>.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(AccountId left, AccountId right) => left._raw > right._raw;

    /// <summary>Returns whether <paramref name="left"/> orders after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(AccountId left, AccountId right) => left._raw >= right._raw;
}
