using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Sums and means of <see cref="Money"/>: one currency per metric, or converted with explicit rates.</summary>
public sealed class MoneyMetricTests
{
    private readonly record struct Sale(int Rep, Money Amount, LocalDate Closed);

    private static readonly Currency Eur = Currency.Eur;
    private static readonly Currency Usd = Currency.Usd;

    private static readonly ExchangeRateTable Rates = new(
    [
        new ExchangeRate(Usd, Eur, new LocalDate(2026, 1, 1), 0.90m),
        new ExchangeRate(Usd, Eur, new LocalDate(2026, 2, 1), 0.80m),
    ]);

    [Fact]
    public void Money_in_one_currency_sums_and_averages_exactly()
    {
        Sale[] sales =
        [
            new(1, Money.Of(100.10m, Eur), new LocalDate(2026, 1, 5)),
            new(1, Money.Of(0.20m, Eur), new LocalDate(2026, 1, 6)),
            new(2, Money.Of(999.99m, Eur), new LocalDate(2026, 1, 7)),
        ];
        var sum = Metric.Sum<Sale>(s => s.Amount, Eur).By(s => s.Rep).Evaluate(sales);
        var mean = Metric.Mean<Sale>(s => s.Amount, Eur).By(s => s.Rep).Evaluate(sales);
        Assert.Equal(100.30m, sum[1].ExactValue);
        Assert.Equal(2, sum[1].Count);
        Assert.Equal(999.99m, sum[2].ExactValue);
        Assert.Equal(50.15m, mean[1].ExactValue);
        Assert.Equal(100.30m, mean[1].ExactNumerator);
        Assert.Equal(2m, mean[1].ExactDenominator);
        Assert.Equal(0m, sum[3].ExactValue);
        Assert.Null(mean[3].Value);
        Assert.Contains("sum EUR", Metric.Sum<Sale>(s => s.Amount, Eur).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Money_in_another_currency_is_an_error_naming_both()
    {
        Sale[] sales = [new(1, Money.Of(10m, Eur), new LocalDate(2026, 1, 5)), new(1, Money.Of(10m, Usd), new LocalDate(2026, 1, 5))];
        var error = Assert.Throws<CurrencyMismatchException>(() => Metric.Sum<Sale>(s => s.Amount, Eur).Evaluate(sales));
        Assert.Equal(Eur, error.Expected);
        Assert.Equal(Usd, error.Actual);
        Assert.Equal("facts", error.ParamName);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_is_converted_at_the_rate_in_force_on_each_facts_rate_date()
    {
        Sale[] sales =
        [
            new(1, Money.Of(100m, Usd), new LocalDate(2026, 1, 15)), // 0.90 → 90
            new(1, Money.Of(100m, Usd), new LocalDate(2026, 2, 1)),  // 0.80 → 80
            new(1, Money.Of(5m, Eur), new LocalDate(2025, 12, 1)),   // already EUR, no rate needed
        ];
        var sum = Metric.Sum<Sale>(s => s.Amount, Eur, Rates, s => s.Closed).Evaluate(sales);
        var mean = Metric.Mean<Sale>(s => s.Amount, Eur, Rates, s => s.Closed).Evaluate(sales);
        Assert.Equal(175m, sum[Ungrouped.All].ExactValue);
        Assert.Equal(175m / 3m, mean[Ungrouped.All].ExactValue);
        Assert.Contains("converted", Metric.Sum<Sale>(s => s.Amount, Eur, Rates, s => s.Closed).ToString(), StringComparison.Ordinal);

        Sale[] early = [new(1, Money.Of(1m, Usd), new LocalDate(2025, 12, 31))];
        var missing = Assert.Throws<ArgumentException>(() => Metric.Sum<Sale>(s => s.Amount, Eur, Rates, s => s.Closed).Evaluate(early));
        Assert.Contains("2025-12-31", missing.Message, StringComparison.Ordinal);
        Assert.Contains("USD/EUR", missing.Message, StringComparison.Ordinal);
        Assert.Equal("facts", missing.ParamName);
    }

    [Fact]
    public void A_money_metric_needs_a_currency_and_keeps_its_currency_in_its_snapshots()
    {
        var error = Assert.Throws<ArgumentException>(() => Metric.Sum<Sale>(s => s.Amount, default));
        Assert.Equal("currency", error.ParamName);
        Assert.Contains("XXX", error.Message, StringComparison.Ordinal);

        Sale[] sales = [new(1, Money.Of(10m, Eur), new LocalDate(2026, 1, 5))];
        var eur = Metric.Sum<Sale>(s => s.Amount, Eur).By(s => s.Rep);
        var usd = Metric.Sum<Sale>(s => s.Amount, Usd).By(s => s.Rep);
        var snapshot = eur.CreateState().Add(sales).ToSnapshot();
        Assert.Equal(10m, eur.Restore(snapshot).ToTable()[1].ExactValue);
        Assert.Throws<ArgumentException>(() => usd.Restore(snapshot));
    }

    [Property(MaxTest = 50)]
    public void Partitions_merge_to_exactly_the_sum_of_all(int seed, byte cut)
    {
        var random = new Random(seed);
        var sales = Enumerable.Range(0, 200)
            .Select(_ => new Sale(random.Next(5), Money.Of(random.Next(-1_000_000, 10_000_000) / 100m, Eur), new LocalDate(2026, 1, 1).PlusDays(random.Next(60))))
            .ToArray();
        var metric = Metric.Sum<Sale>(s => s.Amount, Eur).By(s => s.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, s => s.Closed);
        int at = cut % 201;
        var merged = metric.CreateState().Add(sales.AsSpan(0, at));
        merged.Merge(metric.CreateState().Add(sales.AsSpan(at)));
        var all = metric.Evaluate(sales);
        Assert.Equal(all.Cells, merged.ToTable().Cells);
        Assert.Equal(sales.Sum(s => s.Amount.Amount), all.Sum(c => c.Value.ExactValue!.Value));
        Assert.Equal(Metric.Sum<Sale>(s => s.Amount.Amount).By(s => s.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, s => s.Closed).Evaluate(sales).Cells.Select(c => c.Value.ExactValue), all.Cells.Select(c => c.Value.ExactValue));
    }
}
