using System;
using NodaTime;

namespace SalesKpi;

/// <summary>Converts instants to business days per the evaluation's business-date basis (one zone, or each fact's own).</summary>
internal sealed class BusinessDays<TFact>
{
    private readonly ZoneDayCache? _zone;
    private readonly FactZones<TFact>? _zones;

    public BusinessDays(EvaluationOptions<TFact> options)
    {
        if (options.Binding is { } binding)
        {
            if (binding.OrganisationZone is { } organisation)
            {
                _zone = new ZoneDayCache(organisation, binding.OrganisationMapper);
            }
            else
            {
                _zones = binding.CreateResolver();
            }
        }
        else if (options.ZoneOf is { } zoneOf)
        {
            _zones = new ZoneResolver<TFact>(zoneOf);
        }
        else
        {
            _zone = new ZoneDayCache(options.Zone);
        }
    }

    public ZoneDayCache? Zone => _zone;

    public FactZones<TFact>? Zones => _zones;

    public int DayNumber(Instant instant, in TFact fact) => _zone is not null ? _zone.DayNumber(instant) : _zones!.DayNumber(instant, fact);
}

/// <summary>A <see cref="BusinessDateBasis{TRep}"/> bound to the facts by their rep, as held by <see cref="EvaluationOptions{TFact}"/>.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
internal abstract class BasisBinding<TFact>
{
    /// <summary>Gets the basis (compared by reference when states merge).</summary>
    public abstract object Basis { get; }

    /// <summary>Gets the rep selector (compared by reference when states merge).</summary>
    public abstract Delegate RepOf { get; }

    public abstract BusinessDateBasisKind Kind { get; }

    /// <summary>Gets the organisation's zone under the organisation basis, otherwise <see langword="null"/>.</summary>
    public abstract DateTimeZone? OrganisationZone { get; }

    public abstract BusinessDateMapper? OrganisationMapper { get; }

    /// <summary>Returns the zone of a fact (the public <see cref="EvaluationOptions{TFact}.ZoneOf"/> of a rep home-zone basis).</summary>
    public abstract DateTimeZone ZoneOf(TFact fact);

    public abstract FactZones<TFact> CreateResolver();

    public bool SameAs(BasisBinding<TFact>? other) =>
        other is not null && ReferenceEquals(Basis, other.Basis) && ReferenceEquals(RepOf, other.RepOf);
}

internal sealed class BasisBinding<TFact, TRep>(BusinessDateBasis<TRep> basis, Func<TFact, TRep> repOf, KeyStage<TFact, TRep>? repStage = null) : BasisBinding<TFact>
    where TRep : notnull
{
    public override object Basis => basis;

    public override Delegate RepOf => repOf;

    public override BusinessDateBasisKind Kind => basis.Kind;

    public override DateTimeZone? OrganisationZone => basis.Organisation;

    public override BusinessDateMapper? OrganisationMapper => basis.OrganisationMapper;

    public override DateTimeZone ZoneOf(TFact fact) => basis.ZoneFor(repOf(fact));

    public override FactZones<TFact> CreateResolver() =>
        repStage?.RepZones(basis) ?? new RepZoneResolver<TFact, TRep, DelegateKey<TFact, TRep>>(basis, new DelegateKey<TFact, TRep>(repOf));
}
