using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>The outcome of a deal: open, won or lost (with a loss reason), and when it closed.</summary>
/// <remarks>
/// <para>
/// <see cref="Won(Instant)"/> and <see cref="Lost(Instant, string)"/> are the normal factories. The constructor
/// also accepts a won or lost outcome without a close instant, because CRM exports contain them; such a deal is
/// reported by <see cref="DataQualityCheck"/> (rule <see cref="DataQualityRule.ClosedWithoutCloseTime"/>).
/// </para>
/// <para>The default value is <see cref="Open"/>. Equal when status, close instant and loss reason (ordinal) are equal.</para>
/// </remarks>
public readonly struct DealOutcome : IEquatable<DealOutcome>
{
    /// <summary>Creates an outcome.</summary>
    /// <param name="status">The status.</param>
    /// <param name="closedAt">When the deal closed; <see langword="null"/> for an open deal (or an incompletely recorded closed one).</param>
    /// <param name="lossReason">Why a lost deal was lost, or <see langword="null"/>; only for <see cref="DealStatus.Lost"/>; not blank.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    /// <exception cref="ArgumentException">An open deal has a close instant, or a loss reason is given for a deal that is not lost, or the reason is blank.</exception>
    public DealOutcome(DealStatus status, Instant? closedAt, string? lossReason = null)
    {
        Facts.RequireDefined(status, nameof(status));
        if (status == DealStatus.Open && closedAt is { } at)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"An open deal cannot have a close instant, but got {Facts.Format(at)}."), nameof(closedAt));
        }

        if (lossReason is not null && status != DealStatus.Lost)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Only a lost deal has a loss reason, but a {status} deal got '{lossReason}'."), nameof(lossReason));
        }

        Status = status;
        ClosedAt = closedAt;
        LossReason = Facts.OptionalText(lossReason, nameof(lossReason));
    }

    /// <summary>Gets the outcome of an open deal.</summary>
    public static DealOutcome Open => default;

    /// <summary>Gets the status.</summary>
    public DealStatus Status { get; }

    /// <summary>Gets when the deal closed, or <see langword="null"/>.</summary>
    public Instant? ClosedAt { get; }

    /// <summary>Gets the loss reason of a lost deal, or <see langword="null"/>.</summary>
    public string? LossReason { get; }

    /// <summary>Gets a value indicating whether the deal is won or lost.</summary>
    public bool IsClosed => Status != DealStatus.Open;

    /// <summary>Returns a won outcome.</summary>
    /// <param name="closedAt">When the deal was won.</param>
    /// <returns>The outcome.</returns>
    public static DealOutcome Won(Instant closedAt) => new(DealStatus.Won, closedAt);

    /// <summary>Returns a lost outcome.</summary>
    /// <param name="closedAt">When the deal was lost.</param>
    /// <param name="lossReason">Why, or <see langword="null"/>; not blank.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="lossReason"/> is blank.</exception>
    public static DealOutcome Lost(Instant closedAt, string? lossReason = null) => new(DealStatus.Lost, closedAt, lossReason);

    /// <inheritdoc/>
    public bool Equals(DealOutcome other) =>
        Status == other.Status && ClosedAt == other.ClosedAt && string.Equals(LossReason, other.LossReason, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DealOutcome other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Status, ClosedAt, LossReason is null ? 0 : StringComparer.Ordinal.GetHashCode(LossReason));

    /// <summary>Formats the outcome, for example <c>Lost at 2026-02-01T12:00:00Z (Budget)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string text = ClosedAt is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"{Status} at {Facts.Format(at)}")
            : Status.ToString();
        return LossReason is null ? text : string.Create(CultureInfo.InvariantCulture, $"{text} ({LossReason})");
    }

    /// <summary>Returns whether two outcomes are equal.</summary>
    /// <param name="left">The left outcome.</param>
    /// <param name="right">The right outcome.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(DealOutcome left, DealOutcome right) => left.Equals(right);

    /// <summary>Returns whether two outcomes differ.</summary>
    /// <param name="left">The left outcome.</param>
    /// <param name="right">The right outcome.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(DealOutcome left, DealOutcome right) => !left.Equals(right);
}
