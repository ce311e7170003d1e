using System;
using System.Collections.Generic;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class ConversionTests
{
    private static readonly Duration Window = Duration.FromDays(30);

    // All times at 12:00 UTC.
    // L1 Tech:   MQL 10 Jan, SAL 20 Jan                      → converts after 10 days.
    // L2 Tech:   MQL 15 Jan, SAL 14 Feb                      → exactly 30 days: converts (the window is inclusive).
    // L3 Retail: MQL 20 Jan, SAL 19 Feb 12:01                → 30 days and 1 minute: does not convert.
    // L4 Retail: MQL 25 Jan, MQL again 1 Mar, SAL 10 Mar     → first entry: 44 days, no; second entry: 9 days.
    // L5 Retail: SAL 5 Jan, MQL 12 Jan                       → a SAL before the MQL never converts it.
    // L6 Retail: SAL 3 Feb only                              → never entered MQL: not a trial.
    private static readonly TestLead[] Leads =
    [
        new(1, "Tech", [new("MQL", T.At(2026, 1, 10)), new("SAL", T.At(2026, 1, 20))]),
        new(2, "Tech", [new("SAL", T.At(2026, 2, 14)), new("MQL", T.At(2026, 1, 15))]),
        new(3, "Retail", [new("MQL", T.At(2026, 1, 20)), new("SAL", Instant.FromUtc(2026, 2, 19, 12, 1))]),
        new(4, "Retail", [new("MQL", T.At(2026, 1, 25)), new("MQL", T.At(2026, 3, 1)), new("SAL", T.At(2026, 3, 10))]),
        new(5, "Retail", [new("SAL", T.At(2026, 1, 5)), new("MQL", T.At(2026, 1, 12))]),
        new(6, "Retail", [new("SAL", T.At(2026, 2, 3))]),
    ];

    private static readonly EvaluationOptions<TestLead> June = EvaluationOptions<TestLead>.InZone(T.Utc).WithAsOf(T.At(2026, 6, 30));

    private static Metric<TestLead, Ungrouped> MqlToSal(ConversionBasis basis = ConversionBasis.Cohort, ConversionCounting counting = ConversionCounting.UniqueEntities) =>
        Metric.Conversion<TestLead, Step>(l => l.Steps, s => s.At, s => s.Stage == "MQL", s => s.Stage == "SAL", Window, basis, counting);

    [Fact]
    public void Cohort_unique_counts_first_entries_and_the_inclusive_window_boundary()
    {
        // Trials L1..L5 = 5, successes L1 and L2 (exactly 30 days) = 2 → 0.4.
        var v = MqlToSal().Evaluate(Leads, June)[Ungrouped.All];
        Assert.Equal(KpiValueKind.Rate, v.Kind);
        Assert.Equal(0.4m, v.ExactValue);
        Assert.Equal(2.0, v.Numerator);
        Assert.Equal(5.0, v.Denominator);
        Assert.Equal(0, v.Censored);
        Assert.NotNull(v.Interval);
    }

    [Fact]
    public void All_conversions_treats_each_repeated_entry_as_a_trial()
    {
        // Trials: L1, L2, L3, L4 (25 Jan), L4 (1 Mar), L5 = 6; successes L1, L2, L4's second entry = 3 → 0.5.
        var v = MqlToSal(counting: ConversionCounting.AllConversions).Evaluate(Leads, June)[Ungrouped.All];
        Assert.Equal(0.5m, v.ExactValue);
        Assert.Equal(6.0, v.Denominator);
    }

    [Fact]
    public void All_conversions_credits_one_conversion_to_only_the_latest_entry()
    {
        // MQL 1 Jan, MQL 5 Jan, SAL 8 Jan: the SAL converts the 5 Jan entry only → 1 of 2.
        TestLead[] lead = [new(9, "Tech", [new("MQL", T.At(2026, 1, 1)), new("MQL", T.At(2026, 1, 5)), new("SAL", T.At(2026, 1, 8))])];
        var v = MqlToSal(counting: ConversionCounting.AllConversions).Evaluate(lead, June)[Ungrouped.All];
        Assert.Equal(0.5m, v.ExactValue);
    }

    [Fact]
    public void Cohort_and_period_basis_give_different_answers_on_the_same_data()
    {
        var options = June;
        var cohort = MqlToSal().PerPeriod(ReportingCalendar.Iso, PeriodKind.Month).Evaluate(Leads, options);
        var period = MqlToSal(ConversionBasis.Period).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month).Evaluate(Leads, options);
        var jan = T.Month(2026, 1);
        var feb = T.Month(2026, 2);

        // Cohort January: the 5 January entries, 2 of which converted (one in February) → 0.4.
        Assert.Equal(0.4m, cohort[Ungrouped.All, jan].ExactValue);

        // Period basis: January completed 1 conversion (L1) over 5 entries → 0.2; February completed 1 (L2) with no
        // entries → Undefined (1/0).
        Assert.Equal(KpiValueKind.Ratio, period[Ungrouped.All, jan].Kind);
        Assert.Equal(0.2m, period[Ungrouped.All, jan].ExactValue);
        Assert.True(period[Ungrouped.All, feb].IsUndefined);
        Assert.Equal(1m, period[Ungrouped.All, feb].ExactNumerator);
    }

    [Fact]
    public void Cohorts_whose_window_is_still_open_at_as_of_are_censored()
    {
        // As of 31 Jan 12:00: L2's SAL (14 Feb) has not happened yet. L1 converted; L2, L3, L4 and L5 have open
        // windows and no SAL yet → 1 of 5, 4 censored.
        var asOf = EvaluationOptions<TestLead>.InZone(T.Utc).WithAsOf(Instant.FromUtc(2026, 1, 31, 12, 0));
        var v = MqlToSal().Evaluate(Leads, asOf)[Ungrouped.All];
        Assert.Equal(0.2m, v.ExactValue);
        Assert.Equal(4, v.Censored);
        Assert.True(v.IsCensored);
    }

    [Fact]
    public void A_window_closing_exactly_at_as_of_is_not_censored()
    {
        TestLead[] lead = [new(9, "Tech", [new("MQL", T.At(2026, 1, 1))])];
        var atClose = EvaluationOptions<TestLead>.InZone(T.Utc).WithAsOf(T.At(2026, 1, 1) + Window);
        var justBefore = EvaluationOptions<TestLead>.InZone(T.Utc).WithAsOf(T.At(2026, 1, 1) + Window - Duration.FromMinutes(1));
        Assert.Equal(0, MqlToSal().Evaluate(lead, atClose)[Ungrouped.All].Censored);
        Assert.Equal(1, MqlToSal().Evaluate(lead, justBefore)[Ungrouped.All].Censored);
    }

    [Fact]
    public void Conversion_groups_by_an_entity_attribute()
    {
        // Tech: L1, L2 → 2/2; Retail: L3, L4, L5 → 0/3.
        var table = MqlToSal().By(l => l.Industry).Evaluate(Leads, June);
        Assert.Equal(["Retail", "Tech"], table.Keys);
        Assert.Equal(1m, table["Tech"].ExactValue);
        Assert.Equal(0m, table["Retail"].ExactValue);
        Assert.Equal(3.0, table["Retail"].Denominator);
    }

    [Fact]
    public void Conversion_needs_an_as_of_instant()
    {
        var ex = Assert.Throws<ArgumentException>(() => MqlToSal().Evaluate(Leads, T.Utc));
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Conversion_rejects_a_negative_window_and_timestamp_periods()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Metric.Conversion<TestLead, Step>(l => l.Steps, s => s.At, s => true, s => true, Duration.FromDays(-1)));
        Assert.Throws<ArgumentException>(() => MqlToSal().PerPeriod(PeriodKind.Month, l => l.Steps[0].At));
        Assert.Throws<ArgumentException>(() => Metric.Count<TestLead>().PerPeriod(ReportingCalendar.Iso, PeriodKind.Month));
    }

    [Fact]
    public void Partitions_of_entities_merge_exactly()
    {
        var metric = MqlToSal().By(l => l.Industry).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month);
        var whole = metric.Evaluate(Leads, June);
        var merged = metric.CreateState(June).Add(Leads[..2]).Merge(metric.CreateState(June).Add(Leads[2..])).ToTable();
        Assert.Equal(whole.Cells, merged.Cells);
        var restored = metric.Restore(metric.CreateState(June).Add(Leads).ToSnapshot(), June).ToTable();
        Assert.Equal(whole.Cells, restored.Cells);
    }
}
