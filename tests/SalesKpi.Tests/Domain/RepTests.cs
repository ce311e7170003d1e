using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class RepTests
{
    private static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
    private static readonly RepAssignment AsSdr = new(new LocalDate(2026, 1, 15), new LocalDate(2026, 7, 1), RepRole.Sdr, TeamId.Of(1));
    private static readonly RepAssignment AsAe = new(new LocalDate(2026, 7, 1), null, RepRole.Ae, TeamId.Of(2));

    private static Rep Sample() => new(RepId.Of(2), "Ana Lima", SaoPaulo, WorkingCalendarId.Of("BR"), [AsAe, AsSdr]);

    [Fact]
    public void Assignments_are_sorted_and_answer_which_role_on_a_date()
    {
        Rep rep = Sample();
        Assert.Equal([AsSdr, AsAe], rep.Assignments);
        Assert.Equal(new LocalDate(2026, 1, 15), rep.FirstDay);
        Assert.Null(rep.AssignmentOn(new LocalDate(2026, 1, 14)));
        Assert.False(rep.IsActiveOn(new LocalDate(2026, 1, 14)));
        Assert.Equal(RepRole.Sdr, rep.AssignmentOn(new LocalDate(2026, 1, 15))!.Value.Role);
        Assert.Equal(RepRole.Sdr, rep.AssignmentOn(new LocalDate(2026, 6, 30))!.Value.Role);
        // End dates are exclusive: 1 July belongs to the next assignment.
        Assert.Equal(RepRole.Ae, rep.AssignmentOn(new LocalDate(2026, 7, 1))!.Value.Role);
        Assert.Equal(TeamId.Of(2), rep.AssignmentOn(new LocalDate(2030, 1, 1))!.Value.Team);
        Assert.Equal("Rep 2 'Ana Lima' (America/Sao_Paulo, BR)", rep.ToString());
    }

    [Fact]
    public void A_rep_without_assignments_is_never_active()
    {
        var rep = new Rep(RepId.Of(1), "New", DateTimeZone.Utc, WorkingCalendarId.Of("US"), []);
        Assert.Null(rep.FirstDay);
        Assert.False(rep.IsActiveOn(new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("id", "None", () => new Rep(RepId.None, "A", DateTimeZone.Utc, WorkingCalendarId.Of("US"), []));
        ArgumentAssert.Rejects("name", "''", () => new Rep(RepId.Of(1), "", DateTimeZone.Utc, WorkingCalendarId.Of("US"), []));
        ArgumentAssert.Rejects("workingCalendar", "default", () => new Rep(RepId.Of(1), "A", DateTimeZone.Utc, default, []));
        var overlapping = new RepAssignment(new LocalDate(2026, 6, 1), null, RepRole.Manager, TeamId.Of(3));
        ArgumentAssert.Rejects("assignments", "2026-06-01..open Manager in team 3", () => Sample().WithAssignment(overlapping));
    }

    [Fact]
    public void WithAssignment_adds_a_later_role()
    {
        Rep rep = new Rep(RepId.Of(2), "Ana Lima", SaoPaulo, WorkingCalendarId.Of("BR"), [AsSdr]).WithAssignment(AsAe);
        Assert.Equal(Sample(), rep);
    }

    [Fact]
    public void Equality_contract_holds()
    {
        Rep rep = Sample();
        EqualityContract.AssertEquality(
            rep,
            new Rep(RepId.Of(2), "Ana Lima", DateTimeZoneProviders.Tzdb["America/Sao_Paulo"], WorkingCalendarId.Of("BR"), [AsSdr, AsAe]),
            new Rep(RepId.Of(3), "Ana Lima", SaoPaulo, WorkingCalendarId.Of("BR"), [AsSdr, AsAe]),
            new Rep(RepId.Of(2), "Ana Lima", DateTimeZone.Utc, WorkingCalendarId.Of("BR"), [AsSdr, AsAe]),
            new Rep(RepId.Of(2), "Ana Lima", SaoPaulo, WorkingCalendarId.Of("BR-SP"), [AsSdr, AsAe]),
            new Rep(RepId.Of(2), "Ana Lima", SaoPaulo, WorkingCalendarId.Of("BR"), [AsSdr]));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public Property Back_to_back_assignments_cover_each_date_exactly_once(LocalDate start, PositiveInt[] lengths, LocalDate probe)
    {
        var assignments = new RepAssignment[lengths.Length];
        LocalDate from = start;
        for (int i = 0; i < lengths.Length; i++)
        {
            LocalDate to = from.PlusDays(Math.Min(lengths[i].Get, 400));
            assignments[i] = new RepAssignment(from, i == lengths.Length - 1 ? null : to, (RepRole)(i % 5), TeamId.Of(i));
            from = to;
        }

        var rep = new Rep(RepId.Of(1), "R", DateTimeZone.Utc, WorkingCalendarId.Of("X"), assignments.Reverse());
        int covering = assignments.Count(a => a.Contains(probe));
        RepAssignment? found = rep.AssignmentOn(probe);
        return (covering == (lengths.Length > 0 && probe >= start ? 1 : 0) && (found is null ? covering == 0 : found.Value.Contains(probe)))
            .Label($"{probe} in {string.Join("; ", assignments)}");
    }
}

public sealed class RepAssignmentTests
{
    private static readonly LocalDate Jan1 = new(2026, 1, 1);

    [Fact]
    public void Contains_is_half_open()
    {
        var a = new RepAssignment(Jan1, new LocalDate(2026, 2, 1), RepRole.Ae, TeamId.Of(1));
        Assert.True(a.Contains(Jan1));
        Assert.True(a.Contains(new LocalDate(2026, 1, 31)));
        Assert.False(a.Contains(new LocalDate(2026, 2, 1)));
        Assert.False(a.Contains(new LocalDate(2025, 12, 31)));
        Assert.Equal("2026-01-01..2026-02-01 Ae in team 1", a.ToString());
    }

    [Fact]
    public void Overlap_is_sharing_at_least_one_date()
    {
        var january = new RepAssignment(Jan1, new LocalDate(2026, 2, 1), RepRole.Ae, TeamId.Of(1));
        var february = new RepAssignment(new LocalDate(2026, 2, 1), null, RepRole.Ae, TeamId.Of(1));
        var lateJanuary = new RepAssignment(new LocalDate(2026, 1, 31), new LocalDate(2026, 3, 1), RepRole.Ae, TeamId.Of(1));
        Assert.False(january.Overlaps(february));
        Assert.False(february.Overlaps(january));
        Assert.True(january.Overlaps(lateJanuary));
        Assert.True(lateJanuary.Overlaps(february));
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("end", "2026-01-01", () => new RepAssignment(Jan1, Jan1, RepRole.Ae, TeamId.Of(1)));
        ArgumentAssert.Rejects("end", "2025-12-31", () => new RepAssignment(Jan1, new LocalDate(2025, 12, 31), RepRole.Ae, TeamId.Of(1)));
        ArgumentAssert.Rejects("role", "12", () => new RepAssignment(Jan1, null, (RepRole)12, TeamId.Of(1)));
        ArgumentAssert.Rejects("team", "None", () => new RepAssignment(Jan1, null, RepRole.Ae, TeamId.None));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new RepAssignment(Jan1, null, RepRole.Ae, TeamId.Of(1)),
            new RepAssignment(Jan1, null, RepRole.Ae, TeamId.Of(1)),
            new RepAssignment(Jan1, new LocalDate(2027, 1, 1), RepRole.Ae, TeamId.Of(1)),
            new RepAssignment(Jan1, null, RepRole.Sdr, TeamId.Of(1)),
            new RepAssignment(Jan1, null, RepRole.Ae, TeamId.Of(2)));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Overlap_is_symmetric(LocalDate a, PositiveInt la, LocalDate b, PositiveInt lb)
    {
        var x = new RepAssignment(a, a.PlusDays(la.Get), RepRole.Ae, TeamId.Of(1));
        var y = new RepAssignment(b, b.PlusDays(lb.Get), RepRole.Ae, TeamId.Of(1));
        return x.Overlaps(y) == y.Overlaps(x) && x.Overlaps(y) == (a < b.PlusDays(lb.Get) && b < a.PlusDays(la.Get));
    }
}

public sealed class WorkingCalendarIdTests
{
    [Fact]
    public void A_key_is_a_non_blank_name()
    {
        Assert.Equal("DE-BY", WorkingCalendarId.Of("DE-BY").Name);
        Assert.False(default(WorkingCalendarId).IsDefined);
        ArgumentAssert.Rejects("name", "' '", () => WorkingCalendarId.Of(" "));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(WorkingCalendarId.Of("US"), WorkingCalendarId.Of(string.Concat("U", "S")), WorkingCalendarId.Of("us"), WorkingCalendarId.Of("UK"), default);

    [Fact]
    public void Keys_order_ordinally() =>
        EqualityContract.AssertOrdering(default, WorkingCalendarId.Of("BR"), WorkingCalendarId.Of("US"), WorkingCalendarId.Of("br"));

    [Property]
    public bool Of_round_trips(NonEmptyString name) =>
        string.IsNullOrWhiteSpace(name.Get) || WorkingCalendarId.Of(name.Get).Name == name.Get;
}
