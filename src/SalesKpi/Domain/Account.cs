using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>A customer account: name, firmographic attributes, owner and subscription (MRR) history.</summary>
/// <remarks>
/// <para>
/// Usage facts about the account (<see cref="UsageSession"/>, <see cref="FeatureUsage"/>, <see cref="SupportTicket"/>,
/// <see cref="Conversation"/>) are separate flat facts linked by <see cref="AccountId"/>, so that they can be
/// scanned in bulk.
/// </para>
/// <para>
/// The subscription history is kept in the order given, which should be by effective date; an out-of-order history
/// or a negative amount is reported by <see cref="DataQualityCheck"/>. <see cref="MrrOn(LocalDate)"/> reads the MRR
/// in force on a date.
/// </para>
/// <para>Immutable; two accounts are equal when every attribute and the history are equal.</para>
/// </remarks>
public sealed class Account : IEquatable<Account>
{
    private readonly SubscriptionChange[] _subscriptionHistory;

    /// <summary>Creates an account.</summary>
    /// <param name="id">The account's id; not <c>None</c>.</param>
    /// <param name="name">The account name; not blank.</param>
    /// <param name="profile">Industry, size and location, or <see langword="null"/> for <see cref="IcpProfile.Unknown"/>.</param>
    /// <param name="subscriptionHistory">The subscription changes by effective date (copied), or <see langword="null"/> for none.</param>
    /// <param name="owner">The account manager, or <see cref="RepId.None"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A parameter is invalid; the message names it and its value.</exception>
    public Account(AccountId id, string name, IcpProfile? profile = null, IEnumerable<SubscriptionChange>? subscriptionHistory = null, RepId owner = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (id.IsNone)
        {
            throw new ArgumentException("An account needs an id, but the id was None.", nameof(id));
        }

        Id = id;
        Name = Facts.RequireText(name, nameof(name));
        Profile = profile ?? IcpProfile.Unknown;
        _subscriptionHistory = subscriptionHistory is null ? [] : Facts.Copy(subscriptionHistory, nameof(subscriptionHistory));
        Owner = owner;
    }

    /// <summary>Gets the account's id.</summary>
    public AccountId Id { get; }

    /// <summary>Gets the account name.</summary>
    public string Name { get; }

    /// <summary>Gets the firmographic attributes.</summary>
    public IcpProfile Profile { get; }

    /// <summary>Gets the account manager, or <see cref="RepId.None"/>.</summary>
    public RepId Owner { get; }

    /// <summary>Gets the subscription changes in the order given.</summary>
    public IReadOnlyList<SubscriptionChange> SubscriptionHistory => _subscriptionHistory;

    /// <summary>Returns the monthly recurring revenue in force on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The MRR of the latest change effective on or before the date (later entries win ties), or <see langword="null"/> before the first change.</returns>
    public Money? MrrOn(LocalDate date)
    {
        SubscriptionChange? current = null;
        foreach (SubscriptionChange change in _subscriptionHistory)
        {
            if (change.EffectiveDate <= date && (current is null || change.EffectiveDate >= current.Value.EffectiveDate))
            {
                current = change;
            }
        }

        return current?.Mrr;
    }

    /// <summary>Returns a copy with <paramref name="change"/> appended to the subscription history.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The new account.</returns>
    public Account WithSubscriptionChange(SubscriptionChange change) => new(Id, Name, Profile, [.. _subscriptionHistory, change], Owner);

    /// <summary>Returns a copy managed by <paramref name="owner"/>.</summary>
    /// <param name="owner">The new account manager, or <see cref="RepId.None"/>.</param>
    /// <returns>The new account.</returns>
    public Account WithOwner(RepId owner) => new(Id, Name, Profile, _subscriptionHistory, owner);

    /// <summary>Returns a copy with other attributes.</summary>
    /// <param name="profile">The new profile.</param>
    /// <returns>The new account.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    public Account WithProfile(IcpProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(Id, Name, profile, _subscriptionHistory, Owner);
    }

    /// <inheritdoc/>
    public bool Equals(Account? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && string.Equals(Name, other.Name, StringComparison.Ordinal)
                && Profile.Equals(other.Profile)
                && Owner == other.Owner
                && Facts.SequenceEqual(_subscriptionHistory, other._subscriptionHistory)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Account);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Id);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Profile);
        hash.Add(Owner);
        Facts.AddSequence(ref hash, _subscriptionHistory);
        return hash.ToHashCode();
    }

    /// <summary>Formats the account, for example <c>Account 5 'Acme GmbH'</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Account {Id} '{Name}'");

    /// <summary>Returns whether two accounts are equal.</summary>
    /// <param name="left">The left account.</param>
    /// <param name="right">The right account.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(Account? left, Account? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two accounts differ.</summary>
    /// <param name="left">The left account.</param>
    /// <param name="right">The right account.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(Account? left, Account? right) => !(left == right);
}
