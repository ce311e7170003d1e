using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// For hand-written loops: the local date (days since 1970-01-01) of a UTC instant in one of a few zones, remembering
/// each zone's current offset interval so NodaTime is asked only when an instant leaves it (about twice a year).
/// </summary>
internal sealed class ZoneDays
{
    private readonly DateTimeZone[] _zones;
    private readonly long[] _start;
    private readonly long[] _end;
    private readonly long[] _offset;

    public ZoneDays(DateTimeZone[] zones)
    {
        _zones = zones;
        _start = new long[zones.Length];
        _end = new long[zones.Length];
        _offset = new long[zones.Length];
        Array.Fill(_start, long.MaxValue);
        Array.Fill(_end, long.MinValue);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int UnixDay(int zone, long unixTicks)
    {
        if (unixTicks < _start[zone] || unixTicks >= _end[zone])
        {
            Refresh(zone, unixTicks);
        }

        long local = unixTicks + _offset[zone];
        return (int)(local >= 0 ? local / Dataset.TicksPerDay : ((local + 1) / Dataset.TicksPerDay) - 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refresh(int zone, long unixTicks)
    {
        var interval = _zones[zone].GetZoneInterval(Instant.FromUnixTimeTicks(unixTicks));
        _start[zone] = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue;
        _end[zone] = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
        _offset[zone] = interval.WallOffset.Ticks;
    }
}
