using System;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.SampleData;
using Xunit;

namespace SalesKpi.Tests.SampleData;

public sealed class SampleOrganisationTests
{
    /// <summary>
    /// The fingerprint of the seed-1, 2,000-activity sample. This pins the generator's output: it is the value this
    /// version produced, not a correctness claim. When it changes, the generated data changed: make sure that was
    /// intended (for example a new realism rule), then update the constant and say so in the changelog.
    /// </summary>
    private const ulong PinnedFingerprint = 0x06f719cbf78e4a22UL;

    [Fact]
    public void Fingerprint_hash_matches_the_published_FNV_1a_64_test_vectors()
    {
        // Reference values of FNV-1a 64 from its authors' test suite.
        Assert.Equal(0xcbf29ce484222325UL, SampleFingerprint.Hash([]));
        Assert.Equal(0xaf63dc4c8601ec8cUL, SampleFingerprint.Hash("a"u8));
        Assert.Equal(0x85944171f73967e8UL, SampleFingerprint.Hash("foobar"u8));
    }

    [Fact]
    public void Seed_1_with_2000_activities_has_the_pinned_fingerprint()
    {
        ulong fingerprint = SampleFingerprint.Of(Samples.Small);
        Assert.True(PinnedFingerprint == fingerprint, string.Create(CultureInfo.InvariantCulture, $"Fingerprint 0x{fingerprint:x16} differs from the pinned 0x{PinnedFingerprint:x16}."));
    }

    [Fact]
    public void The_same_options_generate_identical_facts_twice()
    {
        SampleOrganisation again = SampleOrganisation.Generate(new SampleOptions { Seed = 1, Activities = 2_000 });
        SampleOrganisation first = Samples.Small;
        Assert.Equal(SampleFingerprint.Of(first), SampleFingerprint.Of(again));
        Assert.True(first.Facts.Activities.Span.SequenceEqual(again.Facts.Activities.Span));
        Assert.Equal(first.Facts.Leads, again.Facts.Leads);
        Assert.Equal(first.Facts.Deals, again.Facts.Deals);
        Assert.Equal(first.Facts.Accounts, again.Facts.Accounts);
        Assert.Equal(first.Facts.Reps, again.Facts.Reps);
        Assert.Equal(first.Quotas, again.Quotas);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_number_of_threads()
    {
        var options = new SampleOptions { Seed = 8, Activities = 20_000 };
        ulong single = SampleFingerprint.Of(SampleOrganisation.Generate(options, maxDegreeOfParallelism: 1));
        Assert.Equal(single, SampleFingerprint.Of(SampleOrganisation.Generate(options, maxDegreeOfParallelism: 3)));
        Assert.Equal(single, SampleFingerprint.Of(SampleOrganisation.Generate(options)));
    }

    [Fact]
    public void A_different_seed_generates_different_facts()
    {
        SampleOrganisation other = SampleOrganisation.Generate(new SampleOptions { Seed = 2, Activities = 2_000 });
        Assert.NotEqual(SampleFingerprint.Of(Samples.Small), SampleFingerprint.Of(other));
        Assert.False(Samples.Small.Facts.Activities.Span.SequenceEqual(other.Facts.Activities.Span));
    }

    [Fact]
    public void Neighbouring_seeds_give_unrelated_fingerprints()
    {
        // Neighbouring seeds must not give correlated streams: their fingerprints share about half their bits.
        ulong a = SampleFingerprint.Of(SampleOrganisation.Generate(new SampleOptions { Seed = 100, Activities = 1_000 }));
        ulong b = SampleFingerprint.Of(SampleOrganisation.Generate(new SampleOptions { Seed = 101, Activities = 1_000 }));
        int differing = System.Numerics.BitOperations.PopCount(a ^ b);
        Assert.InRange(differing, 12, 52);
    }

    [Fact]
    public void The_generated_facts_pass_the_data_quality_check()
    {
        foreach (SampleOrganisation sample in new[] { Samples.Small, Samples.Medium })
        {
            DataQualityReport report = DataQualityCheck.Run(sample.Facts);
            Assert.True(report.IsClean, report.ToString());
        }
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(7_777)]
    [InlineData(30_000)]
    public void Generate_produces_exactly_the_requested_number_of_activities_and_entities(int activities)
    {
        var options = new SampleOptions { Seed = 5, Activities = activities };
        SampleOrganisation sample = SampleOrganisation.Generate(options);
        Assert.Equal(activities, sample.Facts.Activities.Length);
        Assert.Equal(Math.Max(100, activities / 10), sample.Facts.Leads.Count);
        Assert.Equal(Math.Max(20, activities / 100), sample.Facts.Deals.Count);
        Assert.Equal(Math.Max(20, Math.Max(20, activities / 100) / 2), sample.Facts.Accounts.Count);
        Assert.Equal(activities / 4, sample.Facts.Sessions.Length);
    }

    [Fact]
    public void Explicit_sizes_are_honoured()
    {
        var options = new SampleOptions { Seed = 3, Activities = 5_000, Leads = 1_234, Deals = 321, Accounts = 77, Reps = 20, Sessions = 999 };
        SampleOrganisation sample = SampleOrganisation.Generate(options);
        Assert.Equal(5_000, sample.Facts.Activities.Length);
        Assert.Equal(1_234, sample.Facts.Leads.Count);
        Assert.Equal(321, sample.Facts.Deals.Count);
        Assert.Equal(77, sample.Facts.Accounts.Count);
        Assert.Equal(20, sample.Facts.Reps.Count);
        Assert.Equal(999, sample.Facts.Sessions.Length);
        Assert.Same(options, sample.Options);
        Assert.True(DataQualityCheck.Run(sample.Facts).IsClean);
    }

    [Fact]
    public void Ids_are_dense_and_in_order()
    {
        SalesFacts facts = Samples.Small.Facts;
        Assert.True(facts.Leads.Select((l, i) => l.Id.Value == i).All(x => x));
        Assert.True(facts.Deals.Select((d, i) => d.Id.Value == i).All(x => x));
        Assert.True(facts.Accounts.Select((a, i) => a.Id.Value == i).All(x => x));
        Assert.True(facts.Reps.Select((r, i) => r.Id.Value == i).All(x => x));
        ReadOnlySpan<SalesActivity> activities = facts.Activities.Span;
        for (int i = 0; i < activities.Length; i++)
        {
            Assert.Equal(i, activities[i].Id.Value);
            if (i > 0 && activities[i].Rep == activities[i - 1].Rep)
            {
                Assert.True(activities[i].Timestamp >= activities[i - 1].Timestamp);
            }
        }

        Assert.True(facts.Leads.Zip(facts.Leads.Skip(1)).All(p => p.First.Created <= p.Second.Created));
        Assert.True(facts.Deals.Zip(facts.Deals.Skip(1)).All(p => p.First.Created <= p.Second.Created));
    }

    [Fact]
    public void The_organisation_exposes_its_period_calendars_and_zone()
    {
        SampleOrganisation sample = Samples.Small;
        Assert.Equal(new LocalDate(2026, 1, 1), sample.Start);
        Assert.Equal(new LocalDate(2027, 1, 1), sample.End);
        Assert.Equal("America/New_York", sample.OrganisationZone.Id);
        // 2027-01-01 00:00 in New York (EST, UTC-5) is 05:00 UTC.
        Assert.Equal(Instant.FromUtc(2027, 1, 1, 5, 0), sample.AsOf);
        Assert.Equal(1, sample.Seed);
        Assert.Equal(Currency.Usd, sample.Currency);
        Assert.Equal(["Discovery", "Demo", "Proposal", "Negotiation"], sample.PipelineStages.Select(s => s.Name));
        Assert.Equal(["AU-NSW", "DE-BE", "US"], sample.WorkingCalendars.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.Same(sample.WorkingCalendars[WorkingCalendarId.Of("US")], sample.OrganisationWorkingCalendar);
        // Fiscal years start in February and are named by the year they end in: January 2026 ends FY2026.
        Assert.Equal("FY2026 M12", sample.ReportingCalendar.GetPeriod(new LocalDate(2026, 1, 15), PeriodKind.Month).Label);
        Assert.Equal("FY2027 M01", sample.ReportingCalendar.GetPeriod(new LocalDate(2026, 2, 15), PeriodKind.Month).Label);
        foreach (Rep rep in sample.Facts.Reps)
        {
            Assert.Same(sample.WorkingCalendars[rep.WorkingCalendar], sample.WorkingCalendarOf(rep));
        }

        Assert.StartsWith("Sample seed 1, 2026-01-01..2027-01-01: SalesFacts: ", sample.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WorkingCalendarOf_rejects_a_rep_with_a_foreign_calendar()
    {
        Rep stranger = new(RepId.Of(99), "Stranger", DateTimeZone.Utc, WorkingCalendarId.Of("FR"), []);
        var error = Assert.Throws<ArgumentException>(() => Samples.Small.WorkingCalendarOf(stranger));
        Assert.Equal("rep", error.ParamName);
        Assert.Contains("FR", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("rep", () => Samples.Small.WorkingCalendarOf(null!));
    }

    [Fact]
    public void The_period_and_fiscal_start_follow_the_options()
    {
        var options = new SampleOptions { Seed = 4, Activities = 1_500, Start = new LocalDate(2025, 7, 15), Months = 3, FiscalYearStartMonth = 1 };
        SampleOrganisation sample = SampleOrganisation.Generate(options);
        Assert.Equal(new LocalDate(2025, 7, 15), sample.Start);
        Assert.Equal(new LocalDate(2025, 10, 15), sample.End);
        Assert.Equal("FY2025 M07", sample.ReportingCalendar.GetPeriod(new LocalDate(2025, 7, 20), PeriodKind.Month).Label);
        Assert.True(DataQualityCheck.Run(sample.Facts).IsClean);
        foreach (ref readonly SalesActivity a in sample.Facts.Activities.Span)
        {
            LocalDate date = a.Timestamp.InZone(sample.Facts.Reps[a.Rep.Value].HomeZone).Date;
            Assert.InRange(date, sample.Start, sample.End.PlusDays(-1));
        }
    }

    [Property(MaxTest = 12)]
    public Property Any_seed_and_small_size_is_deterministic_and_clean()
    {
        return Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            Gen.Choose(SampleOptions.MinActivities, 4_000).ToArbitrary(),
            (seed, activities) =>
            {
                var options = new SampleOptions { Seed = seed, Activities = activities };
                SampleOrganisation first = SampleOrganisation.Generate(options);
                SampleOrganisation second = SampleOrganisation.Generate(options with { });
                return SampleFingerprint.Of(first) == SampleFingerprint.Of(second)
                    && first.Facts.Activities.Length == activities
                    && DataQualityCheck.Run(first.Facts).IsClean;
            });
    }

    [Fact]
    public void Every_public_member_of_the_sample_package_rejects_null_for_non_nullable_reference_parameters()
    {
        Infrastructure.SweepResult sweep = Infrastructure.NullArgumentSweep.Run(typeof(SampleOrganisation).Assembly);
        Assert.True(sweep.Failures.Count == 0, string.Join("\n", sweep.Failures));
        Assert.True(sweep.Unreachable.Count == 0, string.Join("\n", sweep.Unreachable));
        Assert.Contains(sweep.Checked, c => c.StartsWith("SampleOrganisation.Generate(", StringComparison.Ordinal));
        Assert.Contains(sweep.Checked, c => c.StartsWith("SampleOrganisation.WorkingCalendarOf(", StringComparison.Ordinal));
    }

    [Fact]
    public void Fingerprint_text_is_culture_invariant()
    {
        // Numbers go through the invariant culture, so the hostile test culture cannot change the fingerprint.
        var invariant = new SampleFingerprint().Number(-1234567).Text("İı").Value;
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
            Assert.Equal(invariant, new SampleFingerprint().Number(-1234567).Text("İı").Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal(SampleFingerprint.Hash([.. Encoding.Unicode.GetBytes("-1234567"), 0]), new SampleFingerprint().Number(-1234567).Value);
    }
}
