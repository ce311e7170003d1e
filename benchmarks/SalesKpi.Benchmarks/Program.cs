using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using SalesKpi.Benchmarks.Compare;

namespace SalesKpi.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && string.Equals(args[0], "compare", StringComparison.OrdinalIgnoreCase))
        {
            return CompareCommand.Run(args.AsSpan(1));
        }

        if (args.Length > 0 && string.Equals(args[0], "compare-breakdown", StringComparison.OrdinalIgnoreCase))
        {
            return Breakdown.Run(args.AsSpan(1));
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
