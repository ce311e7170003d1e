using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using SalesKpi;
using SalesKpi.SampleData;

/// <summary>
/// Quick-start section: KPI definitions evaluated over the sample organisation — a weekly activity table per rep,
/// last week's scorecard lines evaluated together, and MQL → SAL conversion by industry with n and the 95% Wilson
/// interval. Wire it in with
/// <c>EngineSection.Print(output, sample);</c>
/// </summary>
internal static class EngineSection
{
    public static void Print(TextWriter output, SampleOrganisation sample)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sample);
        CultureInfo invariant = CultureInfo.InvariantCulture;
        DateTimeZone zone = sample.OrganisationZone;

        // The last four complete ISO weeks of the sample period, in the organisation's zone.
        LocalDate lastDay = sample.End.PlusDays(-1);
        ReportingPeriod lastWeek = ReportingCalendar.Iso.GetPeriod(lastDay, PeriodKind.Week);
        if (lastWeek.End > sample.End)
        {
            lastWeek = ReportingCalendar.Iso.GetPeriod(lastWeek.Start.PlusDays(-1), PeriodKind.Week);
        }

        var weeks = new DateInterval(lastWeek.Start.PlusWeeks(-3), lastWeek.End.PlusDays(-1));
        Instant from = weeks.Start.AtStartOfDayInZone(zone).ToInstant();
        Instant to = weeks.End.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        // SDRs and AEs active on the last day, labelled "name (role)"; ids are dense, so an array maps them to labels.
        var shown = sample.Facts.Reps
            .Where(r => r.AssignmentOn(lastDay)?.Role is RepRole.Sdr or RepRole.Ae)
            .OrderBy(r => r.Id)
            .ToArray();
        var label = new string?[sample.Facts.Reps.Max(r => r.Id.Value) + 1];
        foreach (var rep in shown)
        {
            label[rep.Id.Value] = string.Create(invariant, $"{rep.Name} ({rep.AssignmentOn(lastDay)!.Value.Role})");
        }

        string[] labels = [.. shown.Select(r => label[r.Id.Value]!)];

        // A definition is a value: count activities, per rep, per ISO week, zero-filled over the four weeks.
        var weeklyActivities = Metric.Count<SalesActivity>()
            .Where(a => a.Timestamp >= from && a.Timestamp < to && label[a.Rep.Value] is not null)
            .By(a => label[a.Rep.Value]!)
            .PerPeriod(PeriodKind.Week, a => a.Timestamp)
            .FillEmpty(weeks, labels)
            .Named("activities per rep and week");

        // Evaluation is separate: one pass over the activity array, business dates in the organisation's zone
        // (EvaluationOptions.InZoneOf(...) would use each rep's home zone instead).
        var options = EvaluationOptions<SalesActivity>.InZone(zone);
        KpiTable<string> table = weeklyActivities.Evaluate(sample.Facts.Activities.Span, options);
        output.WriteLine(string.Create(invariant, $"Activities per rep and ISO week ({weeks.Start:uuuu-MM-dd} to {weeks.End:uuuu-MM-dd}, zone {zone.Id}; SDRs and AEs)"));
        output.Write(Indent(table.ToText()));

        // Scorecard lines for the last week, evaluated together: each line a count with a value-type activity filter,
        // sharing one key selector and the activity's own timestamp ticks as time selector.
        Func<SalesActivity, bool> isShown = a => label[a.Rep.Value] is not null;
        Func<SalesActivity, string> repLabel = a => label[a.Rep.Value]!;
        var lastWeekOnly = new DateInterval(lastWeek.Start, lastWeek.End.PlusDays(-1));
        Metric<SalesActivity, string> Line(ActivityFilter line) => Metric.Count<SalesActivity>()
            .Where(isShown)
            .Where(line)
            .By(repLabel)
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp)
            .FillEmpty(lastWeekOnly, labels);
        KpiTable<string>[] lines = Metric.EvaluateAll(sample.Facts.Activities.Span, options,
            Line(ActivityFilter.Of(SalesActivityKind.Call)),
            Line(ActivityFilter.Of(SalesActivityKind.Call, SalesActivityOutcome.Connected)),
            Line(ActivityFilter.Of(SalesActivityKind.Email)),
            Line(ActivityFilter.Of(SalesActivityKind.Meeting, SalesActivityOutcome.Held)));
        output.WriteLine();
        output.WriteLine(string.Create(invariant, $"Scorecard lines for ISO week {lastWeek.Label} (one Metric.EvaluateAll)"));
        output.WriteLine(string.Create(invariant, $"  {"rep",-20} {"calls",6} {"connected",10} {"emails",7} {"meetings held",14}"));
        foreach (string rep in labels)
        {
            decimal Units(int line) => lines[line][rep, lastWeek].ExactValue ?? 0m;
            output.WriteLine(string.Create(invariant, $"  {rep,-20} {Units(0),6} {Units(1),10} {Units(2),7} {Units(3),14}"));
        }

        // MQL → SAL within 30 days, cohort basis (unique leads), by industry, as of the sample's as-of instant.
        var mqlToSal = Metric.Conversion<Lead, StageChange<LeadStage>>(
                lead => lead.StageHistory,
                change => change.At,
                change => change.Stage == LeadStage.Mql,
                change => change.Stage == LeadStage.Sal,
                Duration.FromDays(30))
            .By(lead => lead.Profile.Industry ?? "(unknown)")
            .Named("MQL to SAL within 30 days");
        var leadOptions = EvaluationOptions<Lead>.InZone(zone).WithAsOf(sample.AsOf);
        KpiTable<string> conversion = mqlToSal.Evaluate(sample.Facts.Leads, leadOptions);
        output.WriteLine();
        output.WriteLine(string.Create(invariant, $"MQL -> SAL within 30 days by industry, cohort basis, as of {sample.AsOf} (value = rate, n = MQLs)"));
        output.Write(Indent(conversion.ToText(KpiTextLayout.Long)));
    }

    private static string Indent(string text) =>
        string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "  " + line + "\n"));
}
