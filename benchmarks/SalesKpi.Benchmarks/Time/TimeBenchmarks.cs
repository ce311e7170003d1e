using System;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace SalesKpi.Benchmarks.Time;

/// <summary>
/// Business-date mapping of 100,000 instants (one every ~5 minutes over a year, so spanning both DST transitions)
/// in America/New_York: NodaTime's InZone(...).Date against the mapper's table lookup and a streaming cursor.
/// Also working-day counting against a day-by-day loop, and period lookup without and with labels.
/// </summary>
[MemoryDiagnoser]
public class TimeBenchmarks
{
    private const int Count = 100_000;
    private readonly DateTimeZone zone = DateTimeZoneProviders.Tzdb["America/New_York"];
    private readonly Instant[] instants = new Instant[Count];
    private readonly LocalDate[] dates = new LocalDate[Count];
    private BusinessDateMapper mapper = null!;
    private WorkingCalendar workingCalendar = null!;
    private readonly ReportingCalendar fiscal = ReportingCalendar.Fiscal(2, FiscalYearNaming.EndYear);

    [GlobalSetup]
    public void Setup()
    {
        mapper = new BusinessDateMapper(zone);
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        for (int i = 0; i < Count; i++)
        {
            instants[i] = start + Duration.FromSeconds(i * 315L);
            dates[i] = new LocalDate(2026, 1, 1).PlusDays(i % 365);
        }

        var holidays = new LocalDate[20];
        for (int i = 0; i < holidays.Length; i++)
        {
            holidays[i] = new LocalDate(2026, 1, 1).PlusDays((i * 18) + 2);
        }

        workingCalendar = WorkingCalendar.Create(holidays);
    }

    [Benchmark(Baseline = true)]
    public long NodaTimeInZoneDate()
    {
        long sum = 0;
        foreach (var instant in instants)
        {
            sum += instant.InZone(zone).Date.Day;
        }

        return sum;
    }

    [Benchmark]
    public long MapperToDate()
    {
        long sum = 0;
        foreach (var instant in instants)
        {
            sum += mapper.ToDate(instant).Day;
        }

        return sum;
    }

    [Benchmark]
    public long MapperToEpochDay()
    {
        long sum = 0;
        foreach (var instant in instants)
        {
            sum += mapper.ToEpochDay(instant);
        }

        return sum;
    }

    [Benchmark]
    public long CursorToEpochDay()
    {
        long sum = 0;
        var cursor = mapper.CreateCursor();
        foreach (var instant in instants)
        {
            sum += cursor.ToEpochDay(instant);
        }

        return sum;
    }

    [Benchmark]
    public long WorkingDaysBetweenQuarter()
    {
        long sum = 0;
        foreach (var date in dates)
        {
            sum += workingCalendar.WorkingDaysBetween(date, date.PlusDays(91));
        }

        return sum;
    }

    [Benchmark]
    public long WorkingDaysDayLoopQuarter()
    {
        long sum = 0;
        foreach (var date in dates)
        {
            for (var d = date; d < date.PlusDays(91); d = d.PlusDays(1))
            {
                sum += workingCalendar.IsWorkingDay(d) ? 1 : 0;
            }
        }

        return sum;
    }

    [Benchmark]
    public long FiscalQuarterStart()
    {
        long sum = 0;
        foreach (var date in dates)
        {
            sum += fiscal.GetPeriodStart(date, PeriodKind.Quarter).Month;
        }

        return sum;
    }

    [Benchmark]
    public long FiscalQuarterWithLabel()
    {
        long sum = 0;
        foreach (var date in dates)
        {
            sum += fiscal.GetPeriod(date, PeriodKind.Quarter).Label.Length;
        }

        return sum;
    }
}
