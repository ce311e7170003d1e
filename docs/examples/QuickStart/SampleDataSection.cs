using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using SalesKpi;
using SalesKpi.SampleData;

/// <summary>
/// Quick-start section: generate a sample organisation and summarise it. Wire it in with, for example,
/// <c>SampleDataSection.Print(Console.Out, SampleOrganisation.Generate(new SampleOptions { Seed = 7, Activities = 20_000 }));</c>
/// </summary>
internal static class SampleDataSection
{
    public static void Print(TextWriter output, SampleOrganisation sample)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sample);
        CultureInfo invariant = CultureInfo.InvariantCulture;
        SalesFacts facts = sample.Facts;
        string Date(LocalDate date) => date.ToString("uuuu-MM-dd", invariant);

        output.WriteLine("Sample organisation");
        output.WriteLine(string.Create(invariant, $"  seed {sample.Seed}; period {Date(sample.Start)} to {Date(sample.End.PlusDays(-1))} (as of {sample.AsOf}); organisation zone {sample.OrganisationZone.Id}"));
        output.WriteLine(string.Create(invariant, $"  fiscal months {sample.ReportingCalendar.GetPeriod(sample.Start, PeriodKind.Month).Label} to {sample.ReportingCalendar.GetPeriod(sample.End.PlusDays(-1), PeriodKind.Month).Label}; working calendars {string.Join(", ", sample.WorkingCalendars.Select(c => string.Create(invariant, $"{c.Key} ({c.Value.Holidays.Count} holidays)")))}"));

        output.WriteLine("  reps by role (at the end of the period) and home zone:");
        LocalDate last = sample.End.PlusDays(-1);
        var groups = facts.Reps
            .GroupBy(r => (Role: r.AssignmentOn(last)?.Role.ToString() ?? "left", Zone: r.HomeZone.Id))
            .OrderBy(g => g.Key.Role, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Zone, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            output.WriteLine(string.Create(invariant, $"    {group.Key.Role,-15} {group.Key.Zone,-20} {group.Count(),5}"));
        }

        output.WriteLine("  facts:");
        output.WriteLine(string.Create(invariant, $"    {"teams",-15} {facts.Teams.Count,10:N0}"));
        output.WriteLine(string.Create(invariant, $"    {"leads",-15} {facts.Leads.Count,10:N0}"));
        output.WriteLine(string.Create(invariant, $"    {"deals",-15} {facts.Deals.Count,10:N0}  (won {facts.Deals.Count(d => d.IsWon):N0}, lost {facts.Deals.Count(d => d.IsLost):N0}, open {facts.Deals.Count(d => d.IsOpen):N0})"));
        output.WriteLine(string.Create(invariant, $"    {"accounts",-15} {facts.Accounts.Count,10:N0}  (customers live at the end {facts.Accounts.Count(a => a.MrrOn(last)?.Amount > 0m):N0})"));
        output.WriteLine(string.Create(invariant, $"    {"activities",-15} {facts.Activities.Length,10:N0}"));
        output.WriteLine(string.Create(invariant, $"    {"sessions",-15} {facts.Sessions.Length,10:N0}"));
        output.WriteLine(string.Create(invariant, $"    {"feature usage",-15} {facts.FeatureUsage.Length,10:N0}"));
        output.WriteLine(string.Create(invariant, $"    {"tickets",-15} {facts.Tickets.Length,10:N0}"));
        output.WriteLine(string.Create(invariant, $"    {"conversations",-15} {facts.Conversations.Length,10:N0}"));
        output.WriteLine(string.Create(invariant, $"    {"quotas",-15} {sample.Quotas.Count,10:N0}"));
        output.WriteLine(string.Create(invariant, $"  data quality: {(DataQualityCheck.Run(facts).IsClean ? "clean" : "issues found")}"));
    }
}
