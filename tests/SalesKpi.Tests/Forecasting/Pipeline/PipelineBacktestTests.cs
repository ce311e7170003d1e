using System;
using System.Linq;
using NodaTime;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting.Pipeline;

public sealed class PipelineBacktestTests
{
    private static readonly DealStage A = DealStage.Of("A", 0);
    private static readonly DealStage B = DealStage.Of("B", 1);
    private static readonly DealStage C = DealStage.Of("C", 2);
    private static readonly Instant AsOf = Instant.FromUtc(2026, 4, 15, 12, 0);

    private static Instant On(int year, int month, int day) => Instant.FromUtc(year, month, day, 9, 0);

    private static Deal Made(int id, decimal amount, Instant created, LocalDate expected, DealStage stage, DealOutcome outcome = default) =>
        new(DealId.Of(id), RepId.Of(1), AccountId.None, Money.Of(amount, Currency.Usd), created, expected, [new(created, stage)], outcome: outcome);

    /// <summary>
    /// History: one deal per stage won on its expected date in late 2025 (each stage's share won is 1, every slip 0).
    /// January: a 100 deal in A, won in January. February: a 100 deal in B, lost. March: a 100 deal in C, won, and a
    /// 50 deal created and won in March.
    /// </summary>
    private static Deal[] Deals() =>
    [
        Made(1, 10m, On(2025, 10, 1), new LocalDate(2025, 11, 3), A, DealOutcome.Won(On(2025, 11, 3))),
        Made(2, 10m, On(2025, 10, 1), new LocalDate(2025, 11, 4), B, DealOutcome.Won(On(2025, 11, 4))),
        Made(3, 10m, On(2025, 10, 1), new LocalDate(2025, 11, 5), C, DealOutcome.Won(On(2025, 11, 5))),
        Made(4, 100m, On(2025, 12, 10), new LocalDate(2026, 1, 20), A, DealOutcome.Won(On(2026, 1, 20))),
        Made(5, 100m, On(2025, 12, 10), new LocalDate(2026, 2, 20), B, DealOutcome.Lost(On(2026, 2, 20))),
        Made(6, 100m, On(2025, 12, 10), new LocalDate(2026, 3, 20), C, DealOutcome.Won(On(2026, 3, 20))),
        Made(7, 50m, On(2026, 3, 5), new LocalDate(2026, 3, 12), C, DealOutcome.Won(On(2026, 3, 12))),
    ];

    [Fact]
    public void Forecasts_each_past_period_from_its_start_and_scores_the_range_and_the_median()
    {
        var options = new PipelineBacktestOptions { ByStageAge = false, NewBusinessPeriods = 0, Trials = 100 };

        var backtest = PipelineBacktest.Run(Deals(), AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 3, options);

        // Every forecast is certain: 100. Actuals: January 100 (held), February 0, March 100 + 50 = 150.
        Assert.Equal(["2026-01", "2026-02", "2026-03"], backtest.Periods.Select(p => p.Period.Label));
        Assert.All(backtest.Periods, p => Assert.Equal((100m, 100m, 100m), (p.P10.Amount, p.P50.Amount, p.P90.Amount)));
        Assert.Equal([100m, 0m, 150m], backtest.Periods.Select(p => p.Actual.Amount));
        Assert.Equal([true, false, false], backtest.Periods.Select(p => p.Held));
        Assert.Equal(1.0 / 3, backtest.Coverage, 12);
        Assert.Equal(1, backtest.ZeroActualPeriods);
        Assert.Equal((1 + (100.0 / 150)) / 2, backtest.MeanRatio!.Value, 12);
        Assert.Equal((0 + (50.0 / 150)) / 2, backtest.MeanAbsoluteError!.Value, 12);
        Assert.Equal("3 periods: P10–P90 held 0.33, P50 ÷ actual 0.83, error 0.17", backtest.ToString());
        Assert.Same(options, backtest.Options);
    }

    [Fact]
    public void Scores_the_chance_of_reaching_each_period_target()
    {
        var options = new PipelineBacktestOptions { ByStageAge = false, NewBusinessPeriods = 0, Trials = 100 };

        var backtest = PipelineBacktest.Run(
            Deals(), AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 3, options, _ => Money.Of(120m, Currency.Usd));

        // A certain 100 never reaches 120 (chance 0); March's 150 did: Brier (0 + 0 + 1) / 3.
        Assert.Equal([0.0, 0.0, 0.0], backtest.Periods.Select(p => p.TargetProbability!.Value));
        Assert.Equal([false, false, true], backtest.Periods.Select(p => p.ReachedTarget!.Value));
        Assert.Equal(1.0 / 3, backtest.BrierScore!.Value, 12);
        Assert.Null(PipelineBacktest.Run(Deals(), AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 3, options).BrierScore);
        Assert.Equal(
            "target",
            Assert.Throws<CurrencyMismatchException>(() => PipelineBacktest.Run(
                Deals(), AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 1, options, _ => Money.Of(1m, Currency.Eur))).ParamName);
    }

    [Fact]
    public void New_business_of_past_periods_joins_each_forecast()
    {
        // A 40 deal created and won in February: March's forecast draws January's new business (0) or February's, 40
        // over 28 days, that is 44 over March's 31 (the amounts' scale is whole dollars).
        var deals = Deals().Append(Made(8, 40m, On(2026, 2, 3), new LocalDate(2026, 2, 10), A, DealOutcome.Won(On(2026, 2, 10))));
        var options = new PipelineBacktestOptions { ByStageAge = false, NewBusinessPeriods = 2, Trials = 1000 };

        var backtest = PipelineBacktest.Run(deals, AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 3, options);

        Assert.Equal([(100m, 100m), (100m, 100m), (100m, 144m)], backtest.Periods.Select(p => (p.P10.Amount, p.P90.Amount)));
        Assert.Equal(40m, backtest.Periods[1].Actual.Amount);
    }

    [Fact]
    public void Rejects_bad_input_naming_the_parameter()
    {
        Assert.Equal("deals", Assert.Throws<ArgumentNullException>(() => PipelineBacktest.Run(null!, AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 1)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => PipelineBacktest.Run([], AsOf, null!, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 1)).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => PipelineBacktest.Run([], AsOf, DateTimeZone.Utc, Currency.Usd, null!, PeriodKind.Month, 1)).ParamName);
        Assert.Equal("periods", Assert.Throws<ArgumentOutOfRangeException>(() => PipelineBacktest.Run([], AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 0)).ParamName);
        Assert.Equal("deals", Assert.Throws<ArgumentException>(() => PipelineBacktest.Run(Deals().Concat(Deals()), AsOf, DateTimeZone.Utc, Currency.Usd, ReportingCalendar.Iso, PeriodKind.Month, 1)).ParamName);
        Assert.Equal("Trials", Assert.Throws<ArgumentOutOfRangeException>(() => new PipelineBacktestOptions { Trials = 0 }).ParamName);
        Assert.Equal("NewBusinessPeriods", Assert.Throws<ArgumentOutOfRangeException>(() => new PipelineBacktestOptions { NewBusinessPeriods = -1 }).ParamName);
        Assert.Equal("LookBack", Assert.Throws<ArgumentOutOfRangeException>(() => new PipelineBacktestOptions { LookBack = Duration.Zero }).ParamName);
    }
}
