using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi.SampleData;

/// <summary>
/// A generated, realistic sales organisation: its facts (reps and teams, leads, deals, accounts, activities, product
/// usage, support tickets and conversations), the calendars and zone they are read with, and monthly quotas. Built
/// by <see cref="Generate(SampleOptions)"/>, deterministically from a seed.
/// </summary>
/// <remarks>
/// <para><b>The organisation.</b> A global sales team with three regions — Americas (reps in America/New_York and
/// America/Los_Angeles, US holidays), EMEA (Europe/Berlin, Berlin holidays) and APAC (Australia/Sydney, New South Wales
/// holidays) — each with a sales-development, an account-executive and an account-management team
/// (<see cref="TeamHierarchy"/> of 13 teams). About 40% of reps are SDRs, 35% AEs and 25% account managers, each with a
/// skill multiplier that moves volume, connect rate and conversion. In the Americas one SDR is promoted to AE half-way
/// through the period, one SDR leaves at about 65% and one AE joins at about 40% (and ramps up over 30 days).</para>
/// <para><b>Activities</b> (exactly <see cref="SampleOptions.Activities"/>) happen only on the rep's working days in the
/// rep's home zone — weekends and holidays of the rep's calendar are free, except the quarter-end Saturdays listed in
/// <see cref="WeekendWork"/> — between 07:00 and 20:00 local time with a morning and an afternoon peak, with fewer on
/// Fridays, around Christmas, in the EMEA August and the Australian summer, and more in the last week of a fiscal
/// quarter; each rep also has a week of leave per half-year and occasional sick days. The kind mix depends on the role;
/// calls connect 15–25% of the time, with durations; meetings are held, missed, cancelled or moved. SDR activities link
/// to the SDR's recent leads, AE activities to the AE's open deals and their accounts, account-manager activities to
/// live customer accounts (and some to their expansion deals). Every sales acceptance of a lead produces a
/// <see cref="SalesActivityKind.LeadPassed"/> activity by its SDR (thinned to a fifth of all activities if there are more).</para>
/// <para><b>Leads</b> arrive every day (fewer at weekends, growing over the period) with a source, one of 15 job
/// titles, an industry of 8, an employee count (log-normal) and a country. They move Lead → MQL → SAL → SQL →
/// Opportunity → Customer with probabilities that depend on industry, size band, title seniority, source and the SDR's
/// skill, after lags of days; failing leads are disqualified, recycled (re-entering MQL later) or left where they are.
/// About 1% of contact emails repeat an earlier one in different letter case (duplicate contacts).</para>
/// <para><b>Deals</b> (new business owned by AEs, expansion owned by account managers) are created from 90 days before
/// the period on, with log-normal USD amounts that grow with company size, a Discovery → Demo → Proposal → Negotiation
/// stage history (a few go back to Demo), amount changes, expected close dates that slip when they pass (some open
/// deals are neglected and go stale), won or lost outcomes with loss reasons, and forecast categories; a share is
/// still open at the end. A fifth of the open deals still in Discovery have no amount yet.</para>
/// <para><b>Accounts</b> are prospects or customers. Customers (about a third from before the period, the rest won
/// during it) have a monthly subscription history with new business, expansion (won deals and organic growth),
/// contraction, churn (more likely with low product engagement) and reactivation; their users have product sessions
/// with feature usage, and raise support tickets; their account managers' connected calls, held meetings and replies
/// are also recorded as <see cref="Conversation"/>s.</para>
/// <para><b>Time.</b> Every activity, stage change, close, session start, feature use, ticket and conversation lies
/// inside the period in its home zone and before <see cref="AsOf"/> (a session may end after it). Opening-pipeline
/// deals and the subscriptions of earlier customers start before <see cref="Start"/>.</para>
/// <para><b>Determinism.</b> The same options give identical facts on every run and machine (with the same version of
/// this package and of NodaTime's time-zone database): the generator uses its own
/// xoshiro256** streams (not <see cref="Random"/>), integer arithmetic where totals are split, and logarithms and
/// exponentials built from IEEE-exact operations. Activities of different reps are generated in parallel from separate
/// streams into separate slices, so parallelism does not change the result. Ids are dense from 0; leads and deals are
/// numbered in creation order, activities by rep and then time. Money is in US dollars. The result passes
/// <see cref="DataQualityCheck"/> with no issue.</para>
/// </remarks>
/// <example>
/// <code>
/// SampleOrganisation sample = SampleOrganisation.Generate(new SampleOptions { Seed = 7, Activities = 50_000 });
/// SalesFacts facts = sample.Facts;
/// Console.WriteLine(sample); // a one-line summary
/// </code>
/// </example>
public sealed class SampleOrganisation
{
    private readonly Dictionary<WorkingCalendarId, WorkingCalendar> _calendars;
    private readonly DealStage[] _stages;
    private readonly RepQuota[] _quotas;
    private readonly RepDay[] _weekendWork;

    internal SampleOrganisation(
        SampleOptions options,
        SalesFacts facts,
        TimeTable time,
        ReportingCalendar reportingCalendar,
        DealStage[] stages,
        RepQuota[] quotas,
        RepDay[] weekendWork)
    {
        Options = options;
        Facts = facts;
        ReportingCalendar = reportingCalendar;
        OrganisationZone = time.Zones[0];
        Start = time.StartDate;
        End = time.EndDate;
        AsOf = Instant.FromUnixTimeTicks(time.AsOfTicks);
        _calendars = new Dictionary<WorkingCalendarId, WorkingCalendar>(time.Calendars.Length);
        for (int i = 0; i < time.Calendars.Length; i++)
        {
            _calendars.Add(time.CalendarIds[i], time.Calendars[i]);
        }

        OrganisationWorkingCalendar = time.Calendars[0];
        _stages = stages;
        _quotas = quotas;
        _weekendWork = weekendWork;
    }

    /// <summary>Gets the options the organisation was generated with.</summary>
    public SampleOptions Options { get; }

    /// <summary>Gets the seed.</summary>
    public int Seed => Options.Seed;

    /// <summary>Gets the generated facts.</summary>
    public SalesFacts Facts { get; }

    /// <summary>Gets the organisation's (headquarters') time zone: America/New_York.</summary>
    public DateTimeZone OrganisationZone { get; }

    /// <summary>Gets the reporting calendar: fiscal years starting in <see cref="SampleOptions.FiscalYearStartMonth"/>, named by the year they end in, Monday weeks.</summary>
    public ReportingCalendar ReportingCalendar { get; }

    /// <summary>Gets the organisation's working calendar (the US one, used with <see cref="OrganisationZone"/>).</summary>
    public WorkingCalendar OrganisationWorkingCalendar { get; }

    /// <summary>Gets the working calendars the reps work by, keyed by <see cref="Rep.WorkingCalendar"/>: <c>US</c>, <c>DE-BE</c> and <c>AU-NSW</c>, with the holidays used.</summary>
    public IReadOnlyDictionary<WorkingCalendarId, WorkingCalendar> WorkingCalendars => _calendars;

    /// <summary>Gets the first date of the period covered.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the first date after the period covered (exclusive end).</summary>
    public LocalDate End { get; }

    /// <summary>Gets the snapshot instant: the start of <see cref="End"/> in <see cref="OrganisationZone"/>. Open deals are open at this instant.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the organisation currency: US dollars, the currency of every amount.</summary>
    public Currency Currency { get; } = Currency.Usd;

    /// <summary>Gets the pipeline stages of the deals in order: Discovery, Demo, Proposal, Negotiation.</summary>
    public IReadOnlyList<DealStage> PipelineStages => _stages;

    /// <summary>Gets the monthly quotas: for each rep and fiscal month of the period, one per role held in it.</summary>
    public IReadOnlyList<RepQuota> Quotas => _quotas;

    /// <summary>Gets the weekend days on which a rep worked (quarter-end Saturdays of some AEs), by rep, then date; no rep works a holiday.</summary>
    public IReadOnlyList<RepDay> WeekendWork => _weekendWork;

    /// <summary>Generates an organisation; immediate.</summary>
    /// <param name="options">What to generate.</param>
    /// <returns>The organisation.</returns>
    /// <remarks>
    /// Takes about 0.4 seconds per million activities (with proportional sizes) on two cores, and uses the machine's
    /// cores for the activities; memory is dominated by the activities (40 bytes each), leads and sessions.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="SampleOptions.Validate"/>); the parameter name is the option.</exception>
    /// <example>
    /// <code>
    /// var sample = SampleOrganisation.Generate(new SampleOptions { Activities = 1_000_000, Seed = 42 });
    /// </code>
    /// </example>
    public static SampleOrganisation Generate(SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new Generator(options, Environment.ProcessorCount).Run();
    }

    /// <summary>Generates with at most <paramref name="maxDegreeOfParallelism"/> threads (for tests: the result does not depend on it).</summary>
    internal static SampleOrganisation Generate(SampleOptions options, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new Generator(options, maxDegreeOfParallelism).Run();
    }

    /// <summary>Returns the working calendar of <paramref name="rep"/>.</summary>
    /// <param name="rep">A rep of this organisation.</param>
    /// <returns>The calendar named by <see cref="Rep.WorkingCalendar"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rep"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The rep's calendar is not one of <see cref="WorkingCalendars"/>.</exception>
    public WorkingCalendar WorkingCalendarOf(Rep rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return _calendars.TryGetValue(rep.WorkingCalendar, out WorkingCalendar? calendar)
            ? calendar
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Rep {rep.Id} works by calendar '{rep.WorkingCalendar}', which is not one of this sample's calendars."), nameof(rep));
    }

    /// <summary>Summarises the organisation, for example <c>Sample seed 1, 2026-01-01..2027-01-01: SalesFacts: 12 reps, …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Sample seed {Seed}, {Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}..{End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}: {Facts}");
}
