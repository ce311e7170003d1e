using System;
using System.Collections.Generic;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>An evaluation allocates per result cell, not per fact: the same cells cost the same whatever the facts.</summary>
public sealed class AllocationTests
{
    private const int Reps = 50;
    private const int Days = 60;
    private const int Cells = Reps * 4 * Days;

    private static readonly Metric<Act, (int Rep, Kind Kind)> PerRepKindDay =
        Metric.Count<Act>().By(a => (a.Rep, a.Kind)).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.At);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Eight_times_the_facts_on_the_same_cells_allocate_the_same(bool byRep)
    {
        var once = Facts(1, byRep);
        var eightTimes = Facts(8, byRep);
        var options = T.InUtc<Act>();
        var table = PerRepKindDay.Evaluate(once, options);
        Assert.Equal(Cells, table.Count);
        Assert.Equal(Cells * 8L, SumOf(PerRepKindDay.Evaluate(eightTimes, options)));

        // Both warmed up before either is measured.
        PerRepKindDay.Evaluate(eightTimes, options);
        long few = Allocated(() => PerRepKindDay.Evaluate(once, options));
        long many = Allocated(() => PerRepKindDay.Evaluate(eightTimes, options));

        // 12,000 facts against 96,000: a per-fact cost of even one byte would show as 84,000 bytes.
        Assert.InRange(many - few, -1_024, 1_024);

        // The table holds 6 bytes per cell (a 16-bit period index and a 32-bit count); the state's accumulators (their
        // first chunk grown by doubling) and the grid pages add about 31 more at this size.
        Assert.InRange(few / (double)Cells, 6, 46);
    }

    private static long SumOf(KpiTable<(int Rep, Kind Kind)> table)
    {
        long sum = 0;
        foreach (var cell in table)
        {
            sum += (long)cell.Value.Value!.Value;
        }

        return sum;
    }

    /// <summary>The least any of three evaluations allocated, after two unmeasured ones (one-off lazy initialisations,
    /// such as a type's first comparer, then fall outside the measurement).</summary>
    private static long Allocated(Action evaluate)
    {
        evaluate();
        evaluate();
        long least = long.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            evaluate();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }

    /// <summary>Every (rep, kind, day) of the grid <paramref name="times"/> times, by day then rep or by rep then day.</summary>
    private static Act[] Facts(int times, bool byRep)
    {
        var start = Instant.FromUtc(2026, 1, 5, 0, 0);
        var facts = new List<Act>(Cells * times);
        for (int outer = 0; outer < (byRep ? Reps : Days); outer++)
        {
            for (int inner = 0; inner < (byRep ? Days : Reps); inner++)
            {
                int rep = byRep ? outer : inner;
                int day = byRep ? inner : outer;
                for (int t = 0; t < times; t++)
                {
                    for (int kind = 0; kind < 4; kind++)
                    {
                        facts.Add(new Act(rep, start + Duration.FromDays(day) + Duration.FromMinutes((t * 4) + kind), (Kind)kind));
                    }
                }
            }
        }

        return [.. facts];
    }
}
