using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// A lead: a prospective buyer with its source, contact, ideal-customer-profile attributes, owner and lifecycle
/// (a history of <see cref="LeadStage"/> entries).
/// </summary>
/// <remarks>
/// <para>
/// The stage history is kept in the order given, which is the order the stages were entered; a stage may be
/// entered more than once (a recycled lead becomes an MQL again). An empty history means the lead has stayed in
/// <see cref="LeadStage.Lead"/> since <see cref="Created"/>. The constructor checks each value on its own; a stage
/// entered before the lead was created, or a history out of chronological order, is reported by
/// <see cref="DataQualityCheck"/> rather than rejected here, so that real CRM data can be loaded and reported.
/// </para>
/// <para>
/// Immutable: the pseudo-mutators (<see cref="WithStage"/>, <see cref="WithOwner"/>, <see cref="WithProfile"/>)
/// return new leads. Two leads are equal when every attribute and the whole history are equal (text compared
/// ordinally).
/// </para>
/// </remarks>
public sealed class Lead : IEquatable<Lead>
{
    private readonly StageChange<LeadStage>[] _stageHistory;

    /// <summary>Creates a lead.</summary>
    /// <param name="id">The lead's id; not <c>None</c>.</param>
    /// <param name="created">When the lead was created.</param>
    /// <param name="stageHistory">The stages entered, in the order entered (copied); each stage a defined <see cref="LeadStage"/>.</param>
    /// <param name="source">Where the lead came from (for example <c>Webinar</c>, <c>Outbound</c>), or <see langword="null"/>; not blank.</param>
    /// <param name="contactJobTitle">The contact's job title as recorded, or <see langword="null"/>; not blank.</param>
    /// <param name="profile">The ICP attributes, or <see langword="null"/> for <see cref="IcpProfile.Unknown"/>.</param>
    /// <param name="owner">The owning rep, or <see cref="RepId.None"/> for an unowned lead.</param>
    /// <param name="contactEmail">The contact's email address as recorded, or <see langword="null"/>; not blank.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stageHistory"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A parameter is invalid; the message names it and its value.</exception>
    public Lead(
        LeadId id,
        Instant created,
        IEnumerable<StageChange<LeadStage>> stageHistory,
        string? source = null,
        string? contactJobTitle = null,
        IcpProfile? profile = null,
        RepId owner = default,
        string? contactEmail = null)
    {
        ArgumentNullException.ThrowIfNull(stageHistory);
        if (id.IsNone)
        {
            throw new ArgumentException("A lead needs an id, but the id was None.", nameof(id));
        }

        _stageHistory = Facts.Copy(stageHistory, nameof(stageHistory));
        foreach (StageChange<LeadStage> change in _stageHistory)
        {
            if (!Enum.IsDefined(change.Stage))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Lead {id} has an undefined stage {(int)change.Stage} at {Facts.Format(change.At)}."), nameof(stageHistory));
            }
        }

        Id = id;
        Created = created;
        Source = Facts.OptionalText(source, nameof(source));
        ContactJobTitle = Facts.OptionalText(contactJobTitle, nameof(contactJobTitle));
        Profile = profile ?? IcpProfile.Unknown;
        Owner = owner;
        ContactEmail = Facts.OptionalText(contactEmail, nameof(contactEmail));
    }

    /// <summary>Gets the lead's id.</summary>
    public LeadId Id { get; }

    /// <summary>Gets when the lead was created.</summary>
    public Instant Created { get; }

    /// <summary>Gets the lead source, or <see langword="null"/> when unknown.</summary>
    public string? Source { get; }

    /// <summary>Gets the contact's job title as recorded, or <see langword="null"/> when unknown.</summary>
    public string? ContactJobTitle { get; }

    /// <summary>Gets the contact's email address as recorded, or <see langword="null"/> when unknown.</summary>
    public string? ContactEmail { get; }

    /// <summary>Gets the ICP attributes (<see cref="IcpProfile.Unknown"/> when none were given).</summary>
    public IcpProfile Profile { get; }

    /// <summary>Gets the owning rep, or <see cref="RepId.None"/> when unowned.</summary>
    public RepId Owner { get; }

    /// <summary>Gets the stages entered, in the order entered.</summary>
    public IReadOnlyList<StageChange<LeadStage>> StageHistory => _stageHistory;

    /// <summary>Gets the last stage entered, or <see cref="LeadStage.Lead"/> when the history is empty.</summary>
    public LeadStage CurrentStage => _stageHistory.Length == 0 ? LeadStage.Lead : _stageHistory[^1].Stage;

    /// <summary>Returns when <paramref name="stage"/> was first entered.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The earliest instant of an entry into the stage, or <see langword="null"/> when never entered.</returns>
    public Instant? FirstEntry(LeadStage stage)
    {
        Instant? first = null;
        foreach (StageChange<LeadStage> change in _stageHistory)
        {
            if (change.Stage == stage && (first is null || change.At < first.Value))
            {
                first = change.At;
            }
        }

        return first;
    }

    /// <summary>Returns every instant <paramref name="stage"/> was entered, in history order.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The entry instants; empty when never entered.</returns>
    public IReadOnlyList<Instant> Entries(LeadStage stage)
    {
        var entries = new List<Instant>();
        foreach (StageChange<LeadStage> change in _stageHistory)
        {
            if (change.Stage == stage)
            {
                entries.Add(change.At);
            }
        }

        return entries;
    }

    /// <summary>Returns a copy with <paramref name="stage"/> entered at <paramref name="at"/> appended to the history.</summary>
    /// <param name="at">When the stage was entered.</param>
    /// <param name="stage">The stage.</param>
    /// <returns>The new lead.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is not defined.</exception>
    public Lead WithStage(Instant at, LeadStage stage)
    {
        if (!Enum.IsDefined(stage))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Lead {Id} cannot enter the undefined stage {(int)stage} at {Facts.Format(at)}."), nameof(stage));
        }

        return new(Id, Created, [.. _stageHistory, new StageChange<LeadStage>(at, stage)], Source, ContactJobTitle, Profile, Owner, ContactEmail);
    }

    /// <summary>Returns a copy owned by <paramref name="owner"/>.</summary>
    /// <param name="owner">The new owner, or <see cref="RepId.None"/>.</param>
    /// <returns>The new lead.</returns>
    public Lead WithOwner(RepId owner) => new(Id, Created, _stageHistory, Source, ContactJobTitle, Profile, owner, ContactEmail);

    /// <summary>Returns a copy with other ICP attributes.</summary>
    /// <param name="profile">The new profile.</param>
    /// <returns>The new lead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    public Lead WithProfile(IcpProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(Id, Created, _stageHistory, Source, ContactJobTitle, profile, Owner, ContactEmail);
    }

    /// <inheritdoc/>
    public bool Equals(Lead? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Created == other.Created
                && string.Equals(Source, other.Source, StringComparison.Ordinal)
                && string.Equals(ContactJobTitle, other.ContactJobTitle, StringComparison.Ordinal)
                && string.Equals(ContactEmail, other.ContactEmail, StringComparison.Ordinal)
                && Profile.Equals(other.Profile)
                && Owner == other.Owner
                && Facts.SequenceEqual(_stageHistory, other._stageHistory)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Lead);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Id);
        hash.Add(Created);
        hash.Add(Source, StringComparer.Ordinal);
        hash.Add(ContactJobTitle, StringComparer.Ordinal);
        hash.Add(ContactEmail, StringComparer.Ordinal);
        hash.Add(Profile);
        hash.Add(Owner);
        Facts.AddSequence(ref hash, _stageHistory);
        return hash.ToHashCode();
    }

    /// <summary>Formats the lead, for example <c>Lead 4 created 2026-01-05T10:00:00Z, stage Mql, owner 2</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Lead {Id} created {Facts.Format(Created)}, stage {CurrentStage}, owner {Owner}");

    /// <summary>Returns whether two leads are equal.</summary>
    /// <param name="left">The left lead.</param>
    /// <param name="right">The right lead.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(Lead? left, Lead? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two leads differ.</summary>
    /// <param name="left">The left lead.</param>
    /// <param name="right">The right lead.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(Lead? left, Lead? right) => !(left == right);
}
