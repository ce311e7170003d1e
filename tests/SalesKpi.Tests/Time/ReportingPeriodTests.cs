using System;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Time;

public sealed class ReportingPeriodTests
{
    private static readonly ReportingPeriod April = ReportingCalendar.Iso.GetPeriod(new LocalDate(2026, 4, 10), PeriodKind.Month);

    [Fact]
    public void Elapsed_days_count_asOf_and_clamp_to_the_period()
    {
        // April has 30 days; on 15 April, 1..15 have elapsed (15/30 = 0.5) and 16..30 remain.
        Assert.Equal(15, April.ElapsedDays(new LocalDate(2026, 4, 15)));
        Assert.Equal(15, April.RemainingDays(new LocalDate(2026, 4, 15)));
        Assert.Equal(0.5, April.ElapsedShare(new LocalDate(2026, 4, 15)), 12);
        Assert.Equal(0.5, April.RemainingShare(new LocalDate(2026, 4, 15)), 12);
        Assert.Equal(1, April.ElapsedDays(new LocalDate(2026, 4, 1)));
        Assert.Equal(0, April.ElapsedDays(new LocalDate(2026, 3, 31)));
        Assert.Equal(30, April.ElapsedDays(new LocalDate(2026, 4, 30)));
        Assert.Equal(30, April.ElapsedDays(new LocalDate(2027, 1, 1)));
        Assert.Equal(0.0, April.RemainingShare(new LocalDate(2026, 4, 30)));
    }

    [Fact]
    public void A_period_converts_to_an_inclusive_NodaTime_interval()
    {
        var interval = April.ToDateInterval();
        Assert.Equal(new LocalDate(2026, 4, 1), interval.Start);
        Assert.Equal(new LocalDate(2026, 4, 30), interval.End);
        Assert.Equal(30, interval.Length);
    }

    [Fact]
    public void The_default_period_has_no_dates()
    {
        Assert.Throws<InvalidOperationException>(() => default(ReportingPeriod).ElapsedShare(new LocalDate(2026, 1, 1)));
        Assert.Throws<InvalidOperationException>(() => default(ReportingPeriod).ToDateInterval());
    }

    [Fact]
    public void Construction_rejects_an_end_not_after_the_start()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReportingPeriod(PeriodKind.Day, new LocalDate(2026, 1, 2), new LocalDate(2026, 1, 2), "x"));
        Assert.Equal("end", error.ParamName);
        Assert.Contains("2026-01-02", error.Message, StringComparison.Ordinal);
    }
}
