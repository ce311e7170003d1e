using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi.Tests.Engine;

internal enum Kind : byte
{
    Call = 0,
    Email = 1,
    Reply = 2,
    Meeting = 3,
}

/// <summary>A compact activity fact, like the domain's activity struct.</summary>
internal readonly record struct Act(int Rep, Instant At, Kind Kind, long Seconds = 0, decimal Amount = 0m, bool Connected = false);

/// <summary>A stage change of a test lead.</summary>
internal readonly record struct Step(string Stage, Instant At);

/// <summary>A lead with its stage history.</summary>
internal sealed record TestLead(int Id, string Industry, IReadOnlyList<Step> Steps);

/// <summary>A deal fact for cross-fact derived metrics.</summary>
internal readonly record struct Won(int Rep, Instant At, decimal Amount);

internal static class T
{
    public static readonly DateTimeZone Utc = DateTimeZone.Utc;

    public static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>An instant given as UTC wall time.</summary>
    public static Instant At(int year, int month, int day, int hour = 12, int minute = 0) =>
        Instant.FromUtc(year, month, day, hour, minute);

    public static ReportingPeriod Day(int year, int month, int day) =>
        ReportingCalendar.Iso.GetPeriod(new LocalDate(year, month, day), PeriodKind.Day);

    public static ReportingPeriod Week(int year, int month, int day) =>
        ReportingCalendar.Iso.GetPeriod(new LocalDate(year, month, day), PeriodKind.Week);

    public static ReportingPeriod Month(int year, int month) =>
        ReportingCalendar.Iso.GetPeriod(new LocalDate(year, month, 1), PeriodKind.Month);

    public static EvaluationOptions<TFact> InUtc<TFact>() => EvaluationOptions<TFact>.InZone(DateTimeZone.Utc);

    /// <summary>Deterministic pseudo-random activities (no clock, fixed seed).</summary>
    public static Act[] RandomActs(int count, int seed, int reps = 7, int days = 40)
    {
        var random = new Random(seed);
        var start = Instant.FromUtc(2026, 3, 1, 0, 0);
        var acts = new Act[count];
        for (int i = 0; i < count; i++)
        {
            acts[i] = new Act(
                random.Next(reps),
                start + Duration.FromSeconds(random.NextInt64(days * 86_400L)),
                (Kind)random.Next(4),
                random.Next(0, 3_600),
                random.Next(-100_000, 1_000_000) / 100m,
                random.Next(3) == 0);
        }

        return acts;
    }

    /// <summary>Random leads, each with 0 to 5 MQL, SAL or SQL changes between January and April 2026 (some at equal instants).</summary>
    public static TestLead[] RandomLeads(int seed, int count)
    {
        var random = new Random(seed);
        string[] industries = ["Tech", "Retail", "Health"];
        string[] stages = ["MQL", "SAL", "SQL"];
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        var leads = new TestLead[count];
        for (int id = 0; id < count; id++)
        {
            var steps = new List<Step>();
            int n = random.Next(6);
            for (int k = 0; k < n; k++)
            {
                var at = k > 0 && random.Next(6) == 0 ? steps[^1].At : start + Duration.FromMinutes(random.Next(120 * 24 * 60));
                steps.Add(new Step(stages[random.Next(3)], at));
            }

            leads[id] = new TestLead(id, industries[random.Next(3)], steps);
        }

        return leads;
    }
}

/// <summary>A filter that counts how often it is called, to show how many times a pass runs it.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
internal sealed class CountingFilter<TFact>
{
    public CountingFilter(Func<TFact, bool> keep)
    {
        Filter = fact =>
        {
            Calls++;
            return keep(fact);
        };
    }

    /// <summary>Gets the counting filter (one delegate instance, so metrics built with it share a pass).</summary>
    public Func<TFact, bool> Filter { get; }

    public int Calls { get; private set; }
}
