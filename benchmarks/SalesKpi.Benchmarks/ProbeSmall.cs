using System;
using NodaTime;

namespace SalesKpi.Benchmarks;

internal static class ProbeSmall
{
    public static void Run()
    {
        var facts = Engine.SyntheticActivities.Generate(10_000, seed: 42);
        var org = EvaluationOptions<SalesActivity>.InZone(DateTimeZoneProviders.Tzdb["America/New_York"]);
        var daily = Metric.Count<SalesActivity>().By(a => a.Rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, a => a.Timestamp);
        int n = 0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 40_000; i++)
        {
            n += daily.Evaluate(facts, org).Count;
        }

        Console.Error.WriteLine($"{sw.Elapsed.TotalMilliseconds * 1000 / 40_000:F1} us per evaluation ({n})");
    }
}
