using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using NodaTime;
using SalesKpi.SampleData;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// The generated facts and the lookups every engine shares: each rep's home zone and working calendar (business
/// dates are always taken in the rep's home zone — for deals, the owner's), the period and the as-of instant.
/// Built once, before any timing.
/// </summary>
internal sealed class Dataset
{
    public Dataset(SampleOrganisation sample)
    {
        Sample = sample;
        var facts = sample.Facts;
        Activities = MemoryMarshal.TryGetArray(facts.Activities, out ArraySegment<SalesActivity> segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : facts.Activities.ToArray();
        Leads = [.. facts.Leads];
        Deals = [.. facts.Deals];
        Reps = [.. facts.Reps];
        for (int i = 0; i < Reps.Length; i++)
        {
            if (Reps[i].Id.Value != i)
            {
                throw new InvalidOperationException($"Rep ids must be dense from 0, but rep {i} has id {Reps[i].Id}.");
            }
        }

        var zones = new List<DateTimeZone>();
        var calendars = new List<WorkingCalendar>();
        ZoneOfRep = new DateTimeZone[Reps.Length];
        ZoneIndexOfRep = new int[Reps.Length];
        CalendarOfRep = new WorkingCalendar[Reps.Length];
        CalendarIndexOfRep = new int[Reps.Length];
        for (int i = 0; i < Reps.Length; i++)
        {
            var zone = Reps[i].HomeZone;
            int z = zones.IndexOf(zone);
            if (z < 0)
            {
                z = zones.Count;
                zones.Add(zone);
            }

            var calendar = sample.WorkingCalendarOf(Reps[i]);
            int c = calendars.IndexOf(calendar);
            if (c < 0)
            {
                c = calendars.Count;
                calendars.Add(calendar);
            }

            ZoneOfRep[i] = zone;
            ZoneIndexOfRep[i] = z;
            CalendarOfRep[i] = calendar;
            CalendarIndexOfRep[i] = c;
        }

        Zones = [.. zones];
        Calendars = [.. calendars];
        Start = sample.Start;
        End = sample.End;
        StartDay = UnixDay(Start);
        EndDay = UnixDay(End);
        AsOf = sample.AsOf;
        Industries = Leads.Select(l => l.Profile.Industry ?? string.Empty).Distinct().Order(StringComparer.Ordinal).ToArray();
        Countries = Leads.Select(l => l.Profile.Country ?? string.Empty).Distinct().Order(StringComparer.Ordinal).ToArray();
        IndustryIds = Industries.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => (long)p.i, StringComparer.Ordinal);
        CountryIds = Countries.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => (long)p.i, StringComparer.Ordinal);
        var zoneOfRep = ZoneOfRep;
        RepHomeZones = BusinessDateBasis<RepId>.RepHomeZone(rep => zoneOfRep[rep.Value]);
        ActivityOptions = EvaluationOptions<SalesActivity>.InBasis(RepHomeZones, ActivityKey.Rep, sample.OrganisationZone);
        DealOptions = EvaluationOptions<Deal>.InBasis(RepHomeZones, d => d.Owner, sample.OrganisationZone);
        LeadOptions = EvaluationOptions<Lead>.InZone(sample.OrganisationZone).WithAsOf(AsOf);
    }

    public const int UnixEpochDayNumber = 719_162;

    public const long TicksPerDay = 864_000_000_000L;

    public SampleOrganisation Sample { get; }

    public SalesActivity[] Activities { get; }

    public Lead[] Leads { get; }

    public Deal[] Deals { get; }

    public Rep[] Reps { get; }

    public DateTimeZone[] Zones { get; }

    public DateTimeZone[] ZoneOfRep { get; }

    public int[] ZoneIndexOfRep { get; }

    public WorkingCalendar[] Calendars { get; }

    public WorkingCalendar[] CalendarOfRep { get; }

    public int[] CalendarIndexOfRep { get; }

    /// <summary>First date of the period.</summary>
    public LocalDate Start { get; }

    /// <summary>First date after the period.</summary>
    public LocalDate End { get; }

    /// <summary>Days since 1970-01-01 of <see cref="Start"/>.</summary>
    public int StartDay { get; }

    /// <summary>Days since 1970-01-01 of <see cref="End"/>.</summary>
    public int EndDay { get; }

    public Instant AsOf { get; }

    /// <summary>Distinct industries (unknown as the empty string), ordinal order; canonical keys only.</summary>
    public string[] Industries { get; }

    public string[] Countries { get; }

    public Dictionary<string, long> IndustryIds { get; }

    public Dictionary<string, long> CountryIds { get; }

    /// <summary>The business-date basis of every engine: the rep's home zone.</summary>
    public BusinessDateBasis<RepId> RepHomeZones { get; }

    /// <summary>Evaluation options: each activity's business date in its rep's home zone.</summary>
    public EvaluationOptions<SalesActivity> ActivityOptions { get; }

    /// <summary>
    /// Gets whether the compact rows carry business dates resolved at projection (<see cref="ActivityDayRows"/> and
    /// <see cref="DealDayRows"/>), as DuckDB's loader computes them with <c>--duckdb-dates load</c>, rather than instants
    /// whose dates each query resolves (<see cref="DealRows"/>).
    /// </summary>
    public bool RowsHaveDays { get; private set; }

    /// <summary>The deals projected into compact values with their close instants; built by <see cref="BuildRows"/> when dates are resolved per query.</summary>
    public DealRow[] DealRows { get; private set; } = [];

    /// <summary>Evaluation options over <see cref="DealRows"/>: each deal's business dates in its owner's home zone.</summary>
    public EvaluationOptions<DealRow>? DealRowOptions { get; private set; }

    /// <summary>The deals projected into compact values with their close dates; built by <see cref="BuildRows"/> when dates are resolved at load.</summary>
    public DealDayRow[] DealDayRows { get; private set; } = [];

    /// <summary>The activities projected into compact values with their business dates; built by <see cref="BuildRows"/> when dates are resolved at load.</summary>
    public ActivityDayRow[] ActivityDayRows { get; private set; } = [];

    /// <summary>The leads projected into compact values; built by <see cref="BuildRows"/> when an engine reads them.</summary>
    public LeadRow[] LeadRows { get; private set; } = [];

    /// <summary>Evaluation options for lead conversions over <see cref="LeadRows"/>: as of the end of the period.</summary>
    public EvaluationOptions<LeadRow>? LeadRowOptions { get; private set; }

    /// <summary>
    /// Projects the facts into compact rows (once, before any timing), doing what DuckDB's loader does in the same mode:
    /// with <paramref name="datesAtLoad"/>, activities and deals with their business dates resolved in their reps' home
    /// zones; without, deals with their close instants (dates resolved by each query). Leads keep their stage instants in
    /// both, as DuckDB's <c>lead_stages</c> table does.
    /// </summary>
    public void BuildRows(bool datesAtLoad)
    {
        RowsHaveDays = datesAtLoad;
        if (datesAtLoad)
        {
            DealDayRows = DealDayRow.From(this);
            ActivityDayRows = ActivityDayRow.From(this);
        }
        else
        {
            DealRows = DealRow.From(Deals);
            DealRowOptions = EvaluationOptions<DealRow>.InBasis(RepHomeZones, DealRowSelectors.Owner, Sample.OrganisationZone);
        }

        LeadRows = LeadRow.From(this);
        LeadRowOptions = EvaluationOptions<LeadRow>.InZone(Sample.OrganisationZone).WithAsOf(AsOf);
    }

    /// <summary>Evaluation options: each deal's business dates in its owner's home zone.</summary>
    public EvaluationOptions<Deal> DealOptions { get; }

    /// <summary>Evaluation options for lead conversions: as of the end of the period.</summary>
    public EvaluationOptions<Lead> LeadOptions { get; }

    public static Dataset Generate(CompareOptions options)
    {
        var sample = SampleOrganisation.Generate(new SampleOptions
        {
            Seed = options.Seed,
            Activities = options.Activities,
            Leads = options.Leads,
            Deals = options.Deals,
            Sessions = 0,
        });
        return new Dataset(sample);
    }

    public static int UnixDay(LocalDate date) => date.ToDateOnly().DayNumber - UnixEpochDayNumber;

    public static LocalDate DateOfUnixDay(long day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber((int)day + UnixEpochDayNumber));

    /// <summary>Monday on or before the date, as days since 1970-01-01 (1970-01-01 was a Thursday).</summary>
    public static int MondayOnOrBefore(int unixDay) => unixDay - (((unixDay % 7) + 7 + 3) % 7);
}
