using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// W5: the 6-line <see cref="WeeklyScorecard"/> for every rep for every Monday-to-Sunday week that overlaps the
/// period (business dates in the rep's home zone; a deal counts in the week of its close date in its owner's zone).
/// Result per (rep, week): the six units, the six line points and the score.
/// </summary>
internal sealed class W5WeeklyScorecard : Workload
{
    /// <summary>The hand loops' units per (rep, week): the activity lines, the activities of no line, the deals won.</summary>
    private const int Units = 6;

    private const int DealsWonUnit = 5;

    private static readonly TableShape Shape = TableShape.Of(
        "weekly_scorecard",
        ["rep", "week"],
        ["calls", "connected_calls", "emails", "meetings_held", "deals_won"],
        ["won_amount"],
        [.. WeeklyScorecard.Lines.Select(l => l.Name + "_points"), "score"]);

    /// <summary>The scorecard lines an activity can count in (<see cref="LineOf"/>); calls are the connected and the other calls.</summary>
    private const int ConnectedCallLine = 0;
    private const int OtherCallLine = 1;
    private const int EmailLine = 2;
    private const int MeetingHeldLine = 3;
    private const int ActivityLines = 4;

    // One pass grouped by rep and scorecard line, as DuckDB's query (one GROUP BY with filtered counts) and the hand loop
    // make one pass; the line is read by a value-type key.
    private static readonly Metric<SalesActivity, (RepId Rep, int Line)> WeeklyLineUnits =
        Metric.Count<SalesActivity>()
            .By(FactKey<SalesActivity, (RepId Rep, int Line)>.Of(default(ActivityLineKey), "rep, scorecard line"))
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, ActivityTime.Timestamp);

    private static readonly Metric<Deal, RepId> WeeklyWonAmount = WeeklyWins(Metric.Sum<Deal>(d => d.Amount!.Value, Currency.Usd));

    // The same over activity and deal values whose business dates were resolved at load: placed by date, no zone consulted.
    private static readonly Metric<ActivityDayRow, (RepId Rep, int Line)> WeeklyLineUnitsRows =
        Metric.Count<ActivityDayRow>()
            .By(FactKey<ActivityDayRow, (RepId Rep, int Line)>.Of(default(ActivityDayRowLineKey), "rep, scorecard line"))
            .PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Week, default(ActivityDayRowSelectors.Day));

    private static readonly Metric<DealDayRow, RepId> WeeklyWonAmountRows =
        Metric.Sum<DealDayRow>(d => d.Amount)
            .Where(default(DealDayRowSelectors.Won))
            .By(DealDayRowSelectors.Owner)
            .PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Week, default(DealDayRowSelectors.ClosedDay));

    // The won amounts over deal values with close instants (business dates resolved per query, in the owners' zones).
    private static readonly Metric<DealRow, RepId> WeeklyWonAmountDealRows =
        Metric.Sum<DealRow>(d => d.Amount)
            .Where(default(DealRowSelectors.Won))
            .By(DealRowSelectors.Owner)
            .PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, default(DealRowSelectors.Closed));

    public override string Name => "W5";

    public override string Title => "6-line scorecard for every rep for every week";

    private static Metric<Deal, RepId> WeeklyWins(Metric<Deal, Ungrouped> primitive) =>
        primitive.Where(d => d.IsWon).By(d => d.Owner).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, d => d.Outcome.ClosedAt!.Value);

    public override object SalesKpi(Dataset data) => Scores(
        data,
        WeeklyLineUnits.Evaluate(data.Activities, data.ActivityOptions),
        WeeklyWonAmount.Evaluate(data.Deals, data.DealOptions));

    public override object SalesKpiParallel(Dataset data) => Scores(
        data,
        WeeklyLineUnits.EvaluateParallel(data.Activities, data.ActivityOptions),
        WeeklyWonAmount.EvaluateParallel(data.Deals, data.DealOptions));

    public override bool HasRows => true;

    // With business dates at load, activity and deal values with their dates; per query, the activities as they are
    // (value types already) and deal values with their close instants.
    public override object SalesKpiRows(Dataset data, bool parallel) => (data.RowsHaveDays, parallel) switch
    {
        (true, true) => Scores(data, WeeklyLineUnitsRows.EvaluateParallel(data.ActivityDayRows), WeeklyWonAmountRows.EvaluateParallel(data.DealDayRows)),
        (true, false) => Scores(data, WeeklyLineUnitsRows.Evaluate(data.ActivityDayRows), WeeklyWonAmountRows.Evaluate(data.DealDayRows)),
        (false, true) => Scores(data, WeeklyLineUnits.EvaluateParallel(data.Activities, data.ActivityOptions), WeeklyWonAmountDealRows.EvaluateParallel(data.DealRows, data.DealRowOptions)),
        (false, false) => Scores(data, WeeklyLineUnits.Evaluate(data.Activities, data.ActivityOptions), WeeklyWonAmountDealRows.Evaluate(data.DealRows, data.DealRowOptions)),
    };

    /// <summary>The scorecard line of an activity: a connected call, another call, an email, a meeting held, or none (<see cref="ActivityLines"/>).</summary>
    /// <remarks>Read from a table by kind and outcome code in every engine (library keys and hand loops alike): kinds and
    /// outcomes come in random order, and the branches of the direct test mispredicted on most activities.</remarks>
    private static int LineOf(int kind, int outcome) =>
        (uint)(kind | outcome) < LineCodes ? LineTable[(kind * LineCodes) + outcome] : LineByTest(kind, outcome);

    private const int LineCodes = 16;

    private static readonly byte[] LineTable = BuildLineTable();

    private static byte[] BuildLineTable()
    {
        var table = new byte[LineCodes * LineCodes];
        for (int kind = 0; kind < LineCodes; kind++)
        {
            for (int outcome = 0; outcome < LineCodes; outcome++)
            {
                table[(kind * LineCodes) + outcome] = (byte)LineByTest(kind, outcome);
            }
        }

        return table;
    }

    private static int LineByTest(int kind, int outcome) =>
        kind == SalesActivityKind.Call.Code ? (outcome == (int)SalesActivityOutcome.Connected ? ConnectedCallLine : OtherCallLine)
        : kind == SalesActivityKind.Email.Code ? EmailLine
        : kind == SalesActivityKind.Meeting.Code && outcome == (int)SalesActivityOutcome.Held ? MeetingHeldLine
        : ActivityLines;

    // A sum's value carries the number of facts it summed: the won amount gives the deals won too.
    private static ScoreRow[] Scores(Dataset data, KpiTable<(RepId Rep, int Line)> lineUnits, KpiTable<RepId> wonAmount)
    {
        var weeks = new List<ReportingPeriod>();
        for (var week = ReportingCalendar.Iso.GetPeriod(data.Start, PeriodKind.Week); week.Start < data.End; week = ReportingCalendar.Iso.GetPeriod(week.End, PeriodKind.Week))
        {
            weeks.Add(week);
        }

        // The line cells of the scorecard's weeks, per rep and week (cells of other weeks or of no line are not scored).
        int firstMonday = Dataset.UnixDay(weeks[0].Start);
        var units = new long[data.Reps.Length * weeks.Count * ActivityLines];
        foreach (var cell in lineUnits)
        {
            int week = (Dataset.UnixDay(cell.Period!.Value.Start) - firstMonday) / 7;
            if (cell.Key.Line < ActivityLines && (uint)week < (uint)weeks.Count)
            {
                units[(((cell.Key.Rep.Value * weeks.Count) + week) * ActivityLines) + cell.Key.Line] = (long)cell.Value.Value!.Value;
            }
        }

        var scores = new ScoreRow[data.Reps.Length * weeks.Count];
        Span<double> points = stackalloc double[7];
        int i = 0;
        foreach (var rep in data.Reps)
        {
            for (int w = 0; w < weeks.Count; w++)
            {
                var won = wonAmount[rep.Id, weeks[w]];
                int u = ((rep.Id.Value * weeks.Count) + w) * ActivityLines;
                var row = new ScoreRow
                {
                    Rep = rep.Id.Value,
                    WeekStart = firstMonday + (w * 7),
                    Calls = units[u + ConnectedCallLine] + units[u + OtherCallLine],
                    Connected = units[u + ConnectedCallLine],
                    Emails = units[u + EmailLine],
                    Meetings = units[u + MeetingHeldLine],
                    DealsWon = won.Count,
                    WonAmount = won.ExactValue!.Value,
                };
                WeeklyScorecard.Score(row.Calls, row.Connected, row.Emails, row.Meetings, row.DealsWon, row.WonAmount, points);
                row.SetPoints(points);
                scores[i++] = row;
            }
        }

        return scores;
    }

    private readonly struct ActivityLineKey : IFactKey<SalesActivity, (RepId Rep, int Line)>
    {
        public (RepId Rep, int Line) KeyOf(in SalesActivity fact) => (fact.Rep, LineOf(fact.Kind.Code, (int)fact.Outcome));
    }

    private readonly struct ActivityDayRowLineKey : IFactKey<ActivityDayRow, (RepId Rep, int Line)>
    {
        public (RepId Rep, int Line) KeyOf(in ActivityDayRow fact) => (fact.Rep, LineOf(fact.Kind, fact.Outcome));
    }

    public override object HandLoop(Dataset data)
    {
        int firstMonday = Dataset.MondayOnOrBefore(data.StartDay);
        int weeks = ((Dataset.MondayOnOrBefore(data.EndDay - 1) - firstMonday) / 7) + 1;
        var units = new int[data.Reps.Length * weeks * Units];
        var amounts = new decimal[data.Reps.Length * weeks];
        var zoneDays = new ZoneDays(data.Zones);
        var zoneOfRep = data.ZoneIndexOfRep;
        CountActivities(data, zoneDays, firstMonday, weeks, units);
        foreach (var deal in data.Deals)
        {
            if (!deal.IsWon)
            {
                continue;
            }

            int rep = deal.Owner.Value;
            int offset = zoneDays.UnixDay(zoneOfRep[rep], deal.Outcome.ClosedAt!.Value.ToUnixTimeTicks()) - firstMonday;
            if (offset < 0 || offset >= weeks * 7)
            {
                continue;
            }

            int week = (rep * weeks) + (offset / 7);
            units[(week * Units) + DealsWonUnit]++;
            amounts[week] += deal.Amount!.Value.Amount;
        }

        return ScoreRows(data, weeks, firstMonday, units, amounts);
    }

    /// <summary>The hand loops' activity units, business dates resolved per activity in its rep's zone.</summary>
    private static void CountActivities(Dataset data, ZoneDays zoneDays, int firstMonday, int weeks, int[] units)
    {
        var zoneOfRep = data.ZoneIndexOfRep;
        foreach (ref readonly var a in data.Activities.AsSpan())
        {
            int rep = a.Rep.Value;
            int offset = zoneDays.UnixDay(zoneOfRep[rep], a.Timestamp.ToUnixTimeTicks()) - firstMonday;
            if (offset < 0 || offset >= weeks * 7)
            {
                continue;
            }

            units[(((rep * weeks) + (offset / 7)) * Units) + LineOf(a.Kind.Code, (int)a.Outcome)]++;
        }
    }

    /// <summary>The hand loops' score rows from their unit and amount arrays (rep-major, then week).</summary>
    private static ScoreRow[] ScoreRows(Dataset data, int weeks, int firstMonday, int[] units, decimal[] amounts)
    {
        var scores = new ScoreRow[data.Reps.Length * weeks];
        Span<double> points = stackalloc double[7];
        for (int c = 0; c < scores.Length; c++)
        {
            int u = c * Units;
            var row = new ScoreRow
            {
                Rep = c / weeks,
                WeekStart = firstMonday + ((c % weeks) * 7),
                Calls = units[u + ConnectedCallLine] + units[u + OtherCallLine],
                Connected = units[u + ConnectedCallLine],
                Emails = units[u + EmailLine],
                Meetings = units[u + MeetingHeldLine],
                DealsWon = units[u + DealsWonUnit],
                WonAmount = amounts[c],
            };
            WeeklyScorecard.Score(row.Calls, row.Connected, row.Emails, row.Meetings, row.DealsWon, row.WonAmount, points);
            row.SetPoints(points);
            scores[c] = row;
        }

        return scores;
    }

    public override object HandLoopRows(Dataset data)
    {
        int firstMonday = Dataset.MondayOnOrBefore(data.StartDay);
        int weeks = ((Dataset.MondayOnOrBefore(data.EndDay - 1) - firstMonday) / 7) + 1;
        var units = new int[data.Reps.Length * weeks * Units];
        var amounts = new decimal[data.Reps.Length * weeks];
        if (!data.RowsHaveDays)
        {
            // Per query: the activities as they are, and deal values with their close instants.
            var zoneDays = new ZoneDays(data.Zones);
            var zoneOfRep = data.ZoneIndexOfRep;
            CountActivities(data, zoneDays, firstMonday, weeks, units);
            foreach (ref readonly var deal in data.DealRows.AsSpan())
            {
                if (deal.Status != DealStatus.Won)
                {
                    continue;
                }

                int rep = deal.Owner.Value;
                int offset = zoneDays.UnixDay(zoneOfRep[rep], deal.ClosedTicks) - firstMonday;
                if (offset < 0 || offset >= weeks * 7)
                {
                    continue;
                }

                int week = (rep * weeks) + (offset / 7);
                units[(week * Units) + DealsWonUnit]++;
                amounts[week] += deal.Amount;
            }

            return ScoreRows(data, weeks, firstMonday, units, amounts);
        }

        foreach (ref readonly var a in data.ActivityDayRows.AsSpan())
        {
            int offset = a.Day - firstMonday;
            if (offset < 0 || offset >= weeks * 7)
            {
                continue;
            }

            units[(((a.Rep.Value * weeks) + (offset / 7)) * Units) + LineOf(a.Kind, a.Outcome)]++;
        }

        foreach (ref readonly var deal in data.DealDayRows.AsSpan())
        {
            if (deal.Status != DealStatus.Won)
            {
                continue;
            }

            int offset = deal.ClosedDay - firstMonday;
            if (offset < 0 || offset >= weeks * 7)
            {
                continue;
            }

            int week = (deal.Owner.Value * weeks) + (offset / 7);
            units[(week * Units) + DealsWonUnit]++;
            amounts[week] += deal.Amount;
        }

        return ScoreRows(data, weeks, firstMonday, units, amounts);
    }

    public override object Linq(Dataset data)
    {
        var zoneOfRep = data.ZoneOfRep;
        var activityUnits = data.Activities
            .AggregateBy(
                a => (a.Rep, Week: WeekStart(a.Timestamp.InZone(zoneOfRep[a.Rep.Value]).Date)),
                seed: default(ActivityUnits),
                (units, a) => units.Add(a))
            .ToDictionary();
        var dealUnits = data.Deals
            .Where(d => d.IsWon)
            .GroupBy(d => (d.Owner, Week: WeekStart(d.Outcome.ClosedAt!.Value.InZone(zoneOfRep[d.Owner.Value]).Date)))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Amount: g.Sum(d => d.Amount!.Value.Amount)));
        var firstWeek = WeekStart(data.Start);
        var weeks = Enumerable.Range(0, int.MaxValue)
            .Select(i => firstWeek.PlusWeeks(i))
            .TakeWhile(w => w < data.End)
            .ToList();
        return data.Reps
            .SelectMany(rep => weeks.Select(week =>
            {
                var a = activityUnits.GetValueOrDefault((rep.Id, week));
                var d = dealUnits.GetValueOrDefault((rep.Id, week));
                var row = new ScoreRow
                {
                    Rep = rep.Id.Value,
                    WeekStart = Dataset.UnixDay(week),
                    Calls = a.Calls,
                    Connected = a.Connected,
                    Emails = a.Emails,
                    Meetings = a.Meetings,
                    DealsWon = d.Count,
                    WonAmount = d.Amount,
                };
                var points = new double[7];
                WeeklyScorecard.Score(row.Calls, row.Connected, row.Emails, row.Meetings, row.DealsWon, row.WonAmount, points);
                row.SetPoints(points);
                return row;
            }))
            .ToList();
    }

    public override object DuckDb(Dataset data, DuckDbStore db)
    {
        int firstMonday = Dataset.MondayOnOrBefore(data.StartDay);
        int lastMonday = Dataset.MondayOnOrBefore(data.EndDay - 1);
        string Date(int unixDay) => Dataset.DateOfUnixDay(unixDay).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        var lines = WeeklyScorecard.Lines;
        string sql = string.Create(CultureInfo.InvariantCulture, $"""
            WITH weeks AS (
                SELECT CAST(unnest(generate_series(DATE '{Date(firstMonday)}', DATE '{Date(lastMonday)}', INTERVAL 7 DAY)) AS DATE) AS week),
            a AS (
                SELECT rep, CAST(date_trunc('week', day) AS DATE) AS week,
                       count(*) FILTER (WHERE kind = {SalesActivityKind.Call.Code}) AS calls,
                       count(*) FILTER (WHERE kind = {SalesActivityKind.Call.Code} AND outcome = {(int)SalesActivityOutcome.Connected}) AS connected,
                       count(*) FILTER (WHERE kind = {SalesActivityKind.Email.Code}) AS emails,
                       count(*) FILTER (WHERE kind = {SalesActivityKind.Meeting.Code} AND outcome = {(int)SalesActivityOutcome.Held}) AS meetings
                FROM activities GROUP BY ALL),
            d AS (
                SELECT owner AS rep, CAST(date_trunc('week', closed_day) AS DATE) AS week, count(*) AS won, sum(amount) AS amount
                FROM deals WHERE status = {(int)DealStatus.Won} GROUP BY ALL),
            u AS (
                SELECT r.rep, w.week,
                       coalesce(a.calls, 0) AS calls, coalesce(a.connected, 0) AS connected, coalesce(a.emails, 0) AS emails,
                       coalesce(a.meetings, 0) AS meetings, coalesce(d.won, 0) AS won, coalesce(d.amount, 0) AS amount
                FROM reps r CROSS JOIN weeks w
                LEFT JOIN a ON a.rep = r.rep AND a.week = w.week
                LEFT JOIN d ON d.rep = r.rep AND d.week = w.week),
            p AS (
                SELECT *,
                       {lines[0].Sql("CAST(calls AS DOUBLE)")} AS p0,
                       {lines[1].Sql("CAST(connected AS DOUBLE)")} AS p1,
                       {lines[2].Sql("CAST(emails AS DOUBLE)")} AS p2,
                       {lines[3].Sql("CAST(meetings AS DOUBLE)")} AS p3,
                       {lines[4].Sql("CAST(won AS DOUBLE)")} AS p4,
                       {lines[5].Sql("CAST(amount AS DOUBLE)")} AS p5
                FROM u)
            SELECT rep, week, calls, connected, emails, meetings, won, amount, p0, p1, p2, p3, p4, p5, p0 + p1 + p2 + p3 + p4 + p5 AS score
            FROM p
            """);
        var rows = new List<ScoreRow>();
        Span<double> points = stackalloc double[7];
        using var reader = db.Query(sql);
        while (reader.Read())
        {
            var row = new ScoreRow
            {
                Rep = reader.GetInt32(0),
                WeekStart = reader.GetFieldValue<DateOnly>(1).DayNumber - Dataset.UnixEpochDayNumber,
                Calls = reader.GetInt64(2),
                Connected = reader.GetInt64(3),
                Emails = reader.GetInt64(4),
                Meetings = reader.GetInt64(5),
                DealsWon = reader.GetInt64(6),
                WonAmount = reader.GetDecimal(7),
            };
            for (int p = 0; p < 7; p++)
            {
                points[p] = reader.GetDouble(8 + p);
            }

            row.SetPoints(points);
            rows.Add(row);
        }

        return rows;
    }

    protected override ResultSet Canonical(Dataset data, string engine, object result)
    {
        var set = new ResultSet();
        var rows = set.Table(Shape);
        IEnumerable<ScoreRow> scores = result is ScoreRow[] array ? array : (List<ScoreRow>)result;
        foreach (var s in scores)
        {
            var row = default(ResultRow);
            row.Keys[0] = s.Rep;
            row.Keys[1] = s.WeekStart;
            row.Integers[0] = s.Calls;
            row.Integers[1] = s.Connected;
            row.Integers[2] = s.Emails;
            row.Integers[3] = s.Meetings;
            row.Integers[4] = s.DealsWon;
            row.Decimals[0] = s.WonAmount;
            for (int p = 0; p < 7; p++)
            {
                row.Reals[p] = s.Points[p];
            }

            rows.Add(row);
        }

        return set;
    }

    private static LocalDate WeekStart(LocalDate date) => date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    /// <summary>A rep-week's activity units, for the LINQ aggregation.</summary>
    private readonly record struct ActivityUnits(int Calls, int Connected, int Emails, int Meetings)
    {
        public ActivityUnits Add(SalesActivity a) =>
            a.Kind == SalesActivityKind.Call ? this with { Calls = Calls + 1, Connected = Connected + (a.Outcome == SalesActivityOutcome.Connected ? 1 : 0) }
            : a.Kind == SalesActivityKind.Email ? this with { Emails = Emails + 1 }
            : a.Kind == SalesActivityKind.Meeting && a.Outcome == SalesActivityOutcome.Held ? this with { Meetings = Meetings + 1 }
            : this;
    }
}

/// <summary>One rep-week of the scorecard: units, line points and score.</summary>
internal struct ScoreRow
{
    public int Rep;
    public int WeekStart;
    public long Calls;
    public long Connected;
    public long Emails;
    public long Meetings;
    public long DealsWon;
    public decimal WonAmount;
    public RealValues Points;

    public void SetPoints(ReadOnlySpan<double> points)
    {
        for (int p = 0; p < points.Length; p++)
        {
            Points[p] = points[p];
        }
    }
}
