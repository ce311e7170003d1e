using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The one explicit choice, per evaluation, of the zone that turns an event's <see cref="Instant"/> into a business
/// date: the organisation's zone for everybody, or each rep's home zone.
/// </summary>
/// <typeparam name="TRep">The rep key (for example a rep id).</typeparam>
/// <remarks>
/// <para>
/// The same call at 03:30 UTC on 27 November 2026 is on 26 November for a rep in New York and on 27 November for
/// a rep in Berlin under <see cref="BusinessDateBasisKind.RepHomeZone"/>; under
/// <see cref="BusinessDateBasisKind.OrganisationZone"/> both get the organisation's date.
/// </para>
/// <para>
/// Instances are immutable in meaning and thread-safe. They memoise one <see cref="BusinessDateMapper"/> per
/// distinct zone instance, so asking for a rep's mapper repeatedly is cheap.
/// </para>
/// </remarks>
/// <example><code>
/// var basis = BusinessDateBasis&lt;string&gt;.RepHomeZone(rep =&gt; homeZones[rep]);
/// LocalDate date = basis.DateOf("ana", activityInstant);
/// </code></example>
public sealed class BusinessDateBasis<TRep>
    where TRep : notnull
{
    private readonly DateTimeZone? organisationZone;
    private readonly Func<TRep, DateTimeZone>? homeZoneOf;
    private readonly BusinessDateMapper? organisationMapper;
    private readonly ConcurrentDictionary<DateTimeZone, BusinessDateMapper> mappers = new(ReferenceEqualityComparer.Instance);

    private BusinessDateBasis(DateTimeZone? organisationZone, Func<TRep, DateTimeZone>? homeZoneOf)
    {
        this.organisationZone = organisationZone;
        this.homeZoneOf = homeZoneOf;
        organisationMapper = organisationZone is null ? null : new BusinessDateMapper(organisationZone);
    }

    /// <summary>Gets which zone the basis uses.</summary>
    public BusinessDateBasisKind Kind => organisationZone is null ? BusinessDateBasisKind.RepHomeZone : BusinessDateBasisKind.OrganisationZone;

    /// <summary>Creates the basis "every event is dated in <paramref name="zone"/>".</summary>
    /// <param name="zone">The organisation's zone.</param>
    /// <returns>The basis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static BusinessDateBasis<TRep> OrganisationZone(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new BusinessDateBasis<TRep>(zone, null);
    }

    /// <summary>Creates the basis "every event is dated in its rep's home zone".</summary>
    /// <param name="homeZoneOf">Returns a rep's home zone; it must be pure and never return null.</param>
    /// <returns>The basis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="homeZoneOf"/> is null.</exception>
    public static BusinessDateBasis<TRep> RepHomeZone(Func<TRep, DateTimeZone> homeZoneOf)
    {
        ArgumentNullException.ThrowIfNull(homeZoneOf);
        return new BusinessDateBasis<TRep>(null, homeZoneOf);
    }

    /// <summary>Returns the zone that dates <paramref name="rep"/>'s events.</summary>
    /// <param name="rep">The rep.</param>
    /// <returns>The organisation's zone, or the rep's home zone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rep"/> is null.</exception>
    /// <exception cref="ArgumentException">The home-zone function returned null for <paramref name="rep"/>.</exception>
    public DateTimeZone ZoneFor(TRep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        if (organisationZone is not null)
        {
            return organisationZone;
        }

        return homeZoneOf!(rep) ?? throw new ArgumentException($"The home-zone function returned no zone for rep '{rep}'.", nameof(rep));
    }

    /// <summary>Returns the (memoised) mapper for <paramref name="rep"/>'s zone.</summary>
    /// <param name="rep">The rep.</param>
    /// <returns>A mapper shared by every rep with the same zone instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rep"/> is null.</exception>
    /// <exception cref="ArgumentException">The home-zone function returned null for <paramref name="rep"/>.</exception>
    public BusinessDateMapper MapperFor(TRep rep)
    {
        if (organisationMapper is not null)
        {
            ArgumentNullException.ThrowIfNull(rep);
            return organisationMapper;
        }

        return mappers.GetOrAdd(ZoneFor(rep), static zone => new BusinessDateMapper(zone));
    }

    /// <summary>Returns the business date of an event of <paramref name="rep"/> at <paramref name="instant"/>.</summary>
    /// <param name="rep">The rep.</param>
    /// <param name="instant">The event time.</param>
    /// <returns>The local date of the instant in the rep's zone under this basis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rep"/> is null.</exception>
    /// <exception cref="ArgumentException">The home-zone function returned null for <paramref name="rep"/>.</exception>
    public LocalDate DateOf(TRep rep, Instant instant) => MapperFor(rep).ToDate(instant);

    /// <summary>Gets the organisation's zone, or <see langword="null"/> under the rep home-zone basis.</summary>
    internal DateTimeZone? Organisation => organisationZone;

    /// <summary>Gets the organisation's mapper, or <see langword="null"/> under the rep home-zone basis.</summary>
    internal BusinessDateMapper? OrganisationMapper => organisationMapper;

    /// <summary>Returns the rep's zone, or <see langword="null"/> when the home-zone function returned none.</summary>
    internal DateTimeZone? ZoneOrNull(TRep rep) => organisationZone ?? homeZoneOf!(rep);

    /// <summary>Returns the (memoised) mapper of a zone that <see cref="ZoneFor"/> returned.</summary>
    internal BusinessDateMapper MapperOf(DateTimeZone zone) =>
        ReferenceEquals(zone, organisationZone) ? organisationMapper! : mappers.GetOrAdd(zone, static z => new BusinessDateMapper(z));

    /// <summary>Describes the basis.</summary>
    /// <returns><c>organisation zone Europe/Berlin</c> or <c>rep home zone</c>.</returns>
    public override string ToString() => organisationZone is null ? "rep home zone" : "organisation zone " + organisationZone.Id;
}
