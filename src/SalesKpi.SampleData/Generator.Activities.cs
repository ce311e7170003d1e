using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NodaTime;

namespace SalesKpi.SampleData;

internal sealed partial class Generator
{
    private const int WeightScale = 10_000;

    private readonly WeightedChoice _sdrKinds = new(Catalog.SdrKindWeights);
    private readonly WeightedChoice _aeKinds = new(Catalog.AeKindWeights);
    private readonly WeightedChoice _amKinds = new(Catalog.AmKindWeights);
    private readonly WeightedChoice _sdrHours = new(Catalog.SdrHourWeights);
    private readonly WeightedChoice _closerHours = new(Catalog.CloserHourWeights);

    /// <summary>
    /// Generates exactly <see cref="SampleOptions.Activities"/> activities. Lead hand-offs come from the funnel (one
    /// <see cref="SalesActivityKind.LeadPassed"/> per sales acceptance, thinned if they would exceed a fifth of the
    /// total); the rest are apportioned over every rep's working days in proportion to a daily weight (role rate, skill,
    /// weekday, season, noise, time off, ramp-up) by systematic sampling, which hits the total exactly. Each rep is then
    /// generated from its own random stream into its own slice of the array, so reps can be generated in parallel
    /// with identical results.
    /// </summary>
    private SalesActivity[] GenerateActivities()
    {
        int total = _options.Activities;
        int repCount = _reps.Length;
        List<(long Ticks, int Lead, int Day)>[] events = SelectHandOffs(total / 5);
        long eventCount = 0;
        foreach (var list in events)
        {
            eventCount += list.Count;
        }

        long drawn = total - eventCount;
        var weightStart = new long[repCount + 1];
        var buffer = new long[_time.PeriodDays];
        for (int r = 0; r < repCount; r++)
        {
            ComputeWeights(r, buffer);
            long sum = 0;
            foreach (long w in buffer)
            {
                sum += w;
            }

            weightStart[r + 1] = checked(weightStart[r] + sum);
        }

        long totalWeight = weightStart[repCount];
        if (totalWeight <= 0)
        {
            throw new InvalidOperationException("No rep has a working day in the period.");
        }

        var allocation = new Allocation(drawn, totalWeight, new Xoshiro256(_seed, AllocationStream).NextLong(totalWeight));
        var offsets = new int[repCount + 1];
        for (int r = 0; r < repCount; r++)
        {
            long count = allocation.Below(weightStart[r + 1]) - allocation.Below(weightStart[r]) + events[r].Count;
            offsets[r + 1] = checked(offsets[r] + (int)count);
        }

        var output = new SalesActivity[total];
        int[][] repLeads = Bucket(_leadOwner, repCount);
        int[][] repDeals = Bucket(_dealOwner, repCount);
        var accountOwners = new int[_accounts.Length];
        for (int a = 0; a < accountOwners.Length; a++)
        {
            accountOwners[a] = _accounts[a].EverCustomer ? _accounts[a].Owner : -1;
        }

        int[][] repAccounts = Bucket(accountOwners, repCount);
        Parallel.For(
            0,
            repCount,
            new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism },
            () => new long[_time.PeriodDays],
            (r, _, weights) =>
            {
                var slice = new RepSlice(offsets[r], weightStart[r], events[r], repLeads[r], repDeals[r], repAccounts[r]);
                GenerateRep(r, slice, allocation, weights, output);
                return weights;
            },
            static _ => { });
        return output;
    }

    private static int[][] Bucket(int[] owners, int repCount)
    {
        var counts = new int[repCount];
        foreach (int owner in owners)
        {
            if (owner >= 0)
            {
                counts[owner]++;
            }
        }

        var buckets = new int[repCount][];
        for (int r = 0; r < repCount; r++)
        {
            buckets[r] = new int[counts[r]];
            counts[r] = 0;
        }

        for (int i = 0; i < owners.Length; i++)
        {
            int owner = owners[i];
            if (owner >= 0)
            {
                buckets[owner][counts[owner]++] = i;
            }
        }

        return buckets;
    }

    /// <summary>Returns, per rep, the hand-offs made while the rep worked as an SDR, at most <paramref name="cap"/> in all (exactly <paramref name="cap"/> chosen at random when more).</summary>
    private List<(long Ticks, int Lead, int Day)>[] SelectHandOffs(int cap)
    {
        var eligible = new List<(long Ticks, int Lead, int Day)>[_reps.Length];
        long count = 0;
        for (int r = 0; r < _reps.Length; r++)
        {
            RepPlan rep = _reps[r];
            var list = new List<(long, int, int)>();
            foreach ((long ticks, int lead) in _handOffs[r])
            {
                int day = _time.DayOf(rep.Zone, ticks);
                if (day >= _time.StartDay && day < _time.EndDay && rep.RoleOn(day) == RepRole.Sdr && _time.IsWorking(rep.Calendar, day))
                {
                    list.Add((ticks, lead, day));
                }
            }

            list.Sort();
            eligible[r] = list;
            count += list.Count;
        }

        if (count <= cap)
        {
            return eligible;
        }

        // Selection sampling (Knuth's algorithm S): exactly cap of count, each equally likely, in order.
        var rng = new Xoshiro256(_seed, EventThinningStream);
        long needed = cap;
        long left = count;
        for (int r = 0; r < eligible.Length; r++)
        {
            var kept = new List<(long, int, int)>();
            foreach (var item in eligible[r])
            {
                if (rng.NextLong(left) < needed)
                {
                    kept.Add(item);
                    needed--;
                }

                left--;
            }

            eligible[r] = kept;
        }

        return eligible;
    }

    /// <summary>Fills <paramref name="weights"/> with the rep's activity weight for every day of the period (0 when not working).</summary>
    private void ComputeWeights(int r, long[] weights)
    {
        RepPlan rep = _reps[r];
        var rng = new Xoshiro256(_seed, WeightStreamBase + r);
        int blocks = Math.Max(1, _options.Months / 6);
        Span<int> timeOff = stackalloc int[Math.Min(blocks, 10)];
        for (int b = 0; b < timeOff.Length; b++)
        {
            timeOff[b] = _time.StartDay + rng.NextInt(_time.PeriodDays);
        }

        double skill = Math.Sqrt(rep.Skill);
        for (int k = 0; k < weights.Length; k++)
        {
            int day = _time.StartDay + k;
            double noise = rng.LogNormal(1.0, 0.28);
            bool sick = rng.Chance(0.015);
            RepRole role = rep.RoleOn(day);
            bool extra = rep.WorksWeekendDay(day);
            if (role == RepRole.Other || (!extra && (!_time.IsWorking(rep.Calendar, day) || sick || OnLeave(timeOff, day))))
            {
                weights[k] = 0;
                continue;
            }

            double w = Catalog.RoleDailyRate[RoleIndex(role)] * skill * Catalog.WeekdayPercent[(int)_time.DayOfWeek(day) - 1] / 100.0
                * Season(day, rep.Region, role) * noise;
            foreach (AssignmentPlan a in rep.Assignments)
            {
                if (day >= a.StartDay && day < a.EndDay && a.StartDay >= _time.StartDay && day - a.StartDay < 30)
                {
                    w *= (day - a.StartDay + 3) / 33.0;
                }
            }

            weights[k] = (long)(w * WeightScale);
        }
    }

    private static bool OnLeave(ReadOnlySpan<int> timeOff, int day)
    {
        foreach (int start in timeOff)
        {
            if (day >= start && day < start + 7)
            {
                return true;
            }
        }

        return false;
    }

    private double Season(int day, int region, RepRole role)
    {
        LocalDate date = _time.Date(day);
        double f = 1.0;
        if ((date.Month == 12 && date.Day >= 20) || (date.Month == 1 && date.Day <= 6))
        {
            f *= date.Month == 12 ? 0.5 : 0.75;
        }

        if (region == 1 && date.Month == 8)
        {
            f *= 0.7;
        }

        if (region == 2 && date.Month == 1 && date.Day > 6)
        {
            f *= 0.8;
        }

        if (role == RepRole.Ae && _quarterRush[day])
        {
            f *= 1.25;
        }

        return f;
    }

    private void GenerateRep(int r, RepSlice slice, Allocation allocation, long[] weights, SalesActivity[] output)
    {
        RepPlan rep = _reps[r];
        ComputeWeights(r, weights);
        var rng = new Xoshiro256(_seed, ActivityStreamBase + r);
        var repId = RepId.Of(r);
        double connectRate = Math.Clamp(0.19 * DeterministicMath.Pow(rep.Skill, 0.6), 0.1, 0.3);
        long cumulative = slice.WeightStart;
        long below = allocation.Below(cumulative);
        int index = slice.Offset;
        int nextEvent = 0;
        var seconds = new int[64];
        var cursor = new LinkCursor(slice);
        for (int k = 0; k < weights.Length; k++)
        {
            cumulative += weights[k];
            long upTo = allocation.Below(cumulative);
            int drawn = (int)(upTo - below);
            below = upTo;
            int day = _time.StartDay + k;
            int eventsToday = 0;
            while (nextEvent + eventsToday < slice.Events.Count && slice.Events[nextEvent + eventsToday].Day == day)
            {
                eventsToday++;
            }

            if (drawn == 0 && eventsToday == 0)
            {
                continue;
            }

            RepRole role = rep.RoleOn(day);
            WeightedChoice hours = role == RepRole.Sdr ? _sdrHours : _closerHours;
            if (seconds.Length < drawn)
            {
                seconds = new int[Math.Max(drawn, seconds.Length * 2)];
            }

            for (int i = 0; i < drawn; i++)
            {
                seconds[i] = ((7 + hours.Sample(ref rng)) * 3600) + rng.NextInt(3600);
            }

            Array.Sort(seconds, 0, drawn);
            long midnight = _time.LocalTicks(rep.Zone, day, 0);
            int s = 0;
            int e = nextEvent;
            int lastEvent = nextEvent + eventsToday;
            while (s < drawn || e < lastEvent)
            {
                long random = s < drawn ? midnight + (seconds[s] * TimeTable.TicksPerSecond) : long.MaxValue;
                if (e < lastEvent && slice.Events[e].Ticks <= random)
                {
                    (long ticks, int lead, _) = slice.Events[e++];
                    output[index] = new SalesActivity(ActivityId.Of(index), repId, Instant.FromUnixTimeTicks(ticks), SalesActivityKind.LeadPassed, lead: LeadId.Of(lead));
                }
                else
                {
                    output[index] = NextActivity(index, repId, role, random, day, connectRate, ref rng, ref cursor);
                    s++;
                }

                index++;
            }

            nextEvent = lastEvent;
        }

        if (index != slice.Offset + (int)(allocation.Below(cumulative) - allocation.Below(slice.WeightStart)) + slice.Events.Count)
        {
            throw new InvalidOperationException("The activity slice of a rep was not filled exactly.");
        }
    }

    private SalesActivity NextActivity(int index, RepId rep, RepRole role, long ticks, int day, double connectRate, ref Xoshiro256 rng, ref LinkCursor links)
    {
        int code = role switch
        {
            RepRole.Sdr => Catalog.SdrKinds[_sdrKinds.Sample(ref rng)],
            RepRole.Ae => Catalog.AeKinds[_aeKinds.Sample(ref rng)],
            _ => Catalog.AmKinds[_amKinds.Sample(ref rng)],
        };
        SalesActivityKind kind = SalesActivityKind.FromCode(code);
        SalesActivityOutcome outcome = SalesActivityOutcome.None;
        int duration = -1;
        switch (code)
        {
            case 1:
                if (rng.Chance(connectRate))
                {
                    outcome = SalesActivityOutcome.Connected;
                    duration = (int)Math.Clamp(Math.Round(rng.LogNormal(240.0, 0.75)), 30.0, 5400.0);
                }
                else
                {
                    int u = rng.NextInt(100);
                    (outcome, duration) = u switch
                    {
                        < 50 => (SalesActivityOutcome.NoAnswer, rng.NextInt(20, 45)),
                        < 85 => (SalesActivityOutcome.Voicemail, rng.NextInt(25, 90)),
                        < 94 => (SalesActivityOutcome.Busy, rng.NextInt(5, 15)),
                        _ => (SalesActivityOutcome.WrongNumber, rng.NextInt(10, 40)),
                    };
                }

                break;
            case 2:
                if (rng.Chance(role == RepRole.Sdr ? 0.03 : 0.01))
                {
                    outcome = SalesActivityOutcome.Bounced;
                }

                break;
            case 4:
                if (role == RepRole.Sdr)
                {
                    outcome = SalesActivityOutcome.Booked;
                }
                else
                {
                    int u = rng.NextInt(100);
                    if (u < 72)
                    {
                        outcome = SalesActivityOutcome.Held;
                        duration = (1800 * (1 + rng.NextInt(3))) + rng.NextInt(-300, 600);
                    }
                    else
                    {
                        outcome = u < 82 ? SalesActivityOutcome.NoShow : u < 90 ? SalesActivityOutcome.Cancelled : SalesActivityOutcome.Rescheduled;
                    }
                }

                break;
            case 10:
                if (rng.Chance(0.85))
                {
                    outcome = SalesActivityOutcome.Held;
                    duration = 2700 + rng.NextInt(1800);
                }
                else
                {
                    outcome = SalesActivityOutcome.NoShow;
                }

                break;
        }

        LeadId lead = default;
        DealId deal = default;
        AccountId account = default;
        switch (role)
        {
            case RepRole.Sdr:
                links.AdvanceLeads(_leadCreated, ticks);
                if (links.LeadCount > 0 && rng.Chance(code == 7 ? 0.5 : 0.9))
                {
                    lead = LeadId.Of(links.RecentLead(ref rng, 40));
                }

                break;
            case RepRole.Ae:
                links.AdvanceDeals(_dealCreated, ticks);
                if (links.DealCount > 0 && rng.Chance(0.9))
                {
                    int picked = links.OpenDeal(ref rng, 30, _dealClosed, ticks);
                    if (picked >= 0)
                    {
                        deal = DealId.Of(picked);
                        account = AccountId.Of(_dealAccount[picked]);
                    }
                }

                break;
            default:
                links.AdvanceDeals(_dealCreated, ticks);
                if (rng.Chance(0.9))
                {
                    int picked = links.DealCount > 0 && rng.Chance(0.2) ? links.OpenDeal(ref rng, 10, _dealClosed, ticks) : -1;
                    if (picked >= 0)
                    {
                        deal = DealId.Of(picked);
                        account = AccountId.Of(_dealAccount[picked]);
                    }
                    else
                    {
                        int live = links.LiveAccount(ref rng, _accounts, day);
                        if (live >= 0)
                        {
                            account = AccountId.Of(live);
                        }
                    }
                }

                break;
        }

        return new SalesActivity(
            ActivityId.Of(index),
            rep,
            Instant.FromUnixTimeTicks(ticks),
            kind,
            outcome,
            duration >= 0 ? Duration.FromSeconds(duration) : null,
            lead,
            deal,
            account);
    }

    /// <summary>Turns the account managers' two-way contacts with customers (connected calls, held meetings, replies) into conversations.</summary>
    private static Conversation[] DeriveConversations(SalesActivity[] activities)
    {
        var conversations = new List<Conversation>();
        foreach (ref readonly SalesActivity a in activities.AsSpan())
        {
            if (a.Account.IsNone || !a.Deal.IsNone)
            {
                continue;
            }

            ConversationChannel? channel = a.Kind.Code switch
            {
                1 when a.Outcome == SalesActivityOutcome.Connected => ConversationChannel.Call,
                4 when a.Outcome == SalesActivityOutcome.Held => ConversationChannel.Meeting,
                3 => ConversationChannel.Email,
                _ => null,
            };
            if (channel is { } c)
            {
                conversations.Add(new Conversation(a.Account, a.Rep, a.Timestamp, c));
            }
        }

        return [.. conversations];
    }

    /// <summary>Systematic sampling of <c>Draws</c> units over cumulative integer weights: the number of units below cumulative weight C is ⌊(C·Draws + Offset) / Total⌋.</summary>
    private readonly record struct Allocation(long Draws, long Total, long Offset)
    {
        internal long Below(long cumulative) => (long)((((Int128)cumulative * Draws) + Offset) / Total);
    }

    /// <summary>What one rep's generation needs: its slice of the output, its weight offset, its hand-offs and the entities it owns.</summary>
    private sealed record RepSlice(int Offset, long WeightStart, List<(long Ticks, int Lead, int Day)> Events, int[] Leads, int[] Deals, int[] Accounts);

    /// <summary>Moves through a rep's leads and deals (in creation order) as the rep's activities move forward in time.</summary>
    private struct LinkCursor(RepSlice slice)
    {
        private int _leads;
        private int _deals;

        internal readonly int LeadCount => _leads;

        internal readonly int DealCount => _deals;

        internal void AdvanceLeads(long[] created, long ticks)
        {
            int[] leads = slice.Leads;
            while (_leads < leads.Length && created[leads[_leads]] <= ticks)
            {
                _leads++;
            }
        }

        internal void AdvanceDeals(long[] created, long ticks)
        {
            int[] deals = slice.Deals;
            while (_deals < deals.Length && created[deals[_deals]] <= ticks)
            {
                _deals++;
            }
        }

        internal readonly int RecentLead(ref Xoshiro256 rng, int window) => slice.Leads[_leads - 1 - rng.NextInt(Math.Min(_leads, window))];

        internal readonly int OpenDeal(ref Xoshiro256 rng, int window, long[] closed, long ticks)
        {
            for (int attempt = 0; attempt < 3; attempt++)
            {
                int deal = slice.Deals[_deals - 1 - rng.NextInt(Math.Min(_deals, window))];
                if (closed[deal] > ticks)
                {
                    return deal;
                }
            }

            return -1;
        }

        internal readonly int LiveAccount(ref Xoshiro256 rng, AccountPlan[] accounts, int day)
        {
            int[] owned = slice.Accounts;
            if (owned.Length == 0)
            {
                return -1;
            }

            for (int attempt = 0; attempt < 4; attempt++)
            {
                int account = owned[rng.NextInt(owned.Length)];
                if (accounts[account].IsLiveOn(day))
                {
                    return account;
                }
            }

            return -1;
        }
    }
}
