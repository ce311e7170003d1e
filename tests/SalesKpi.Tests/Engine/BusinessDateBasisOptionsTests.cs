using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Evaluation options on a <see cref="BusinessDateBasis{TRep}"/>: organisation zone or each rep's home zone.</summary>
public sealed class BusinessDateBasisOptionsTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];

    private static readonly Metric<Act, int> DailyPerRep = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At);

    // Rep 0 in New York, rep 1 in Berlin, rep 2 in Tokyo, others in Paris.
    private static DateTimeZone HomeZone(int rep) => rep switch
    {
        0 => T.NewYork,
        1 => Berlin,
        2 => Tokyo,
        _ => T.Paris,
    };

    [Fact]
    public void Rep_home_zone_dates_each_call_in_its_reps_zone_and_organisation_zone_in_one_zone()
    {
        // 03:30 UTC on 27 November 2026 is 22:30 on the 26th in New York (UTC−5) and 04:30 on the 27th in Berlin (UTC+1).
        var at = Instant.FromUtc(2026, 11, 27, 3, 30);
        Act[] calls = [new(0, at, Kind.Call), new(1, at, Kind.Call)];

        var home = BusinessDateBasis<int>.RepHomeZone(HomeZone);
        var byHome = DailyPerRep.Evaluate(calls, EvaluationOptions<Act>.InBasis(home, a => a.Rep, DateTimeZone.Utc));
        Assert.Equal(1m, byHome[0, T.Day(2026, 11, 26)].ExactValue);
        Assert.Equal(1m, byHome[1, T.Day(2026, 11, 27)].ExactValue);

        var berlinOffice = BusinessDateBasis<int>.OrganisationZone(Berlin);
        var byBerlin = DailyPerRep.Evaluate(calls, EvaluationOptions<Act>.InBasis(berlinOffice, a => a.Rep));
        Assert.Equal(1m, byBerlin[0, T.Day(2026, 11, 27)].ExactValue);
        Assert.Equal(1m, byBerlin[1, T.Day(2026, 11, 27)].ExactValue);

        var newYorkOffice = BusinessDateBasis<int>.OrganisationZone(T.NewYork);
        var byNewYork = DailyPerRep.Evaluate(calls, EvaluationOptions<Act>.InBasis(newYorkOffice, a => a.Rep));
        Assert.Equal(1m, byNewYork[0, T.Day(2026, 11, 26)].ExactValue);
        Assert.Equal(1m, byNewYork[1, T.Day(2026, 11, 26)].ExactValue);
    }

    [Fact]
    public void Basis_kind_and_zones_of_the_options()
    {
        var organisation = EvaluationOptions<Act>.InBasis(BusinessDateBasis<int>.OrganisationZone(Berlin), a => a.Rep);
        Assert.Equal(BusinessDateBasisKind.OrganisationZone, organisation.BasisKind);
        Assert.Same(Berlin, organisation.Zone);
        Assert.Null(organisation.ZoneOf);

        var home = EvaluationOptions<Act>.InBasis(BusinessDateBasis<int>.RepHomeZone(HomeZone), a => a.Rep, DateTimeZone.Utc)
            .WithAsOf(Instant.FromUtc(2026, 11, 27, 3, 30));
        Assert.Equal(BusinessDateBasisKind.RepHomeZone, home.BasisKind);
        Assert.Same(DateTimeZone.Utc, home.Zone);
        Assert.Same(Tokyo, home.ZoneOf!(new Act(2, T.At(2026, 1, 1), Kind.Call)));
        Assert.Equal(new LocalDate(2026, 11, 27), home.AsOfDate);

        Assert.Equal(BusinessDateBasisKind.OrganisationZone, EvaluationOptions<Act>.InZone(Berlin).BasisKind);
        Assert.Equal(BusinessDateBasisKind.RepHomeZone, EvaluationOptions<Act>.InZoneOf(a => HomeZone(a.Rep), DateTimeZone.Utc).BasisKind);
    }

    [Fact]
    public void The_reporting_zone_is_required_for_rep_home_zones_and_must_match_the_organisation_zone()
    {
        var home = BusinessDateBasis<int>.RepHomeZone(HomeZone);
        var ex = Assert.Throws<ArgumentException>(() => EvaluationOptions<Act>.InBasis(home, a => a.Rep));
        Assert.Equal("reportingZone", ex.ParamName);

        var organisation = BusinessDateBasis<int>.OrganisationZone(Berlin);
        var mismatch = Assert.Throws<ArgumentException>(() => EvaluationOptions<Act>.InBasis(organisation, a => a.Rep, Tokyo));
        Assert.Equal("reportingZone", mismatch.ParamName);
        Assert.Contains("Asia/Tokyo", mismatch.Message, StringComparison.Ordinal);
        Assert.Same(Berlin, EvaluationOptions<Act>.InBasis(organisation, a => a.Rep, Berlin).Zone);
    }

    [Fact]
    public void A_rep_without_a_home_zone_is_a_clear_error_naming_the_rep()
    {
        var basis = BusinessDateBasis<int>.RepHomeZone(rep => rep == 5 ? null! : T.Paris);
        var options = EvaluationOptions<Act>.InBasis(basis, a => a.Rep, DateTimeZone.Utc);
        var ex = Assert.Throws<ArgumentException>(() => DailyPerRep.Evaluate([new Act(4, T.At(2026, 3, 2), Kind.Call), new Act(5, T.At(2026, 3, 2), Kind.Call)], options));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains("rep 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_home_zone_is_asked_once_per_rep_not_once_per_fact()
    {
        int calls = 0;
        var basis = BusinessDateBasis<int>.RepHomeZone(rep =>
        {
            calls++;
            return HomeZone(rep);
        });
        var facts = T.RandomActs(500, seed: 3, reps: 4);
        DailyPerRep.Evaluate(facts, EvaluationOptions<Act>.InBasis(basis, a => a.Rep, DateTimeZone.Utc));
        Assert.Equal(4, calls);
    }

    [Fact]
    public void States_on_the_same_basis_merge_and_states_on_other_bases_do_not()
    {
        var facts = T.RandomActs(200, seed: 11);
        var basis = BusinessDateBasis<int>.RepHomeZone(HomeZone);
        Func<Act, int> repOf = a => a.Rep;
        var first = EvaluationOptions<Act>.InBasis(basis, repOf, DateTimeZone.Utc);
        var second = EvaluationOptions<Act>.InBasis(basis, repOf, DateTimeZone.Utc);
        var merged = DailyPerRep.CreateState(first).Add(facts.AsSpan(0, 90)).Merge(DailyPerRep.CreateState(second).Add(facts.AsSpan(90)));
        Assert.Equal(DailyPerRep.Evaluate(facts, first).Cells, merged.ToTable().Cells);

        var otherBasis = EvaluationOptions<Act>.InBasis(BusinessDateBasis<int>.RepHomeZone(HomeZone), repOf, DateTimeZone.Utc);
        Assert.Throws<ArgumentException>(() => DailyPerRep.CreateState(first).Merge(DailyPerRep.CreateState(otherBasis)));

        // One zone for all facts: the zone alone decides the dates, whichever way it was given.
        var organisation = EvaluationOptions<Act>.InBasis(BusinessDateBasis<int>.OrganisationZone(Berlin), repOf);
        var plain = DailyPerRep.CreateState(EvaluationOptions<Act>.InZone(Berlin)).Add(facts.AsSpan(0, 90));
        plain.Merge(DailyPerRep.CreateState(organisation).Add(facts.AsSpan(90)));
        Assert.Equal(DailyPerRep.Evaluate(facts, Berlin).Cells, plain.ToTable().Cells);
        Assert.Throws<ArgumentException>(() => DailyPerRep.CreateState(organisation).Merge(DailyPerRep.CreateState(first)));
    }

    [Property(MaxTest = 50)]
    public void Engine_dates_equal_the_bases_own_dates(int seed)
    {
        // Counting facts per rep and business date by hand with BusinessDateBasis.DateOf gives the engine's daily table.
        var facts = T.RandomActs(300, seed, reps: 6, days: 300);
        foreach (var basis in new[] { BusinessDateBasis<int>.RepHomeZone(HomeZone), BusinessDateBasis<int>.OrganisationZone(Tokyo) })
        {
            var expected = new Dictionary<(int, LocalDate), int>();
            foreach (var fact in facts)
            {
                var key = (fact.Rep, basis.DateOf(fact.Rep, fact.At));
                expected[key] = expected.GetValueOrDefault(key) + 1;
            }

            var table = DailyPerRep.Evaluate(facts, EvaluationOptions<Act>.InBasis(basis, a => a.Rep, basis.Kind == BusinessDateBasisKind.RepHomeZone ? DateTimeZone.Utc : null));
            Assert.Equal(expected.Count, table.Count);
            foreach (var cell in table)
            {
                Assert.Equal(expected[(cell.Key, cell.Period!.Value.Start)], cell.Value.ExactValue);
            }
        }
    }

    [Property(MaxTest = 50)]
    public void A_basis_evaluates_as_its_zone_shorthand(int seed)
    {
        var facts = T.RandomActs(300, seed, reps: 6, days: 300);
        var weekly = Metric.Sum<Act>(a => a.Amount).By(a => a.Kind).PerPeriod(PeriodKind.Week, a => a.At);
        Assert.Equal(
            weekly.Evaluate(facts, EvaluationOptions<Act>.InZoneOf(a => HomeZone(a.Rep), DateTimeZone.Utc)).Cells,
            weekly.Evaluate(facts, EvaluationOptions<Act>.InBasis(BusinessDateBasis<int>.RepHomeZone(HomeZone), a => a.Rep, DateTimeZone.Utc)).Cells);
        Assert.Equal(
            weekly.Evaluate(facts, EvaluationOptions<Act>.InZone(T.NewYork)).Cells,
            weekly.Evaluate(facts, EvaluationOptions<Act>.InBasis(BusinessDateBasis<int>.OrganisationZone(T.NewYork), a => a.Rep)).Cells);
    }

    [Property(MaxTest = 30)]
    public void Conversions_place_trials_on_the_basis_dates(int seed)
    {
        // Leads owned by reps in different zones (rep = id mod 4); monthly MQL → SAL cohorts in the owner's zone.
        var random = new Random(seed);
        var start = Instant.FromUtc(2026, 1, 31, 20, 0);
        var leads = Enumerable.Range(0, 60).Select(id =>
        {
            var mql = start + Duration.FromHours(random.Next(24 * 60));
            var steps = new List<Step> { new("MQL", mql) };
            if (random.Next(2) == 0)
            {
                steps.Add(new Step("SAL", mql + Duration.FromHours(random.Next(24 * 20))));
            }

            return new TestLead(id, "any", steps);
        }).ToArray();
        var conversion = Metric.Conversion<TestLead, Step>(l => l.Steps, s => s.At, s => s.Stage == "MQL", s => s.Stage == "SAL", Duration.FromDays(14))
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Month);
        var asOf = Instant.FromUtc(2026, 4, 15, 0, 0);
        var byZoneOf = conversion.Evaluate(leads, EvaluationOptions<TestLead>.InZoneOf(l => HomeZone(l.Id % 4), DateTimeZone.Utc).WithAsOf(asOf));
        var byBasis = conversion.Evaluate(leads, EvaluationOptions<TestLead>.InBasis(BusinessDateBasis<int>.RepHomeZone(HomeZone), l => l.Id % 4, DateTimeZone.Utc).WithAsOf(asOf));
        Assert.Equal(byZoneOf.Cells, byBasis.Cells);
    }
}
