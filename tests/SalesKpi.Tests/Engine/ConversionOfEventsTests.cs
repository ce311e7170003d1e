using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>A stage change of a lead as a fact of its own (not inside the lead's history).</summary>
internal readonly record struct StageEvent(int Lead, string Industry, string Stage, Instant At);

/// <summary>Conversions between separate A and B event facts joined by entity key.</summary>
public sealed class ConversionOfEventsTests
{
    private static readonly Duration Window = Duration.FromDays(30);

    // The leads of ConversionTests as separate events (all times 12:00 UTC):
    // L1 Tech:   MQL 10 Jan, SAL 20 Jan                      → converts after 10 days.
    // L2 Tech:   MQL 15 Jan, SAL 14 Feb                      → exactly 30 days: converts (the window is inclusive).
    // L3 Retail: MQL 20 Jan, SAL 19 Feb 12:01                → 30 days and 1 minute: does not convert.
    // L4 Retail: MQL 25 Jan, MQL again 1 Mar, SAL 10 Mar     → first entry: 44 days, no; second entry: 9 days.
    // L5 Retail: SAL 5 Jan, MQL 12 Jan                       → a SAL before the MQL never converts it.
    // L6 Retail: SAL 3 Feb only                              → never entered MQL: not a trial.
    private static readonly StageEvent[] Mqls =
    [
        new(1, "Tech", "MQL", T.At(2026, 1, 10)),
        new(2, "Tech", "MQL", T.At(2026, 1, 15)),
        new(3, "Retail", "MQL", T.At(2026, 1, 20)),
        new(4, "Retail", "MQL", T.At(2026, 1, 25)),
        new(4, "Retail", "MQL", T.At(2026, 3, 1)),
        new(5, "Retail", "MQL", T.At(2026, 1, 12)),
    ];

    private static readonly StageEvent[] Sals =
    [
        new(1, "Tech", "SAL", T.At(2026, 1, 20)),
        new(2, "Tech", "SAL", T.At(2026, 2, 14)),
        new(3, "Retail", "SAL", Instant.FromUtc(2026, 2, 19, 12, 1)),
        new(4, "Retail", "SAL", T.At(2026, 3, 10)),
        new(5, "Retail", "SAL", T.At(2026, 1, 5)),
        new(6, "Retail", "SAL", T.At(2026, 2, 3)),
    ];

    private static readonly StageEvent[] All = [.. Mqls, .. Sals];

    private static readonly EvaluationOptions<StageEvent> June = EvaluationOptions<StageEvent>.InZone(T.Utc).WithAsOf(T.At(2026, 6, 30));

    private static Metric<StageEvent, Ungrouped> MqlToSal(ConversionBasis basis = ConversionBasis.Cohort, ConversionCounting counting = ConversionCounting.UniqueEntities, Duration? window = null) =>
        Metric.ConversionOfEvents<StageEvent, int>(e => e.Lead, e => e.At, e => e.Stage == "MQL", e => e.Stage == "SAL", window ?? Window, basis, counting);

    [Fact]
    public void Cohort_unique_joins_the_two_streams_by_lead()
    {
        // Trials L1..L5 = 5, successes L1 and L2 (exactly 30 days) = 2 → 0.4.
        var state = MqlToSal().CreateState(June).Add(Mqls).Add(Sals);
        var v = state.ToTable()[Ungrouped.All];
        Assert.Equal(KpiValueKind.Rate, v.Kind);
        Assert.Equal(0.4m, v.ExactValue);
        Assert.Equal(2.0, v.Numerator);
        Assert.Equal(5.0, v.Denominator);
        Assert.Equal(0, v.Censored);
        Assert.Equal(5, v.Count);
    }

    [Fact]
    public void All_conversions_treats_each_repeated_entry_as_a_trial()
    {
        // Trials: L1, L2, L3, L4 (25 Jan), L4 (1 Mar), L5 = 6; successes L1, L2, L4's second entry = 3 → 0.5.
        var v = MqlToSal(counting: ConversionCounting.AllConversions).Evaluate(All, June)[Ungrouped.All];
        Assert.Equal(0.5m, v.ExactValue);
        Assert.Equal(6.0, v.Denominator);
    }

    [Fact]
    public void Period_basis_places_entries_and_conversions_in_their_own_periods()
    {
        // January: 5 first entries (L1, L2, L3, L4, L5), 1 conversion completed (L1) → 0.2. February: L2's conversion, no
        // entries → Undefined (1/0). March: nothing counting unique entities (L4's trial is its January entry); counting
        // all conversions, L4's second entry (1 March) and its conversion (10 March) → 1/1.
        var table = MqlToSal(ConversionBasis.Period).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month).Evaluate(All, June);
        Assert.Equal(0.2m, table[Ungrouped.All, T.Month(2026, 1)].ExactValue);
        Assert.True(table[Ungrouped.All, T.Month(2026, 2)].IsUndefined);
        Assert.Equal(1m, table[Ungrouped.All, T.Month(2026, 2)].ExactNumerator);
        Assert.False(table.TryGetValue(Ungrouped.All, T.Month(2026, 3), out _));
        var all = MqlToSal(ConversionBasis.Period, ConversionCounting.AllConversions).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month).Evaluate(All, June);
        Assert.Equal(0.2m, all[Ungrouped.All, T.Month(2026, 1)].ExactValue);
        Assert.Equal(1m, all[Ungrouped.All, T.Month(2026, 3)].ExactValue);
    }

    [Fact]
    public void Windows_still_open_at_as_of_are_censored_and_later_events_ignored()
    {
        // As of 25 January 12:00: L1 converted (SAL 20 Jan); L2's SAL (14 Feb) has not happened yet and its window ends
        // 14 Feb → censored; L3 (window to 19 Feb), L4 (MQL exactly at as-of, window to 24 Feb) and L5 (SAL before its
        // MQL, window to 11 Feb) are censored too. Trials 5, successes 1, censored 4.
        var asOf = EvaluationOptions<StageEvent>.InZone(T.Utc).WithAsOf(T.At(2026, 1, 25));
        var v = MqlToSal().Evaluate(All, asOf)[Ungrouped.All];
        Assert.Equal(5.0, v.Denominator);
        Assert.Equal(1.0, v.Numerator);
        Assert.Equal(4, v.Censored);
    }

    [Fact]
    public void Yesterdays_entries_and_todays_conversions_merge_into_one_answer()
    {
        var metric = MqlToSal().By(e => e.Industry);
        var yesterday = metric.CreateState(June).Add(Mqls);
        var today = metric.CreateState(June).Add(Sals);
        var merged = yesterday.Merge(today).ToTable();

        // Tech: L1, L2 both convert → 2/2. Retail: L3, L4, L5 → 0/3.
        Assert.Equal(1m, merged["Tech"].ExactValue);
        Assert.Equal(0m, merged["Retail"].ExactValue);
        Assert.Equal(3.0, merged["Retail"].Denominator);
        Assert.Equal(metric.Evaluate(All, June).Cells, merged.Cells);
    }

    [Fact]
    public void The_group_key_is_read_from_entry_events_only()
    {
        // A SAL event carries no industry here: the key selector must not be asked for it.
        var metric = MqlToSal().By(e => e.Stage == "SAL" ? throw new InvalidOperationException("asked a SAL for its key") : e.Industry);
        var table = metric.Evaluate(All, June);
        Assert.Equal(1m, table["Tech"].ExactValue);
    }

    [Fact]
    public void Each_entry_belongs_to_the_group_of_its_own_event()
    {
        // Lead 9: MQL 1 Jan in Tech, MQL 5 Jan in Retail (reassigned), SAL 8 Jan. Counting all conversions the SAL converts
        // the 5 Jan entry only: Tech 0/1, Retail 1/1. Counting unique entities the only trial is the first entry: Tech 1/1.
        StageEvent[] events = [new(9, "Tech", "MQL", T.At(2026, 1, 1)), new(9, "Retail", "MQL", T.At(2026, 1, 5)), new(9, "Retail", "SAL", T.At(2026, 1, 8))];
        var all = MqlToSal(counting: ConversionCounting.AllConversions).By(e => e.Industry).Evaluate(events, June);
        Assert.Equal(0m, all["Tech"].ExactValue);
        Assert.Equal(1m, all["Retail"].ExactValue);
        var unique = MqlToSal().By(e => e.Industry).Evaluate(events, June);
        Assert.Equal(1m, unique["Tech"].ExactValue);
        Assert.False(unique.TryGetValue("Retail", null, out _));
    }

    [Fact]
    public void Entries_at_the_same_instant_are_ordered_by_group_key_whatever_the_fact_order()
    {
        // Two MQLs of lead 7 at the same instant in Retail and Tech, then a SAL: counting all conversions only the later
        // entry can convert (the SAL must come before the next entry), and "Retail" < "Tech", so Tech gets it.
        StageEvent[] events = [new(7, "Tech", "MQL", T.At(2026, 1, 1)), new(7, "Retail", "MQL", T.At(2026, 1, 1)), new(7, "Tech", "SAL", T.At(2026, 1, 3))];
        var metric = MqlToSal(counting: ConversionCounting.AllConversions).By(e => e.Industry);
        var forward = metric.Evaluate(events, June);
        Assert.Equal(0m, forward["Retail"].ExactValue);
        Assert.Equal(1m, forward["Tech"].ExactValue);
        Assert.Equal(forward.Cells, metric.Evaluate(events.Reverse().ToArray(), June).Cells);
    }

    [Fact]
    public void The_snapshot_holds_the_events_per_lead_and_restores_the_same_table()
    {
        var metric = MqlToSal().By(e => e.Industry).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month);
        var snapshot = metric.CreateState(June).Add(All).ToSnapshot();
        Assert.Equal("conversion-events", snapshot.Metric);
        Assert.Equal(12, snapshot.FactCount);
        Assert.Empty(snapshot.Cells);

        // Entries per (lead, industry): (1, Tech), (2, Tech), (3, Retail), (4, Retail) with two MQLs, (5, Retail).
        var entries = Assert.IsType<KpiSnapshot<(int, string)>>(snapshot.Parts[0]);
        Assert.Equal([(1, "Tech"), (2, "Tech"), (3, "Retail"), (4, "Retail"), (5, "Retail")], entries.Keys);
        Assert.Equal([1L, 1L, 1L, 2L, 1L], entries.Cells.Select(c => c.Count));

        // L1's MQL: 10 January 2026 12:00 UTC is day 20463 since the epoch, 43,200 s into it; business day 739625 (DayNumber).
        Assert.Equal([20_463L, 43_200_000_000_000L, 739_625L], entries.Cells[0].Integers!);

        // Conversions per lead: 1 to 6, one SAL each.
        var conversions = Assert.IsType<KpiSnapshot<int>>(snapshot.Parts[1]);
        Assert.Equal([1, 2, 3, 4, 5, 6], conversions.Keys);

        var restored = metric.Restore(snapshot, June);
        Assert.Equal(metric.Evaluate(All, June).Cells, restored.ToTable().Cells);
        Assert.Equal(12, restored.FactCount);
    }

    [Fact]
    public void Invalid_input_is_a_clear_error()
    {
        var metric = Metric.ConversionOfEvents<StageEvent, string>(e => e.Stage == "SAL" ? null! : "x", e => e.At, e => e.Stage == "MQL", e => e.Stage == "SAL", Window);
        Assert.Equal("facts", Assert.Throws<ArgumentException>(() => metric.Evaluate(All, June)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => MqlToSal().Evaluate(All, T.Utc)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => MqlToSal().Evaluate(All)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => MqlToSal(window: Duration.FromSeconds(-1))).ParamName);
        Assert.Throws<ArgumentException>(() => MqlToSal().PerPeriod(PeriodKind.Month, e => e.At));

        var otherTag = new KpiSnapshot<Ungrouped>("count", 1, [Ungrouped.All], null, [new CellState { Count = 1 }]);
        Assert.Equal("snapshot", Assert.Throws<ArgumentException>(() => MqlToSal().Restore(otherTag, June)).ParamName);
        var snapshot = MqlToSal().CreateState(June).Add(All).ToSnapshot();
        var entries = (KpiSnapshot<(int, Ungrouped)>)snapshot.Parts[0];
        var broken = new KpiSnapshot<Ungrouped>("conversion-events", 12, [], null, [], [
            new KpiSnapshot<(int, Ungrouped)>(entries.Metric, 1, [entries.Keys[0]], null, [new CellState { Count = 2, Integers = [1, 2, 3] }]),
            snapshot.Parts[1],
        ]);
        var error = Assert.Throws<ArgumentException>(() => MqlToSal().Restore(broken, June));
        Assert.Equal("snapshot", error.ParamName);
        Assert.Contains($"entries cell 0 (key {entries.Keys[0]}) is invalid: a cell of events needs Count events", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 80)]
    public void The_event_form_equals_the_history_form_on_the_same_events(int seed, byte windowDays, bool periodBasis, bool allConversions, byte asOfDays)
    {
        var leads = T.RandomLeads(seed, 40);
        var events = leads.SelectMany(l => l.Steps.Select(s => new StageEvent(l.Id, l.Industry, s.Stage, s.At))).ToArray();
        new Random(seed).Shuffle(events);
        var window = Duration.FromDays(windowDays % 40) + Duration.FromHours(windowDays % 3);
        var basis = periodBasis ? ConversionBasis.Period : ConversionBasis.Cohort;
        var counting = allConversions ? ConversionCounting.AllConversions : ConversionCounting.UniqueEntities;
        var asOf = Instant.FromUtc(2026, 1, 15, 0, 0) + Duration.FromDays(asOfDays % 130);

        var history = Metric.Conversion<TestLead, Step>(l => l.Steps, s => s.At, s => s.Stage == "MQL", s => s.Stage == "SAL", window, basis, counting)
            .By(l => l.Industry).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week);
        var joined = Metric.ConversionOfEvents<StageEvent, int>(e => e.Lead, e => e.At, e => e.Stage == "MQL", e => e.Stage == "SAL", window, basis, counting)
            .By(e => e.Industry).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week);

        var expected = history.Evaluate(leads, EvaluationOptions<TestLead>.InZone(T.Paris).WithAsOf(asOf));
        var actual = joined.Evaluate(events, EvaluationOptions<StageEvent>.InZone(T.Paris).WithAsOf(asOf));
        Assert.Equal(expected.Cells, actual.Cells);
    }

    [Property(MaxTest = 50)]
    public void Any_partition_merged_directly_or_through_snapshots_equals_the_whole(int seed, int[] cuts)
    {
        var events = T.RandomLeads(seed, 30).SelectMany(l => l.Steps.Select(s => new StageEvent(l.Id, l.Industry, s.Stage, s.At))).ToArray();
        new Random(seed).Shuffle(events);
        var options = EvaluationOptions<StageEvent>.InZone(T.NewYork).WithAsOf(Instant.FromUtc(2026, 3, 20, 0, 0));
        var metric = MqlToSal(ConversionBasis.Period, ConversionCounting.AllConversions).By(e => e.Industry).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month);
        var bounds = cuts.Select(c => Math.Abs(c % (events.Length + 1))).Append(0).Append(events.Length).Distinct().Order().ToArray();
        var direct = metric.CreateState(options);
        var viaSnapshots = metric.CreateState(options);
        for (int i = 0; i + 1 < bounds.Length; i++)
        {
            var part = metric.CreateState(options).Add(events.AsSpan(bounds[i], bounds[i + 1] - bounds[i]));
            direct.Merge(part);
            viaSnapshots.Merge(metric.Restore(part.ToSnapshot(), options).ToSnapshot());
        }

        var whole = metric.Evaluate(events, options);
        Assert.Equal(whole.Cells, direct.ToTable().Cells);
        Assert.Equal(whole.Cells, viaSnapshots.ToTable().Cells);
        Assert.Equal(events.Length, viaSnapshots.FactCount);
    }
}
