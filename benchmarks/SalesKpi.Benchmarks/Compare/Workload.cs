using System;
using System.Collections.Generic;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>The engine names printed in the CSV.</summary>
internal static class EngineNames
{
    public const string SalesKpi = "saleskpi";

    /// <summary>The library's parallel evaluation on both cores; only where a workload has it, and only when asked for.</summary>
    public const string SalesKpiParallel = "saleskpi_parallel";

    /// <summary>The library over deals and leads projected into compact values (<see cref="DealRow"/>, <see cref="LeadRow"/>), one thread; only where a workload has it, and only when asked for.</summary>
    public const string SalesKpiRows = "saleskpi_rows";

    /// <summary>The same on both cores.</summary>
    public const string SalesKpiRowsParallel = "saleskpi_rows_parallel";

    /// <summary>A hand loop over the same compact values.</summary>
    public const string HandLoopRows = "handloop_rows";

    /// <summary>Projecting the deals and leads into compact values, once (not part of any workload's time).</summary>
    public const string RowsLoad = "rows_load";

    /// <summary>Whether an engine runs only when named in <c>--engines</c>.</summary>
    public static bool IsOptIn(string engine) => engine is SalesKpiParallel or SalesKpiRows or SalesKpiRowsParallel or HandLoopRows;

    /// <summary>Whether an engine reads the compact deal values.</summary>
    public static bool ReadsRows(string engine) => engine is SalesKpiRows or SalesKpiRowsParallel or HandLoopRows;
    public const string HandLoop = "handloop";
    public const string Linq = "linq";
    public const string DuckDb = "duckdb";
    public const string DuckDbLoad = "duckdb_load";
}

/// <summary>
/// One engine's implementation of a workload: <see cref="Run"/> computes the result in the engine's natural form
/// (timed); <see cref="ToResultSet"/> turns it into the canonical form for the agreement check (not timed).
/// </summary>
internal sealed record EngineRun(string Engine, Func<object> Run, Func<object, ResultSet> ToResultSet);

/// <summary>A workload of the comparison, with one implementation per engine side by side.</summary>
internal abstract class Workload
{
    public abstract string Name { get; }

    public abstract string Title { get; }

    public IReadOnlyList<EngineRun> Engines(Dataset data, DuckDbStore? duckDb)
    {
        var runs = new List<EngineRun>
        {
            new(EngineNames.SalesKpi, () => SalesKpi(data), r => Canonical(data, EngineNames.SalesKpi, r)),
            new(EngineNames.HandLoop, () => HandLoop(data), r => Canonical(data, EngineNames.HandLoop, r)),
            new(EngineNames.Linq, () => Linq(data), r => Canonical(data, EngineNames.Linq, r)),
        };
        if (HasSalesKpiParallel)
        {
            runs.Add(new(EngineNames.SalesKpiParallel, () => SalesKpiParallel(data), r => Canonical(data, EngineNames.SalesKpiParallel, r)));
        }

        if (HasRows && (data.RowsHaveDays || !RowsNeedDays))
        {
            runs.Add(new(EngineNames.SalesKpiRows, () => SalesKpiRows(data, parallel: false), r => Canonical(data, EngineNames.SalesKpiRows, r)));
            runs.Add(new(EngineNames.SalesKpiRowsParallel, () => SalesKpiRows(data, parallel: true), r => Canonical(data, EngineNames.SalesKpiRowsParallel, r)));
            runs.Add(new(EngineNames.HandLoopRows, () => HandLoopRows(data), r => Canonical(data, EngineNames.HandLoopRows, r)));
        }

        if (duckDb is not null)
        {
            runs.Add(new(EngineNames.DuckDb, () => DuckDb(data, duckDb), r => Canonical(data, EngineNames.DuckDb, r)));
        }

        return runs;
    }

    public abstract object SalesKpi(Dataset data);

    /// <summary>Gets a value indicating whether the workload has a parallel library evaluation.</summary>
    public virtual bool HasSalesKpiParallel => false;

    /// <summary>The library's evaluation on both cores, in the same form as <see cref="SalesKpi"/>.</summary>
    public virtual object SalesKpiParallel(Dataset data) => throw new NotSupportedException($"{Name} has no parallel library evaluation.");

    /// <summary>Gets a value indicating whether the workload has engines over <see cref="Dataset.DealRows"/> or <see cref="Dataset.LeadRows"/>.</summary>
    public virtual bool HasRows => false;

    /// <summary>Gets whether the workload's rows engines exist only over rows with business dates resolved at load (activity workloads).</summary>
    public virtual bool RowsNeedDays => false;

    /// <summary>The library over the compact rows, in the same form as <see cref="SalesKpi"/>.</summary>
    public virtual object SalesKpiRows(Dataset data, bool parallel) => throw new NotSupportedException($"{Name} has no engine over compact rows.");

    /// <summary>A hand loop over the compact rows, in the same form as <see cref="HandLoop"/>.</summary>
    public virtual object HandLoopRows(Dataset data) => throw new NotSupportedException($"{Name} has no engine over compact rows.");

    public abstract object HandLoop(Dataset data);

    public abstract object Linq(Dataset data);

    public abstract object DuckDb(Dataset data, DuckDbStore db);

    protected abstract ResultSet Canonical(Dataset data, string engine, object result);
}
