using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Value-type key selectors (<see cref="IFactKey{TFact, TKey}"/>, <see cref="FactKey{TFact, TKey}"/>) and the ready-made <see cref="ActivityKey"/>.</summary>
public sealed class FactKeyTests
{
    private static readonly DateTimeZone[] HomeZones = [T.Paris, T.NewYork, DateTimeZoneProviders.Tzdb["Asia/Tokyo"]];

    private static readonly FactKey<Act, int> Rep = FactKey<Act, int>.Of(default(RepKey), "rep");

    private static readonly FactKey<Act, (int Rep, Kind Kind)> RepAndKind = FactKey<Act, (int Rep, Kind Kind)>.Of(default(RepAndKindKey), "rep, kind");

    private static readonly FactKey<Act, string> RepName = FactKey<Act, string>.Of(default(RepNameKey), "rep name");

    private static readonly BusinessDateBasis<int> HomeZoneBasis = BusinessDateBasis<int>.RepHomeZone(rep => HomeZones[rep % 3]);

    [Fact]
    public void A_value_type_key_groups_facts_by_hand()
    {
        // Rep 1: two calls and an email; rep 2: one call. Grouped by (rep, kind): (1, call) 2, (1, email) 1, (2, call) 1.
        Act[] facts =
        [
            new(1, T.At(2026, 3, 2), Kind.Call),
            new(2, T.At(2026, 3, 2), Kind.Call),
            new(1, T.At(2026, 3, 3), Kind.Email),
            new(1, T.At(2026, 3, 4), Kind.Call),
        ];
        var table = Metric.Count<Act>().By(RepAndKind).Evaluate(facts);
        Assert.Equal([(1, Kind.Call), (1, Kind.Email), (2, Kind.Call)], table.Keys);
        Assert.Equal(2m, table[(1, Kind.Call)].ExactValue);
        Assert.Equal(1m, table[(1, Kind.Email)].ExactValue);
        Assert.Equal(1m, table[(2, Kind.Call)].ExactValue);
        Assert.Equal(0m, table[(2, Kind.Email)].ExactValue);
        Assert.Contains("by rep, kind", Metric.Count<Act>().By(RepAndKind).Description, StringComparison.Ordinal);
    }

    [Property(MaxTest = 60)]
    public void A_value_type_key_gives_the_table_of_the_equivalent_lambda(int seed, byte period, byte zoning, bool valueFilter)
    {
        var facts = T.RandomActs(500, seed, reps: 9, days: 120);
        var options = Options(zoning);
        Metric<Act, Ungrouped> sum = Metric.Sum<Act>(a => a.Amount);
        sum = valueFilter ? sum.Where(new NotReply()) : sum.Where(a => a.Kind != Kind.Reply);

        Assert.Equal(Periodic(sum.By(a => a.Rep), period).Evaluate(facts, options).Cells, Periodic(sum.By(Rep), period).Evaluate(facts, options).Cells);
        Assert.Equal(
            Periodic(sum.By(a => (a.Rep, a.Kind)), period).Evaluate(facts, options).Cells,
            Periodic(sum.By(RepAndKind), period).Evaluate(facts, options).Cells);
        Assert.Equal(
            Periodic(sum.By(a => "rep " + a.Rep), period).Evaluate(facts, options).Cells,
            Periodic(sum.By(RepName), period).Evaluate(facts, options).Cells);
        if (period % 4 != 0)
        {
            Assert.Equal(
                Periodic(sum.By(a => a.Rep), period).Rolling(2).FillEmpty().Evaluate(facts, options).Cells,
                Periodic(sum.By(Rep), period).Rolling(2).FillEmpty().Evaluate(facts, options).Cells);
        }
    }

    [Property(MaxTest = 40)]
    public void A_value_type_rep_of_the_basis_gives_the_dates_of_the_equivalent_lambda(int seed, bool weekly)
    {
        var facts = T.RandomActs(400, seed, reps: 9, days: 90);
        var kind = weekly ? PeriodKind.Week : PeriodKind.Day;
        var metric = Metric.Count<Act>().By(RepAndKind).PerPeriod(ReportingCalendar.Iso, kind, a => a.At);
        var byLambda = metric.Evaluate(facts, EvaluationOptions<Act>.InBasis(HomeZoneBasis, a => a.Rep, T.Paris));
        var byValue = metric.Evaluate(facts, EvaluationOptions<Act>.InBasis(HomeZoneBasis, Rep, T.Paris));
        Assert.Equal(byLambda.Cells, byValue.Cells);
    }

    [Property(MaxTest = 40)]
    public void Grouping_by_the_rep_of_the_basis_gives_the_dates_of_separate_selectors(int seed, bool weekly, bool valueKey)
    {
        // The metric's key is the basis's own rep selector (one instance); the reference uses two separate lambdas.
        var facts = T.RandomActs(500, seed, reps: 9, days: 120);
        var kind = weekly ? PeriodKind.Week : PeriodKind.Day;
        Func<Act, int> rep = a => a.Rep;
        var shared = valueKey
            ? Metric.Count<Act>().By(Rep).PerPeriod(ReportingCalendar.Iso, kind, a => a.At).Evaluate(facts, EvaluationOptions<Act>.InBasis(HomeZoneBasis, Rep, T.Paris))
            : Metric.Count<Act>().By(rep).PerPeriod(ReportingCalendar.Iso, kind, a => a.At).Evaluate(facts, EvaluationOptions<Act>.InBasis(HomeZoneBasis, rep, T.Paris));
        var separate = Metric.Count<Act>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, kind, a => a.At)
            .Evaluate(facts, EvaluationOptions<Act>.InBasis(HomeZoneBasis, a => a.Rep, T.Paris));
        Assert.Equal(separate.Cells, shared.Cells);
    }

    [Property(MaxTest = 40)]
    public void Value_type_keys_keep_the_merge_laws(int seed, byte cut)
    {
        var facts = T.RandomActs(300, seed, reps: 5);
        var options = EvaluationOptions<Act>.InBasis(HomeZoneBasis, Rep, T.Paris);
        var metric = Metric.Count<Act>().By(RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.At);
        int at = cut % 301;
        var merged = metric.CreateState(options).Add(facts.AsSpan(0, at));
        merged.Merge(metric.Restore(metric.CreateState(options).Add(facts.AsSpan(at)).ToSnapshot(), options));
        var whole = Metric.Count<Act>().By(a => (a.Rep, a.Kind)).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.At)
            .Evaluate(facts, EvaluationOptions<Act>.InBasis(HomeZoneBasis, a => a.Rep, T.Paris));
        Assert.Equal(whole.Cells, merged.ToTable().Cells);
    }

    [Property(MaxTest = 25)]
    public void Value_type_keys_give_the_same_table_in_parallel_and_from_a_stream(int seed, byte partitions)
    {
        var facts = T.RandomActs(3_000, seed, reps: 8, days: 60);
        var options = EvaluationOptions<Act>.InBasis(HomeZoneBasis, Rep, T.Paris);
        var metric = Metric.Count<Act>().By(RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, new ActAt());
        var whole = metric.Evaluate(facts, options);
        Assert.Equal(whole.Cells, metric.EvaluateParallel(facts, options, 1 + (partitions % 4)).Cells);
        Assert.Equal(whole.Cells, metric.Evaluate(facts.Where(_ => true), options).Cells);
    }

    [Fact]
    public void Metrics_grouped_by_one_key_instance_share_a_pass()
    {
        var facts = T.RandomActs(2_000, 4);
        var counting = new CountingFilter<Act>(a => a.Kind != Kind.Reply);
        var counted = counting.Filter;
        Metric<Act, (int Rep, Kind Kind)>[] metrics =
        [
            Metric.Count<Act>().Where(counted).By(RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, new ActAt()),
            Metric.Sum<Act>(a => a.Seconds).Where(counted).By(RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, new ActAt()),
        ];
        var tables = Metric.EvaluateAll(facts, T.Paris, metrics);
        Assert.Equal(facts.Length, counting.Calls);
        Assert.Equal(metrics[1].Evaluate(facts, T.Paris).Cells, tables[1].Cells);
    }

    [Property(MaxTest = 40)]
    public void A_shared_pass_with_value_type_selectors_equals_each_metrics_own_evaluation(int seed, byte zoning, bool weekly)
    {
        var facts = T.RandomActs(400, seed, reps: 6, days: 60);
        var options = Options(zoning);
        var kind = weekly ? PeriodKind.Week : PeriodKind.Day;
        Metric<Act, (int Rep, Kind Kind)>[] metrics =
        [
            Metric.Count<Act>().Where(new NotReply()).By(RepAndKind).PerPeriod(ReportingCalendar.Iso, kind, new ActAt()),
            Metric.Sum<Act>(a => a.Seconds).Where(new NotReply()).By(RepAndKind).PerPeriod(ReportingCalendar.Iso, kind, new ActAt()),
            Metric.Mean<Act>(a => (double)a.Amount).Where(new NotReply()).By(RepAndKind).PerPeriod(ReportingCalendar.Iso, kind, new ActAt()),
        ];
        var tables = Metric.EvaluateAll(facts, options, metrics);
        for (int i = 0; i < metrics.Length; i++)
        {
            Assert.Equal(metrics[i].Evaluate(facts, options).Cells, tables[i].Cells);
        }
    }

    [Fact]
    public void Activity_keys_read_the_activity_fields()
    {
        var start = Instant.FromUtc(2026, 6, 1, 7, 15);
        var activities = Enumerable.Range(1, 600)
            .Select(i => new SalesActivity(
                ActivityId.Of(i),
                RepId.Of(1 + (i % 5)),
                start + Duration.FromMinutes(i * 41L),
                (i % 4) switch { 0 => SalesActivityKind.Email, 1 => SalesActivityKind.Meeting, _ => SalesActivityKind.Call },
                account: AccountId.Of(1 + (i % 3))))
            .ToArray();
        var home = BusinessDateBasis<RepId>.RepHomeZone(rep => HomeZones[rep.Value % 3]);
        var byLambda = EvaluationOptions<SalesActivity>.InBasis(home, a => a.Rep, T.Paris);
        var byValue = EvaluationOptions<SalesActivity>.InBasis(home, ActivityKey.Rep, T.Paris);
        var count = Metric.Count<SalesActivity>();

        Assert.Equal(
            count.By(a => (a.Rep, a.Kind)).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp).Evaluate(activities, byLambda).Cells,
            count.By(ActivityKey.RepAndKind).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp).Evaluate(activities, byValue).Cells);
        Assert.Equal(count.By(a => a.Rep).Evaluate(activities).Cells, count.By(ActivityKey.Rep).Evaluate(activities).Cells);
        Assert.Equal(count.By(a => a.Kind).Evaluate(activities).Cells, count.By(ActivityKey.Kind).Evaluate(activities).Cells);
        Assert.Equal(count.By(a => a.Account).Evaluate(activities).Cells, count.By(ActivityKey.Account).Evaluate(activities).Cells);
        Assert.Equal((activities[9].Rep, activities[9].Kind), ActivityKey.RepAndKind.KeyOf(activities[9]));
        Assert.Equal("rep, kind", ActivityKey.RepAndKind.ToString());
    }

    [Fact]
    public void A_null_key_from_a_value_type_selector_is_rejected_naming_the_facts()
    {
        var nullKey = FactKey<Act, string>.Of(default(NullForEmailKey), "rep or null");
        var facts = T.RandomActs(50, 1);
        var ex = Assert.Throws<ArgumentException>(() => Metric.Count<Act>().By(nullKey).Evaluate(facts));
        Assert.Equal("facts", ex.ParamName);
    }

    [Fact]
    public void A_key_needs_a_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => FactKey<Act, int>.Of(default(RepKey), " "));
        Assert.Equal("name", ex.ParamName);
        Assert.Throws<ArgumentNullException>(() => FactKey<Act, int>.Of(default(RepKey), null!));
    }

    private static EvaluationOptions<Act> Options(byte zoning) => (zoning % 4) switch
    {
        0 => EvaluationOptions<Act>.InZone(T.NewYork),
        1 => EvaluationOptions<Act>.InZoneOf(a => HomeZones[a.Rep % 3], T.Paris),
        2 => EvaluationOptions<Act>.InBasis(HomeZoneBasis, a => a.Rep, T.Paris),
        _ => EvaluationOptions<Act>.InBasis(HomeZoneBasis, Rep, T.Paris),
    };

    private static Metric<Act, TKey> Periodic<TKey>(Metric<Act, TKey> metric, byte period)
        where TKey : notnull => (period % 4) switch
        {
            0 => metric,
            1 => metric.PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.At),
            2 => metric.PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, new ActAt()),
            _ => metric.PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, (Act a) => a.At.InUtc().Date),
        };

    private readonly struct RepKey : IFactKey<Act, int>
    {
        public int KeyOf(in Act fact) => fact.Rep;
    }

    private readonly struct RepAndKindKey : IFactKey<Act, (int Rep, Kind Kind)>
    {
        public (int Rep, Kind Kind) KeyOf(in Act fact) => (fact.Rep, fact.Kind);
    }

    private readonly struct RepNameKey : IFactKey<Act, string>
    {
        public string KeyOf(in Act fact) => "rep " + fact.Rep;
    }

    private readonly struct NullForEmailKey : IFactKey<Act, string>
    {
        public string KeyOf(in Act fact) => fact.Kind == Kind.Email ? null! : "rep " + fact.Rep;
    }

    private readonly struct ActAt : IFactTime<Act>
    {
        public long UnixTicks(in Act fact) => fact.At.ToUnixTimeTicks();
    }

    private readonly struct NotReply : IFactPredicate<Act>
    {
        public bool Test(in Act fact) => fact.Kind != Kind.Reply;
    }
}
