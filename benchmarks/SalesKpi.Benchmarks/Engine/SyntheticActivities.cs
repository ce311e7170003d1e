using System;
using NodaTime;

namespace SalesKpi.Benchmarks.Engine;

/// <summary>
/// Fast synthetic activities for the engine benchmarks (the sample organisation takes about a second per million):
/// a year of activities in time order, about 12,500 per rep (50 per working day), reps in three zones, six kinds,
/// call outcomes and durations, and an account on a third of them.
/// </summary>
internal static class SyntheticActivities
{
    public static readonly DateTimeZone[] Zones =
    [
        DateTimeZoneProviders.Tzdb["America/New_York"],
        DateTimeZoneProviders.Tzdb["Europe/Berlin"],
        DateTimeZoneProviders.Tzdb["Australia/Sydney"],
    ];

    public static int RepCount(int n) => Math.Max(12, n / 12_500);

    public static SalesActivity[] Generate(int n, int seed)
    {
        var random = new Random(seed);
        int reps = RepCount(n);
        long start = Instant.FromUtc(2026, 1, 1, 0, 0).ToUnixTimeTicks();
        long span = Duration.FromDays(365).BclCompatibleTicks;
        var kinds = new[]
        {
            SalesActivityKind.Call, SalesActivityKind.Call, SalesActivityKind.Call, SalesActivityKind.Email,
            SalesActivityKind.Email, SalesActivityKind.Reply, SalesActivityKind.Meeting, SalesActivityKind.Note,
        };
        var facts = new SalesActivity[n];
        for (int i = 0; i < n; i++)
        {
            long t = start + (span / n * i) + random.NextInt64(Math.Max(1, span / n));
            var kind = kinds[random.Next(kinds.Length)];
            var outcome = kind == SalesActivityKind.Call
                ? (random.Next(5) == 0 ? SalesActivityOutcome.Connected : SalesActivityOutcome.NoAnswer)
                : kind == SalesActivityKind.Meeting ? SalesActivityOutcome.Held : SalesActivityOutcome.None;
            Duration? duration = kind == SalesActivityKind.Call ? Duration.FromSeconds(random.Next(10, 900)) : null;
            var account = random.Next(3) == 0 ? AccountId.Of(random.Next(Math.Max(10, n / 100))) : default;
            facts[i] = new SalesActivity(ActivityId.Of(i), RepId.Of(random.Next(reps)), Instant.FromUnixTimeTicks(t), kind, outcome, duration, account: account);
        }

        return facts;
    }

    public static DateTimeZone ZoneOf(RepId rep) => Zones[rep.Value % Zones.Length];
}
