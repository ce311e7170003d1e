using System;
using System.Collections.Generic;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// The engine names printed in the CSV. The first three read the same struct arrays: the activities as the domain
/// holds them (<see cref="SalesActivity"/> is a value type), the leads and deals projected once into compact values
/// (<see cref="LeadRow"/>, <see cref="DealRow"/>; with business dates resolved at load, also the activities, as
/// <see cref="ActivityDayRow"/>), as DuckDB reads the tables it loaded.
/// </summary>
internal static class EngineNames
{
    /// <summary>The library over the struct arrays, its parallel evaluation with the default partitions (one per core), as DuckDB uses every core.</summary>
    public const string SalesKpi = "saleskpi";

    /// <summary>The library over the struct arrays, one thread.</summary>
    public const string SalesKpiSerial = "saleskpi_serial";

    /// <summary>Hand-written single-thread loops over the struct arrays.</summary>
    public const string HandLoop = "handloop";

    /// <summary>The library over the domain types as they are (lead and deal objects), one thread; only where they differ from the struct arrays.</summary>
    public const string SalesKpiDomain = "saleskpi_domain";

    /// <summary>The same on every core.</summary>
    public const string SalesKpiDomainParallel = "saleskpi_domain_parallel";

    /// <summary>Hand-written single-thread loops over the domain types.</summary>
    public const string HandLoopDomain = "handloop_domain";

    /// <summary>LINQ over the domain types.</summary>
    public const string Linq = "linq";

    /// <summary>DuckDB in process on every core, the data loaded beforehand.</summary>
    public const string DuckDb = "duckdb";

    /// <summary>Loading DuckDB, once (not part of any workload's time).</summary>
    public const string DuckDbLoad = "duckdb_load";

    /// <summary>Projecting the leads and deals (and, with business dates at load, the activities) into compact values, once (not part of any workload's time).</summary>
    public const string RowsLoad = "rows_load";
}

/// <summary>
/// The forms of a workload's results, by the facts and the code that made them, for decoding them into the canonical
/// form (several engines share a form).
/// </summary>
internal static class Forms
{
    /// <summary>The library over the domain types.</summary>
    public const string SalesKpi = "saleskpi_domain";

    /// <summary>The same, parallel.</summary>
    public const string SalesKpiParallel = "saleskpi_domain_parallel";

    /// <summary>The library over compact values.</summary>
    public const string SalesKpiRows = "saleskpi_rows";

    /// <summary>The same, parallel.</summary>
    public const string SalesKpiRowsParallel = "saleskpi_rows_parallel";

    /// <summary>A hand loop over the domain types.</summary>
    public const string HandLoop = "handloop_domain";

    /// <summary>A hand loop over compact values.</summary>
    public const string HandLoopRows = "handloop_rows";

    /// <summary>LINQ.</summary>
    public const string Linq = EngineNames.Linq;

    /// <summary>DuckDB.</summary>
    public const string DuckDb = EngineNames.DuckDb;
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

    /// <summary>
    /// The engines of this workload. The struct arrays are the compact values where the workload has them for the
    /// dataset's date mode, otherwise the domain's own activity values (then there are no separate domain engines).
    /// </summary>
    public IReadOnlyList<EngineRun> Engines(Dataset data, DuckDbStore? duckDb)
    {
        bool rows = UsesRows(data);
        var runs = new List<EngineRun>
        {
            Engine(data, EngineNames.SalesKpi, rows ? Forms.SalesKpiRowsParallel : Forms.SalesKpiParallel, rows ? () => SalesKpiRows(data, parallel: true) : () => SalesKpiParallel(data)),
            Engine(data, EngineNames.SalesKpiSerial, rows ? Forms.SalesKpiRows : Forms.SalesKpi, rows ? () => SalesKpiRows(data, parallel: false) : () => SalesKpi(data)),
            Engine(data, EngineNames.HandLoop, rows ? Forms.HandLoopRows : Forms.HandLoop, rows ? () => HandLoopRows(data) : () => HandLoop(data)),
        };
        if (rows)
        {
            runs.Add(Engine(data, EngineNames.SalesKpiDomain, Forms.SalesKpi, () => SalesKpi(data)));
            runs.Add(Engine(data, EngineNames.SalesKpiDomainParallel, Forms.SalesKpiParallel, () => SalesKpiParallel(data)));
            runs.Add(Engine(data, EngineNames.HandLoopDomain, Forms.HandLoop, () => HandLoop(data)));
        }

        runs.Add(Engine(data, EngineNames.Linq, Forms.Linq, () => Linq(data)));
        if (duckDb is not null)
        {
            runs.Add(Engine(data, EngineNames.DuckDb, Forms.DuckDb, () => DuckDb(data, duckDb)));
        }

        return runs;
    }

    /// <summary>Whether the struct-array engines read compact values (not the domain's activity values) for the dataset's date mode.</summary>
    public bool UsesRows(Dataset data) => HasRows && (data.RowsHaveDays || !RowsNeedDays);

    private EngineRun Engine(Dataset data, string engine, string form, Func<object> run) => new(engine, run, r => Canonical(data, form, r));

    public abstract object SalesKpi(Dataset data);

    /// <summary>The library's parallel evaluation (the default partitions, one per core), in the same form as <see cref="SalesKpi"/>.</summary>
    public abstract object SalesKpiParallel(Dataset data);

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
