using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// W4: won amount per rep (the deal's owner) per month (the close date in the owner's home zone) and its 3-month
/// moving average (this month and the two before, months without wins counting 0, divided by 3). Rows: every rep with
/// a win × every month from the first to the last month with any win.
/// Result per (rep, month): won amount, won deals, 3-month won amount, moving average.
/// </summary>
internal sealed class W4MonthlyWonMovingAverage : Workload
{
    private static readonly TableShape Shape = TableShape.Of("monthly_won", ["rep", "month"], ["won_deals"], ["won_amount", "won_amount_3m"], ["moving_average"]);

    // Each fact form's two lines, the monthly won amount and its 3-month rolling sum (both filled), in one shared pass.
    private static readonly Metric<Deal, RepId>[] Lines = LinesOf(
        Metric.Sum<Deal>(d => d.Amount!.Value, Currency.Usd)
            .Where(d => d.IsWon)
            .By(d => d.Owner)
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, d => d.Outcome.ClosedAt!.Value));

    // The same over compact deal values, with value-type filter, key and time selectors.
    private static readonly Metric<DealRow, RepId>[] RowLines = LinesOf(
        Metric.Sum<DealRow>(d => d.Amount)
            .Where(default(DealRowSelectors.Won))
            .By(DealRowSelectors.Owner)
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Month, default(DealRowSelectors.Closed)));

    // The same over deal values whose close dates were resolved at load: placed by date, no zone consulted.
    private static readonly Metric<DealDayRow, RepId>[] DayRowLines = LinesOf(
        Metric.Sum<DealDayRow>(d => d.Amount)
            .Where(default(DealDayRowSelectors.Won))
            .By(DealDayRowSelectors.Owner)
            .PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Month, default(DealDayRowSelectors.ClosedDay)));

    public override string Name => "W4";

    public override string Title => "monthly won amount per rep and its 3-month moving average";

    public override object SalesKpi(Dataset data) =>
        // One pass: both are the same monthly sum, finished differently.
        WithMovingAverage(Metric.EvaluateAll(data.Deals, data.DealOptions, Lines));

    public override object SalesKpiParallel(Dataset data) => WithMovingAverage(Metric.EvaluateAllParallel(data.Deals, data.DealOptions, 0, Lines));

    public override bool HasRows => true;

    public override object SalesKpiRows(Dataset data, bool parallel) => WithMovingAverage(
        data.RowsHaveDays
            ? (parallel
                ? Metric.EvaluateAllParallel(data.DealDayRows, null, 0, DayRowLines)
                : Metric.EvaluateAll(data.DealDayRows, null, DayRowLines))
            : (parallel
                ? Metric.EvaluateAllParallel(data.DealRows, data.DealRowOptions, 0, RowLines)
                : Metric.EvaluateAll(data.DealRows, data.DealRowOptions, RowLines)));

    private static Metric<TFact, RepId>[] LinesOf<TFact>(Metric<TFact, RepId> wonPerRepMonth) =>
        [wonPerRepMonth.FillEmpty(), wonPerRepMonth.Rolling(3).FillEmpty()];

    private static (KpiTable<RepId> Monthly, KpiTable<RepId> ThreeMonths, decimal[] MovingAverage) WithMovingAverage(KpiTable<RepId>[] tables)
    {
        var (monthly, threeMonths) = (tables[0], tables[1]);
        var cells = threeMonths.Cells;
        var movingAverage = new decimal[cells.Count];
        for (int i = 0; i < movingAverage.Length; i++)
        {
            movingAverage[i] = cells[i].Value.ExactValue!.Value / 3m;
        }

        return (monthly, threeMonths, movingAverage);
    }

    public override object HandLoop(Dataset data)
    {
        // Months are counted from a year before the period; the span covers any close date within a year either side.
        int baseMonth = MonthNumber(data.Start) - 12;
        int span = (MonthNumber(data.End) - baseMonth) + 12;
        int reps = data.Reps.Length;
        var amount = new decimal[reps * span];
        var count = new int[reps * span];
        var zoneDays = new ZoneDays(data.Zones);
        var zoneOfRep = data.ZoneIndexOfRep;
        int first = int.MaxValue;
        int last = int.MinValue;
        foreach (var deal in data.Deals)
        {
            if (!deal.IsWon)
            {
                continue;
            }

            int owner = deal.Owner.Value;
            int day = zoneDays.UnixDay(zoneOfRep[owner], deal.Outcome.ClosedAt!.Value.ToUnixTimeTicks());
            var date = DateOnly.FromDayNumber(day + Dataset.UnixEpochDayNumber);
            int month = (date.Year * 12) + date.Month - 1 - baseMonth;
            if ((uint)month >= (uint)span)
            {
                throw new InvalidOperationException($"Deal {deal.Id} closed more than a year outside the period.");
            }

            int cell = (owner * span) + month;
            amount[cell] += deal.Amount!.Value.Amount;
            count[cell]++;
            first = Math.Min(first, month);
            last = Math.Max(last, month);
        }

        return Finish(baseMonth, span, first, last, reps, amount, count);
    }

    public override object HandLoopRows(Dataset data)
    {
        int baseMonth = MonthNumber(data.Start) - 12;
        int span = (MonthNumber(data.End) - baseMonth) + 12;
        int reps = data.Reps.Length;
        var amount = new decimal[reps * span];
        var count = new int[reps * span];
        int first = int.MaxValue;
        int last = int.MinValue;
        // Two copies of one loop, so that each stays as tight as the loop over deal objects.
        if (data.RowsHaveDays)
        {
            foreach (ref readonly var deal in data.DealDayRows.AsSpan())
            {
                if (deal.Status != DealStatus.Won)
                {
                    continue;
                }

                int owner = deal.Owner.Value;
                int month = MonthOfDay(deal.ClosedDay) - baseMonth;
                if ((uint)month >= (uint)span)
                {
                    throw new InvalidOperationException($"A deal of rep {owner} closed more than a year outside the period.");
                }

                int cell = (owner * span) + month;
                amount[cell] += deal.Amount;
                count[cell]++;
                first = Math.Min(first, month);
                last = Math.Max(last, month);
            }
        }
        else
        {
            var zoneDays = new ZoneDays(data.Zones);
            var zoneOfRep = data.ZoneIndexOfRep;
            foreach (ref readonly var deal in data.DealRows.AsSpan())
            {
                if (deal.Status != DealStatus.Won)
                {
                    continue;
                }

                int owner = deal.Owner.Value;
                int month = MonthOfDay(zoneDays.UnixDay(zoneOfRep[owner], deal.ClosedTicks)) - baseMonth;
                if ((uint)month >= (uint)span)
                {
                    throw new InvalidOperationException($"A deal of rep {owner} closed more than a year outside the period.");
                }

                int cell = (owner * span) + month;
                amount[cell] += deal.Amount;
                count[cell]++;
                first = Math.Min(first, month);
                last = Math.Max(last, month);
            }
        }

        return Finish(baseMonth, span, first, last, reps, amount, count);
    }

    /// <summary>The month number (year × 12 + month − 1) of a day since 1970-01-01.</summary>
    private static int MonthOfDay(int unixDay)
    {
        var date = DateOnly.FromDayNumber(unixDay + Dataset.UnixEpochDayNumber);
        return (date.Year * 12) + date.Month - 1;
    }

    private static HandResult Finish(int baseMonth, int span, int first, int last, int reps, decimal[] amount, int[] count)
    {
        int months = last - first + 1;
        var threeMonths = new decimal[amount.Length];
        var movingAverage = new decimal[amount.Length];
        for (int rep = 0; rep < reps; rep++)
        {
            int row = rep * span;
            for (int m = first; m <= last; m++)
            {
                decimal sum = amount[row + m];
                if (m - 1 >= first)
                {
                    sum += amount[row + m - 1];
                }

                if (m - 2 >= first)
                {
                    sum += amount[row + m - 2];
                }

                threeMonths[row + m] = sum;
                movingAverage[row + m] = sum / 3m;
            }
        }

        return new HandResult(baseMonth, span, first, Math.Max(months, 0), amount, count, threeMonths, movingAverage);
    }

    public override object Linq(Dataset data)
    {
        var zoneOfRep = data.ZoneOfRep;
        var monthly = data.Deals
            .Where(d => d.IsWon)
            .GroupBy(d => (d.Owner, Month: MonthNumber(d.Outcome.ClosedAt!.Value.InZone(zoneOfRep[d.Owner.Value]).Date)))
            .ToDictionary(g => g.Key, g => (Amount: g.Sum(d => d.Amount!.Value.Amount), Count: g.Count()));
        if (monthly.Count == 0)
        {
            return new List<(RepId Rep, int Month, decimal Amount, int Count, decimal ThreeMonths, decimal MovingAverage)>();
        }

        int first = monthly.Keys.Min(k => k.Month);
        int last = monthly.Keys.Max(k => k.Month);
        return monthly.Keys
            .Select(k => k.Owner)
            .Distinct()
            .SelectMany(rep => Enumerable.Range(first, last - first + 1).Select(month =>
            {
                var own = monthly.GetValueOrDefault((rep, month));
                decimal threeMonths = Enumerable.Range(month - 2, 3).Sum(m => monthly.GetValueOrDefault((rep, m)).Amount);
                return (Rep: rep, Month: month, own.Amount, own.Count, ThreeMonths: threeMonths, MovingAverage: threeMonths / 3m);
            }))
            .ToList();
    }

    public override object DuckDb(Dataset data, DuckDbStore db)
    {
        var rows = new List<(int Rep, int Month, decimal Amount, long Count, decimal ThreeMonths, double MovingAverage)>();
        using var reader = db.Query(string.Create(CultureInfo.InvariantCulture, $"""
            WITH m AS (
                SELECT owner AS rep, CAST(date_trunc('month', closed_day) AS DATE) AS month, sum(amount) AS won, count(*) AS n
                FROM deals WHERE status = {(int)DealStatus.Won}
                GROUP BY ALL),
            span AS (SELECT min(month) AS lo, max(month) AS hi FROM m),
            months AS (SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS DATE) AS month FROM span),
            grid AS (SELECT r.rep, months.month FROM (SELECT DISTINCT rep FROM m) r CROSS JOIN months),
            rolled AS (
                SELECT g.rep, g.month, coalesce(m.won, 0) AS won, coalesce(m.n, 0) AS n,
                       sum(coalesce(m.won, 0)) OVER (PARTITION BY g.rep ORDER BY g.month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS won3
                FROM grid g LEFT JOIN m ON m.rep = g.rep AND m.month = g.month)
            SELECT rep, CAST(year(month) * 12 + month(month) - 1 AS INTEGER) AS month_number, won, n, won3, CAST(won3 AS DOUBLE) / 3 AS moving_average
            FROM rolled
            """));
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetDecimal(2), reader.GetInt64(3), reader.GetDecimal(4), reader.GetDouble(5)));
        }

        return rows;
    }

    protected override ResultSet Canonical(Dataset data, string engine, object result)
    {
        var set = new ResultSet();
        var rows = set.Table(Shape);
        switch (engine)
        {
            case Forms.SalesKpi or Forms.SalesKpiParallel or Forms.SalesKpiRows or Forms.SalesKpiRowsParallel:
                var (monthly, threeMonths, movingAverage) = ((KpiTable<RepId>, KpiTable<RepId>, decimal[]))result;
                var cells = threeMonths.Cells;
                for (int i = 0; i < cells.Count; i++)
                {
                    var cell = cells[i];
                    var own = monthly[cell.Key, cell.Period!.Value];
                    rows.Add(Row(cell.Key.Value, MonthNumber(cell.Period.Value.Start), own.Count, own.ExactValue!.Value, cell.Value.ExactValue!.Value, (double)movingAverage[i]));
                }

                if (monthly.Count != cells.Count)
                {
                    throw new InvalidOperationException($"saleskpi: {monthly.Count} monthly cells but {cells.Count} 3-month cells.");
                }

                break;

            case Forms.HandLoop or Forms.HandLoopRows:
                var hand = (HandResult)result;
                for (int rep = 0; rep < data.Reps.Length; rep++)
                {
                    int row = rep * hand.Span;
                    bool any = false;
                    for (int m = hand.First; m < hand.First + hand.Months && !any; m++)
                    {
                        any = hand.Count[row + m] > 0;
                    }

                    for (int m = hand.First; any && m < hand.First + hand.Months; m++)
                    {
                        int c = row + m;
                        rows.Add(Row(rep, hand.BaseMonth + m, hand.Count[c], hand.Amount[c], hand.ThreeMonths[c], (double)hand.MovingAverage[c]));
                    }
                }

                break;

            case Forms.Linq:
                foreach (var r in (List<(RepId Rep, int Month, decimal Amount, int Count, decimal ThreeMonths, decimal MovingAverage)>)result)
                {
                    rows.Add(Row(r.Rep.Value, r.Month, r.Count, r.Amount, r.ThreeMonths, (double)r.MovingAverage));
                }

                break;

            default:
                foreach (var r in (List<(int Rep, int Month, decimal Amount, long Count, decimal ThreeMonths, double MovingAverage)>)result)
                {
                    rows.Add(Row(r.Rep, r.Month, r.Count, r.Amount, r.ThreeMonths, r.MovingAverage));
                }

                break;
        }

        return set;
    }

    private sealed record HandResult(int BaseMonth, int Span, int First, int Months, decimal[] Amount, int[] Count, decimal[] ThreeMonths, decimal[] MovingAverage);

    private static int MonthNumber(LocalDate date) => (date.Year * 12) + date.Month - 1;

    private static ResultRow Row(long rep, long month, long count, decimal amount, decimal threeMonths, double movingAverage)
    {
        var row = default(ResultRow);
        row.Keys[0] = rep;
        row.Keys[1] = month;
        row.Integers[0] = count;
        row.Decimals[0] = amount;
        row.Decimals[1] = threeMonths;
        row.Reals[0] = movingAverage;
        return row;
    }
}
