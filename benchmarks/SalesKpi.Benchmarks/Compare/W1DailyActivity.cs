using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// W1: activities per rep per business day (the rep's home zone) by kind; then, per rep, the number of working days
/// (the rep's working calendar) with at least 50 calls. Result: both tables, every rep in the second (0 when none).
/// </summary>
internal sealed class W1DailyActivity : Workload
{
    public const int MinimumCalls = 50;

    private const int KindSlots = 16;

    private static readonly TableShape Daily = TableShape.Of("daily", ["rep", "day", "kind"], ["activities"]);
    private static readonly TableShape DaysMet = TableShape.Of("days_met", ["rep"], ["days"]);

    private static readonly Metric<SalesActivity, (RepId Rep, SalesActivityKind Kind)> ActivitiesPerRepDayKind =
        Metric.Count<SalesActivity>()
            .By(ActivityKey.RepAndKind)
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp);

    // The same over activity values whose business dates were resolved at load: placed by date, no zone consulted.
    private static readonly Metric<ActivityDayRow, (RepId Rep, short Kind)> ActivitiesPerRepDayKindRows =
        Metric.Count<ActivityDayRow>()
            .By(ActivityDayRowSelectors.RepAndKind)
            .PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Day, default(ActivityDayRowSelectors.Day));

    public override string Name => "W1";

    public override string Title => "activities per rep per business day by kind; working days with >= 50 calls per rep";

    public override object SalesKpi(Dataset data) => WithDaysMet(data, ActivitiesPerRepDayKind.Evaluate(data.Activities, data.ActivityOptions));

    public override object SalesKpiParallel(Dataset data) => WithDaysMet(data, ActivitiesPerRepDayKind.EvaluateParallel(data.Activities, data.ActivityOptions));

    // Per rep, only the row of its calls (the table's CellsOf), as the hand loops and DuckDB's query read only calls.
    private static (KpiTable<(RepId Rep, SalesActivityKind Kind)> Daily, int[] DaysMet) WithDaysMet(Dataset data, KpiTable<(RepId Rep, SalesActivityKind Kind)> daily)
    {
        var daysMet = new int[data.Reps.Length];
        foreach (var rep in data.Reps)
        {
            daysMet[rep.Id.Value] = WorkingDaysMet(daily.CellsOf((rep.Id, SalesActivityKind.Call)), data.CalendarOfRep[rep.Id.Value]);
        }

        return (daily, daysMet);
    }

    private static int WorkingDaysMet<TKey>(KpiTable<TKey>.Row calls, WorkingCalendar calendar)
        where TKey : notnull
    {
        int met = 0;
        foreach (var cell in calls)
        {
            if (cell.Value.Value >= MinimumCalls && calendar.IsWorkingDay(cell.Period!.Value.Start))
            {
                met++;
            }
        }

        return met;
    }

    public override bool HasRows => true;

    public override bool RowsNeedDays => true;

    public override object SalesKpiRows(Dataset data, bool parallel)
    {
        var daily = parallel
            ? ActivitiesPerRepDayKindRows.EvaluateParallel(data.ActivityDayRows, null)
            : ActivitiesPerRepDayKindRows.Evaluate(data.ActivityDayRows);
        var daysMet = new int[data.Reps.Length];
        short call = (short)SalesActivityKind.Call.Code;
        foreach (var rep in data.Reps)
        {
            daysMet[rep.Id.Value] = WorkingDaysMet(daily.CellsOf((rep.Id, call)), data.CalendarOfRep[rep.Id.Value]);
        }

        return (daily, daysMet);
    }

    public override object HandLoopRows(Dataset data)
    {
        int days = data.EndDay - data.StartDay;
        int start = data.StartDay;
        var counts = new int[data.Reps.Length * days * KindSlots];
        foreach (ref readonly var a in data.ActivityDayRows.AsSpan())
        {
            int rep = a.Rep.Value;
            int day = a.Day - start;
            int kind = a.Kind;
            if ((uint)day >= (uint)days || (uint)kind >= KindSlots)
            {
                throw new InvalidOperationException($"An activity of rep {rep} is outside the period or of a custom kind.");
            }

            counts[(((rep * days) + day) * KindSlots) + kind]++;
        }

        return (counts, DaysMetOf(data, counts, days));
    }

    public override object HandLoop(Dataset data)
    {
        int days = data.EndDay - data.StartDay;
        int start = data.StartDay;
        var counts = new int[data.Reps.Length * days * KindSlots];
        var zoneDays = new ZoneDays(data.Zones);
        var zoneOfRep = data.ZoneIndexOfRep;
        foreach (ref readonly var a in data.Activities.AsSpan())
        {
            int rep = a.Rep.Value;
            int day = zoneDays.UnixDay(zoneOfRep[rep], a.Timestamp.ToUnixTimeTicks()) - start;
            int kind = a.Kind.Code;
            if ((uint)day >= (uint)days || (uint)kind >= KindSlots)
            {
                throw new InvalidOperationException($"Activity {a.Id} is outside the period or of a custom kind.");
            }

            counts[(((rep * days) + day) * KindSlots) + kind]++;
        }

        return (counts, DaysMetOf(data, counts, days));
    }

    /// <summary>Per rep, the working days with at least <see cref="MinimumCalls"/> calls in the hand loops' counts.</summary>
    private static int[] DaysMetOf(Dataset data, int[] counts, int days)
    {
        var working = WorkingDays(data, days);
        var daysMet = new int[data.Reps.Length];
        int call = SalesActivityKind.Call.Code;
        for (int rep = 0; rep < daysMet.Length; rep++)
        {
            var isWorking = working[data.CalendarIndexOfRep[rep]];
            int met = 0;
            for (int day = 0; day < days; day++)
            {
                if (counts[(((rep * days) + day) * KindSlots) + call] >= MinimumCalls && isWorking[day])
                {
                    met++;
                }
            }

            daysMet[rep] = met;
        }

        return daysMet;
    }

    public override object Linq(Dataset data)
    {
        var zoneOfRep = data.ZoneOfRep;
        var daily = data.Activities
            .CountBy(a => (a.Rep, Day: a.Timestamp.InZone(zoneOfRep[a.Rep.Value]).Date, a.Kind))
            .ToDictionary();
        var met = daily
            .Where(p => p.Key.Kind == SalesActivityKind.Call
                && p.Value >= MinimumCalls
                && data.CalendarOfRep[p.Key.Rep.Value].IsWorkingDay(p.Key.Day))
            .CountBy(p => p.Key.Rep)
            .ToDictionary();
        var daysMet = data.Reps.ToDictionary(r => r.Id, r => met.GetValueOrDefault(r.Id));
        return (daily, daysMet);
    }

    public override object DuckDb(Dataset data, DuckDbStore db)
    {
        db.Execute("CREATE OR REPLACE TEMP TABLE w1_daily AS SELECT rep, day, kind, count(*) AS n FROM activities GROUP BY rep, day, kind");
        var daily = new List<(int Rep, DateOnly Day, short Kind, long N)>();
        using (var reader = db.Query("SELECT rep, day, kind, n FROM w1_daily"))
        {
            while (reader.Read())
            {
                daily.Add((reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt16(2), reader.GetInt64(3)));
            }
        }

        var daysMet = new List<(int Rep, long Days)>();
        using (var reader = db.Query($"""
            SELECT r.rep, coalesce(m.days, 0) AS days
            FROM reps r
            LEFT JOIN (
                SELECT d.rep, count(*) AS days
                FROM w1_daily d
                JOIN reps dr ON dr.rep = d.rep
                JOIN calendar_days c ON c.cal = dr.cal AND c.day = d.day
                WHERE d.kind = {SalesActivityKind.Call.Code} AND d.n >= {MinimumCalls} AND c.working
                GROUP BY d.rep) m ON m.rep = r.rep
            """))
        {
            while (reader.Read())
            {
                daysMet.Add((reader.GetInt32(0), reader.GetInt64(1)));
            }
        }

        return (daily, daysMet);
    }

    protected override ResultSet Canonical(Dataset data, string engine, object result)
    {
        var set = new ResultSet();
        var daily = set.Table(Daily);
        var met = set.Table(DaysMet);
        switch (engine)
        {
            case Forms.SalesKpi or Forms.SalesKpiParallel:
                var (table, daysMet) = ((KpiTable<(RepId Rep, SalesActivityKind Kind)>, int[]))result;
                foreach (var cell in table.Cells)
                {
                    daily.Add(Row(cell.Key.Rep.Value, Dataset.UnixDay(cell.Period!.Value.Start), cell.Key.Kind.Code, (long)cell.Value.Value!.Value));
                }

                AddDaysMet(met, daysMet.Select((d, rep) => (rep, (long)d)));
                break;

            case Forms.SalesKpiRows or Forms.SalesKpiRowsParallel:
                var (rowTable, rowDaysMet) = ((KpiTable<(RepId Rep, short Kind)>, int[]))result;
                foreach (var cell in rowTable.Cells)
                {
                    daily.Add(Row(cell.Key.Rep.Value, Dataset.UnixDay(cell.Period!.Value.Start), cell.Key.Kind, (long)cell.Value.Value!.Value));
                }

                AddDaysMet(met, rowDaysMet.Select((d, rep) => (rep, (long)d)));
                break;

            case Forms.HandLoop or Forms.HandLoopRows:
                var (counts, hand) = ((int[], int[]))result;
                int days = data.EndDay - data.StartDay;
                for (int i = 0; i < counts.Length; i++)
                {
                    if (counts[i] != 0)
                    {
                        int kind = i % KindSlots;
                        int day = (i / KindSlots) % days;
                        int rep = i / KindSlots / days;
                        daily.Add(Row(rep, data.StartDay + day, kind, counts[i]));
                    }
                }

                AddDaysMet(met, hand.Select((d, rep) => (rep, (long)d)));
                break;

            case Forms.Linq:
                var (dictionary, linqMet) = ((Dictionary<(RepId Rep, LocalDate Day, SalesActivityKind Kind), int>, Dictionary<RepId, int>))result;
                foreach (var (key, n) in dictionary)
                {
                    daily.Add(Row(key.Rep.Value, Dataset.UnixDay(key.Day), key.Kind.Code, n));
                }

                AddDaysMet(met, linqMet.Select(p => (p.Key.Value, (long)p.Value)));
                break;

            default:
                var (rows, duckMet) = ((List<(int Rep, DateOnly Day, short Kind, long N)>, List<(int Rep, long Days)>))result;
                foreach (var r in rows)
                {
                    daily.Add(Row(r.Rep, r.Day.DayNumber - Dataset.UnixEpochDayNumber, r.Kind, r.N));
                }

                AddDaysMet(met, duckMet);
                break;
        }

        return set;
    }

    private static bool[][] WorkingDays(Dataset data, int days)
    {
        var working = new bool[data.Calendars.Length][];
        for (int c = 0; c < working.Length; c++)
        {
            working[c] = new bool[days];
            for (int day = 0; day < days; day++)
            {
                working[c][day] = data.Calendars[c].IsWorkingDay(data.Start.PlusDays(day));
            }
        }

        return working;
    }

    private static ResultRow Row(long rep, long day, long kind, long n)
    {
        var row = default(ResultRow);
        row.Keys[0] = rep;
        row.Keys[1] = day;
        row.Keys[2] = kind;
        row.Integers[0] = n;
        return row;
    }

    private static void AddDaysMet(ResultTable rows, IEnumerable<(int Rep, long Days)> values)
    {
        foreach (var (rep, days) in values)
        {
            var row = default(ResultRow);
            row.Keys[0] = rep;
            row.Integers[0] = days;
            rows.Add(row);
        }
    }
}
