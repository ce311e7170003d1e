using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi.SampleData;

internal sealed partial class Generator
{
    private readonly WeightedChoice _usageHours = new(Catalog.UsageHourWeights);
    private readonly WeightedChoice _featureChoice = new(Catalog.FeatureWeights);

    /// <summary>Returns the account's live days inside the period as day-index pairs [start, end), and their total.</summary>
    private int LiveSegments(AccountPlan account, List<int> segments)
    {
        segments.Clear();
        int total = 0;
        for (int i = 0; i < account.Live.Count; i += 2)
        {
            int from = Math.Max(account.Live[i], _time.StartDay);
            int to = Math.Min(account.Live[i + 1], _time.EndDay);
            if (to > from)
            {
                segments.Add(from);
                segments.Add(to);
                total += to - from;
            }
        }

        return total;
    }

    /// <summary>Draws a live day of the account, a working day of its zone's calendar with high probability.</summary>
    private int LiveDay(List<int> segments, int liveDays, int calendar, double weekendChance, ref Xoshiro256 rng)
    {
        int day = segments[0];
        for (int attempt = 0; attempt < 10; attempt++)
        {
            int x = rng.NextInt(liveDays);
            for (int i = 0; i < segments.Count; i += 2)
            {
                int length = segments[i + 1] - segments[i];
                if (x < length)
                {
                    day = segments[i] + x;
                    break;
                }

                x -= length;
            }

            if (_time.IsWorking(calendar, day) || rng.Chance(weekendChance))
            {
                break;
            }
        }

        return day;
    }

    /// <summary>Apportions <paramref name="total"/> items over customer accounts in proportion to a weight; returns the per-account counts.</summary>
    private int[] Apportion(int total, Func<AccountPlan, int, double> weight, long stream)
    {
        var counts = new int[_accounts.Length];
        var segments = new List<int>();
        var weights = new long[_accounts.Length];
        long sum = 0;
        for (int a = 0; a < _accounts.Length; a++)
        {
            AccountPlan account = _accounts[a];
            if (!account.EverCustomer || account.Users == 0)
            {
                continue;
            }

            int liveDays = LiveSegments(account, segments);
            weights[a] = (long)(weight(account, liveDays) * 1000.0);
            sum = checked(sum + weights[a]);
        }

        if (total == 0 || sum == 0)
        {
            return counts;
        }

        var allocation = new Allocation(total, sum, new Xoshiro256(_seed, stream).NextLong(sum));
        long cumulative = 0;
        long below = 0;
        for (int a = 0; a < counts.Length; a++)
        {
            cumulative += weights[a];
            long upTo = allocation.Below(cumulative);
            counts[a] = (int)(upTo - below);
            below = upTo;
        }

        return counts;
    }

    private void GenerateUsage(out UsageSession[] sessions, out FeatureUsage[] featureUsage)
    {
        int[] counts = Apportion(_options.ResolvedSessions, static (a, days) => a.Users * (double)days * a.Engagement, UsageStream);
        var rng = new Xoshiro256(_seed, UsageStream);
        sessions = new UsageSession[_options.ResolvedSessions];
        var features = new List<FeatureUsage>(sessions.Length);
        var segments = new List<int>();
        var batch = new (long Start, int User, int Seconds)[16];
        int index = 0;
        for (int a = 0; a < _accounts.Length; a++)
        {
            int k = counts[a];
            if (k == 0)
            {
                continue;
            }

            AccountPlan account = _accounts[a];
            int zone = Catalog.RegionPrimaryZone[account.Region];
            int calendar = Catalog.ZoneCalendar[zone];
            long end = _time.EventEnd(zone);
            int liveDays = LiveSegments(account, segments);
            if (batch.Length < k)
            {
                batch = new (long, int, int)[Math.Max(k, batch.Length * 2)];
            }

            for (int j = 0; j < k; j++)
            {
                int day = LiveDay(segments, liveDays, calendar, 0.12, ref rng);
                int second = ((7 + _usageHours.Sample(ref rng)) * 3600) + rng.NextInt(3600);
                double u = rng.NextDouble();
                int user = account.FirstUser + (int)(account.Users * u * u);
                int seconds = (int)Math.Clamp(Math.Round(rng.LogNormal(660.0, 0.9)), 30.0, 14_400.0);
                batch[j] = (_time.LocalTicks(zone, day, second), user, seconds);
            }

            Array.Sort(batch, 0, k);
            var accountId = AccountId.Of(a);
            for (int j = 0; j < k; j++)
            {
                (long start, int user, int seconds) = batch[j];
                var userId = UserId.Of(user);
                sessions[index++] = new UsageSession(accountId, userId, Instant.FromUnixTimeTicks(start), Duration.FromSeconds(seconds));
                int uses = rng.NextInt(100) switch
                {
                    < 30 => 0,
                    < 70 => 1,
                    < 90 => 2,
                    _ => 3,
                };
                long latest = Math.Min(seconds, (end - start) / TimeTable.TicksPerSecond - 1);
                for (int f = 0; f < uses && latest >= 0; f++)
                {
                    string feature = Catalog.Features[_featureChoice.Sample(ref rng)];
                    long at = start + (rng.NextLong(latest + 1) * TimeTable.TicksPerSecond);
                    int count = 1;
                    while (count < 10 && rng.Chance(0.5))
                    {
                        count++;
                    }

                    features.Add(new FeatureUsage(accountId, userId, feature, Instant.FromUnixTimeTicks(at), count));
                }
            }
        }

        if (index != sessions.Length)
        {
            Array.Resize(ref sessions, index);
        }

        featureUsage = [.. features];
    }

    private SupportTicket[] GenerateTickets()
    {
        int total = _options.ResolvedSessions / 40;
        int[] counts = Apportion(total, static (a, days) => Math.Sqrt(a.Users) * days * 1.5 / a.Engagement, TicketStream);
        var rng = new Xoshiro256(_seed, TicketStream ^ 0x5A5A);
        var tickets = new List<SupportTicket>(total);
        var segments = new List<int>();
        var batch = new (long Opened, long Closed, int User)[16];
        for (int a = 0; a < _accounts.Length; a++)
        {
            int k = counts[a];
            if (k == 0)
            {
                continue;
            }

            AccountPlan account = _accounts[a];
            int zone = Catalog.RegionPrimaryZone[account.Region];
            int calendar = Catalog.ZoneCalendar[zone];
            long end = _time.EventEnd(zone);
            int liveDays = LiveSegments(account, segments);
            if (batch.Length < k)
            {
                batch = new (long, long, int)[Math.Max(k, batch.Length * 2)];
            }

            for (int j = 0; j < k; j++)
            {
                int day = LiveDay(segments, liveDays, calendar, 0.05, ref rng);
                long opened = _time.LocalTicks(zone, day, (8 * 3600) + rng.NextInt(10 * 3600));
                long open = (long)Math.Clamp(rng.LogNormal(18.0 * 3600.0, 1.1), 600.0, 45.0 * 86_400.0) * TimeTable.TicksPerSecond;
                long closed = opened + open;
                int user = rng.Chance(0.85) ? account.FirstUser + rng.NextInt(account.Users) : -1;
                batch[j] = (opened, closed >= end ? long.MaxValue : closed, user);
            }

            Array.Sort(batch, 0, k);
            for (int j = 0; j < k; j++)
            {
                (long opened, long closed, int user) = batch[j];
                tickets.Add(new SupportTicket(
                    TicketId.Of(tickets.Count),
                    AccountId.Of(a),
                    Instant.FromUnixTimeTicks(opened),
                    closed == long.MaxValue ? null : Instant.FromUnixTimeTicks(closed),
                    user < 0 ? UserId.None : UserId.Of(user)));
            }
        }

        return [.. tickets];
    }
}
