using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>A support ticket of a customer account, optionally raised by a known user.</summary>
/// <remarks>
/// A ticket closed before it was opened is accepted here and reported by <see cref="DataQualityCheck"/>.
/// Equal when all components are equal.
/// </remarks>
public readonly record struct SupportTicket
{
    /// <summary>Creates a ticket.</summary>
    /// <param name="id">The ticket's id; not <c>None</c>.</param>
    /// <param name="account">The account; not <c>None</c>.</param>
    /// <param name="opened">When the ticket was opened.</param>
    /// <param name="closed">When it was closed, or <see langword="null"/> while open.</param>
    /// <param name="user">The user who raised it, or <see cref="UserId.None"/>.</param>
    /// <exception cref="ArgumentException">An id is <c>None</c>.</exception>
    public SupportTicket(TicketId id, AccountId account, Instant opened, Instant? closed = null, UserId user = default)
    {
        if (id.IsNone)
        {
            throw new ArgumentException("A ticket needs an id, but the id was None.", nameof(id));
        }

        if (account.IsNone)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Ticket {id} needs an account, but the account was None."), nameof(account));
        }

        Id = id;
        Account = account;
        Opened = opened;
        Closed = closed;
        User = user;
    }

    /// <summary>Gets the ticket's id.</summary>
    public TicketId Id { get; }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets when the ticket was opened.</summary>
    public Instant Opened { get; }

    /// <summary>Gets when it was closed, or <see langword="null"/> while open.</summary>
    public Instant? Closed { get; }

    /// <summary>Gets the user who raised it, or <see cref="UserId.None"/>.</summary>
    public UserId User { get; }

    /// <summary>Gets a value indicating whether the ticket is still open.</summary>
    public bool IsOpen => Closed is null;

    /// <summary>Formats the ticket, for example <c>Ticket 8 (account 1) opened 2026-01-05T09:00:00Z, closed none</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Ticket {Id} (account {Account}) opened {Facts.Format(Opened)}, closed {Facts.FormatOrNone(Closed)}");
}
