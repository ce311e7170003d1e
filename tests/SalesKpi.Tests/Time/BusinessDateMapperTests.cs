using System;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Time;

public sealed class BusinessDateMapperTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly BusinessDateMapper NewYorkDates = new(NewYork);
    private static readonly BusinessDateMapper BerlinDates = new(Berlin);

    [Fact]
    public void An_instant_near_midnight_falls_on_different_dates_in_two_zones()
    {
        // 03:30 UTC on 27 Nov 2026 is 22:30 on the 26th in New York (EST, UTC-5) and 04:30 on the 27th in Berlin (CET, UTC+1).
        var instant = Instant.FromUtc(2026, 11, 27, 3, 30);
        Assert.Equal(new LocalDate(2026, 11, 26), NewYorkDates.ToDate(instant));
        Assert.Equal(new LocalDate(2026, 11, 27), BerlinDates.ToDate(instant));

        // 23:30 UTC on 26 Nov is 00:30 on the 27th in Berlin, 18:30 on the 26th in New York.
        var late = Instant.FromUtc(2026, 11, 26, 23, 30);
        Assert.Equal(new LocalDate(2026, 11, 27), BerlinDates.ToDate(late));
        Assert.Equal(new LocalDate(2026, 11, 26), NewYorkDates.ToDate(late));
    }

    [Fact]
    public void New_York_spring_forward_day_has_23_hours()
    {
        // Sun 8 Mar 2026: midnight EST = 05:00 UTC; at 07:00 UTC (02:00 EST) clocks jump to 03:00 EDT; next midnight EDT = 04:00 UTC on the 9th.
        var day = new LocalDate(2026, 3, 8);
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 5, 0), NewYorkDates.StartOfDay(day));
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 4, 0), NewYorkDates.StartOfDay(day.PlusDays(1)));
        AssertDayMapsWholly(NewYorkDates, day, hours: 23);
        Assert.Equal(day, NewYorkDates.ToDate(Instant.FromUtc(2026, 3, 8, 6, 59, 59)));
        Assert.Equal(day, NewYorkDates.ToDate(Instant.FromUtc(2026, 3, 8, 7, 0)));
        Assert.Equal(day, NewYorkDates.ToDate(Instant.FromUtc(2026, 3, 9, 3, 59, 59)));
        Assert.Equal(day.PlusDays(1), NewYorkDates.ToDate(Instant.FromUtc(2026, 3, 9, 4, 0)));
    }

    [Fact]
    public void New_York_fall_back_day_has_25_hours()
    {
        // Sun 1 Nov 2026: midnight EDT = 04:00 UTC; at 06:00 UTC (02:00 EDT) clocks go back to 01:00 EST; next midnight EST = 05:00 UTC on the 2nd.
        var day = new LocalDate(2026, 11, 1);
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 4, 0), NewYorkDates.StartOfDay(day));
        Assert.Equal(Instant.FromUtc(2026, 11, 2, 5, 0), NewYorkDates.StartOfDay(day.PlusDays(1)));
        AssertDayMapsWholly(NewYorkDates, day, hours: 25);
        Assert.Equal(day, NewYorkDates.ToDate(Instant.FromUtc(2026, 11, 2, 4, 30)));
    }

    [Fact]
    public void Berlin_transition_days_have_23_and_25_hours()
    {
        // Sun 29 Mar 2026: 00:00 CET = 23:00 UTC on the 28th; next midnight CEST = 22:00 UTC on the 29th.
        AssertDayMapsWholly(BerlinDates, new LocalDate(2026, 3, 29), hours: 23);
        Assert.Equal(Instant.FromUtc(2026, 3, 28, 23, 0), BerlinDates.StartOfDay(new LocalDate(2026, 3, 29)));

        // Sun 25 Oct 2026: 00:00 CEST = 22:00 UTC on the 24th; next midnight CET = 23:00 UTC on the 25th.
        AssertDayMapsWholly(BerlinDates, new LocalDate(2026, 10, 25), hours: 25);
        Assert.Equal(Instant.FromUtc(2026, 10, 24, 22, 0), BerlinDates.StartOfDay(new LocalDate(2026, 10, 25)));
        Assert.Equal(new LocalDate(2026, 10, 25), BerlinDates.ToDate(Instant.FromUtc(2026, 10, 25, 22, 59, 59)));
    }

    [Fact]
    public void Epoch_days_agree_with_dates()
    {
        // 2026-01-01T00:30 in Berlin is 2025-12-31T23:30 UTC: epoch day 20454 in Berlin, 20453 in UTC.
        var instant = Instant.FromUtc(2025, 12, 31, 23, 30);
        Assert.Equal(20454, BerlinDates.ToEpochDay(instant));
        Assert.Equal(20453, new BusinessDateMapper(DateTimeZone.Utc).ToEpochDay(instant));

        // Before 1970, flooring (not truncating) division: 1969-12-31T23:00 UTC is day -1.
        Assert.Equal(-1, new BusinessDateMapper(DateTimeZone.Utc).ToEpochDay(Instant.FromUtc(1969, 12, 31, 23, 0)));
    }

    [Fact]
    public void A_cursor_converts_a_stream_across_transitions_like_the_mapper()
    {
        var cursor = NewYorkDates.CreateCursor();
        var start = Instant.FromUtc(2026, 3, 7, 0, 0);
        for (int minute = 0; minute < 60 * 24 * 3; minute += 7)
        {
            var instant = start.Plus(Duration.FromMinutes(minute));
            Assert.Equal(instant.InZone(NewYork).Date, cursor.ToDate(instant));
        }

        // Going backwards and far away refreshes the cached interval.
        Assert.Equal(new LocalDate(1850, 6, 30), cursor.ToDate(Instant.FromUtc(1850, 7, 1, 4, 0)));
        Assert.Equal(new LocalDate(2026, 3, 8), cursor.ToDate(Instant.FromUtc(2026, 3, 8, 12, 0)));
        Assert.Same(NewYorkDates, cursor.Mapper);
    }

    [Theory]
    [InlineData(1000, 3000)] // wide: coarser buckets, several transitions per bucket
    [InlineData(2026, 2027)] // narrow: most instants take the fallback path
    public void Any_table_range_gives_NodaTime_dates(int fromYear, int toYear)
    {
        var range = new NodaTime.Interval(Instant.FromUtc(fromYear, 1, 1, 0, 0), Instant.FromUtc(toYear, 1, 1, 0, 0));
        var mapper = new BusinessDateMapper(NewYork, range);
        var random = new Random(20261127);
        for (int i = 0; i < 20_000; i++)
        {
            var instant = Instant.FromUnixTimeSeconds(random.NextInt64(-2_208_988_800L, 4_102_444_800L)); // 1900 .. 2100
            Assert.Equal(instant.InZone(NewYork).Date, mapper.ToDate(instant));
        }
    }

    [Fact]
    public void The_default_cursor_has_no_mapper()
    {
        var cursor = default(BusinessDateCursor);
        Assert.Throws<InvalidOperationException>(() => cursor.ToEpochDay(Instant.FromUtc(2026, 1, 1, 0, 0)));
    }

    [Fact]
    public void The_table_range_must_be_bounded_and_non_empty()
    {
        var point = Instant.FromUtc(2026, 1, 1, 0, 0);
        var error = Assert.Throws<ArgumentException>(() => new BusinessDateMapper(Berlin, new NodaTime.Interval(point, point)));
        Assert.Equal("tableRange", error.ParamName);
        Assert.Throws<ArgumentException>(() => new BusinessDateMapper(Berlin, new NodaTime.Interval(null, point)));
        Assert.Throws<ArgumentNullException>(() => new BusinessDateMapper(null!));
    }

    [Fact]
    public void Mappers_and_cursors_can_be_used_from_several_threads()
    {
        var start = Instant.FromUtc(2020, 1, 1, 0, 0);
        var results = Enumerable.Range(0, 4).AsParallel().Select(t =>
        {
            var cursor = BerlinDates.CreateCursor();
            for (int hour = t; hour < 24 * 365 * 3; hour += 4)
            {
                var instant = start.Plus(Duration.FromHours(hour));
                var expected = instant.InZone(Berlin).Date;
                if (cursor.ToDate(instant) != expected || BerlinDates.ToDate(instant) != expected)
                {
                    return false;
                }
            }

            return true;
        }).ToArray();
        Assert.All(results, Assert.True);
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 1000)]
    public Property Mapper_agrees_with_NodaTime_InZone_date(DateTimeZone zone, Instant instant)
    {
        var mapper = Mappers.For(zone);
        var expected = instant.InZone(zone).Date;
        return (mapper.ToDate(instant) == expected && mapper.ToEpochDay(instant) == EpochDay.FromDate(expected))
            .Label($"{zone.Id} {instant} expected {expected}");
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 300)]
    public Property Mapper_agrees_with_NodaTime_on_both_sides_of_every_transition(DateTimeZone zone, Instant instant)
    {
        // Jump to the transition nearest the instant and check a second before, at, and after it.
        var interval = zone.GetZoneInterval(instant);
        if (!interval.HasEnd || interval.End > Instant.FromUtc(2200, 1, 1, 0, 0))
        {
            return true.ToProperty();
        }

        var mapper = Mappers.For(zone);
        var cursor = mapper.CreateCursor();
        var t = interval.End;
        var probes = new[] { t - Duration.FromSeconds(1), t, t + Duration.FromSeconds(1), t + Duration.FromHours(1) };
        return probes.All(p => mapper.ToDate(p) == p.InZone(zone).Date && cursor.ToDate(p) == p.InZone(zone).Date)
            .Label($"{zone.Id} transition at {t}");
    }

    [Property(Arbitrary = [typeof(TimeArbitraries)], MaxTest = 100)]
    public Property A_cursor_over_sorted_instants_agrees_with_NodaTime(DateTimeZone zone, Instant[] instants)
    {
        var cursor = Mappers.For(zone).CreateCursor();
        var sorted = instants.Order().ToArray();
        return sorted.All(i => cursor.ToDate(i) == i.InZone(zone).Date).Label(zone.Id);
    }

    private static void AssertDayMapsWholly(BusinessDateMapper mapper, LocalDate day, int hours)
    {
        var start = mapper.StartOfDay(day);
        var end = mapper.StartOfDay(day.PlusDays(1));
        Assert.Equal(Duration.FromHours(hours), end - start);
        Assert.Equal(day.PlusDays(-1), mapper.ToDate(start - Duration.FromTicks(1)));
        for (var t = start; t < end; t += Duration.FromMinutes(15))
        {
            Assert.Equal(day, mapper.ToDate(t));
            Assert.Equal(day, t.InZone(mapper.Zone).Date);
        }

        Assert.Equal(day, mapper.ToDate(end - Duration.FromTicks(1)));
        Assert.Equal(day.PlusDays(1), mapper.ToDate(end));
    }

    /// <summary>One mapper per zone for the whole test run (building one copies 200 years of transitions).</summary>
    private static class Mappers
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, BusinessDateMapper> Cache = new();

        internal static BusinessDateMapper For(DateTimeZone zone) => Cache.GetOrAdd(zone.Id, _ => new BusinessDateMapper(zone));
    }
}
