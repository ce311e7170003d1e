using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SalesKpi;

/// <summary>
/// The settings of one evaluation: the business-date basis that turns fact instants into business dates (one zone,
/// or each fact's own zone such as the rep's home zone) and the as-of instant that decides censoring and pace.
/// </summary>
/// <remarks>
/// Immutable. The library never reads a clock: "now" is always the explicit <see cref="AsOf"/>.
/// A <see cref="DateTimeZone"/> converts implicitly to options in that zone with no as-of instant.
/// The basis is one explicit choice per evaluation, the same <see cref="BusinessDateBasis{TRep}"/> the Time layer uses
/// (<see cref="InBasis{TRep}(BusinessDateBasis{TRep}, Func{TFact, TRep}, DateTimeZone?)"/>); <see cref="InZone"/> and <see cref="InZoneOf"/> are its shorthands for a bare zone and
/// for any per-fact zone.
/// </remarks>
/// <typeparam name="TFact">The fact type.</typeparam>
public sealed class EvaluationOptions<TFact>
{
    private EvaluationOptions(DateTimeZone zone, Func<TFact, DateTimeZone>? zoneOf, Instant? asOf, BasisBinding<TFact>? binding = null)
    {
        Zone = zone;
        ZoneOf = zoneOf;
        AsOf = asOf;
        Binding = binding;
    }

    /// <summary>
    /// Gets the reporting zone: the zone of every fact's business date when <see cref="ZoneOf"/> is
    /// <see langword="null"/>, and always the zone of the as-of date.
    /// </summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the per-fact zone selector, or <see langword="null"/> when every fact uses <see cref="Zone"/>.</summary>
    public Func<TFact, DateTimeZone>? ZoneOf { get; }

    /// <summary>Gets the as-of instant ("now" of the evaluation), or <see langword="null"/> when not set.</summary>
    /// <remarks>Conversions need it (a cohort whose window is still open at as-of is censored); pace needs it.</remarks>
    public Instant? AsOf { get; }

    /// <summary>
    /// Gets which zone dates the facts: <see cref="BusinessDateBasisKind.OrganisationZone"/> when every fact is dated in
    /// <see cref="Zone"/>, <see cref="BusinessDateBasisKind.RepHomeZone"/> when each fact is dated in its own zone
    /// (<see cref="ZoneOf"/>: a rep home-zone basis, or any per-fact zone given to <see cref="InZoneOf"/>).
    /// </summary>
    public BusinessDateBasisKind BasisKind => ZoneOf is null ? BusinessDateBasisKind.OrganisationZone : BusinessDateBasisKind.RepHomeZone;

    /// <summary>Gets the business date of <see cref="AsOf"/> in <see cref="Zone"/>, or <see langword="null"/> when not set.</summary>
    public LocalDate? AsOfDate => AsOf is Instant asOf ? asOf.InZone(Zone).Date : null;

    /// <summary>Converts a zone to options that take every business date in it.</summary>
    /// <param name="zone">The zone.</param>
    public static implicit operator EvaluationOptions<TFact>(DateTimeZone zone) => InZone(zone);

    /// <summary>Returns options that take every fact's business date in <paramref name="zone"/> (for example the organisation's zone).</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <example>
    /// <code>
    /// var options = EvaluationOptions&lt;Call&gt;.InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]);
    /// </code>
    /// </example>
    public static EvaluationOptions<TFact> InZone(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new EvaluationOptions<TFact>(zone, null, null);
    }

    /// <summary>
    /// Returns options that take each fact's business date in the zone <paramref name="zoneOf"/> selects for it
    /// (for example the rep's home zone), and the as-of date in <paramref name="reportingZone"/>.
    /// </summary>
    /// <param name="zoneOf">The per-fact zone; must not return null (evaluation throws <see cref="ArgumentException"/> if it does).</param>
    /// <param name="reportingZone">The zone of the as-of date.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <example>
    /// <code>
    /// var options = EvaluationOptions&lt;Call&gt;.InZoneOf(c => homeZone[c.Rep], DateTimeZone.Utc);
    /// </code>
    /// </example>
    public static EvaluationOptions<TFact> InZoneOf(Func<TFact, DateTimeZone> zoneOf, DateTimeZone reportingZone)
    {
        ArgumentNullException.ThrowIfNull(zoneOf);
        ArgumentNullException.ThrowIfNull(reportingZone);
        return new EvaluationOptions<TFact>(reportingZone, zoneOf, null);
    }

    /// <summary>
    /// Returns options that date each fact on a <see cref="BusinessDateBasis{TRep}"/>: in the organisation's zone, or in
    /// the home zone of the fact's rep — the same choice, and the same dates, as <see cref="BusinessDateBasis{TRep}.DateOf"/>.
    /// </summary>
    /// <typeparam name="TRep">The rep key of the basis.</typeparam>
    /// <param name="basis">The basis: <see cref="BusinessDateBasis{TRep}.OrganisationZone"/> or <see cref="BusinessDateBasis{TRep}.RepHomeZone"/>.</param>
    /// <param name="repOf">A fact's rep; must not return null (evaluation throws <see cref="ArgumentException"/> if it does). Not called under the organisation basis.</param>
    /// <param name="reportingZone">
    /// The zone of the as-of date. Under the organisation basis leave it <see langword="null"/> (the organisation's zone)
    /// or pass that same zone; under the rep home-zone basis it is required.
    /// </param>
    /// <returns>The options, with no as-of instant.</returns>
    /// <remarks>
    /// <para>
    /// Immediate. Switching an evaluation between the two bases changes only the basis. Under the rep home-zone basis
    /// each distinct rep's zone is asked of the basis once per evaluation state, not once per fact, and reps of one zone
    /// share the basis's memoised <see cref="BusinessDateMapper"/>; the home-zone function must therefore be pure.
    /// </para>
    /// <para>
    /// States merge only with states evaluated on the same basis instance and rep selector (and, for conversions, the
    /// same as-of instant): keep one options instance, or one basis and one selector, per configuration.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="basis"/> or <paramref name="repOf"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The basis is the rep home zone and <paramref name="reportingZone"/> is null, or the basis is the organisation's
    /// zone and <paramref name="reportingZone"/> is another zone.
    /// </exception>
    /// <example>
    /// <code>
    /// var basis = BusinessDateBasis&lt;RepId&gt;.RepHomeZone(rep =&gt; homeZone[rep]);
    /// var options = EvaluationOptions&lt;SalesActivity&gt;.InBasis(basis, a =&gt; a.Rep, DateTimeZone.Utc).WithAsOf(now);
    /// </code>
    /// </example>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The overload taking a FactKey differs in the rep selector's type, not in arity.")]
    public static EvaluationOptions<TFact> InBasis<TRep>(BusinessDateBasis<TRep> basis, Func<TFact, TRep> repOf, DateTimeZone? reportingZone = null)
        where TRep : notnull
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(repOf);
        return InBasis(new BasisBinding<TFact, TRep>(basis, repOf), basis, reportingZone);
    }

    /// <summary>
    /// Creates options that take business dates on <paramref name="basis"/>, with a value-type rep selector such as
    /// <see cref="ActivityKey.Rep"/>: the same as <see cref="InBasis{TRep}(BusinessDateBasis{TRep}, Func{TFact, TRep}, DateTimeZone?)"/>
    /// with the equivalent lambda, with each fact's rep read inline rather than through a delegate.
    /// </summary>
    /// <typeparam name="TRep">The rep key type.</typeparam>
    /// <param name="basis">The business-date basis.</param>
    /// <param name="rep">The rep of a fact (for example the activity's rep).</param>
    /// <param name="reportingZone">
    /// The zone of the as-of date: required under the rep home-zone basis; under the organisation-zone basis null or
    /// that zone.
    /// </param>
    /// <returns>The options, with no as-of instant.</returns>
    /// <remarks>Immediate. States merge only with states evaluated on the same basis instance and the same <paramref name="rep"/> instance.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="basis"/> or <paramref name="rep"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The basis is the rep home zone and <paramref name="reportingZone"/> is null, or the basis is the organisation's
    /// zone and <paramref name="reportingZone"/> is another zone.
    /// </exception>
    /// <example>
    /// <code>
    /// var options = EvaluationOptions&lt;SalesActivity&gt;.InBasis(homeZones, ActivityKey.Rep, DateTimeZone.Utc);
    /// </code>
    /// </example>
    public static EvaluationOptions<TFact> InBasis<TRep>(BusinessDateBasis<TRep> basis, FactKey<TFact, TRep> rep, DateTimeZone? reportingZone)
        where TRep : notnull
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(rep);
        return InBasis(new BasisBinding<TFact, TRep>(basis, rep.Delegate, rep.Stage), basis, reportingZone);
    }

    private static EvaluationOptions<TFact> InBasis<TRep>(BasisBinding<TFact, TRep> binding, BusinessDateBasis<TRep> basis, DateTimeZone? reportingZone)
        where TRep : notnull
    {
        if (basis.Organisation is { } organisation)
        {
            if (reportingZone is not null && reportingZone.Id != organisation.Id)
            {
                throw new ArgumentException(
                    $"Under the organisation-zone basis ({organisation.Id}) the as-of date is in that zone, not in {reportingZone.Id}.",
                    nameof(reportingZone));
            }

            return new EvaluationOptions<TFact>(organisation, null, null, binding);
        }

        if (reportingZone is null)
        {
            throw new ArgumentException("The rep home-zone basis needs a reporting zone for the as-of date.", nameof(reportingZone));
        }

        return new EvaluationOptions<TFact>(reportingZone, binding.ZoneOf, null, binding);
    }

    /// <summary>Returns a copy with the as-of instant set.</summary>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The new options.</returns>
    public EvaluationOptions<TFact> WithAsOf(Instant asOf) => new(Zone, ZoneOf, asOf, Binding);

    /// <summary>Gets the business-date basis given to <see cref="InBasis{TRep}(BusinessDateBasis{TRep}, Func{TFact, TRep}, DateTimeZone?)"/>, or <see langword="null"/>.</summary>
    internal BasisBinding<TFact>? Binding { get; }

    /// <summary>Describes the settings <see cref="SameTimeSettings"/> compares, for a snapshot to record (per-fact zone selectors by their kind only).</summary>
    internal string DescribeTimeSettings(bool withAsOf)
    {
        string text = "zone " + Zone.Id;
        if (ZoneOf is not null)
        {
            text += Binding is not null ? string.Create(CultureInfo.InvariantCulture, $"; per-fact zones ({Binding.Kind} basis)") : "; per-fact zones";
        }

        if (withAsOf && AsOf is Instant asOf)
        {
            text += "; as-of " + InstantPattern.ExtendedIso.Format(asOf);
        }

        return text;
    }

    internal bool SameTimeSettings(EvaluationOptions<TFact>? other, bool compareAsOf)
    {
        if (other is null || Zone.Id != other.Zone.Id || (compareAsOf && AsOf != other.AsOf))
        {
            return false;
        }

        // One zone for every fact: the zone decides the dates. Per-fact zones: the basis instance and rep selector
        // decide them under a basis, the zone selector otherwise.
        if (ZoneOf is null || other.ZoneOf is null)
        {
            return ZoneOf is null && other.ZoneOf is null;
        }

        return Binding is not null || other.Binding is not null
            ? Binding is not null && Binding.SameAs(other.Binding)
            : ReferenceEquals(ZoneOf, other.ZoneOf);
    }
}
