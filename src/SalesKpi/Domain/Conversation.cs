using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>A conversation between someone on the sales or account team and a customer account.</summary>
/// <remarks>Used for "monthly conversations per customer". Equal when all components are equal.</remarks>
public readonly record struct Conversation
{
    /// <summary>Creates a conversation.</summary>
    /// <param name="account">The customer account; not <c>None</c>.</param>
    /// <param name="rep">The rep who held it, or <see cref="RepId.None"/> when not a rep.</param>
    /// <param name="at">When it took place.</param>
    /// <param name="channel">The channel.</param>
    /// <exception cref="ArgumentException"><paramref name="account"/> is <c>None</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not defined.</exception>
    public Conversation(AccountId account, RepId rep, Instant at, ConversationChannel channel = ConversationChannel.Other)
    {
        if (account.IsNone)
        {
            throw new ArgumentException("A conversation needs an account, but the account was None.", nameof(account));
        }

        Facts.RequireDefined(channel, nameof(channel));
        Account = account;
        Rep = rep;
        At = at;
        Channel = channel;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the rep, or <see cref="RepId.None"/>.</summary>
    public RepId Rep { get; }

    /// <summary>Gets when it took place.</summary>
    public Instant At { get; }

    /// <summary>Gets the channel.</summary>
    public ConversationChannel Channel { get; }

    /// <summary>Formats the conversation, for example <c>Call with account 1 by rep 2 at 2026-01-05T09:00:00Z</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Channel} with account {Account} by rep {Rep} at {Facts.Format(At)}");
}
