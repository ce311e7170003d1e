using System;
using System.Collections.Generic;
using NodaTime;
using SalesKpi.Forecasting;
using Xunit;
using static SalesKpi.Tests.Forecasting.Pipeline.PipelineTestDeals;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class CloseDateSlipsTests
{
    private static readonly Duration Year = Duration.FromDays(365);

    [Fact]
    public void Measures_each_won_deal_from_the_expected_close_in_force_when_it_entered_each_stage()
    {
        // Deal 1: expected 1 Feb when it entered Discovery (1 Jan) and Proposal (8 Jan); moved to 20 Feb on 10 Jan,
        // before Negotiation (15 Jan); won 1 March. Slips: Discovery 28, Proposal 28, Negotiation 9.
        var one = Closed(1, won: true, At(3, 1), Discovery, Proposal, Negotiation).WithExpectedClose(At(1, 10), new LocalDate(2026, 2, 20));

        // Deal 2: expected 1 Feb, won 25 January: pulled in by 7 days in Discovery.
        var two = Closed(2, won: true, At(1, 25), Discovery);

        // Lost and open deals say nothing about when revenue arrives.
        var lost = Closed(3, won: false, At(3, 1), Discovery);
        var open = Open(4, 100m, new LocalDate(2026, 4, 1), Proposal);

        var slips = CloseDateSlips.Learn([one, two, lost, open], AsOf, Year, DateTimeZone.Utc);

        Assert.Equal([Discovery, Proposal, Negotiation], slips.Stages);
        Assert.Equal([-7, 28], slips.For(Discovery));
        Assert.Equal([28], slips.For(Proposal));
        Assert.Equal([9], slips.For(Negotiation));
        Assert.Equal([-7, 9, 28, 28], slips.Pooled);
        Assert.Equal("Slips: Discovery 2, Proposal 1, Negotiation 1 (4 in all)", slips.ToString());
    }

    [Fact]
    public void A_re_entered_stage_is_measured_from_its_latest_stay()
    {
        // Proposal on 1 January (expected 1 February), Negotiation on 8 January, Proposal again on 15 January after the
        // expected close moved to 20 February on 12 January; won 1 March. Proposal: 9 days from 20 February, not 28 from
        // 1 February. Negotiation: 28 days from 1 February.
        var deal = Closed(1, won: true, At(3, 1), Proposal, Negotiation, Proposal).WithExpectedClose(At(1, 12), new LocalDate(2026, 2, 20));

        var slips = CloseDateSlips.Learn([deal], AsOf, Year, DateTimeZone.Utc);

        Assert.Equal([9], slips.For(Proposal));
        Assert.Equal([28], slips.For(Negotiation));
    }

    [Fact]
    public void A_stage_without_slips_falls_back_to_all_stages_and_none_means_no_slip()
    {
        var slips = CloseDateSlips.Of(new Dictionary<DealStage, IEnumerable<int>> { [Discovery] = [5, -2], [Proposal] = [] });

        Assert.Equal([-2, 5], slips.For(Discovery));
        Assert.Equal([-2, 5], slips.For(Negotiation));
        Assert.Equal([Discovery], slips.Stages);
        Assert.Empty(CloseDateSlips.None.For(Discovery));
        Assert.Equal("Slips: none", CloseDateSlips.None.ToString());
    }

    [Fact]
    public void An_entry_without_an_expected_close_contributes_nothing()
    {
        var noDate = new Deal(
            DealId.Of(1), RepId.Of(1), AccountId.None, Usd(1m), At(1, 1), null, [new(At(1, 1), Discovery)], outcome: DealOutcome.Won(At(2, 1)));

        Assert.Empty(CloseDateSlips.Learn([noDate], AsOf, Year, DateTimeZone.Utc).Pooled);
    }

    [Fact]
    public void Rejects_bad_input_naming_the_parameter()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => CloseDateSlips.Learn(null!, AsOf, Year, DateTimeZone.Utc)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => CloseDateSlips.Learn([], AsOf, Year, null!)).ParamName);
        Assert.Equal("lookBack", Assert.Throws<ArgumentOutOfRangeException>(() => CloseDateSlips.Learn([], AsOf, -Year, DateTimeZone.Utc)).ParamName);
        Assert.Equal("slips", Assert.Throws<ArgumentNullException>(() => CloseDateSlips.Of([new(Discovery, null!)])).ParamName);
        Assert.Equal("slips", Assert.Throws<ArgumentException>(() => CloseDateSlips.Of([new(Discovery, [1]), new(Discovery, [2])])).ParamName);
        Assert.Equal("slips", Assert.Throws<ArgumentException>(() => CloseDateSlips.Of([new(default, [1])])).ParamName);
    }
}
