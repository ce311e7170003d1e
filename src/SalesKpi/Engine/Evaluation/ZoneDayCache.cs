using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// Converts instants to business days in one zone, caching the current zone interval so that while instants stay
/// inside it (months at a time for a DST zone, forever for a fixed one) the conversion is integer arithmetic only.
/// </summary>
internal sealed class ZoneDayCache
{
    internal const long TicksPerDay = 864_000_000_000L;
    private const int UnixEpochDayNumber = 719_162;

    private long _start = long.MaxValue;
    private long _end = long.MinValue;
    private long _offset;

    // The UTC tick range [_periodLow, _periodHigh) in which both the zone offset and the period stay the same,
    // and that period's slot: for facts in time order most instants fall in the range of the previous one.
    private long _periodLow = long.MaxValue;
    private long _periodHigh = long.MinValue;
    private int _periodSlot;

    public ZoneDayCache(DateTimeZone zone)
    {
        Zone = zone;
    }

    public DateTimeZone Zone { get; }

    /// <summary>Returns the business day of <paramref name="instant"/> as a <see cref="DateOnly.DayNumber"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DayNumber(Instant instant)
    {
        long ticks = instant.ToUnixTimeTicks();
        if (ticks < _start || ticks >= _end)
        {
            Refresh(instant);
        }

        long local = ticks + _offset;
        long day = local >= 0 ? local / TicksPerDay : ((local + 1) / TicksPerDay) - 1;
        return (int)day + UnixEpochDayNumber;
    }

    /// <summary>Returns the slot of the period containing the business day of <paramref name="instant"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PeriodSlot(Instant instant, PeriodSlots periods)
    {
        long ticks = instant.ToUnixTimeTicks();
        return ticks >= _periodLow && ticks < _periodHigh ? _periodSlot : PeriodSlotSlow(instant, periods);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int PeriodSlotSlow(Instant instant, PeriodSlots periods)
    {
        int slot = periods.SlotOfDay(DayNumber(instant));
        var (startDay, endDay) = periods.DayRange(slot);
        long low = ((startDay - UnixEpochDayNumber) * TicksPerDay) - _offset;
        long high = ((endDay - UnixEpochDayNumber) * TicksPerDay) - _offset;
        _periodLow = Math.Max(low, _start);
        _periodHigh = Math.Min(high, _end);
        _periodSlot = slot;
        return slot;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refresh(Instant instant)
    {
        var interval = Zone.GetZoneInterval(instant);
        _start = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue;
        _end = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
        _offset = interval.WallOffset.Ticks;
    }
}

/// <summary>Finds the day cache of each fact's own zone (for example the rep's home zone), remembering the last hit.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
internal sealed class ZoneResolver<TFact>
{
    private readonly Func<TFact, DateTimeZone> _zoneOf;
    private ZoneDayCache[] _caches = [];
    private ZoneDayCache? _last;

    public ZoneResolver(Func<TFact, DateTimeZone> zoneOf)
    {
        _zoneOf = zoneOf;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DayNumber(Instant instant, TFact fact)
    {
        var zone = _zoneOf(fact);
        var last = _last;
        if (last is null || !ReferenceEquals(last.Zone, zone))
        {
            last = Find(zone);
        }

        return last.DayNumber(instant);
    }

    /// <summary>Returns the slot of the period containing the business day of <paramref name="instant"/> in the fact's zone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PeriodSlot(Instant instant, TFact fact, PeriodSlots periods)
    {
        var zone = _zoneOf(fact);
        var last = _last;
        if (last is null || !ReferenceEquals(last.Zone, zone))
        {
            last = Find(zone);
        }

        return last.PeriodSlot(instant, periods);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ZoneDayCache Find(DateTimeZone? zone)
    {
        if (zone is null)
        {
            throw Errors.Argument("The per-fact zone selector returned null for a fact.", "options");
        }

        foreach (var cache in _caches)
        {
            if (ReferenceEquals(cache.Zone, zone))
            {
                _last = cache;
                return cache;
            }
        }

        var created = new ZoneDayCache(zone);
        Array.Resize(ref _caches, _caches.Length + 1);
        _caches[^1] = created;
        _last = created;
        return created;
    }
}
