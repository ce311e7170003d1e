using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Value-type filters (<see cref="IFactPredicate{TFact}"/>) and the ready-made <see cref="ActivityFilter"/>.</summary>
public sealed class FactPredicateTests
{
    [Fact]
    public void A_value_type_filter_counts_what_it_keeps()
    {
        Act[] facts =
        [
            new(1, T.At(2026, 1, 5), Kind.Call, Connected: true),
            new(1, T.At(2026, 1, 5), Kind.Call),
            new(1, T.At(2026, 1, 6), Kind.Email),
            new(2, T.At(2026, 1, 6), Kind.Call, Connected: true),
        ];
        var connected = Metric.Count<Act>().Where(new ConnectedCall()).By(a => a.Rep).Evaluate(facts);
        Assert.Equal(1m, connected[1].ExactValue);
        Assert.Equal(1m, connected[2].ExactValue);
        Assert.Equal(2, connected.Count);
    }

    [Property(MaxTest = 50)]
    public void A_value_type_filter_gives_the_same_table_as_the_equivalent_lambda(int seed)
    {
        var facts = T.RandomActs(500, seed);
        var byLambda = Metric.Sum<Act>(a => a.Amount).Where(a => a.Kind == Kind.Call && a.Connected).By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At);
        var byValue = Metric.Sum<Act>(a => a.Amount).Where(new ConnectedCall()).By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At);
        Assert.Equal(byLambda.Evaluate(facts, T.Paris).Cells, byValue.Evaluate(facts, T.Paris).Cells);
    }

    [Property(MaxTest = 50)]
    public void Value_type_and_lambda_filters_combine_by_and_in_either_order(int seed)
    {
        var facts = T.RandomActs(500, seed);
        Func<Act, bool> longCall = a => a.Seconds >= 600;
        var expected = Metric.Count<Act>().Where(a => a.Kind == Kind.Call && a.Connected && a.Seconds >= 600).By(a => a.Rep).Evaluate(facts);
        var valueFirst = Metric.Count<Act>().Where(new ConnectedCall()).Where(longCall).By(a => a.Rep).Evaluate(facts);
        var lambdaFirst = Metric.Count<Act>().Where(longCall).By(a => a.Rep).Where(new ConnectedCall()).Evaluate(facts);
        var bothValue = Metric.Count<Act>().Where(new ConnectedCall()).Where(new LongCall()).By(a => a.Rep).Evaluate(facts);
        Assert.Equal(expected.Cells, valueFirst.Cells);
        Assert.Equal(expected.Cells, lambdaFirst.Cells);
        Assert.Equal(expected.Cells, bothValue.Cells);
    }

    [Property(MaxTest = 30)]
    public void A_value_type_filter_keeps_the_merge_laws(int seed, byte cut)
    {
        var facts = T.RandomActs(300, seed);
        var metric = Metric.Count<Act>().Where(new ConnectedCall()).By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        int at = cut % 301;
        var merged = metric.CreateState(T.NewYork).Add(facts.AsSpan(0, at));
        merged.Merge(metric.CreateState(T.NewYork).Add(facts.AsSpan(at)));
        Assert.Equal(metric.Evaluate(facts, T.NewYork).Cells, merged.ToTable().Cells);
    }

    [Fact]
    public void A_value_type_filter_also_filters_conversions_and_entity_conditions()
    {
        var facts = T.RandomActs(300, 11);
        var callsOver = Metric.Count<Act>().Where(a => a.Kind == Kind.Call);
        var byLambda = Metric.Count<Act>().Where(a => a.Kind == Kind.Call && a.Connected).By(a => a.Rep).WhereEntity(a => a.Rep, callsOver, v => v.ExactValue >= 5);
        var byValue = Metric.Count<Act>().Where(new ConnectedCall()).By(a => a.Rep).WhereEntity(a => a.Rep, callsOver, v => v.ExactValue >= 5);
        Assert.Equal(byLambda.Evaluate(facts).Cells, byValue.Evaluate(facts).Cells);
    }

    [Fact]
    public void Activity_filters_test_kind_and_outcome()
    {
        var start = Instant.FromUtc(2026, 5, 4, 9, 0);
        SalesActivity[] facts =
        [
            new(ActivityId.Of(1), RepId.Of(1), start, SalesActivityKind.Call, outcome: SalesActivityOutcome.Connected),
            new(ActivityId.Of(2), RepId.Of(1), start, SalesActivityKind.Call, outcome: SalesActivityOutcome.NoAnswer),
            new(ActivityId.Of(3), RepId.Of(1), start, SalesActivityKind.Email),
            new(ActivityId.Of(4), RepId.Of(2), start, SalesActivityKind.Call, outcome: SalesActivityOutcome.Connected),
        ];
        var calls = Metric.Count<SalesActivity>().Where(ActivityFilter.Of(SalesActivityKind.Call)).By(a => a.Rep).Evaluate(facts);
        var connected = Metric.Count<SalesActivity>().Where(ActivityFilter.Of(SalesActivityKind.Call, SalesActivityOutcome.Connected)).By(a => a.Rep).Evaluate(facts);
        Assert.Equal(2m, calls[RepId.Of(1)].ExactValue);
        Assert.Equal(1m, calls[RepId.Of(2)].ExactValue);
        Assert.Equal(1m, connected[RepId.Of(1)].ExactValue);
        Assert.Equal(1m, connected[RepId.Of(2)].ExactValue);
        Assert.False(default(ActivityFilter).Test(in facts[0]));
        Assert.Equal("kind = Call, outcome = Connected", ActivityFilter.Of(SalesActivityKind.Call, SalesActivityOutcome.Connected).ToString());
        Assert.Equal("kind = Email", ActivityFilter.Of(SalesActivityKind.Email).ToString());
    }

    [Fact]
    public void Activity_filters_reject_undefined_kinds_and_outcomes()
    {
        var kind = Assert.Throws<ArgumentException>(() => ActivityFilter.Of(default));
        Assert.Equal("kind", kind.ParamName);
        var outcome = Assert.Throws<ArgumentOutOfRangeException>(() => ActivityFilter.Of(SalesActivityKind.Call, (SalesActivityOutcome)200));
        Assert.Equal("outcome", outcome.ParamName);
        Assert.Contains("200", outcome.Message, StringComparison.Ordinal);
    }

    private readonly struct ConnectedCall : IFactPredicate<Act>
    {
        public bool Test(in Act fact) => fact.Kind == Kind.Call && fact.Connected;
    }

    private readonly struct LongCall : IFactPredicate<Act>
    {
        public bool Test(in Act fact) => fact.Seconds >= 600;
    }
}
