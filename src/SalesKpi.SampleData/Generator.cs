using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi.SampleData;

/// <summary>
/// Builds a <see cref="SampleOrganisation"/>: reps and teams, accounts, leads, deals, subscriptions, activities,
/// conversations, product usage and quotas, in that order, each part from its own random stream.
/// </summary>
internal sealed partial class Generator
{
    private const long RepStream = 1;
    private const long AccountStream = 2;
    private const long LeadTimeStream = 3;
    private const long LeadStream = 4;
    private const long DealTimeStream = 5;
    private const long DealStream = 6;
    private const long SubscriptionStream = 7;
    private const long AllocationStream = 8;
    private const long EventThinningStream = 9;
    private const long UsageStream = 10;
    private const long TicketStream = 11;
    private const long WeightStreamBase = 1L << 32;
    private const long ActivityStreamBase = 2L << 32;

    private readonly SampleOptions _options;
    private readonly int _seed;
    private readonly TimeTable _time;
    private readonly ReportingCalendar _reporting;
    private readonly bool[] _quarterRush;
    private readonly DealStage[] _stages;
    private readonly int _maxDegreeOfParallelism;

    private RepPlan[] _reps = [];
    private List<int>[][] _repsByRegionRole = [];
    private Team[] _teams = [];

    internal Generator(SampleOptions options, int maxDegreeOfParallelism)
    {
        _options = options;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        _seed = options.Seed;
        _time = new TimeTable(options.Start, options.Months);
        _reporting = ReportingCalendar.Fiscal(options.FiscalYearStartMonth, FiscalYearNaming.EndYear);
        _quarterRush = new bool[_time.Length];
        foreach (ReportingPeriod quarter in _reporting.Periods(PeriodKind.Quarter, _time.Date(0), _time.Date(_time.Length - 1)))
        {
            int end = _time.DayOf(quarter.End);
            for (int d = Math.Max(0, end - 7); d < Math.Min(end, _time.Length); d++)
            {
                _quarterRush[d] = true;
            }
        }

        _stages = new DealStage[Catalog.StageNames.Length];
        for (int i = 0; i < _stages.Length; i++)
        {
            _stages[i] = DealStage.Of(Catalog.StageNames[i], i);
        }
    }

    internal SampleOrganisation Run()
    {
        BuildTeamsAndReps();
        GenerateAccounts();
        GenerateLeads();
        GenerateDeals();
        GenerateSubscriptions();
        SalesActivity[] activities = GenerateActivities();
        Conversation[] conversations = DeriveConversations(activities);
        GenerateUsage(out UsageSession[] sessions, out FeatureUsage[] featureUsage);
        SupportTicket[] tickets = GenerateTickets();

        var reps = new Rep[_reps.Length];
        for (int i = 0; i < reps.Length; i++)
        {
            reps[i] = ToRep(_reps[i]);
        }

        var facts = new SalesFacts(reps, _teams, _leads, _deals, BuildAccounts(), activities, sessions, featureUsage, tickets, conversations);
        List<RepDay> weekendWork = [];
        foreach (RepPlan rep in _reps)
        {
            foreach (int day in rep.WeekendDays)
            {
                weekendWork.Add(new RepDay(RepId.Of(rep.Index), _time.Date(day)));
            }
        }

        return new SampleOrganisation(
            _options,
            facts,
            _time,
            _reporting,
            _stages,
            BuildQuotas(),
            weekendWork.ToArray());
    }

    private Rep ToRep(RepPlan plan)
    {
        var assignments = new RepAssignment[plan.Assignments.Length];
        for (int i = 0; i < assignments.Length; i++)
        {
            AssignmentPlan a = plan.Assignments[i];
            assignments[i] = new RepAssignment(
                _time.Date(a.StartDay),
                a.EndDay == int.MaxValue ? null : _time.Date(a.EndDay),
                a.Role,
                TeamId.Of(a.Team));
        }

        return new Rep(RepId.Of(plan.Index), plan.Name, _time.Zones[plan.Zone], _time.CalendarIds[plan.Calendar], assignments);
    }

    private static int RoleIndex(RepRole role) => role switch
    {
        RepRole.Sdr => 0,
        RepRole.Ae => 1,
        _ => 2,
    };

    private static int TeamOf(int region, RepRole role) => 4 + (region * 3) + RoleIndex(role);

    private void BuildTeamsAndReps()
    {
        var teams = new List<Team> { new(TeamId.Of(0), "Global Sales") };
        for (int region = 0; region < Catalog.RegionCount; region++)
        {
            teams.Add(new Team(TeamId.Of(1 + region), Catalog.RegionNames[region], TeamId.Of(0)));
        }

        for (int region = 0; region < Catalog.RegionCount; region++)
        {
            string name = Catalog.RegionNames[region];
            teams.Add(new Team(TeamId.Of(TeamOf(region, RepRole.Sdr)), name + " Sales Development", TeamId.Of(1 + region)));
            teams.Add(new Team(TeamId.Of(TeamOf(region, RepRole.Ae)), name + " Account Executives", TeamId.Of(1 + region)));
            teams.Add(new Team(TeamId.Of(TeamOf(region, RepRole.AccountManager)), name + " Account Management", TeamId.Of(1 + region)));
        }

        _teams = [.. teams];

        int workingDays = _time.Calendars[0].WorkingDaysBetween(_time.StartDate, _time.EndDate);
        int repCount = _options.Reps ?? (int)Math.Clamp((_options.Activities + (workingDays * 25L)) / (workingDays * 50L), SampleOptions.MinReps, SampleOptions.MaxReps);
        int[] cells = AllocateCells(repCount);

        var rng = new Xoshiro256(_seed, RepStream);
        int nameOffsetFirst = rng.NextInt(Catalog.FirstNames.Length);
        int nameOffsetLast = rng.NextInt(Catalog.LastNames.Length);
        _repsByRegionRole = new List<int>[Catalog.RegionCount][];
        var reps = new List<RepPlan>(repCount);
        for (int region = 0; region < Catalog.RegionCount; region++)
        {
            _repsByRegionRole[region] = [[], [], []];
            for (int r = 0; r < 3; r++)
            {
                RepRole role = Catalog.WorkingRoles[r];
                for (int k = 0; k < cells[(region * 3) + r]; k++)
                {
                    int index = reps.Count;
                    int zone = Catalog.RegionPrimaryZone[region];
                    bool west = rng.Chance(0.3);
                    if (region == 0 && ((role == RepRole.Ae && k == 0) || west))
                    {
                        zone = 1;
                    }

                    double skill = Math.Clamp(rng.LogNormal(1.0, 0.22), 0.6, 1.6);
                    int hired = _time.StartDay - 150 - rng.NextInt(1000);
                    var plan = new RepPlan(index, region, zone, skill, role, RepName(index, nameOffsetFirst, nameOffsetLast), [new AssignmentPlan(hired, int.MaxValue, role, TeamOf(region, role))]);
                    reps.Add(plan);
                    _repsByRegionRole[region][r].Add(index);
                }
            }
        }

        _reps = [.. reps];
        ApplyCareerEvents();
        AssignWeekendPushes(ref rng);
    }

    private void ApplyCareerEvents()
    {
        int joinDay = MidMonthMonday(_time.StartDay + (_time.PeriodDays * 40 / 100));
        int promotionDay = MidMonthMonday(_time.StartDay + (_time.PeriodDays * 50 / 100));
        int leaveDay = MidMonthMonday(_time.StartDay + (_time.PeriodDays * 65 / 100));
        List<int> americasSdrs = _repsByRegionRole[0][0];
        List<int> americasAes = _repsByRegionRole[0][1];

        RepPlan promoted = _reps[americasSdrs[0]];
        AssignmentPlan first = promoted.Assignments[0];
        promoted.Assignments =
        [
            first with { EndDay = promotionDay },
            new AssignmentPlan(promotionDay, int.MaxValue, RepRole.Ae, TeamOf(0, RepRole.Ae)),
        ];

        RepPlan leaver = _reps[americasSdrs[^1]];
        leaver.Assignments = [leaver.Assignments[0] with { EndDay = leaveDay }];

        RepPlan joiner = _reps[americasAes[^1]];
        joiner.Assignments = [joiner.Assignments[0] with { StartDay = joinDay }];
    }

    /// <summary>Returns the first Monday on or after the 8th of the month of <paramref name="day"/> (so that proration shows), or the first Monday after <paramref name="day"/> when that falls outside the period.</summary>
    private int MidMonthMonday(int day)
    {
        LocalDate date = _time.Date(day);
        int candidate = NextMonday(_time.DayOf(new LocalDate(date.Year, date.Month, 8)));
        return candidate > _time.StartDay && candidate < _time.EndDay ? candidate : NextMonday(day);
    }

    private int NextMonday(int day)
    {
        while (_time.DayOfWeek(day) != IsoDayOfWeek.Monday)
        {
            day++;
        }

        return day;
    }

    private void AssignWeekendPushes(ref Xoshiro256 rng)
    {
        int joiner = _repsByRegionRole[0][1][^1];
        var quarterEnds = new List<int>();
        foreach (ReportingPeriod quarter in _reporting.Periods(PeriodKind.Quarter, _time.StartDate, _time.EndDate))
        {
            quarterEnds.Add(_time.DayOf(quarter.End));
        }

        foreach (RepPlan rep in _reps)
        {
            // Some AEs (always the first Americas AE) work the last Saturday of each fiscal quarter.
            bool everAe = Array.Exists(rep.Assignments, a => a.Role == RepRole.Ae);
            bool always = rep.Index == _repsByRegionRole[0][1][0];
            if (!everAe || rep.Index == joiner || (!rng.Chance(0.35) && !always))
            {
                continue;
            }

            var days = new List<int>();
            foreach (int end in quarterEnds)
            {
                int day = end - 1;
                while (_time.DayOfWeek(day) != IsoDayOfWeek.Saturday)
                {
                    day--;
                }

                if (day >= _time.StartDay && day < _time.EndDay && rep.RoleOn(day) == RepRole.Ae
                    && !_time.Calendars[rep.Calendar].IsHoliday(_time.Date(day)) && !_time.IsWorking(rep.Calendar, day))
                {
                    days.Add(day);
                }
            }

            rep.WeekendDays = [.. days];
        }
    }

    private static int[] AllocateCells(int repCount)
    {
        var cells = new int[9];
        var remainders = new double[9];
        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            double quota = repCount * Catalog.RegionWeights[i / 3] * Catalog.RoleWeights[i % 3] / 10_000.0;
            int floor = (int)Math.Floor(quota);
            cells[i] = Math.Max(Catalog.MinimumCell[i], floor);
            remainders[i] = cells[i] > floor ? -1.0 : quota - floor;
            sum += cells[i];
        }

        while (sum < repCount)
        {
            int best = 0;
            for (int i = 1; i < 9; i++)
            {
                if (remainders[i] > remainders[best])
                {
                    best = i;
                }
            }

            cells[best]++;
            remainders[best] -= 1.0;
            sum++;
        }

        while (sum > repCount)
        {
            int largest = -1;
            for (int i = 0; i < 9; i++)
            {
                if (cells[i] > Catalog.MinimumCell[i] && (largest < 0 || cells[i] > cells[largest]))
                {
                    largest = i;
                }
            }

            cells[largest]--;
            sum--;
        }

        return cells;
    }

    private static string RepName(int index, int offsetFirst, int offsetLast)
    {
        int firsts = Catalog.FirstNames.Length;
        int lasts = Catalog.LastNames.Length;
        int f = (index + offsetFirst) % firsts;
        int l = ((index / firsts) + (7 * f) + offsetLast) % lasts;
        string name = Catalog.FirstNames[f] + " " + Catalog.LastNames[l];
        int round = index / (firsts * lasts);
        return round == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} {round + 1}");
    }

    /// <summary>
    /// Returns a rep holding <paramref name="role"/> on <paramref name="day"/>, preferring <paramref name="region"/> and
    /// then the other regions in turn; -1 when there is none anywhere. AEs include SDRs promoted to AE.
    /// </summary>
    private int PickRep(int region, RepRole role, int day, ref Xoshiro256 rng)
    {
        for (int attempt = 0; attempt < Catalog.RegionCount; attempt++)
        {
            List<int>[] cells = _repsByRegionRole[(region + attempt) % Catalog.RegionCount];
            List<int> candidates = cells[RoleIndex(role)];
            for (int tries = 0; tries < 6; tries++)
            {
                int pick = candidates[rng.NextInt(candidates.Count)];
                if (_reps[pick].RoleOn(day) == role)
                {
                    return pick;
                }
            }

            int start = rng.NextInt(candidates.Count);
            for (int k = 0; k < candidates.Count; k++)
            {
                int pick = candidates[(start + k) % candidates.Count];
                if (_reps[pick].RoleOn(day) == role)
                {
                    return pick;
                }
            }

            if (role == RepRole.Ae)
            {
                foreach (int pick in cells[RoleIndex(RepRole.Sdr)])
                {
                    if (_reps[pick].RoleOn(day) == role)
                    {
                        return pick;
                    }
                }
            }
        }

        return -1;
    }
}
