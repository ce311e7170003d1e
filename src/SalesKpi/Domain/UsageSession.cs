using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>One product session (a login) by a user of a customer account.</summary>
/// <remarks>
/// A session is given, with its start and duration; deriving sessions from raw events with an inactivity timeout is
/// the caller's (or a later helper's) job. A zero duration is accepted here and reported by
/// <see cref="DataQualityCheck"/>. Equal when all components are equal.
/// </remarks>
public readonly record struct UsageSession
{
    /// <summary>Creates a session.</summary>
    /// <param name="account">The account; not <c>None</c>.</param>
    /// <param name="user">The user; not <c>None</c>.</param>
    /// <param name="start">When the session started.</param>
    /// <param name="duration">How long it lasted; not negative.</param>
    /// <exception cref="ArgumentException">An id is <c>None</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public UsageSession(AccountId account, UserId user, Instant start, Duration duration)
    {
        if (account.IsNone)
        {
            throw new ArgumentException("A session needs an account, but the account was None.", nameof(account));
        }

        if (user.IsNone)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A session of account {account} needs a user, but the user was None."), nameof(user));
        }

        Facts.RequireNonNegative(duration, nameof(duration));
        Account = account;
        User = user;
        Start = start;
        Duration = duration;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the user.</summary>
    public UserId User { get; }

    /// <summary>Gets when the session started.</summary>
    public Instant Start { get; }

    /// <summary>Gets how long the session lasted.</summary>
    public Duration Duration { get; }

    /// <summary>Gets when the session ended: <see cref="Start"/> + <see cref="Duration"/>.</summary>
    public Instant End => Start + Duration;

    /// <summary>Formats the session, for example <c>Session of user 3 (account 1) at 2026-01-05T09:00:00Z for 0:00:25:00</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Session of user {User} (account {Account}) at {Facts.Format(Start)} for {Facts.Format(Duration)}");
}
