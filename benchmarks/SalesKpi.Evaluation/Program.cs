using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using SalesKpi.Evaluation;
using SalesKpi.Forecasting;

const string Usage = "usage: SalesKpi.Evaluation m3 --data <folder> [--method <name>] [--threads <n>]\n       " + PipelineBacktestCommand.Usage;

if (args.Length > 0 && string.Equals(args[0], "pipeline", StringComparison.OrdinalIgnoreCase))
{
    return PipelineBacktestCommand.Run(args, Console.Out);
}

if (args.Length == 0 || !string.Equals(args[0], "m3", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine(Usage);
    Console.Error.WriteLine(args.Length == 0 ? "error: no command given." : $"error: unknown command '{args[0]}'.");
    return 2;
}

string? data = null;
string? methodName = null;
int threads = 2;
for (int i = 1; i < args.Length; i++)
{
    string option = args[i];
    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine(Usage);
        Console.Error.WriteLine($"error: option '{option}' needs a value.");
        return 2;
    }

    string value = args[++i];
    switch (option)
    {
        case "--data":
            data = value;
            break;
        case "--method":
            methodName = value;
            break;
        case "--threads":
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out threads) || threads < 1)
            {
                Console.Error.WriteLine($"error: --threads must be a positive integer, not '{value}'.");
                return 2;
            }

            break;
        default:
            Console.Error.WriteLine(Usage);
            Console.Error.WriteLine($"error: unknown option '{option}'.");
            return 2;
    }
}

if (data is null)
{
    Console.Error.WriteLine(Usage);
    Console.Error.WriteLine("error: --data <folder> is required (the folder holding m3_*_wide.csv, for example ../shared/data/m3).");
    return 2;
}

if (!Directory.Exists(data))
{
    Console.Error.WriteLine($"error: data folder '{data}' does not exist.");
    return 3;
}

// Accept either the m3 folder itself or its parent (the shared data folder).
if (!File.Exists(Path.Combine(data, M3Series.Files[0].File)) && File.Exists(Path.Combine(data, "m3", M3Series.Files[0].File)))
{
    data = Path.Combine(data, "m3");
}

List<M3Series> series;
try
{
    series = M3Series.ReadAll(data);
}
catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 3;
}

var methods = new List<(string Name, ForecastMethod Method)>();
var missing = new List<string>();
foreach (string name in methodName is null ? MethodRegistry.Default : [methodName])
{
    var method = MethodRegistry.Resolve(name, out string? why);
    if (method is null)
    {
        missing.Add($"{name}: {why}");
    }
    else
    {
        methods.Add((name.ToLowerInvariant(), method));
    }
}

foreach (string line in missing)
{
    Console.Error.WriteLine($"missing {line}");
}

if (methods.Count == 0)
{
    Console.Error.WriteLine("error: no requested method is available.");
    return 4;
}

Console.WriteLine("method,category,series_count,smape,mase,seconds");
foreach (var (name, method) in methods)
{
    var smape = new double[series.Count];
    var mase = new double?[series.Count];
    var fallbacks = new List<string>();
    var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
    foreach (var (category, _, _) in M3Series.Files)
    {
        var indices = new List<int>();
        for (int i = 0; i < series.Count; i++)
        {
            if (series[i].Category == category)
            {
                indices.Add(i);
            }
        }

        var batch = new List<TimeSeries>(indices.Count);
        int horizon = series[indices[0]].Test.Length;
        foreach (int i in indices)
        {
            batch.Add(TimeSeries.Of(series[i].Train, series[i].SeasonLength));
        }

        var watch = Stopwatch.StartNew();
        var results = BatchForecaster.Run(batch, method, horizon, new BatchOptions { MaxDegreeOfParallelism = threads });
        watch.Stop();
        for (int j = 0; j < indices.Count; j++)
        {
            int i = indices[j];
            var s = series[i];
            var result = results[j];
            if (result.UsedFallback)
            {
                fallbacks.Add($"{name}: {s.Id} fell back to {result.Method}: {result.FallbackReason}");
            }

            var point = result.Forecast?.Point ?? throw new InvalidOperationException($"{s.Id}: {result.FallbackReason}; {result.Error}");
            smape[i] = Accuracy.Smape(s.Test, point) ?? 0;
            mase[i] = Accuracy.Mase(s.Test, point, s.Train, s.SeasonLength);
        }

        seconds[category] = watch.Elapsed.TotalSeconds;
    }

    foreach (var (category, _, _) in M3Series.Files)
    {
        Report(name, category, c => c == category, seconds[category]);
    }

    double total = 0;
    foreach (double value in seconds.Values)
    {
        total += value;
    }

    Report(name, "all", _ => true, total);
    foreach (string fallback in fallbacks)
    {
        Console.Error.WriteLine(fallback);
    }

    void Report(string method, string label, Func<string, bool> include, double elapsed)
    {
        double smapeSum = 0, maseSum = 0;
        int count = 0, maseCount = 0;
        for (int i = 0; i < series.Count; i++)
        {
            if (!include(series[i].Category))
            {
                continue;
            }

            count++;
            smapeSum += smape[i];
            if (mase[i] is { } m)
            {
                maseSum += m;
                maseCount++;
            }
        }

        if (maseCount != count)
        {
            Console.Error.WriteLine($"{method},{label}: MASE undefined (zero in-sample scale) for {count - maseCount} series, left out of the MASE mean.");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{method},{label},{count},{smapeSum / count:F3},{maseSum / maseCount:F3},{elapsed:F2}"));
    }
}

return methodName is not null && missing.Count > 0 ? 4 : 0;
