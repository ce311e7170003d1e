using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class GroupingAndPeriodTests
{
    [Fact]
    public void By_groups_and_orders_keys_naturally()
    {
        Act[] facts = [new(3, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 2), Kind.Call), new(3, T.At(2026, 3, 2), Kind.Email)];
        var table = Metric.Count<Act>().By(a => a.Rep).Evaluate(facts);
        Assert.Equal([1, 3], table.Keys);
        Assert.Equal(1m, table[1].ExactValue);
        Assert.Equal(2m, table[3].ExactValue);
        Assert.Equal(0m, table[99].ExactValue); // a key without facts has the empty value: 0 calls
    }

    [Fact]
    public void By_a_value_tuple_groups_by_several_dimensions()
    {
        Act[] facts = [new(1, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 2), Kind.Email), new(2, T.At(2026, 3, 2), Kind.Call)];
        var table = Metric.Count<Act>().By(a => (a.Rep, a.Kind)).Evaluate(facts);
        Assert.Equal([(1, Kind.Call), (1, Kind.Email), (2, Kind.Call)], table.Keys);
        Assert.Equal(2m, table[(1, Kind.Call)].ExactValue);
        var thenBy = Metric.Count<Act>().By(a => a.Rep).ThenBy(a => a.Kind).Evaluate(facts);
        Assert.Equal(table.Select(c => (c.Key, c.Value)), thenBy.Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public void Keys_without_a_natural_order_are_ordered_by_invariant_text()
    {
        object[] facts = [new Uri("http://b"), new Uri("http://a"), new Uri("http://b")];
        var table = Metric.Count<object>().By(o => o).Evaluate(facts);
        Assert.Equal(["http://a/", "http://b/"], table.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void A_null_key_is_a_clear_error()
    {
        string?[] facts = ["a", null];
        var ex = Assert.Throws<ArgumentException>(() => Metric.Count<string?>().By(s => s!).Evaluate(facts));
        Assert.Contains("null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PerPeriod_places_instants_by_their_business_date_in_the_zone()
    {
        // Sunday 2026-03-01 23:30 UTC is Monday 00:30 in Paris (UTC+1): ISO week 2026-W10 in Paris, 2026-W09 in UTC.
        Act[] facts = [new(1, Instant.FromUtc(2026, 3, 1, 23, 30), Kind.Call)];
        var metric = Metric.Count<Act>().PerPeriod(PeriodKind.Week, a => a.At);
        var inUtc = metric.Evaluate(facts, T.Utc);
        var inParis = metric.Evaluate(facts, T.Paris);
        Assert.Equal("2026-W09", Assert.Single(inUtc.Periods).Label);
        Assert.Equal("2026-W10", Assert.Single(inParis.Periods).Label);
    }

    [Fact]
    public void PerPeriod_days_are_half_open_at_local_midnight_across_daylight_saving()
    {
        // Paris switches to UTC+2 on 2026-03-29 at 01:00 UTC.
        // 2026-03-28 23:00 UTC = 00:00 on the 29th (UTC+1) → day 29; 2026-03-28 22:59 UTC → day 28;
        // 2026-03-29 21:59 UTC = 23:59 (UTC+2) → day 29; 2026-03-29 22:00 UTC = 00:00 on the 30th → day 30.
        Act[] facts =
        [
            new(1, Instant.FromUtc(2026, 3, 28, 22, 59), Kind.Call),
            new(1, Instant.FromUtc(2026, 3, 28, 23, 0), Kind.Call),
            new(1, Instant.FromUtc(2026, 3, 29, 21, 59), Kind.Call),
            new(1, Instant.FromUtc(2026, 3, 29, 22, 0), Kind.Call),
        ];
        var table = Metric.Count<Act>().PerPeriod(PeriodKind.Day, a => a.At).Evaluate(facts, T.Paris);
        Assert.Equal(1m, table[Ungrouped.All, T.Day(2026, 3, 28)].ExactValue);
        Assert.Equal(2m, table[Ungrouped.All, T.Day(2026, 3, 29)].ExactValue);
        Assert.Equal(1m, table[Ungrouped.All, T.Day(2026, 3, 30)].ExactValue);
    }

    [Fact]
    public void PerPeriod_can_take_each_facts_own_zone()
    {
        // 2026-03-02 03:00 UTC: still 1 March 22:00 in New York (UTC−5), already 2 March 04:00 in Paris.
        Act[] facts = [new(1, Instant.FromUtc(2026, 3, 2, 3, 0), Kind.Call), new(2, Instant.FromUtc(2026, 3, 2, 3, 0), Kind.Call)];
        var options = EvaluationOptions<Act>.InZoneOf(a => a.Rep == 1 ? T.NewYork : T.Paris, DateTimeZone.Utc);
        var table = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At).Evaluate(facts, options);
        Assert.Equal(1m, table[1, T.Day(2026, 3, 1)].ExactValue);
        Assert.Equal(1m, table[2, T.Day(2026, 3, 2)].ExactValue);
        Assert.Equal(0m, table[1, T.Day(2026, 3, 2)].ExactValue);
    }

    [Fact]
    public void Zone_day_cache_agrees_with_NodaTime_for_instants_in_any_order()
    {
        var random = new Random(7);
        var cache = new ZoneDayCache(T.NewYork);
        for (int i = 0; i < 20_000; i++)
        {
            var instant = Instant.FromUnixTimeSeconds(random.NextInt64(-2_000_000_000L, 4_000_000_000L));
            var expected = instant.InZone(T.NewYork).Date.ToDateOnly().DayNumber;
            Assert.Equal(expected, cache.DayNumber(instant));
        }
    }

    [Fact]
    public void PerPeriod_of_a_date_needs_no_zone()
    {
        (int Rep, LocalDate Close)[] deals = [(1, new LocalDate(2026, 1, 31)), (1, new LocalDate(2026, 2, 1)), (2, new LocalDate(2026, 2, 28))];
        var table = Metric.Count<(int Rep, LocalDate Close)>().PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, d => d.Close).Evaluate(deals);
        Assert.Equal(1m, table[Ungrouped.All, T.Month(2026, 1)].ExactValue);
        Assert.Equal(2m, table[Ungrouped.All, T.Month(2026, 2)].ExactValue);
    }

    [Fact]
    public void A_metric_per_period_of_instants_needs_options()
    {
        var metric = Metric.Count<Act>().PerPeriod(PeriodKind.Day, a => a.At);
        var ex = Assert.Throws<ArgumentNullException>(() => metric.Evaluate(Array.Empty<Act>()));
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void PerPeriod_twice_is_rejected_eagerly()
    {
        var metric = Metric.Count<Act>().PerPeriod(PeriodKind.Day, a => a.At);
        var ex = Assert.Throws<ArgumentException>(() => metric.PerPeriod(PeriodKind.Week, a => a.At));
        Assert.Equal("metric", ex.ParamName);
    }

    [Fact]
    public void Table_indexers_distinguish_present_and_empty_cells()
    {
        Act[] facts = [new(1, T.At(2026, 3, 2), Kind.Call)];
        var table = Metric.Mean<Act>(a => a.Seconds).By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At).Evaluate(facts, T.Utc);
        Assert.True(table.TryGetValue(1, T.Day(2026, 3, 2), out _));
        Assert.False(table.TryGetValue(1, T.Day(2026, 3, 3), out var missing));
        Assert.True(missing.IsUndefined); // mean of nothing
        Assert.Throws<ArgumentException>(() => table[1, T.Week(2026, 3, 2)]);
        Assert.Throws<InvalidOperationException>(() => table[1]);
    }

    [Fact]
    public void FillEmpty_adds_every_key_and_period_of_the_range_with_the_empty_value()
    {
        // rep 1 called on Mon 2 and Wed 4 March; rep 2 is on the team but made no calls.
        Act[] facts = [new(1, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 4), Kind.Call)];
        var calls = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At)
            .FillEmpty(new DateInterval(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 5)), [1, 2]);
        var table = calls.Evaluate(facts, T.Utc);
        Assert.Equal(8, table.Count); // 2 reps × 4 days
        Assert.Equal([1m, 0m, 1m, 0m, 0m, 0m, 0m, 0m], table.Select(c => c.Value.ExactValue!.Value));
        Assert.True(table.TryGetValue(2, T.Day(2026, 3, 3), out var filled));
        Assert.Equal(0m, filled.ExactValue);

        var rate = Metric.Rate<Act>(a => a.Connected).By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At).FillEmpty();
        var rates = rate.Evaluate(facts, T.Utc);
        Assert.Equal(3, rates.Count); // 2, 3 and 4 March for rep 1: the data's span
        Assert.True(rates[1, T.Day(2026, 3, 3)].IsUndefined); // no calls: no connect rate
    }

    [Fact]
    public void FillEmptyWith_uses_the_given_value()
    {
        Act[] facts = [new(1, T.At(2026, 3, 2), Kind.Call)];
        var table = Metric.Mean<Act>(a => a.Amount).By(a => a.Rep).FillEmptyWith(KpiValue.Of(0m, 0), keys: [1, 2]).Evaluate(facts);
        Assert.Equal(0m, table[2].ExactValue);
    }

    [Fact]
    public void ToText_renders_a_grid_invariantly()
    {
        Act[] facts =
        [
            new(1, T.At(2026, 3, 2), Kind.Call), new(1, T.At(2026, 3, 2), Kind.Call), new(2, T.At(2026, 3, 9), Kind.Call),
        ];
        var table = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At).FillEmpty().Evaluate(facts, T.Utc);
        string expected =
            "key  2026-W10  2026-W11\n" +
            "1           2         0\n" +
            "2           0         1\n";
        Assert.Equal(expected, table.ToText());
    }

    [Fact]
    public void Text_rounds_exact_quotients_to_six_decimals()
    {
        // 1/3 is exact to 28 digits in decimal; the text shows 0.333333.
        Assert.Equal("0.333333 (1/3)", KpiValue.Ratio(1, 3, 3).ToString());
        Assert.Equal(1m / 3m, KpiValue.Ratio(1, 3, 3).ExactValue);
    }

    [Fact]
    public void ToText_long_layout_lists_parts_n_and_interval()
    {
        Act[] facts = [new(1, T.At(2026, 3, 2), Kind.Call, Connected: true), new(1, T.At(2026, 3, 2), Kind.Call)];
        var table = Metric.Rate<Act>(a => a.Connected).By(a => a.Rep).Evaluate(facts);
        string[] lines = table.ToText(KpiTextLayout.Long).Split('\n');
        Assert.Equal("key  value  numerator  denominator  n      95% interval  censored", lines[0]);
        // 1/2 → Wilson [0.0945, 0.9055]
        Assert.Equal("1      0.5          1            2  2  [0.0945, 0.9055]", lines[1]);
    }
}
