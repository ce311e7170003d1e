using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>The conversion over an <see cref="IConversionEvents{TFact, TEvent}"/> value: the delegate form's rule, read without delegates.</summary>
public sealed class ConversionEventsValueTests
{
    private static readonly Duration Window = Duration.FromDays(30);

    private static readonly EvaluationOptions<LeadSteps> June = EvaluationOptions<LeadSteps>.InZone(T.Utc).WithAsOf(T.At(2026, 6, 30));

    [Fact]
    public void Cohort_and_period_basis_by_hand()
    {
        // L1 Tech:   MQL 10 Jan, SAL 20 Jan                   → converts (10 days).
        // L2 Tech:   SAL 14 Feb, MQL 15 Jan (any order)       → exactly 30 days: converts (the window is inclusive).
        // L3 Retail: MQL 20 Jan, SAL 19 Feb 12:01             → 30 days and 1 minute: does not convert.
        // L4 Retail: SAL 3 Feb only                           → never entered MQL: not a trial.
        // L5 Retail: MQL 25 Jun                               → open window at as-of 30 Jun: censored.
        LeadSteps[] leads =
        [
            new(1, "Tech", [new("MQL", T.At(2026, 1, 10)), new("SAL", T.At(2026, 1, 20))]),
            new(2, "Tech", [new("SAL", T.At(2026, 2, 14)), new("MQL", T.At(2026, 1, 15))]),
            new(3, "Retail", [new("MQL", T.At(2026, 1, 20)), new("SAL", Instant.FromUtc(2026, 2, 19, 12, 1))]),
            new(4, "Retail", [new("SAL", T.At(2026, 2, 3))]),
            new(5, "Retail", [new("MQL", T.At(2026, 6, 25))]),
        ];

        var cohort = MqlToSal(ConversionBasis.Cohort, ConversionCounting.UniqueEntities).By(l => l.Industry).Evaluate(leads, June);
        Assert.Equal(1m, cohort["Tech"].ExactValue);
        Assert.Equal(2.0, cohort["Tech"].Denominator);
        Assert.Equal(0m, cohort["Retail"].ExactValue);
        Assert.Equal(2.0, cohort["Retail"].Denominator);
        Assert.Equal(1, cohort["Retail"].Censored);

        // Period basis per month, entries by their MQL and conversions by their SAL: January has the entries of L1, L2 and
        // L3 and the conversion of L1 (20 Jan); February the conversion of L2 (14 Feb); June the entry of L5.
        var period = MqlToSal(ConversionBasis.Period, ConversionCounting.UniqueEntities).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month).Evaluate(leads, June);
        Assert.Equal(1.0, period[Ungrouped.All, T.Month(2026, 1)].Numerator);
        Assert.Equal(3.0, period[Ungrouped.All, T.Month(2026, 1)].Denominator);
        Assert.Equal(1.0, period[Ungrouped.All, T.Month(2026, 2)].Numerator);
        Assert.Equal(1.0, period[Ungrouped.All, T.Month(2026, 6)].Denominator);
    }

    [Property(MaxTest = 80)]
    public void The_value_form_equals_the_delegate_form_on_the_same_events(int seed, byte windowDays, bool periodBasis, bool allConversions, byte asOfDays)
    {
        var leads = RandomLeads(seed, 40);
        var window = Duration.FromDays(windowDays % 40) + Duration.FromHours(windowDays % 3);
        var basis = periodBasis ? ConversionBasis.Period : ConversionBasis.Cohort;
        var counting = allConversions ? ConversionCounting.AllConversions : ConversionCounting.UniqueEntities;
        var options = EvaluationOptions<LeadSteps>.InZone(T.Paris).WithAsOf(Instant.FromUtc(2026, 1, 15, 0, 0) + Duration.FromDays(asOfDays % 130));

        var byDelegates = Metric.Conversion<LeadSteps, Step>(l => l.Steps, s => s.At, s => s.Stage == "MQL", s => s.Stage == "SAL", window, basis, counting)
            .By(l => l.Industry).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week);
        var byValue = Metric.Conversion<LeadSteps, Step, MqlToSalSteps>(default, window, basis, counting)
            .By(l => l.Industry).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week);

        var expected = byDelegates.Evaluate(leads, options);
        Assert.Equal(expected.Cells, byValue.Evaluate(leads, options).Cells);
        Assert.Equal(expected.Cells, byValue.EvaluateParallel(leads, options, 3).Cells);
        Assert.Equal(expected.Cells, byValue.Restore(byValue.CreateState(options).Add(leads).ToSnapshot(), options).ToTable().Cells);
    }

    [Fact]
    public void A_negative_window_or_an_undefined_basis_is_refused()
    {
        var window = Assert.Throws<ArgumentOutOfRangeException>(() => Metric.Conversion<LeadSteps, Step, MqlToSalSteps>(default, Duration.FromDays(-1), ConversionBasis.Cohort, ConversionCounting.UniqueEntities));
        Assert.Equal("window", window.ParamName);
        var basis = Assert.Throws<ArgumentOutOfRangeException>(() => Metric.Conversion<LeadSteps, Step, MqlToSalSteps>(default, Window, (ConversionBasis)7, ConversionCounting.UniqueEntities));
        Assert.Equal("basis", basis.ParamName);
        Assert.Throws<ArgumentException>(() => MqlToSal(ConversionBasis.Cohort, ConversionCounting.UniqueEntities).Evaluate([], EvaluationOptions<LeadSteps>.InZone(T.Utc)));
    }

    private static Metric<LeadSteps, Ungrouped> MqlToSal(ConversionBasis basis, ConversionCounting counting) =>
        Metric.Conversion<LeadSteps, Step, MqlToSalSteps>(default, Window, basis, counting);

    /// <summary>The shared random leads (<see cref="T.RandomLeads"/>) with their steps in arrays.</summary>
    private static LeadSteps[] RandomLeads(int seed, int count) =>
        [.. T.RandomLeads(seed, count).Select(l => new LeadSteps(l.Id, l.Industry, [.. l.Steps]))];

    internal readonly record struct LeadSteps(int Id, string Industry, Step[] Steps);

    private readonly struct MqlToSalSteps : IConversionEvents<LeadSteps, Step>
    {
        public ReadOnlySpan<Step> EventsOf(in LeadSteps fact) => fact.Steps;

        public Instant TimeOf(in Step e) => e.At;

        public bool IsFrom(in Step e) => e.Stage == "MQL";

        public bool IsTo(in Step e) => e.Stage == "SAL";
    }
}
