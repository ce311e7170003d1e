using System;
using System.Linq;
using NodaTime;
using SalesKpi.Forecasting;
using Xunit;
using static SalesKpi.Tests.Forecasting.Pipeline.PipelineTestDeals;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class NewBusinessTests
{
    private static Deal Made(int id, Instant created, Money? amount, DealOutcome outcome) =>
        new(DealId.Of(id), RepId.Of(1), AccountId.None, amount, created, new LocalDate(2026, 4, 1), [new(created, Proposal)], outcome: outcome);

    private static NewBusinessHistory History(params Deal[] deals) =>
        NewBusinessHistory.Learn(deals, AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 2);

    [Fact]
    public void Sums_the_deals_created_and_won_within_each_past_period()
    {
        var history = History(
            Made(1, At(1, 5), Usd(100m), DealOutcome.Won(At(1, 20))),
            Made(2, Instant.FromUtc(2025, 12, 20, 9, 0), Usd(50m), DealOutcome.Won(At(1, 10))), // created in December
            Made(3, At(2, 2), Usd(70m), DealOutcome.Won(At(2, 25))),
            Made(4, At(2, 10), Usd(30m), DealOutcome.Won(At(3, 5))), // won in March, the current month
            Made(5, At(2, 3), Usd(20m), DealOutcome.Lost(At(2, 20))),
            Made(6, At(1, 3), null, DealOutcome.Won(At(1, 30))),
            Made(7, At(2, 1), Money.Of(10m, Currency.Eur), DealOutcome.Won(At(2, 27))));

        Assert.Equal(["2026-01: 100 USD", "2026-02: 70 USD"], history.Periods.Select(p => p.ToString()));
        Assert.Equal(
            [new PipelineExclusion(DealId.Of(6), PipelineExclusionReason.MissingAmount), new PipelineExclusion(DealId.Of(7), PipelineExclusionReason.OtherCurrency)],
            history.Excluded);
        Assert.Equal("New business: 2026-01: 100 USD; 2026-02: 70 USD", history.ToString());
    }

    [Fact]
    public void A_simulation_adds_one_past_period_per_day_scaled_to_the_days_still_ahead()
    {
        // Won 10.00 in March so far; new business 100, 200 and 300 in December, January and February.
        var history = NewBusinessHistory.Learn(
            [
                Made(1, Instant.FromUtc(2025, 12, 2, 9, 0), Usd(100m), DealOutcome.Won(Instant.FromUtc(2025, 12, 9, 9, 0))),
                Made(2, At(1, 2), Usd(200m), DealOutcome.Won(At(1, 9))),
                Made(3, At(2, 2), Usd(300m), DealOutcome.Won(At(2, 9))),
            ],
            AsOf,
            DateTimeZone.Utc,
            Currency.Usd,
            ReportingCalendar.Iso,
            PeriodKind.Month,
            3);
        var snapshot = PipelineSnapshot.Take([Open(9, 10.00m, new LocalDate(2026, 3, 2), Proposal).WithOutcome(DealOutcome.Won(At(3, 5)))], AsOf, DateTimeZone.Utc, Currency.Usd);

        var simulation = PipelineSimulation.Run(snapshot, Probabilities(0.5, 0.5), CloseDateSlips.None, March, trials: 30_000, seed: 1, newBusiness: history);

        // 20 March 12:00 to 1 April: 276 of March's 744 hours. Per day of its own month, scaled to March's 31 days:
        // 100 × 31/31 × 276/744 = 37.10, 200 × 31/31 × 276/744 = 74.19, 300 × 31/28 × 276/744 = 123.21 (to cents).
        Assert.Equal(276.0 / 744, simulation.NewBusinessShare!.Value, 12);
        Assert.Equal(Usd(47.10m), simulation.Quantile(0));
        Assert.Equal(Usd(133.21m), simulation.Quantile(1));
        Assert.Equal(10.00m + ((37.10m + 74.19m + 123.21m) / 3), simulation.Expected.Amount);
        double third = 1.0 / 3;
        double se = Math.Sqrt(third * (1 - third) / 30_000);
        Assert.InRange(simulation.ProbabilityOfReaching(Usd(133.21m)), third - (5 * se), third + (5 * se));
        Assert.InRange(simulation.ProbabilityOfReaching(Usd(84.19m)), (2 * third) - (5 * se), (2 * third) + (5 * se));
        Assert.Null(PipelineSimulation.Run(snapshot, Probabilities(0.5, 0.5), CloseDateSlips.None, March, trials: 10).NewBusinessShare);
    }

    [Fact]
    public void New_business_is_drawn_the_same_on_the_decimal_path()
    {
        var history = History(
            Made(1, At(1, 5), Usd(100.5m), DealOutcome.Won(At(1, 20))),
            Made(2, At(2, 2), Usd(70.25m), DealOutcome.Won(At(2, 25))));
        var snapshot = PipelineSnapshot.Take([.. Enumerable.Range(1, 20).Select(i => Open(10 + i, 10m * i, new LocalDate(2026, 3, 25), Proposal))], AsOf, DateTimeZone.Utc, Currency.Usd);

        var fast = PipelineSimulation.Run(snapshot, Probabilities(0.5, 0.5), CloseDateSlips.None, March, 3000, 4, forceDecimal: false, newBusiness: history);
        var exact = PipelineSimulation.Run(snapshot, Probabilities(0.5, 0.5), CloseDateSlips.None, March, 3000, 4, forceDecimal: true, newBusiness: history);

        Assert.Equal(fast.Totals, exact.Totals);
        Assert.Equal(fast.Expected, exact.Expected);
        Assert.True(exact.Quantile(0).Amount > 0m); // every trial adds one month's new business
    }

    [Fact]
    public void The_share_ahead_is_whole_before_the_period_and_none_after_it()
    {
        var before = PipelineSnapshot.Take([], At(2, 10), DateTimeZone.Utc, Currency.Usd);
        var after = PipelineSnapshot.Take([], At(4, 10), DateTimeZone.Utc, Currency.Usd);

        Assert.Equal(1m, PipelineSimulation.RemainingShare(before, March));
        Assert.Equal(0m, PipelineSimulation.RemainingShare(after, March));
    }

    [Fact]
    public void Rejects_bad_input_naming_the_parameter()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => NewBusinessHistory.Learn(null!, AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 1)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => NewBusinessHistory.Learn([], AsOf, null!, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 1)).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => NewBusinessHistory.Learn([], AsOf, DateTimeZone.Utc, Currency.Usd, null!, PeriodKind.Month, 1)).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => NewBusinessHistory.Learn([], AsOf, DateTimeZone.Utc, default, ReportingCalendar.Iso, PeriodKind.Month, 1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => NewBusinessHistory.Learn([], AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 0)).ParamName);
        var euro = NewBusinessHistory.Learn([], AsOf, DateTimeZone.Utc, Currency.Eur, ReportingCalendar.Iso, PeriodKind.Month, 1);
        var snapshot = PipelineSnapshot.Take([], AsOf, DateTimeZone.Utc, Currency.Usd);
        Assert.Equal("newBusiness", Assert.Throws<CurrencyMismatchException>(() => PipelineSimulation.Run(snapshot, Probabilities(0.1, 0.1), CloseDateSlips.None, March, newBusiness: euro)).ParamName);
    }
}
