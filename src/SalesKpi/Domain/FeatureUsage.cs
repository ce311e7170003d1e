using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>A count of uses of one product feature by a user of a customer account at an instant.</summary>
/// <remarks>Feature keys compare ordinally. Equal when all components are equal.</remarks>
public readonly record struct FeatureUsage
{
    /// <summary>Creates a feature-usage fact.</summary>
    /// <param name="account">The account; not <c>None</c>.</param>
    /// <param name="user">The user, or <see cref="UserId.None"/> for account-level usage.</param>
    /// <param name="feature">The feature key, for example <c>reports.export</c>; not blank.</param>
    /// <param name="at">When the feature was used (or the start of the aggregated interval).</param>
    /// <param name="count">How many uses; at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="feature"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The account is <c>None</c> or the feature key is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public FeatureUsage(AccountId account, UserId user, string feature, Instant at, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (account.IsNone)
        {
            throw new ArgumentException("Feature usage needs an account, but the account was None.", nameof(account));
        }

        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"A feature-usage count must be at least 1, but was {count}."));
        }

        Account = account;
        User = user;
        Feature = Facts.RequireText(feature, nameof(feature));
        At = at;
        Count = count;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the user, or <see cref="UserId.None"/>.</summary>
    public UserId User { get; }

    /// <summary>Gets the feature key.</summary>
    public string Feature => field ?? string.Empty;

    /// <summary>Gets when the feature was used.</summary>
    public Instant At { get; }

    /// <summary>Gets how many uses.</summary>
    public int Count { get; }

    /// <summary>Formats the fact, for example <c>reports.export x3 by user 4 (account 1) at 2026-01-05T09:00:00Z</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Feature} x{Count} by user {User} (account {Account}) at {Facts.Format(At)}");
}
