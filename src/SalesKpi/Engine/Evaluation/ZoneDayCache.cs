using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// Converts instants to business days in one zone, caching the current zone interval so that while instants stay
/// inside it (months at a time for a DST zone, forever for a fixed one) the conversion is integer arithmetic only,
/// and the tick range of the current period so that placing an instant in its period is one comparison.
/// </summary>
/// <remarks>
/// The interval cache is the algorithm of <see cref="BusinessDateCursor"/>, extended with the period range a cursor does
/// not know. When the evaluation's <see cref="BusinessDateBasis{TRep}"/> already holds a <see cref="BusinessDateMapper"/>
/// for the zone, a refresh reads the mapper's table; otherwise it asks the zone (as fast, measured, and it costs no
/// table of two centuries of offsets per evaluation).
/// </remarks>
internal sealed class ZoneDayCache
{
    private readonly BusinessDateMapper? _mapper;

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

    public ZoneDayCache(DateTimeZone zone, BusinessDateMapper? mapper = null)
    {
        Zone = zone;
        _mapper = mapper;
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
    public int PeriodSlot(Instant instant, PeriodSlots periods) => PeriodSlot(instant.ToUnixTimeTicks(), periods);

    /// <summary>Returns the slot of the period containing the business day of the instant of <paramref name="unixTicks"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PeriodSlot(long unixTicks, PeriodSlots periods) =>
        unixTicks >= _periodLow && unixTicks < _periodHigh ? _periodSlot : PeriodSlotSlow(unixTicks, periods);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int PeriodSlotSlow(long unixTicks, PeriodSlots periods)
    {
        var instant = Instant.FromUnixTimeTicks(unixTicks);
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
        if (_mapper is not null)
        {
            _mapper.Find(instant.ToUnixTimeTicks(), out _start, out _end, out _offset);
            return;
        }

        var interval = Zone.GetZoneInterval(instant);
        _start = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue;
        _end = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
        _offset = interval.WallOffset.Ticks;
    }
}

/// <summary>Finds the business day of an instant in the zone of its fact (per-fact zones).</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
internal abstract class FactZones<TFact>
{
    public abstract int DayNumber(Instant instant, in TFact fact);

    /// <summary>Returns the slot of the period containing the business day of <paramref name="instant"/> in the fact's zone.</summary>
    public virtual int PeriodSlot(Instant instant, in TFact fact, PeriodSlots periods) => periods.SlotOfDay(DayNumber(instant, in fact));

    /// <summary>Returns the slot of the period containing the business day of the instant of <paramref name="unixTicks"/> in the fact's zone.</summary>
    public virtual int PeriodSlot(long unixTicks, in TFact fact, PeriodSlots periods) => PeriodSlot(Instant.FromUnixTimeTicks(unixTicks), in fact, periods);
}

/// <summary>Finds the day cache of each fact's own zone (for example the rep's home zone), remembering the last hit.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
internal sealed class ZoneResolver<TFact> : FactZones<TFact>
{
    private readonly Func<TFact, DateTimeZone> _zoneOf;
    private ZoneDayCache[] _caches = [];
    private ZoneDayCache? _last;

    public ZoneResolver(Func<TFact, DateTimeZone> zoneOf)
    {
        _zoneOf = zoneOf;
    }

    public override int DayNumber(Instant instant, in TFact fact) => CacheOf(in fact).DayNumber(instant);

    public override int PeriodSlot(Instant instant, in TFact fact, PeriodSlots periods) => CacheOf(in fact).PeriodSlot(instant, periods);

    public override int PeriodSlot(long unixTicks, in TFact fact, PeriodSlots periods) => CacheOf(in fact).PeriodSlot(unixTicks, periods);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ZoneDayCache CacheOf(in TFact fact)
    {
        var zone = _zoneOf(fact);
        var last = _last;
        return last is not null && ReferenceEquals(last.Zone, zone) ? last : Find(zone);
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

/// <summary>
/// The rep home-zone basis: each fact's rep (a dense slot per distinct rep) maps to the day cache of its home zone,
/// asked of the <see cref="BusinessDateBasis{TRep}"/> once per rep, not once per fact. Reps of one zone share its cache
/// and the basis's memoised <see cref="BusinessDateMapper"/>.
/// </summary>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TRep">The rep key type.</typeparam>
/// <typeparam name="TRepSelector">The rep selector's type (a delegate wrapper, or a value-type selector read inline).</typeparam>
internal sealed class RepZoneResolver<TFact, TRep, TRepSelector>(BusinessDateBasis<TRep> basis, TRepSelector repOf) : FactZones<TFact>
    where TRep : notnull
    where TRepSelector : struct, IFactKey<TFact, TRep>
{
    private readonly TRepSelector _repOf = repOf;

    // A delegate rep selector is called directly: in code shared across reference-type facts a method of the selector
    // struct is found through the generic dictionary on every call.
    private readonly Func<TFact, TRep>? _repDelegate = repOf is DelegateKey<TFact, TRep> wrapped ? wrapped.Delegate : null;

    private readonly KeyMap<TRep> _reps = new();
    private ZoneDayCache?[] _byRep = new ZoneDayCache?[16];
    private ZoneDayCache[] _caches = [];

    // The rep of the previous fact and its cache: facts of one rep often come together (a rep's day, a rep's export),
    // and then the rep's slot need not be looked up again.
    private TRep? _lastRep;
    private ZoneDayCache? _lastCache;

    public override int DayNumber(Instant instant, in TFact fact) => CacheOf(in fact).DayNumber(instant);

    public override int PeriodSlot(Instant instant, in TFact fact, PeriodSlots periods) => CacheOf(in fact).PeriodSlot(instant, periods);

    public override int PeriodSlot(long unixTicks, in TFact fact, PeriodSlots periods) => CacheOf(in fact).PeriodSlot(unixTicks, periods);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ZoneDayCache CacheOf(in TFact fact)
    {
        var rep = _repDelegate is { } repDelegate ? repDelegate(fact) : _repOf.KeyOf(in fact);
        if (rep is null)
        {
            throw Errors.Argument("The rep selector of the business-date basis returned null for a fact.", "options");
        }

        var last = _lastCache;
        if (last is not null && EqualityComparer<TRep>.Default.Equals(rep, _lastRep))
        {
            return last;
        }

        return Look(rep);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ZoneDayCache Look(TRep rep)
    {
        int r = _reps.GetOrAdd(rep);
        var byRep = _byRep;
        var cache = (uint)r < (uint)byRep.Length && byRep[r] is { } known ? known : Slow(r);
        _lastRep = rep;
        _lastCache = cache;
        return cache;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ZoneDayCache Slow(int slot)
    {
        var rep = _reps[slot];
        var zone = basis.ZoneOrNull(rep)
            ?? throw Errors.Argument(string.Create(CultureInfo.InvariantCulture, $"The home-zone function returned no zone for rep {rep}."), "options");
        ZoneDayCache? found = null;
        foreach (var cache in _caches)
        {
            if (ReferenceEquals(cache.Zone, zone))
            {
                found = cache;
                break;
            }
        }

        if (found is null)
        {
            found = new ZoneDayCache(zone, basis.MapperOf(zone));
            Array.Resize(ref _caches, _caches.Length + 1);
            _caches[^1] = found;
        }

        if (slot >= _byRep.Length)
        {
            Array.Resize(ref _byRep, Math.Max(slot + 1, _byRep.Length * 2));
        }

        _byRep[slot] = found;
        return found;
    }
}
