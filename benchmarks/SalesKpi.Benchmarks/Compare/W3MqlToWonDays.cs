using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// W3: median (R type 7: the mean of the middle two for an even count) and mean days from MQL to won per country.
/// A lead counts when its first MQL entry and its first Customer entry (the lead's win) are at or before as-of and the
/// win is not before the MQL; days are elapsed days (ticks ÷ ticks per day). Result per country: n, median, mean.
/// </summary>
internal sealed class W3MqlToWonDays : Workload
{
    private static readonly TableShape Shape = TableShape.Of("mql_to_won_days", ["country"], ["leads"], reals: ["median_days", "mean_days"]);

    public override string Name => "W3";

    public override string Title => "median and mean days MQL -> won per country";

    public override object SalesKpi(Dataset data) => Evaluate(data, parallel: false);

    public override object SalesKpiParallel(Dataset data) => Evaluate(data, parallel: true);

    private static (KpiTable<string> Median, KpiTable<string> Mean) Evaluate(Dataset data, bool parallel)
    {
        var asOf = data.AsOf;
        double? DaysToWon(Lead lead) =>
            lead.FirstEntry(LeadStage.Mql) is Instant mql && lead.FirstEntry(LeadStage.Customer) is Instant won
                && mql <= asOf && won <= asOf && won >= mql
                ? (won - mql).TotalDays
                : null;

        // The same filter and country selector instances: one pass evaluates both statistics.
        Func<Lead, double> days = l => DaysToWon(l)!.Value;
        Func<Lead, bool> won = l => DaysToWon(l) is not null;
        Func<Lead, string> country = l => l.Profile.Country ?? string.Empty;
        Metric<Lead, string>[] metrics = [Metric.Median(days).Where(won).By(country), Metric.Mean(days).Where(won).By(country)];
        var tables = parallel ? Metric.EvaluateAllParallel(data.Leads, null, 0, metrics) : Metric.EvaluateAll(data.Leads, null, metrics);
        return (tables[0], tables[1]);
    }

    public override bool HasRows => true;

    public override object SalesKpiRows(Dataset data, bool parallel)
    {
        long asOf = data.AsOf.ToUnixTimeTicks();
        double? DaysToWon(in LeadRow lead) =>
            FirstEntries(lead.History, out long mql, out long won) && mql <= asOf && won <= asOf && won >= mql
                ? (won - mql) / (double)Dataset.TicksPerDay
                : null;

        Func<LeadRow, double> days = l => DaysToWon(l)!.Value;
        Func<LeadRow, bool> won = l => DaysToWon(l) is not null;
        Metric<LeadRow, int>[] metrics = [Metric.Median(days).Where(won).By(LeadRowSelectors.Country), Metric.Mean(days).Where(won).By(LeadRowSelectors.Country)];
        var tables = parallel ? Metric.EvaluateAllParallel(data.LeadRows, null, 0, metrics) : Metric.EvaluateAll(data.LeadRows, null, metrics);
        return (tables[0], tables[1]);
    }

    public override object HandLoopRows(Dataset data)
    {
        long asOf = data.AsOf.ToUnixTimeTicks();
        var samples = new List<double>[data.Countries.Length];
        var sums = new double[data.Countries.Length];
        foreach (ref readonly var lead in data.LeadRows.AsSpan())
        {
            if (!FirstEntries(lead.History, out long mql, out long won) || mql > asOf || won > asOf || won < mql)
            {
                continue;
            }

            double days = (won - mql) / (double)Dataset.TicksPerDay;
            (samples[lead.Country] ??= []).Add(days);
            sums[lead.Country] += days;
        }

        var result = new List<(string Country, int N, double Median, double Mean)>();
        for (int c = 0; c < samples.Length; c++)
        {
            if (samples[c] is { } values)
            {
                values.Sort();
                result.Add((data.Countries[c], values.Count, MedianOfSorted(values), sums[c] / values.Count));
            }
        }

        return result;
    }

    /// <summary>The first MQL and first Customer entries of a compact history; false when either is missing.</summary>
    private static bool FirstEntries(StageRow[] history, out long mql, out long won)
    {
        mql = long.MaxValue;
        won = long.MaxValue;
        foreach (var change in history)
        {
            if (change.Stage == LeadStage.Mql && change.Ticks < mql)
            {
                mql = change.Ticks;
            }
            else if (change.Stage == LeadStage.Customer && change.Ticks < won)
            {
                won = change.Ticks;
            }
        }

        return mql != long.MaxValue && won != long.MaxValue;
    }

    public override object HandLoop(Dataset data)
    {
        long asOf = data.AsOf.ToUnixTimeTicks();
        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = new List<List<double>>();
        var sums = new List<double>();
        foreach (var lead in data.Leads)
        {
            var history = lead.StageHistory;
            long mql = long.MaxValue;
            long won = long.MaxValue;
            for (int i = 0; i < history.Count; i++)
            {
                var change = history[i];
                long t = change.At.ToUnixTimeTicks();
                if (change.Stage == LeadStage.Mql && t < mql)
                {
                    mql = t;
                }
                else if (change.Stage == LeadStage.Customer && t < won)
                {
                    won = t;
                }
            }

            if (mql > asOf || won > asOf || won < mql)
            {
                continue;
            }

            string country = lead.Profile.Country ?? string.Empty;
            if (!countries.TryGetValue(country, out int c))
            {
                c = countries.Count;
                countries.Add(country, c);
                samples.Add([]);
                sums.Add(0);
            }

            double days = (won - mql) / (double)Dataset.TicksPerDay;
            samples[c].Add(days);
            sums[c] += days;
        }

        var result = new List<(string Country, int N, double Median, double Mean)>(countries.Count);
        foreach (var (country, c) in countries)
        {
            var values = samples[c];
            values.Sort();
            result.Add((country, values.Count, MedianOfSorted(values), sums[c] / values.Count));
        }

        return result;
    }

    public override object Linq(Dataset data)
    {
        var asOf = data.AsOf;
        return data.Leads
            .Select(l => (
                Country: l.Profile.Country ?? string.Empty,
                Mql: l.StageHistory.Where(s => s.Stage == LeadStage.Mql).Select(s => (Instant?)s.At).Min(),
                Won: l.StageHistory.Where(s => s.Stage == LeadStage.Customer).Select(s => (Instant?)s.At).Min()))
            .Where(x => x.Mql <= asOf && x.Won <= asOf && x.Won >= x.Mql)
            .Select(x => (x.Country, Days: (x.Won!.Value - x.Mql!.Value).TotalDays))
            .GroupBy(x => x.Country, x => x.Days)
            .Select(g =>
            {
                var sorted = g.Order().ToList();
                return (Country: g.Key, N: sorted.Count, Median: MedianOfSorted(sorted), Mean: g.Average());
            })
            .ToList();
    }

    public override object DuckDb(Dataset data, DuckDbStore db)
    {
        long asOf = data.AsOf.ToUnixTimeTicks();
        var rows = new List<(string Country, long N, double Median, double Mean)>();
        using var reader = db.Query(string.Create(CultureInfo.InvariantCulture, $"""
            WITH firsts AS (
                SELECT lead,
                       min(entered_at) FILTER (WHERE stage = {(int)LeadStage.Mql}) AS mql,
                       min(entered_at) FILTER (WHERE stage = {(int)LeadStage.Customer}) AS won
                FROM lead_stages
                WHERE stage IN ({(int)LeadStage.Mql}, {(int)LeadStage.Customer})
                GROUP BY lead),
            days AS (
                SELECT l.country, (f.won - f.mql) / {Dataset.TicksPerDay}.0 AS days
                FROM firsts f JOIN leads l ON l.lead = f.lead
                WHERE f.mql <= {asOf} AND f.won <= {asOf} AND f.won >= f.mql)
            SELECT coalesce(country, '') AS country, count(*) AS n, median(days) AS median_days, avg(days) AS mean_days
            FROM days
            GROUP BY ALL
            """));
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3)));
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
                var (median, mean) = ((KpiTable<string>, KpiTable<string>))result;
                foreach (var cell in median)
                {
                    rows.Add(Row(data.CountryIds[cell.Key], cell.Value.Count, cell.Value.Value ?? double.NaN, mean[cell.Key].Value ?? double.NaN));
                }

                break;

            case Forms.SalesKpiRows or Forms.SalesKpiRowsParallel:
                var (medianRows, meanRows) = ((KpiTable<int>, KpiTable<int>))result;
                foreach (var cell in medianRows)
                {
                    rows.Add(Row(cell.Key, cell.Value.Count, cell.Value.Value ?? double.NaN, meanRows[cell.Key].Value ?? double.NaN));
                }

                break;

            case Forms.HandLoop:
            case Forms.HandLoopRows:
            case Forms.Linq:
                foreach (var r in (List<(string Country, int N, double Median, double Mean)>)result)
                {
                    rows.Add(Row(data.CountryIds[r.Country], r.N, r.Median, r.Mean));
                }

                break;

            default:
                foreach (var r in (List<(string Country, long N, double Median, double Mean)>)result)
                {
                    rows.Add(Row(data.CountryIds[r.Country], r.N, r.Median, r.Mean));
                }

                break;
        }

        return set;
    }

    private static double MedianOfSorted(List<double> sorted)
    {
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

    private static ResultRow Row(long country, long n, double median, double mean)
    {
        var row = default(ResultRow);
        row.Keys[0] = country;
        row.Integers[0] = n;
        row.Reals[0] = median;
        row.Reals[1] = mean;
        return row;
    }
}
