using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>Command-line options of the <c>compare</c> command.</summary>
internal sealed record CompareOptions
{
    public int Activities { get; init; } = 10_000_000;

    public int Leads { get; init; } = 1_000_000;

    public int Deals { get; init; } = 1_000_000;

    public int Seed { get; init; } = 42;

    /// <summary>Timed runs after the warm-up runs (at least 5; 7 by default, for steadier medians of the runs of a few milliseconds on both cores).</summary>
    public int Runs { get; init; } = 7;

    /// <summary>Workloads to run (W1 … W5); empty for all.</summary>
    public IReadOnlySet<string> Workloads { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Engines to run (saleskpi, saleskpi_serial, handloop, saleskpi_domain, saleskpi_domain_parallel, handloop_domain, linq, duckdb; see <see cref="EngineNames"/>); empty for all.</summary>
    public IReadOnlySet<string> Engines { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>DuckDB worker threads.</summary>
    public int DuckDbThreads { get; init; } = 2;

    /// <summary>
    /// Whether business dates are computed in each query (<c>query</c>, the default: DuckDB reads raw instants and
    /// converts them per row through a table of UTC offsets by zone and hour, as the .NET engines convert them per
    /// evaluation, the zone being a choice made per evaluation) or at load (<c>load</c>: DuckDB's date columns filled by
    /// its loader, and the compact values of the struct-array engines carry the same dates, both not timed).
    /// </summary>
    public bool DuckDbDatesInQuery { get; init; } = true;

    public bool WantsWorkload(string name) => Workloads.Count == 0 || Workloads.Contains(name);

    public bool WantsEngine(string name) => Engines.Count == 0 || Engines.Contains(name);

    public static CompareOptions Parse(ReadOnlySpan<string> arguments)
    {
        string[] args = arguments.ToArray();
        var options = new CompareOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {name} needs a value.", nameof(arguments));
            int Int() => int.Parse(Value().Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
            options = name switch
            {
                "--activities" => options with { Activities = Int() },
                "--leads" => options with { Leads = Int() },
                "--deals" => options with { Deals = Int() },
                "--seed" => options with { Seed = Int() },
                "--runs" => options with { Runs = Int() },
                "--threads" => options with { DuckDbThreads = Int() },
                "--workloads" => options with { Workloads = Known(Set(Value()), "--workloads", KnownWorkloads) },
                "--engines" => options with { Engines = Known(Set(Value()), "--engines", KnownEngines) },
                "--duckdb-dates" => options with { DuckDbDatesInQuery = DatesMode(Value()) },
                _ => throw new ArgumentException($"Unknown option '{name}'. Options: --activities N --leads N --deals N --seed N --runs N (>= 5) --threads N --workloads W1,W2 --engines saleskpi,saleskpi_serial,handloop,saleskpi_domain,saleskpi_domain_parallel,handloop_domain,linq,duckdb --duckdb-dates query|load", nameof(arguments)),
            };
        }

        if (options.Runs < 5)
        {
            throw new ArgumentException($"--runs must be at least 5, but was {options.Runs}.", nameof(arguments));
        }

        return options;
    }

    private static bool DatesMode(string value) => value.ToUpperInvariant() switch
    {
        "LOAD" => false,
        "QUERY" => true,
        _ => throw new ArgumentException($"--duckdb-dates must be load or query, but was '{value}'.", nameof(value)),
    };

    private static readonly string[] KnownWorkloads = ["W1", "W2", "W3", "W4", "W5"];

    private static readonly string[] KnownEngines =
    [
        EngineNames.SalesKpi, EngineNames.SalesKpiSerial, EngineNames.HandLoop, EngineNames.SalesKpiDomain,
        EngineNames.SalesKpiDomainParallel, EngineNames.HandLoopDomain, EngineNames.Linq, EngineNames.DuckDb,
    ];

    /// <summary>Returns <paramref name="names"/>, or throws naming the option and the first name it does not know.</summary>
    private static HashSet<string> Known(HashSet<string> names, string option, string[] known)
    {
        foreach (string name in names)
        {
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{option} has an unknown name '{name}'; known: {string.Join(",", known)}.", nameof(names));
            }
        }

        return names;
    }

    private static HashSet<string> Set(string list) =>
        new(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}
