using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// Maps instants to business dates in one time zone, fast and without allocation: the date on the wall calendar
/// of <see cref="Zone"/> at that instant.
/// </summary>
/// <remarks>
/// <para>
/// At construction the zone's offset intervals over <see cref="TableRange"/> (1900 to 2100 UTC by default) are
/// copied into two sorted arrays; adjacent intervals with the same wall offset are merged, and an index of buckets
/// of about five days points into them. A conversion inside the range is an O(1) lookup plus integer arithmetic;
/// outside it the mapper asks the zone (correct, slower). For
/// instants that arrive in time order, a <see cref="BusinessDateCursor"/> from <see cref="CreateCursor"/> remembers
/// the current interval and converts with arithmetic only until the next offset change.
/// </para>
/// <para>
/// Days on which the clocks change are 23 or 25 hours long; every instant of such a day maps to it, because the
/// mapping goes from the instant to the local wall time, never the other way.
/// </para>
/// <para>Instances are immutable and thread-safe; build one per zone and share it.</para>
/// </remarks>
/// <example><code>
/// var newYork = new BusinessDateMapper(DateTimeZoneProviders.Tzdb["America/New_York"]);
/// LocalDate date = newYork.ToDate(Instant.FromUtc(2026, 11, 27, 3, 30)); // 2026-11-26 (22:30 local)
/// </code></example>
public sealed class BusinessDateMapper
{
    private const long TicksPerDay = 864_000_000_000L;

    /// <summary>Buckets of 2^42 ticks (about 5.1 days) index the table, at most <see cref="MaxBuckets"/> of them.</summary>
    private const int MinBucketShift = 42;
    private const int MaxBuckets = 1 << 16;

    private readonly long[] starts;
    private readonly long[] offsets;
    private readonly long tableEnd;

    /// <summary>For each bucket, the table index of the interval holding the bucket's first tick in the range.</summary>
    private readonly int[] bucketFirst;
    private readonly int bucketShift;
    private readonly long firstBucket;

    /// <summary>Creates a mapper for <paramref name="zone"/> with a table from 1900-01-01 to 2100-01-01 UTC.</summary>
    /// <param name="zone">The business time zone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public BusinessDateMapper(DateTimeZone zone)
        : this(zone, new Interval(Instant.FromUtc(1900, 1, 1, 0, 0), Instant.FromUtc(2100, 1, 1, 0, 0)))
    {
    }

    /// <summary>Creates a mapper for <paramref name="zone"/> with a precomputed table over <paramref name="tableRange"/>.</summary>
    /// <param name="zone">The business time zone.</param>
    /// <param name="tableRange">The instants converted from the table; others are converted by asking the zone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableRange"/> is unbounded or empty.</exception>
    public BusinessDateMapper(DateTimeZone zone, Interval tableRange)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!tableRange.HasStart || !tableRange.HasEnd || tableRange.End <= tableRange.Start)
        {
            throw new ArgumentException($"The table range {tableRange} must have a start and a later end.", nameof(tableRange));
        }

        Zone = zone;
        TableRange = tableRange;
        long rangeStart = tableRange.Start.ToUnixTimeTicks();
        tableEnd = tableRange.End.ToUnixTimeTicks();
        var startList = new List<long>();
        var offsetList = new List<long>();
        foreach (var interval in zone.GetZoneIntervals(tableRange))
        {
            long start = interval.HasStart ? Math.Max(interval.Start.ToUnixTimeTicks(), rangeStart) : rangeStart;
            long offset = interval.WallOffset.Ticks;
            if (offsetList.Count > 0 && offsetList[^1] == offset)
            {
                continue;
            }

            startList.Add(start);
            offsetList.Add(offset);
        }

        starts = [.. startList];
        offsets = [.. offsetList];

        bucketShift = MinBucketShift;
        while (((tableEnd - 1) >> bucketShift) - (rangeStart >> bucketShift) + 1 > MaxBuckets)
        {
            bucketShift++;
        }

        firstBucket = rangeStart >> bucketShift;
        bucketFirst = new int[(int)(((tableEnd - 1) >> bucketShift) - firstBucket + 1)];
        int index = 0;
        for (int b = 0; b < bucketFirst.Length; b++)
        {
            long bucketStart = Math.Max(rangeStart, (firstBucket + b) << bucketShift);
            while (index + 1 < starts.Length && starts[index + 1] <= bucketStart)
            {
                index++;
            }

            bucketFirst[b] = index;
        }
    }

    /// <summary>Gets the business time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the range of instants converted from the precomputed table.</summary>
    public Interval TableRange { get; }

    /// <summary>Gets the number of offset intervals in the table (after merging equal neighbours).</summary>
    public int IntervalCount => starts.Length;

    /// <summary>Returns the business date of <paramref name="instant"/>: its local date in <see cref="Zone"/>.</summary>
    /// <param name="instant">The event time.</param>
    /// <returns>The same date as <c>instant.InZone(Zone).Date</c>, without allocating.</returns>
    /// <remarks>Building a <see cref="LocalDate"/> costs about as much as the zone lookup; to bucket many facts by date, prefer <see cref="ToEpochDay"/> or a <see cref="BusinessDateCursor"/>.</remarks>
    public LocalDate ToDate(Instant instant)
    {
        long ticks = instant.ToUnixTimeTicks();
        Find(ticks, out _, out _, out long offset);
        return instant.WithOffset(Offset.FromTicks(offset)).Date;
    }

    /// <summary>Returns the business date of <paramref name="instant"/> as an epoch day (days since 1970-01-01 in <see cref="Zone"/>).</summary>
    /// <param name="instant">The event time.</param>
    /// <returns><c>EpochDay.FromDate(ToDate(instant))</c>, computed with integer arithmetic only.</returns>
    public int ToEpochDay(Instant instant)
    {
        long ticks = instant.ToUnixTimeTicks();
        Find(ticks, out _, out _, out long offset);
        return FloorDay(ticks + offset);
    }

    /// <summary>Returns the first instant of <paramref name="date"/> in <see cref="Zone"/>.</summary>
    /// <param name="date">The business date.</param>
    /// <returns>
    /// The instant of local midnight, or of the first local time of the day when the clocks skip midnight; the day
    /// is <c>[StartOfDay(date), StartOfDay(date + 1))</c>, 23, 24 or 25 hours long.
    /// </returns>
    public Instant StartOfDay(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();

    /// <summary>Creates a cursor that converts instants arriving in (roughly) time order with arithmetic only.</summary>
    /// <returns>A new cursor; each thread or caller keeps its own in a local variable.</returns>
    public BusinessDateCursor CreateCursor() => new(this);

    /// <summary>Returns the mapper's zone id.</summary>
    /// <returns>The zone id.</returns>
    public override string ToString() => Zone.Id;

    internal static int FloorDay(long localTicks)
    {
        long day = localTicks / TicksPerDay;
        if (localTicks % TicksPerDay < 0)
        {
            day--;
        }

        return (int)day;
    }

    /// <summary>Finds the offset interval <c>[start, end)</c> (in Unix ticks) containing <paramref name="ticks"/>.</summary>
    internal void Find(long ticks, out long start, out long end, out long offset)
    {
        if (ticks >= starts[0] && ticks < tableEnd)
        {
            // O(1): jump to the bucket, then step over the (rarely more than one) transitions inside it.
            int lo = bucketFirst[(int)((ticks >> bucketShift) - firstBucket)];
            while (lo + 1 < starts.Length && starts[lo + 1] <= ticks)
            {
                lo++;
            }

            start = starts[lo];
            end = lo + 1 < starts.Length ? starts[lo + 1] : tableEnd;
            offset = offsets[lo];
            return;
        }

        var interval = Zone.GetZoneInterval(Instant.FromUnixTimeTicks(ticks));
        start = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue;
        end = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
        offset = interval.WallOffset.Ticks;
    }
}
