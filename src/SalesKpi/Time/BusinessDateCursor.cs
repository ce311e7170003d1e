using System;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// A mutable, single-caller view of a <see cref="BusinessDateMapper"/> that remembers the zone offset interval of the
/// last converted instant, so that consecutive instants in the same interval convert with arithmetic only.
/// </summary>
/// <remarks>
/// Keep a cursor in a local variable (or a non-readonly field) and call it from one thread: it is a struct whose
/// cache updates in place, so a copy caches separately and a readonly copy never caches. Results never depend on the
/// cache: they always equal the mapper's. Create one with <see cref="BusinessDateMapper.CreateCursor"/>; the default
/// value has no mapper and throws.
/// </remarks>
/// <example><code>
/// var cursor = mapper.CreateCursor();
/// foreach (var activity in activities) // in time order
/// {
///     int day = cursor.ToEpochDay(activity.At);
/// }
/// </code></example>
public struct BusinessDateCursor
{
    private readonly BusinessDateMapper? mapper;
    private long start;
    private long end;
    private long offset;

    internal BusinessDateCursor(BusinessDateMapper mapper)
    {
        this.mapper = mapper;
        start = 0;
        end = 0;
        offset = 0;
    }

    /// <summary>Gets the mapper this cursor reads from.</summary>
    /// <exception cref="InvalidOperationException">This is the default value, which has no mapper.</exception>
    public readonly BusinessDateMapper Mapper => mapper ?? throw NoMapper();

    /// <summary>Returns the business date of <paramref name="instant"/> as an epoch day.</summary>
    /// <param name="instant">The event time.</param>
    /// <returns>The same value as <see cref="BusinessDateMapper.ToEpochDay"/>.</returns>
    /// <exception cref="InvalidOperationException">This is the default value, which has no mapper.</exception>
    public int ToEpochDay(Instant instant)
    {
        long ticks = instant.ToUnixTimeTicks();
        if (ticks < start || ticks >= end)
        {
            (mapper ?? throw NoMapper()).Find(ticks, out start, out end, out offset);
        }

        return BusinessDateMapper.FloorDay(ticks + offset);
    }

    /// <summary>Returns the business date of <paramref name="instant"/>.</summary>
    /// <param name="instant">The event time.</param>
    /// <returns>The same value as <see cref="BusinessDateMapper.ToDate"/>.</returns>
    /// <exception cref="InvalidOperationException">This is the default value, which has no mapper.</exception>
    public LocalDate ToDate(Instant instant)
    {
        long ticks = instant.ToUnixTimeTicks();
        if (ticks < start || ticks >= end)
        {
            (mapper ?? throw NoMapper()).Find(ticks, out start, out end, out offset);
        }

        return instant.WithOffset(Offset.FromTicks(offset)).Date;
    }

    private static InvalidOperationException NoMapper() =>
        new("The default BusinessDateCursor has no mapper; create one with BusinessDateMapper.CreateCursor().");
}
