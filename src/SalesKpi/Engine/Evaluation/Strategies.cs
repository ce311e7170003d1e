using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>Finds a fact's key slot; a struct so the evaluation loop is specialised per strategy.</summary>
internal interface IGroupStrategy<TFact, TKey>
{
    int Slot(in TFact fact, KeyMap<TKey> keys);
}

/// <summary>Finds a fact's period slot; a struct so the evaluation loop is specialised per strategy.</summary>
internal interface ITimeStrategy<TFact>
{
    int Slot(in TFact fact, PeriodSlots periods);
}

internal readonly struct NoGroup<TFact, TKey> : IGroupStrategy<TFact, TKey>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Slot(in TFact fact, KeyMap<TKey> keys) => 0;
}

internal readonly struct SelectorGroup<TFact, TKey>(Func<TFact, TKey> selector) : IGroupStrategy<TFact, TKey>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Slot(in TFact fact, KeyMap<TKey> keys) => keys.GetOrAdd(selector(fact));
}

internal readonly struct NoTime<TFact> : ITimeStrategy<TFact>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Slot(in TFact fact, PeriodSlots periods) => 0;
}

internal readonly struct ZonedInstantTime<TFact>(Func<TFact, Instant> instant, ZoneDayCache zone) : ITimeStrategy<TFact>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Slot(in TFact fact, PeriodSlots periods) => periods.SlotOfDay(zone.DayNumber(instant(fact)));
}

internal readonly struct PerFactZoneInstantTime<TFact>(Func<TFact, Instant> instant, ZoneResolver<TFact> zones) : ITimeStrategy<TFact>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Slot(in TFact fact, PeriodSlots periods) => periods.SlotOfDay(zones.DayNumber(instant(fact), fact));
}

internal readonly struct DateSelectorTime<TFact>(Func<TFact, LocalDate> date) : ITimeStrategy<TFact>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Slot(in TFact fact, PeriodSlots periods) => periods.SlotOfDay(PeriodSlots.DayNumber(date(fact)));
}

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
