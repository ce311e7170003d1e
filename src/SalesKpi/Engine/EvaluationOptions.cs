using System;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The settings of one evaluation: the time zone that turns fact instants into business dates (one zone, or each
/// fact's own zone such as the rep's home zone) and the as-of instant that decides censoring and pace.
/// </summary>
/// <remarks>
/// Immutable. The library never reads a clock: "now" is always the explicit <see cref="AsOf"/>.
/// A <see cref="DateTimeZone"/> converts implicitly to options in that zone with no as-of instant.
/// </remarks>
/// <typeparam name="TFact">The fact type.</typeparam>
public sealed class EvaluationOptions<TFact>
{
    private EvaluationOptions(DateTimeZone zone, Func<TFact, DateTimeZone>? zoneOf, Instant? asOf)
    {
        Zone = zone;
        ZoneOf = zoneOf;
        AsOf = asOf;
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

    /// <summary>Returns a copy with the as-of instant set.</summary>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The new options.</returns>
    public EvaluationOptions<TFact> WithAsOf(Instant asOf) => new(Zone, ZoneOf, asOf);

    internal bool SameTimeSettings(EvaluationOptions<TFact>? other, bool compareAsOf) =>
        other is not null && Zone.Id == other.Zone.Id && ReferenceEquals(ZoneOf, other.ZoneOf) && (!compareAsOf || AsOf == other.AsOf);
}
