using System;
using NodaTime;

namespace SalesKpi;

/// <summary>Converts instants to business days per the evaluation's zone setting (one zone, or each fact's own).</summary>
internal sealed class BusinessDays<TFact>
{
    private readonly ZoneDayCache? _zone;
    private readonly ZoneResolver<TFact>? _zones;

    public BusinessDays(EvaluationOptions<TFact> options)
    {
        if (options.ZoneOf is { } zoneOf)
        {
            _zones = new ZoneResolver<TFact>(zoneOf);
        }
        else
        {
            _zone = new ZoneDayCache(options.Zone);
        }
    }

    public ZoneDayCache? Zone => _zone;

    public ZoneResolver<TFact>? Zones => _zones;

    public int DayNumber(Instant instant, TFact fact) => _zone is not null ? _zone.DayNumber(instant) : _zones!.DayNumber(instant, fact);
}
