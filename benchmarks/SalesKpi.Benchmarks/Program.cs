using System;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace SalesKpi.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "warm")
        {
            var facts = GroupedCountBenchmarks.Generate(1_000_000, 42);
            var metric = Metric.Count<BenchActivity>().By(a => (a.Rep, a.Kind)).PerPeriod(PeriodKind.Day, a => a.Timestamp);
            var options = EvaluationOptions<BenchActivity>.InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/Paris"]);
            int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
            for (int i = 0; i < rounds; i++)
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                metric.CreateState(options).Add(facts);
                if (i % 20 == 19)
                {
                    Console.WriteLine(FormattableString.Invariant($"{i}: {sw.Elapsed.TotalMilliseconds:F1} ms"));
                }
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "probe")
        {
            Probe.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000);
            return 0;
        }

        if (args.Length > 0 && args[0] == "selfcheck")
        {
            int n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
            return SelfCheck.Run(n);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
