using System;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class SalesActivityTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 15);

    private static SalesActivity Call(int id = 1, Duration? duration = null) =>
        new(ActivityId.Of(id), RepId.Of(3), At, SalesActivityKind.Call, SalesActivityOutcome.Connected, duration ?? Duration.FromSeconds(240), deal: DealId.Of(12));

    [Fact]
    public void An_activity_is_at_most_40_bytes() => Assert.True(Unsafe.SizeOf<SalesActivity>() <= 40, $"SizeOf = {Unsafe.SizeOf<SalesActivity>()}");

    [Fact]
    public void Properties_read_back_what_was_given()
    {
        var a = new SalesActivity(ActivityId.Of(7), RepId.Of(3), At, SalesActivityKind.Meeting, SalesActivityOutcome.Held, Duration.FromMinutes(30), LeadId.Of(4), DealId.Of(5), AccountId.Of(6));
        Assert.Equal(ActivityId.Of(7), a.Id);
        Assert.Equal(RepId.Of(3), a.Rep);
        Assert.Equal(At, a.Timestamp);
        Assert.Equal(SalesActivityKind.Meeting, a.Kind);
        Assert.Equal(SalesActivityOutcome.Held, a.Outcome);
        Assert.Equal(Duration.FromMinutes(30), a.Duration);
        Assert.Equal(LeadId.Of(4), a.Lead);
        Assert.Equal(DealId.Of(5), a.Deal);
        Assert.Equal(AccountId.Of(6), a.Account);
    }

    [Fact]
    public void Optional_parts_default_to_none()
    {
        var a = new SalesActivity(ActivityId.Of(1), RepId.Of(1), At, SalesActivityKind.Email);
        Assert.Equal(SalesActivityOutcome.None, a.Outcome);
        Assert.Null(a.Duration);
        Assert.True(a.Lead.IsNone);
        Assert.True(a.Deal.IsNone);
        Assert.True(a.Account.IsNone);
    }

    [Fact]
    public void A_zero_duration_is_kept_distinct_from_no_duration() =>
        Assert.Equal(Duration.Zero, Call(duration: Duration.Zero).Duration);

    [Fact]
    public void Timestamps_before_1970_and_far_in_the_future_round_trip()
    {
        Instant early = Instant.FromUtc(1901, 12, 13, 20, 45, 52).PlusTicks(3);
        Instant late = Instant.FromUtc(9999, 12, 31, 23, 59, 59);
        Assert.Equal(early, new SalesActivity(ActivityId.Of(1), RepId.Of(1), early, SalesActivityKind.Call).Timestamp);
        Assert.Equal(late, new SalesActivity(ActivityId.Of(1), RepId.Of(1), late, SalesActivityKind.Call).Timestamp);
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ActivityId id = ActivityId.Of(1);
        RepId rep = RepId.Of(1);
        ArgumentAssert.Rejects("id", "None", () => new SalesActivity(ActivityId.None, rep, At, SalesActivityKind.Call));
        ArgumentAssert.Rejects("rep", "None", () => new SalesActivity(id, RepId.None, At, SalesActivityKind.Call));
        ArgumentAssert.Rejects("kind", "Undefined(0)", () => new SalesActivity(id, rep, At, default));
        ArgumentAssert.Rejects("outcome", "200", () => new SalesActivity(id, rep, At, SalesActivityKind.Call, (SalesActivityOutcome)200));
        ArgumentAssert.Rejects("timestamp", "2026-03-02T09:15:00.0000001", () => new SalesActivity(id, rep, At.PlusTicks(1).PlusNanoseconds(50), SalesActivityKind.Call));
        ArgumentAssert.Rejects("duration", "-0:00:00:01", () => new SalesActivity(id, rep, At, SalesActivityKind.Call, duration: Duration.FromSeconds(-1)));
        ArgumentAssert.Rejects("duration", "0:00:00:01.5", () => new SalesActivity(id, rep, At, SalesActivityKind.Call, duration: Duration.FromMilliseconds(1500)));
        ArgumentAssert.Rejects("duration", "24855:", () => new SalesActivity(id, rep, At, SalesActivityKind.Call, duration: Duration.FromSeconds(int.MaxValue + 1L)));
    }

    [Fact]
    public void The_longest_duration_is_int_max_seconds() =>
        Assert.Equal(Duration.FromSeconds(int.MaxValue), new SalesActivity(ActivityId.Of(1), RepId.Of(1), At, SalesActivityKind.Call, duration: Duration.FromSeconds(int.MaxValue)).Duration);

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            Call(),
            Call(),
            Call(id: 2),
            Call(duration: Duration.FromSeconds(241)),
            new SalesActivity(ActivityId.Of(1), RepId.Of(3), At, SalesActivityKind.Call, SalesActivityOutcome.Connected, Duration.FromSeconds(240)),
            new SalesActivity(ActivityId.Of(1), RepId.Of(3), At.PlusTicks(1), SalesActivityKind.Call, SalesActivityOutcome.Connected, Duration.FromSeconds(240), deal: DealId.Of(12)),
            new SalesActivity(ActivityId.Of(1), RepId.Of(3), At, SalesActivityKind.Call, SalesActivityOutcome.Connected, null, deal: DealId.Of(12)));

    [Fact]
    public void ToString_is_invariant_and_lists_the_parts() =>
        Assert.Equal("Activity 1: Call by rep 3 at 2026-03-02T09:15:00Z, Connected, 240 s, deal 12", Call().ToString());

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Every_valid_activity_reads_back_exactly(
        PositiveInt id,
        PositiveInt rep,
        Instant at,
        SalesActivityKind kind,
        SalesActivityOutcome outcome,
        Duration duration,
        bool hasDuration,
        NonNegativeInt lead)
    {
        Duration? d = hasDuration ? duration : null;
        LeadId leadId = lead.Get % 3 == 0 ? LeadId.None : LeadId.Of(lead.Get);
        var a = new SalesActivity(ActivityId.Of(id.Get - 1), RepId.Of(rep.Get - 1), at, kind, outcome, d, leadId);
        var same = new SalesActivity(ActivityId.Of(id.Get - 1), RepId.Of(rep.Get - 1), at, kind, outcome, d, leadId);
        return a.Id.Value == id.Get - 1 && a.Rep.Value == rep.Get - 1 && a.Timestamp == at && a.Kind == kind
            && a.Outcome == outcome && a.Duration == d && a.Lead == leadId && a.Deal.IsNone
            && a == same && a.GetHashCode() == same.GetHashCode();
    }
}
