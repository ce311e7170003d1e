using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>Value-type business-date selectors (<see cref="IFactDate{TFact}"/>) and <see cref="Metric.PerPeriodByDate{TFact, TKey, TDate}"/>.</summary>
public sealed class FactDateTests
{
    private static readonly ReportingCalendar[] Calendars =
    [
        ReportingCalendar.Iso,
        ReportingCalendar.Fiscal(4, FiscalYearNaming.EndYear),
        ReportingCalendar.Retail(RetailPattern.FourFourFive, RetailYearEnd.NearestWeekdayToEndOf(1, IsoDayOfWeek.Saturday), FiscalYearNaming.StartYear),
    ];

    [Fact]
    public void A_date_selector_places_facts_by_the_date_they_carry_by_hand()
    {
        // Monday 30 March, Sunday 5 April and Monday 6 April 2026: two ISO weeks, two months; no options, no zone.
        Booking[] bookings = [new(1, Day(2026, 3, 30), 100m), new(1, Day(2026, 4, 5), 50m), new(2, Day(2026, 4, 6), 25m)];
        var sum = Metric.Sum<Booking>(b => b.Amount).By(b => b.Rep);

        var weekly = sum.PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Week, new BookedOn()).Evaluate(bookings);
        Assert.Equal(150m, weekly[1, T.Week(2026, 3, 30)].ExactValue);
        Assert.Equal(25m, weekly[2, T.Week(2026, 4, 6)].ExactValue);
        Assert.Equal(2, weekly.Cells.Count);

        var monthly = sum.PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Month, new BookedOn()).Evaluate(bookings);
        Assert.Equal(100m, monthly[1, T.Month(2026, 3)].ExactValue);
        Assert.Equal(50m, monthly[1, T.Month(2026, 4)].ExactValue);
        Assert.Equal(25m, monthly[2, T.Month(2026, 4)].ExactValue);
        Assert.Equal(2, monthly[1, T.Month(2026, 3)].Count + monthly[1, T.Month(2026, 4)].Count);
    }

    [Fact]
    public void The_date_is_not_moved_by_the_evaluation_zone()
    {
        // Evaluated "in Sydney" or "in New York", a carried date stays the date it is.
        Booking[] bookings = [new(1, Day(2026, 3, 31), 10m)];
        var metric = Metric.Count<Booking>().PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Month, new BookedOn());
        var sydney = metric.Evaluate(bookings, EvaluationOptions<Booking>.InZone(DateTimeZoneProviders.Tzdb["Australia/Sydney"]));
        var newYork = metric.Evaluate(bookings, EvaluationOptions<Booking>.InZone(T.NewYork));
        Assert.Equal(1m, sydney[Ungrouped.All, T.Month(2026, 3)].ExactValue);
        Assert.Equal(sydney.Cells, newYork.Cells);
    }

    [Property(MaxTest = 50)]
    public void A_date_selector_gives_the_table_of_the_equivalent_lambda(int seed, byte calendar, byte kind)
    {
        var facts = T.RandomActs(400, seed, days: 400);
        var cal = Calendars[calendar % Calendars.Length];
        var periodKind = (kind % 4) switch { 0 => PeriodKind.Day, 1 => PeriodKind.Week, 2 => PeriodKind.Month, _ => PeriodKind.Quarter };
        var sum = Metric.Sum<Act>(a => a.Amount).Where(a => a.Kind != Kind.Email).By(a => a.Rep);
        var byLambda = sum.PerPeriod(cal, periodKind, a => a.At.InUtc().Date);
        var byValue = sum.PerPeriodByDate(cal, periodKind, new UtcDay());
        Assert.Equal(byLambda.Evaluate(facts).Cells, byValue.Evaluate(facts).Cells);
        Assert.Equal(byLambda.Rolling(3).FillEmpty().Evaluate(facts).Cells, byValue.Rolling(3).FillEmpty().Evaluate(facts).Cells);
        var median = Metric.Median<Act>(a => (double)a.Seconds).By(a => a.Rep);
        Assert.Equal(median.PerPeriod(cal, periodKind, a => a.At.InUtc().Date).Evaluate(facts).Cells, median.PerPeriodByDate(cal, periodKind, new UtcDay()).Evaluate(facts).Cells);
    }

    [Property(MaxTest = 30)]
    public void Partitions_merged_through_snapshots_equal_the_whole(int seed, byte cut)
    {
        var facts = T.RandomActs(300, seed);
        var metric = Metric.Count<Act>().Where(a => a.Connected).By(a => a.Rep).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Week, new UtcDay());
        int at = cut % 301;
        var merged = metric.CreateState().Add(facts.AsSpan(0, at));
        merged.Merge(metric.Restore(metric.CreateState().Add(facts.AsSpan(at)).ToSnapshot()));
        Assert.Equal(metric.Evaluate(facts).Cells, merged.ToTable().Cells);
    }

    [Fact]
    public void Metrics_with_equal_date_selectors_share_a_pass_and_in_parallel_give_the_same_tables()
    {
        var facts = T.RandomActs(2_000, 9, days: 120);
        var counting = new CountingFilter<Act>(a => a.Kind != Kind.Reply);
        var counted = counting.Filter;
        Func<Act, int> rep = a => a.Rep;
        Metric<Act, int>[] metrics =
        [
            Metric.Count<Act>().Where(counted).By(rep).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Week, new UtcDay()),
            Metric.Sum<Act>(a => a.Seconds).Where(counted).By(rep).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Week, new UtcDay()),
        ];
        var tables = Metric.EvaluateAll(facts, null, metrics);
        Assert.Equal(facts.Length, counting.Calls);
        Assert.Equal(metrics[0].Evaluate(facts).Cells, tables[0].Cells);
        Assert.Equal(metrics[1].Evaluate(facts).Cells, tables[1].Cells);

        var parallel = Metric.EvaluateAllParallel(facts, null, 3, metrics);
        Assert.Equal(tables[0].Cells, parallel[0].Cells);
        Assert.Equal(tables[1].Cells, parallel[1].Cells);
    }

    [Fact]
    public void A_date_metric_and_an_instant_metric_evaluated_together_do_not_share_periods()
    {
        // 23:30 UTC on 31 March is 1 April in Paris: by instant in Paris it is April, by its UTC date it is March.
        Act[] facts = [new(1, Instant.FromUtc(2026, 3, 31, 23, 30), Kind.Call)];
        Metric<Act, int>[] metrics =
        [
            Metric.Count<Act>().By(a => a.Rep).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Month, new UtcDay()),
            Metric.Count<Act>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, a => a.At),
        ];
        var tables = Metric.EvaluateAll(facts, T.Paris, metrics);
        Assert.Equal(1m, tables[0][1, T.Month(2026, 3)].ExactValue);
        Assert.Equal(1m, tables[1][1, T.Month(2026, 4)].ExactValue);
    }

    [Theory]
    [InlineData(-719_163)]
    [InlineData(2_932_897)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void A_date_outside_the_calendar_range_is_named_with_its_value(int epochDay)
    {
        Booking[] bookings = [new(1, 20_000, 1m), new(1, epochDay, 1m)];
        var metric = Metric.Count<Booking>().PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, new BookedOn());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => metric.Evaluate(bookings));
        Assert.Equal("date", error.ParamName);
        Assert.Equal(epochDay, error.ActualValue);
    }

    [Theory]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void An_out_of_range_date_is_caught_on_the_first_fact_too(int epochDay)
    {
        Booking[] bookings = [new(1, epochDay, 1m), new(1, epochDay, 1m)];
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Metric.Count<Booking>().PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, new BookedOn()).Evaluate(bookings));
        Assert.Equal(epochDay, error.ActualValue);
    }

    [Fact]
    public void Runs_of_equal_dates_and_returns_to_earlier_dates_are_placed_by_hand()
    {
        // Sorted runs, then a return to an earlier date (the last-date shortcut must not keep the later slot).
        Booking[] bookings = [new(1, Day(2026, 5, 4), 1m), new(1, Day(2026, 5, 4), 2m), new(1, Day(2026, 5, 5), 4m), new(1, Day(2026, 5, 4), 8m)];
        var byValue = Metric.Sum<Booking>(b => b.Amount).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, new BookedOn()).Evaluate(bookings);
        Assert.Equal(11m, byValue[Ungrouped.All, T.Day(2026, 5, 4)].ExactValue);
        Assert.Equal(4m, byValue[Ungrouped.All, T.Day(2026, 5, 5)].ExactValue);
        var byLambda = Metric.Sum<Booking>(b => b.Amount).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, b => EpochDay.ToDate(b.EpochDay)).Evaluate(bookings);
        Assert.Equal(byValue.Cells, byLambda.Cells);
    }

    [Fact]
    public void The_first_date_and_a_day_of_the_last_year_are_accepted()
    {
        // The calendar's last day period is 9999-12-30: a period's exclusive end must be a date too (below).
        Booking[] bookings = [new(1, -719_162, 1m), new(1, 2_932_895, 2m)];
        var table = Metric.Sum<Booking>(b => b.Amount).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, new BookedOn()).Evaluate(bookings);
        Assert.Equal(1m, table[Ungrouped.All, T.Day(1, 1, 1)].ExactValue);
        Assert.Equal(2m, table[Ungrouped.All, T.Day(9999, 12, 30)].ExactValue);
    }

    [Fact]
    public void The_last_date_is_a_clear_range_error_as_its_day_would_end_after_it()
    {
        Booking[] bookings = [new(1, 2_932_896, 2m)];
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Metric.Sum<Booking>(b => b.Amount).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, new BookedOn()).Evaluate(bookings));
        Assert.Equal("date", error.ParamName);
        Assert.Contains("9999-12-31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misuse_is_rejected_as_for_the_other_period_overloads()
    {
        var sum = Metric.Sum<Booking>(b => b.Amount);
        Assert.Throws<ArgumentNullException>(() => ((Metric<Booking, Ungrouped>)null!).PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, new BookedOn()));
        Assert.Throws<ArgumentNullException>(() => sum.PerPeriodByDate(null!, PeriodKind.Day, new BookedOn()));
        Assert.Throws<ArgumentOutOfRangeException>(() => sum.PerPeriodByDate(ReportingCalendar.Iso, (PeriodKind)99, new BookedOn()));
        var daily = sum.PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, new BookedOn());
        Assert.Throws<ArgumentException>(() => daily.PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Week, new BookedOn()));
    }

    private static int Day(int year, int month, int day) => EpochDay.FromDate(new LocalDate(year, month, day));

    private readonly record struct Booking(int Rep, int EpochDay, decimal Amount);

    private readonly struct BookedOn : IFactDate<Booking>
    {
        public int EpochDayOf(in Booking fact) => fact.EpochDay;
    }

    private readonly struct UtcDay : IFactDate<Act>
    {
        public int EpochDayOf(in Act fact) => EpochDay.FromDate(fact.At.InUtc().Date);
    }
}
