using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi.SampleData;

internal sealed partial class Generator
{
    private Lead[] _leads = [];
    private long[] _leadCreated = [];
    private int[] _leadOwner = [];

    /// <summary>Per rep: the instants (Unix ticks) and leads of sales-accepted hand-offs, in time order.</summary>
    private List<(long Ticks, int Lead)>[] _handOffs = [];

    private static double Probability(double p) => Math.Clamp(p, 0.02, 0.95);

    private static long[] CumulativeDayWeights(int firstDay, int endDay, Func<int, long> weight)
    {
        var cumulative = new long[endDay - firstDay];
        long sum = 0;
        for (int d = firstDay; d < endDay; d++)
        {
            sum += weight(d);
            cumulative[d - firstDay] = sum;
        }

        return cumulative;
    }

    /// <summary>Draws an offset into <paramref name="cumulative"/> with probability proportional to each day's weight.</summary>
    private static int SampleDay(long[] cumulative, ref Xoshiro256 rng)
    {
        long x = rng.NextLong(cumulative[^1]);
        int lo = 0;
        int hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private void GenerateLeads()
    {
        int count = _options.ResolvedLeads;
        var rng = new Xoshiro256(_seed, LeadTimeStream);
        var regionChoice = new WeightedChoice(Catalog.RegionWeights);
        var hourChoice = new WeightedChoice(Catalog.InboundHourWeights);
        int period = _time.PeriodDays;
        long[] days = CumulativeDayWeights(_time.StartDay, _time.EndDay, d =>
        {
            int weekday = (int)_time.DayOfWeek(d);
            long weekdayWeight = weekday >= 6 ? 28 : 100;
            return weekdayWeight * (400 + (100L * (d - _time.StartDay) / period));
        });

        var keys = new (long Ticks, int Index)[count];
        var regions = new byte[count];
        for (int i = 0; i < count; i++)
        {
            int region = regionChoice.Sample(ref rng);
            int day = _time.StartDay + SampleDay(days, ref rng);
            int second = ((6 + hourChoice.Sample(ref rng)) * 3600) + rng.NextInt(3600);
            regions[i] = (byte)region;
            keys[i] = (_time.LocalTicks(Catalog.RegionPrimaryZone[region], day, second), i);
        }

        Array.Sort(keys);

        rng = new Xoshiro256(_seed, LeadStream);
        var industryChoice = new WeightedChoice(Catalog.IndustryWeights);
        var titleChoice = new WeightedChoice(Catalog.TitleWeights);
        var sourceChoice = new WeightedChoice(Catalog.SourceWeights);
        var countryChoice = new WeightedChoice[Catalog.RegionCount];
        for (int r = 0; r < Catalog.RegionCount; r++)
        {
            countryChoice[r] = new WeightedChoice(Catalog.CountryWeights[r]);
        }

        _leads = new Lead[count];
        _leadCreated = new long[count];
        _leadOwner = new int[count];
        _handOffs = new List<(long, int)>[_reps.Length];
        for (int r = 0; r < _handOffs.Length; r++)
        {
            _handOffs[r] = [];
        }

        var emails = new string[count];
        var stages = new List<StageChange<LeadStage>>(8);
        var salTimes = new List<long>(4);
        for (int id = 0; id < count; id++)
        {
            long created = keys[id].Ticks;
            int region = regions[keys[id].Index];
            int industry = industryChoice.Sample(ref rng);
            int employees = (int)Math.Clamp(Math.Round(rng.LogNormal(110.0, 1.6)), 1.0, 250_000.0);
            int band = BandIndex(employees);
            int country = countryChoice[region].Sample(ref rng);
            int title = titleChoice.Sample(ref rng);
            int source = sourceChoice.Sample(ref rng);
            int regionZone = Catalog.RegionPrimaryZone[region];
            int owner = PickRep(region, RepRole.Sdr, _time.DayOf(regionZone, created), ref rng);
            int zone = owner >= 0 ? _reps[owner].Zone : regionZone;
            int calendar = owner >= 0 ? _reps[owner].Calendar : Catalog.ZoneCalendar[regionZone];

            string email = LeadEmail(id, ref rng);
            if (id > 10 && rng.Chance(0.01))
            {
                // A returning contact typed differently: the same address once case is normalised.
                string earlier = emails[rng.NextInt(id)];
                email = char.ToUpperInvariant(earlier[0]) + earlier[1..];
            }

            emails[id] = email;
            var funnel = new Funnel(
                Catalog.IndustryFactor[industry],
                Catalog.BandFactor[band],
                Catalog.TitleFactor[title],
                Catalog.SourceFactor[source],
                owner >= 0 ? _reps[owner].Skill : 1.0);
            stages.Clear();
            salTimes.Clear();
            SimulateFunnel(ref rng, funnel, created, zone, calendar, stages, salTimes);
            if (owner >= 0)
            {
                foreach (long sal in salTimes)
                {
                    _handOffs[owner].Add((sal, id));
                }
            }

            var profile = new IcpProfile(Catalog.Industries[industry], employees, Catalog.Countries[region][country], Catalog.RegionCodes[region]);
            _leads[id] = new Lead(
                LeadId.Of(id),
                Instant.FromUnixTimeTicks(created),
                stages,
                Catalog.Sources[source],
                Catalog.JobTitles[title],
                profile,
                owner >= 0 ? RepId.Of(owner) : RepId.None,
                email);
            _leadCreated[id] = created;
            _leadOwner[id] = owner;
        }
    }

    private static string LeadEmail(int id, ref Xoshiro256 rng)
    {
        string first = Catalog.FirstNames[rng.NextInt(Catalog.FirstNames.Length)];
        string last = Catalog.LastNames[rng.NextInt(Catalog.LastNames.Length)];
        string word = Catalog.CompanyWords[rng.NextInt(Catalog.CompanyWords.Length)];
        string noun = Catalog.CompanyNouns[rng.NextInt(Catalog.CompanyNouns.Length)];
        return string.Concat(first, ".", last, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "@", word, noun, ".example").ToLowerInvariant();
    }

    /// <summary>
    /// Walks a lead down the funnel Lead → MQL → SAL → SQL → Opportunity → Customer. Each step succeeds with a
    /// probability that depends on the lead's segment, title, source and owner; a failed step may recycle the lead
    /// (it re-enters MQL later, at most twice, converting less well each time), disqualify it, or leave it where it is.
    /// Entries at or after the end of the sample are not recorded (right-censoring).
    /// </summary>
    private void SimulateFunnel(ref Xoshiro256 rng, Funnel f, long created, int zone, int calendar, List<StageChange<LeadStage>> stages, List<long> salTimes)
    {
        long end = _time.EventEnd(zone);
        long t = created;
        if (!rng.Chance(Probability(0.42 * f.Source * Math.Sqrt(f.Title * f.Band))))
        {
            if (rng.Chance(0.25))
            {
                Add(stages, _time.WorkingMoment(zone, calendar, t, rng.NextInt(3, 30), ref rng), LeadStage.Disqualified, end);
            }

            return;
        }

        long next = rng.Chance(0.6)
            ? t + ((2 + rng.NextInt(118)) * 60 * TimeTable.TicksPerSecond)
            : _time.WorkingMoment(zone, calendar, t, rng.NextInt(1, 20), ref rng);
        double damp = 1.0;
        int cycles = 0;
        while (true)
        {
            if (!Add(stages, next, LeadStage.Mql, end))
            {
                return;
            }

            t = next;
            double recycle;
            double disqualify;
            if (!rng.Chance(Probability(0.55 * f.Title * Math.Sqrt(f.Band * f.Industry) * damp)))
            {
                (recycle, disqualify) = (0.45, 0.35);
            }
            else
            {
                t = _time.WorkingMoment(zone, calendar, t, rng.NextInt(0, 4), ref rng);
                if (!Add(stages, t, LeadStage.Sal, end))
                {
                    return;
                }

                salTimes.Add(t);
                if (!rng.Chance(Probability(0.55 * f.Industry * f.Band * Math.Sqrt(f.Skill) * damp)))
                {
                    (recycle, disqualify) = (0.25, 0.6);
                }
                else
                {
                    t = _time.WorkingMoment(zone, calendar, t, Lag(ref rng, 6.0), ref rng);
                    if (!Add(stages, t, LeadStage.Sql, end))
                    {
                        return;
                    }

                    if (!rng.Chance(Probability(0.7 * Math.Sqrt(f.Industry * f.Skill) * damp)))
                    {
                        (recycle, disqualify) = (0.3, 0.5);
                    }
                    else
                    {
                        t = _time.WorkingMoment(zone, calendar, t, Lag(ref rng, 5.0), ref rng);
                        if (!Add(stages, t, LeadStage.Opportunity, end))
                        {
                            return;
                        }

                        if (rng.Chance(Probability(0.27 * f.Industry * Math.Sqrt(f.Band) * damp)))
                        {
                            Add(stages, _time.WorkingMoment(zone, calendar, t, Lag(ref rng, 45.0), ref rng), LeadStage.Customer, end);
                        }
                        else if (rng.Chance(0.3))
                        {
                            Add(stages, _time.WorkingMoment(zone, calendar, t, Lag(ref rng, 40.0), ref rng), LeadStage.Disqualified, end);
                        }

                        return;
                    }
                }
            }

            double u = rng.NextDouble();
            if (u < recycle && cycles < 2)
            {
                long recycled = _time.WorkingMoment(zone, calendar, t, rng.NextInt(2, 15), ref rng);
                if (!Add(stages, recycled, LeadStage.Recycled, end) || !rng.Chance(0.45))
                {
                    return;
                }

                cycles++;
                damp *= 0.8;
                next = _time.WorkingMoment(zone, calendar, recycled, Lag(ref rng, 60.0), ref rng);
                continue;
            }

            if (u < recycle + disqualify)
            {
                Add(stages, _time.WorkingMoment(zone, calendar, t, rng.NextInt(1, 10), ref rng), LeadStage.Disqualified, end);
            }

            return;
        }
    }

    private static int Lag(ref Xoshiro256 rng, double medianDays, double sigma = 0.5) =>
        (int)Math.Min(365.0, Math.Round(rng.LogNormal(medianDays, sigma)));

    private static bool Add(List<StageChange<LeadStage>> stages, long ticks, LeadStage stage, long end)
    {
        if (ticks >= end)
        {
            return false;
        }

        stages.Add(new StageChange<LeadStage>(Instant.FromUnixTimeTicks(ticks), stage));
        return true;
    }

    /// <summary>The conversion multipliers of one lead.</summary>
    private readonly record struct Funnel(double Industry, double Band, double Title, double Source, double Skill);
}
