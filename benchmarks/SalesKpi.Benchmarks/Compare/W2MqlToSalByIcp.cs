using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// W2: MQL → SAL conversion by (industry, employee band), cohort basis, unique leads: a lead's trial is its first
/// MQL entry at or before as-of; it converts when it enters SAL within 30 days after that entry (both ends inclusive,
/// at or before as-of); an unconverted trial whose window is still open at as-of is censored.
/// Result per (industry, band): trials, successes, censored.
/// </summary>
internal sealed class W2MqlToSalByIcp : Workload
{
    private static readonly Duration Window = Duration.FromDays(30);

    /// <summary>Stands for an unknown employee count: a group key cannot be a nullable value (the key type must be notnull).</summary>
    private static EmployeeBand UnknownBand => default;

    private static readonly TableShape Shape = TableShape.Of("mql_to_sal", ["industry", "band"], ["trials", "successes", "censored"]);

    private static readonly Metric<Lead, (string Industry, EmployeeBand Band)> MqlToSal =
        Metric.Conversion<Lead, StageChange<LeadStage>>(
                l => l.StageHistory,
                s => s.At,
                s => s.Stage == LeadStage.Mql,
                s => s.Stage == LeadStage.Sal,
                Window)
            .By(l => l.Profile.Industry ?? string.Empty)
            .ThenBy(l => l.Profile.EmployeeBand ?? UnknownBand);

    // The same over compact lead values, their stage changes read by a value type and grouped by a value-type key of the
    // industry's code and the band's index.
    internal static readonly Metric<LeadRow, (int Industry, int Band)> MqlToSalRows =
        Metric.Conversion<LeadRow, StageRow, MqlToSalStages>(default, Window, ConversionBasis.Cohort, ConversionCounting.UniqueEntities)
            .By(LeadRowSelectors.IndustryAndBand);

    // The same with delegates (compare-breakdown times both).
    internal static readonly Metric<LeadRow, (int Industry, int Band)> MqlToSalRowsByDelegates =
        Metric.Conversion<LeadRow, StageRow>(
                l => l.History,
                s => Instant.FromUnixTimeTicks(s.Ticks),
                s => s.Stage == LeadStage.Mql,
                s => s.Stage == LeadStage.Sal,
                Window)
            .By(LeadRowSelectors.IndustryAndBand);

    private readonly struct MqlToSalStages : IConversionEvents<LeadRow, StageRow>
    {
        public ReadOnlySpan<StageRow> EventsOf(in LeadRow fact) => fact.History;

        public Instant TimeOf(in StageRow e) => Instant.FromUnixTimeTicks(e.Ticks);

        public bool IsFrom(in StageRow e) => e.Stage == LeadStage.Mql;

        public bool IsTo(in StageRow e) => e.Stage == LeadStage.Sal;
    }

    public override string Name => "W2";

    public override string Title => "MQL -> SAL conversion within 30 days by (industry, employee band)";

    public override object SalesKpi(Dataset data) => MqlToSal.Evaluate(data.Leads, data.LeadOptions);

    public override object SalesKpiParallel(Dataset data) => MqlToSal.EvaluateParallel(data.Leads, data.LeadOptions);

    public override bool HasRows => true;

    public override object SalesKpiRows(Dataset data, bool parallel) =>
        parallel ? MqlToSalRows.EvaluateParallel(data.LeadRows, data.LeadRowOptions) : MqlToSalRows.Evaluate(data.LeadRows, data.LeadRowOptions);

    public override object HandLoopRows(Dataset data)
    {
        IcpBands.EnsureContiguous();
        int bands = IcpBands.LowerBounds.Length + 1;
        long asOf = data.AsOf.ToUnixTimeTicks();
        long window = Window.BclCompatibleTicks;
        var counters = new long[data.Industries.Length * bands * 3];
        foreach (ref readonly var lead in data.LeadRows.AsSpan())
        {
            var history = lead.History;
            long mql = long.MaxValue;
            foreach (var change in history)
            {
                if (change.Stage == LeadStage.Mql && change.Ticks <= asOf && change.Ticks < mql)
                {
                    mql = change.Ticks;
                }
            }

            if (mql == long.MaxValue)
            {
                continue;
            }

            bool converted = false;
            for (int i = 0; i < history.Length && !converted; i++)
            {
                long t = history[i].Ticks;
                converted = history[i].Stage == LeadStage.Sal && t >= mql && t - mql <= window && t <= asOf;
            }

            int cell = ((lead.Industry * bands) + lead.Band + 1) * 3;
            counters[cell]++;
            if (converted)
            {
                counters[cell + 1]++;
            }
            else if (mql + window > asOf)
            {
                counters[cell + 2]++;
            }
        }

        return counters;
    }

    public override object HandLoop(Dataset data)
    {
        IcpBands.EnsureContiguous();
        int bands = IcpBands.LowerBounds.Length + 1;
        long asOf = data.AsOf.ToUnixTimeTicks();
        long window = Window.BclCompatibleTicks;
        var industries = new Dictionary<string, int>(StringComparer.Ordinal);
        var counters = new long[64 * bands * 3];
        foreach (var lead in data.Leads)
        {
            var history = lead.StageHistory;
            long mql = long.MaxValue;
            for (int i = 0; i < history.Count; i++)
            {
                var change = history[i];
                long t = change.At.ToUnixTimeTicks();
                if (change.Stage == LeadStage.Mql && t <= asOf && t < mql)
                {
                    mql = t;
                }
            }

            if (mql == long.MaxValue)
            {
                continue;
            }

            bool converted = false;
            for (int i = 0; i < history.Count && !converted; i++)
            {
                var change = history[i];
                long t = change.At.ToUnixTimeTicks();
                converted = change.Stage == LeadStage.Sal && t >= mql && t - mql <= window && t <= asOf;
            }

            var profile = lead.Profile;
            string industry = profile.Industry ?? string.Empty;
            if (!industries.TryGetValue(industry, out int ind))
            {
                ind = industries.Count;
                industries.Add(industry, ind);
                if ((ind + 1) * bands * 3 > counters.Length)
                {
                    Array.Resize(ref counters, counters.Length * 2);
                }
            }

            int band = profile.EmployeeCount is int employees ? IcpBands.IndexOf(employees) : -1;
            int cell = ((ind * bands) + band + 1) * 3;
            counters[cell]++;
            if (converted)
            {
                counters[cell + 1]++;
            }
            else if (mql + window > asOf)
            {
                counters[cell + 2]++;
            }
        }

        return (industries, counters);
    }

    public override object Linq(Dataset data)
    {
        var asOf = data.AsOf;
        return data.Leads
            .Select(l => (Lead: l, Mql: l.StageHistory.Where(s => s.Stage == LeadStage.Mql && s.At <= asOf).Select(s => (Instant?)s.At).Min()))
            .Where(x => x.Mql is not null)
            .Select(x => (
                Industry: x.Lead.Profile.Industry ?? string.Empty,
                Band: x.Lead.Profile.EmployeeBand,
                Converted: x.Lead.StageHistory.Any(s => s.Stage == LeadStage.Sal && s.At >= x.Mql && s.At <= x.Mql + Window && s.At <= asOf),
                WindowOpen: x.Mql + Window > asOf))
            .GroupBy(x => (x.Industry, x.Band))
            .Select(g => (g.Key, Trials: g.Count(), Successes: g.Count(x => x.Converted), Censored: g.Count(x => !x.Converted && x.WindowOpen)))
            .ToList();
    }

    public override object DuckDb(Dataset data, DuckDbStore db)
    {
        long asOf = data.AsOf.ToUnixTimeTicks();
        long window = Window.BclCompatibleTicks;
        var rows = new List<(string Industry, int Band, long Trials, long Successes, long Censored)>();
        using var reader = db.Query(string.Create(CultureInfo.InvariantCulture, $"""
            WITH firsts AS (
                SELECT lead, min(entered_at) AS mql FROM lead_stages WHERE stage = {(int)LeadStage.Mql} AND entered_at <= {asOf} GROUP BY lead),
            conv AS (
                SELECT f.lead, f.mql,
                       bool_or(s.stage = {(int)LeadStage.Sal} AND s.entered_at >= f.mql AND s.entered_at - f.mql <= {window} AND s.entered_at <= {asOf}) AS converted
                FROM firsts f JOIN lead_stages s ON s.lead = f.lead
                GROUP BY f.lead, f.mql)
            SELECT coalesce(l.industry, '') AS industry, {IcpBands.SqlCase("l.employees")} AS band,
                   count(*) AS trials,
                   count(*) FILTER (WHERE c.converted) AS successes,
                   count(*) FILTER (WHERE NOT c.converted AND c.mql + {window} > {asOf}) AS censored
            FROM conv c JOIN leads l ON l.lead = c.lead
            GROUP BY ALL
            """));
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return rows;
    }

    protected override ResultSet Canonical(Dataset data, string engine, object result)
    {
        var set = new ResultSet();
        var rows = set.Table(Shape);
        switch (engine)
        {
            case Forms.SalesKpi or Forms.SalesKpiParallel:
                foreach (var cell in (KpiTable<(string Industry, EmployeeBand Band)>)result)
                {
                    var v = cell.Value;
                    rows.Add(Row(data.IndustryIds[cell.Key.Industry], cell.Key.Band == UnknownBand ? -1 : cell.Key.Band.Min, (long)v.Denominator!.Value, (long)v.Numerator!.Value, v.Censored));
                }

                break;

            case Forms.SalesKpiRows or Forms.SalesKpiRowsParallel:
                foreach (var cell in (KpiTable<(int Industry, int Band)>)result)
                {
                    var v = cell.Value;
                    rows.Add(Row(cell.Key.Industry, IcpBands.KeyOfIndex(cell.Key.Band), (long)v.Denominator!.Value, (long)v.Numerator!.Value, v.Censored));
                }

                break;

            case Forms.HandLoopRows:
                var dense = (long[])result;
                int bandCount = IcpBands.LowerBounds.Length + 1;
                for (int cell = 0; cell < dense.Length; cell += 3)
                {
                    if (dense[cell] > 0)
                    {
                        int slot = cell / 3;
                        rows.Add(Row(slot / bandCount, IcpBands.KeyOfIndex((slot % bandCount) - 1), dense[cell], dense[cell + 1], dense[cell + 2]));
                    }
                }

                break;

            case Forms.HandLoop:
                var (industries, counters) = ((Dictionary<string, int>, long[]))result;
                int bands = IcpBands.LowerBounds.Length + 1;
                foreach (var (industry, ind) in industries)
                {
                    for (int b = 0; b < bands; b++)
                    {
                        int cell = ((ind * bands) + b) * 3;
                        if (counters[cell] > 0)
                        {
                            rows.Add(Row(data.IndustryIds[industry], IcpBands.KeyOfIndex(b - 1), counters[cell], counters[cell + 1], counters[cell + 2]));
                        }
                    }
                }

                break;

            case Forms.Linq:
                foreach (var g in (List<((string Industry, EmployeeBand? Band) Key, int Trials, int Successes, int Censored)>)result)
                {
                    rows.Add(Row(data.IndustryIds[g.Key.Industry], IcpBands.KeyOf(g.Key.Band), g.Trials, g.Successes, g.Censored));
                }

                break;

            default:
                foreach (var r in (List<(string Industry, int Band, long Trials, long Successes, long Censored)>)result)
                {
                    rows.Add(Row(data.IndustryIds[r.Industry], r.Band, r.Trials, r.Successes, r.Censored));
                }

                break;
        }

        return set;
    }

    private static ResultRow Row(long industry, long band, long trials, long successes, long censored)
    {
        var row = default(ResultRow);
        row.Keys[0] = industry;
        row.Keys[1] = band;
        row.Integers[0] = trials;
        row.Integers[1] = successes;
        row.Integers[2] = censored;
        return row;
    }
}
