using System;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace SalesKpi;

/// <summary>
/// One sales activity: a rep did something of some <see cref="SalesActivityKind"/> at an <see cref="Instant"/>,
/// optionally linked to a lead, a deal and an account, with an optional outcome and duration.
/// </summary>
/// <remarks>
/// <para>
/// A compact immutable value (40 bytes) so that tens of millions can be scanned quickly: the timestamp is held as
/// 100-nanosecond ticks since the Unix epoch, ids and the kind as <see cref="int"/>s, the duration as whole seconds
/// and the outcome as a byte. Optional links use the ids' <c>None</c> value (the default) rather than
/// <see cref="Nullable{T}"/>.
/// </para>
/// <para>
/// The constructor checks each value on its own (required ids present, a defined kind and outcome, a
/// timestamp with whole ticks, a non-negative duration in whole seconds). Whether the rep, lead, deal or account
/// exist is a question about a collection, answered by <see cref="DataQualityCheck"/>.
/// </para>
/// <para>
/// Two activities are equal when every field is equal. <c>default(SalesActivity)</c> is not a valid activity
/// (no id, no rep, undefined kind); never construct one that way.
/// </para>
/// </remarks>
public readonly struct SalesActivity : IEquatable<SalesActivity>
{
    private const int NoDuration = -1;

    private readonly long _unixTicks;
    private readonly ActivityId _id;
    private readonly RepId _rep;
    private readonly SalesActivityKind _kind;
    private readonly LeadId _lead;
    private readonly DealId _deal;
    private readonly AccountId _account;
    private readonly int _durationSeconds;
    private readonly SalesActivityOutcome _outcome;

    /// <summary>Creates an activity.</summary>
    /// <param name="id">The activity's id; not <c>None</c>.</param>
    /// <param name="rep">The rep who performed it (or received the reply); not <c>None</c>.</param>
    /// <param name="timestamp">When it happened; whole 100-ns ticks (sub-tick nanoseconds are rejected, not truncated).</param>
    /// <param name="kind">What kind of activity; a defined well-known or custom kind.</param>
    /// <param name="outcome">The outcome, or <see cref="SalesActivityOutcome.None"/>.</param>
    /// <param name="duration">The duration in whole seconds, zero or more, at most <see cref="int.MaxValue"/> seconds; or <see langword="null"/> when not recorded.</param>
    /// <param name="lead">The linked lead, or <see cref="LeadId.None"/>.</param>
    /// <param name="deal">The linked deal, or <see cref="DealId.None"/>.</param>
    /// <param name="account">The linked account, or <see cref="AccountId.None"/>.</param>
    /// <exception cref="ArgumentException">A parameter is invalid; the message names it and its value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined value, or <paramref name="duration"/> is negative or too long.</exception>
    public SalesActivity(
        ActivityId id,
        RepId rep,
        Instant timestamp,
        SalesActivityKind kind,
        SalesActivityOutcome outcome = SalesActivityOutcome.None,
        Duration? duration = null,
        LeadId lead = default,
        DealId deal = default,
        AccountId account = default)
    {
        if (id.IsNone)
        {
            throw new ArgumentException("An activity needs an id, but the id was None.", nameof(id));
        }

        if (rep.IsNone)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Activity {id} needs a rep, but the rep was None."), nameof(rep));
        }

        if (!kind.IsDefined)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Activity {id} has an undefined kind {kind}."), nameof(kind));
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, string.Create(CultureInfo.InvariantCulture, $"Activity {id} has an undefined outcome {(int)outcome}."));
        }

        _unixTicks = Facts.ToUnixTicks(timestamp, nameof(timestamp));
        _durationSeconds = duration is { } d ? Facts.ToWholeSeconds(d, nameof(duration)) : NoDuration;
        _id = id;
        _rep = rep;
        _kind = kind;
        _outcome = outcome;
        _lead = lead;
        _deal = deal;
        _account = account;
    }

    /// <summary>Gets the activity's id.</summary>
    public ActivityId Id => _id;

    /// <summary>Gets the rep.</summary>
    public RepId Rep => _rep;

    /// <summary>Gets when the activity happened.</summary>
    public Instant Timestamp => Instant.FromUnixTimeTicks(_unixTicks);

    /// <summary>Gets the kind.</summary>
    public SalesActivityKind Kind => _kind;

    /// <summary>Gets the outcome, or <see cref="SalesActivityOutcome.None"/>.</summary>
    public SalesActivityOutcome Outcome => _outcome;

    /// <summary>Gets the duration, or <see langword="null"/> when not recorded.</summary>
    public Duration? Duration => _durationSeconds < 0 ? null : NodaTime.Duration.FromSeconds(_durationSeconds);

    /// <summary>Gets the linked lead, or <see cref="LeadId.None"/>.</summary>
    public LeadId Lead => _lead;

    /// <summary>Gets the linked deal, or <see cref="DealId.None"/>.</summary>
    public DealId Deal => _deal;

    /// <summary>Gets the linked account, or <see cref="AccountId.None"/>.</summary>
    public AccountId Account => _account;

    /// <summary>Gets the timestamp as 100-ns ticks since the Unix epoch (the stored form, for hot loops).</summary>
    internal long UnixTicks => _unixTicks;

    /// <summary>Gets the duration in seconds, or -1 when not recorded (the stored form, for hot loops).</summary>
    internal int DurationSeconds => _durationSeconds;

    /// <inheritdoc/>
    public bool Equals(SalesActivity other) =>
        _unixTicks == other._unixTicks
        && _id == other._id
        && _rep == other._rep
        && _kind == other._kind
        && _lead == other._lead
        && _deal == other._deal
        && _account == other._account
        && _durationSeconds == other._durationSeconds
        && _outcome == other._outcome;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SalesActivity other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(_unixTicks);
        hash.Add(_id);
        hash.Add(_rep);
        hash.Add(_kind);
        hash.Add(_lead);
        hash.Add(_deal);
        hash.Add(_account);
        hash.Add(_durationSeconds);
        hash.Add(_outcome);
        return hash.ToHashCode();
    }

    /// <summary>Formats the activity invariantly, for example <c>Activity 7: Call by rep 3 at 2026-03-02T09:15:00Z, Connected, 240 s, deal 12</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Activity {_id}: {_kind} by rep {_rep} at {InstantPattern.ExtendedIso.Format(Timestamp)}");
        if (_outcome != SalesActivityOutcome.None)
        {
            text.Append(", ").Append(_outcome.ToString());
        }

        if (_durationSeconds >= 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {_durationSeconds} s");
        }

        if (!_lead.IsNone)
        {
            text.Append(CultureInfo.InvariantCulture, $", lead {_lead}");
        }

        if (!_deal.IsNone)
        {
            text.Append(CultureInfo.InvariantCulture, $", deal {_deal}");
        }

        if (!_account.IsNone)
        {
            text.Append(CultureInfo.InvariantCulture, $", account {_account}");
        }

        return text.ToString();
    }

    /// <summary>Returns whether two activities are equal in every field.</summary>
    /// <param name="left">The left activity.</param>
    /// <param name="right">The right activity.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(SalesActivity left, SalesActivity right) => left.Equals(right);

    /// <summary>Returns whether two activities differ in any field.</summary>
    /// <param name="left">The left activity.</param>
    /// <param name="right">The right activity.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(SalesActivity left, SalesActivity right) => !left.Equals(right);
}
