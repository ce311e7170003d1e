using System;
using System.Globalization;
using DuckDB.NET.Data;
using NodaTime;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// An in-memory DuckDB database holding the same facts, loaded with the appender. Lead stage instants and deal close
/// instants are kept as 100 ns ticks since 1970. Business dates (an activity's date in its rep's home zone, a deal's
/// close date in its owner's home zone) are either computed in each query (the comparison's default):
/// <c>activities</c> and <c>deals</c> are then views over the raw facts that convert each instant with a table of UTC
/// offsets per zone and UTC hour; or computed once at load, the same way the .NET engines compute them. The queries are
/// the same in both modes.
/// </summary>
internal sealed class DuckDbStore : IDisposable
{
    private DuckDbStore(DuckDBConnection connection)
    {
        Connection = connection;
    }

    public DuckDBConnection Connection { get; }

    /// <summary>The DuckDB library version, for the log.</summary>
    public string Version
    {
        get
        {
            using var reader = Query("SELECT version()");
            return reader.Read() ? reader.GetString(0) : "unknown";
        }
    }

    private const long TicksPerHour = 36_000_000_000L;

    /// <summary>Gets whether business dates are computed in each query rather than at load.</summary>
    public bool DatesInQuery { get; private init; }

    public static DuckDbStore Load(Dataset data, int threads, bool datesInQuery = false)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var store = new DuckDbStore(connection) { DatesInQuery = datesInQuery };
        store.Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads={threads}"));
        store.Execute("""
            CREATE TABLE reps (rep INTEGER NOT NULL, cal SMALLINT NOT NULL, zone SMALLINT NOT NULL);
            CREATE TABLE calendar_days (cal SMALLINT NOT NULL, day DATE NOT NULL, working BOOLEAN NOT NULL);
            CREATE TABLE leads (lead INTEGER NOT NULL, industry VARCHAR, employees INTEGER, country VARCHAR);
            CREATE TABLE lead_stages (lead INTEGER NOT NULL, entered_at BIGINT NOT NULL, stage SMALLINT NOT NULL);
            """);
        if (datesInQuery)
        {
            store.Execute(string.Create(CultureInfo.InvariantCulture, $"""
                CREATE TABLE zone_hours (zone SMALLINT NOT NULL, hour BIGINT NOT NULL, off BIGINT NOT NULL);
                CREATE TABLE activity_facts (rep INTEGER NOT NULL, ts BIGINT NOT NULL, kind SMALLINT NOT NULL, outcome SMALLINT NOT NULL);
                CREATE TABLE deal_facts (deal INTEGER NOT NULL, owner INTEGER NOT NULL, status SMALLINT NOT NULL, amount DECIMAL(18, 2), closed_at BIGINT);
                CREATE VIEW activities AS
                    SELECT a.rep, CAST(DATE '1970-01-01' + CAST((a.ts + h.off) // {Dataset.TicksPerDay} AS INTEGER) AS DATE) AS day, a.kind, a.outcome
                    FROM activity_facts a JOIN reps r ON r.rep = a.rep JOIN zone_hours h ON h.zone = r.zone AND h.hour = a.ts // {TicksPerHour};
                CREATE VIEW deals AS
                    SELECT d.deal, d.owner, d.status, d.amount, d.closed_at,
                           CASE WHEN d.closed_at IS NULL THEN NULL
                                ELSE CAST(DATE '1970-01-01' + CAST((d.closed_at + h.off) // {Dataset.TicksPerDay} AS INTEGER) AS DATE) END AS closed_day
                    FROM deal_facts d JOIN reps r ON r.rep = d.owner LEFT JOIN zone_hours h ON h.zone = r.zone AND h.hour = d.closed_at // {TicksPerHour};
                """));
        }
        else
        {
            store.Execute("""
                CREATE TABLE activities (rep INTEGER NOT NULL, day DATE NOT NULL, kind SMALLINT NOT NULL, outcome SMALLINT NOT NULL);
                CREATE TABLE deals (deal INTEGER NOT NULL, owner INTEGER NOT NULL, status SMALLINT NOT NULL, amount DECIMAL(18, 2), closed_at BIGINT, closed_day DATE);
                """);
        }

        store.LoadReps(data);
        if (datesInQuery)
        {
            store.LoadZoneHours(data);
        }

        store.LoadActivities(data);
        store.LoadLeads(data);
        store.LoadDeals(data);
        return store;
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public DuckDBDataReader Query(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        return (DuckDBDataReader)command.ExecuteReader();
    }

    public void Dispose() => Connection.Dispose();

    private static DateOnly Date(int unixDay) => DateOnly.FromDayNumber(unixDay + Dataset.UnixEpochDayNumber);

    private void LoadReps(Dataset data)
    {
        using (var appender = Connection.CreateAppender("reps"))
        {
            for (int r = 0; r < data.Reps.Length; r++)
            {
                appender.CreateRow().AppendValue(r).AppendValue((short)data.CalendarIndexOfRep[r]).AppendValue((short)data.ZoneIndexOfRep[r]).EndRow();
            }
        }

        using (var appender = Connection.CreateAppender("calendar_days"))
        {
            for (int c = 0; c < data.Calendars.Length; c++)
            {
                for (int d = data.StartDay - 400; d < data.EndDay + 400; d++)
                {
                    bool working = data.Calendars[c].IsWorkingDay(Dataset.DateOfUnixDay(d));
                    appender.CreateRow().AppendValue((short)c).AppendValue(Date(d)).AppendValue(working).EndRow();
                }
            }
        }
    }

    /// <summary>
    /// Loads the UTC offset of every zone for every UTC hour the facts' instants fall in. Exact only when every offset
    /// change of those zones falls on a whole UTC hour, which is checked.
    /// </summary>
    private void LoadZoneHours(Dataset data)
    {
        long first = long.MaxValue;
        long last = long.MinValue;
        foreach (ref readonly var a in data.Activities.AsSpan())
        {
            first = Math.Min(first, a.Timestamp.ToUnixTimeTicks());
            last = Math.Max(last, a.Timestamp.ToUnixTimeTicks());
        }

        foreach (var deal in data.Deals)
        {
            if (deal.Outcome.ClosedAt is { } closed)
            {
                first = Math.Min(first, closed.ToUnixTimeTicks());
                last = Math.Max(last, closed.ToUnixTimeTicks());
            }
        }

        if (first > last)
        {
            return;
        }

        long firstHour = Math.DivRem(first, TicksPerHour, out long r) - (r < 0 ? 1 : 0);
        long lastHour = last / TicksPerHour;
        using var appender = Connection.CreateAppender("zone_hours");
        for (int z = 0; z < data.Zones.Length; z++)
        {
            var zone = data.Zones[z];
            foreach (var interval in zone.GetZoneIntervals(Instant.FromUnixTimeTicks(firstHour * TicksPerHour), Instant.FromUnixTimeTicks((lastHour + 1) * TicksPerHour)))
            {
                if (interval.HasStart && interval.Start.ToUnixTimeTicks() % TicksPerHour != 0)
                {
                    throw new InvalidOperationException($"Zone {zone.Id} changes its offset at {interval.Start}, not on a whole UTC hour: the hourly offset table would be wrong.");
                }
            }

            for (long hour = firstHour; hour <= lastHour; hour++)
            {
                long offset = zone.GetUtcOffset(Instant.FromUnixTimeTicks(hour * TicksPerHour)).Ticks;
                appender.CreateRow().AppendValue((short)z).AppendValue(hour).AppendValue(offset).EndRow();
            }
        }
    }

    private void LoadActivities(Dataset data)
    {
        // Both tables are (rep, instant or business date, kind, outcome).
        var days = new ZoneDays(data.Zones);
        var zoneOfRep = data.ZoneIndexOfRep;
        using var appender = Connection.CreateAppender(DatesInQuery ? "activity_facts" : "activities");
        foreach (ref readonly var a in data.Activities.AsSpan())
        {
            int rep = a.Rep.Value;
            long ticks = a.Timestamp.ToUnixTimeTicks();
            var row = appender.CreateRow().AppendValue(rep);
            row = DatesInQuery ? row.AppendValue(ticks) : row.AppendValue(Date(days.UnixDay(zoneOfRep[rep], ticks)));
            row.AppendValue((short)a.Kind.Code)
                .AppendValue((short)a.Outcome)
                .EndRow();
        }
    }

    private void LoadLeads(Dataset data)
    {
        using (var appender = Connection.CreateAppender("leads"))
        {
            foreach (var lead in data.Leads)
            {
                var p = lead.Profile;
                appender.CreateRow()
                    .AppendValue(lead.Id.Value)
                    .AppendValue(p.Industry)
                    .AppendValue(p.EmployeeCount)
                    .AppendValue(p.Country)
                    .EndRow();
            }
        }

        using (var appender = Connection.CreateAppender("lead_stages"))
        {
            foreach (var lead in data.Leads)
            {
                int id = lead.Id.Value;
                foreach (var change in lead.StageHistory)
                {
                    appender.CreateRow().AppendValue(id).AppendValue(change.At.ToUnixTimeTicks()).AppendValue((short)change.Stage).EndRow();
                }
            }
        }
    }

    private void LoadDeals(Dataset data)
    {
        var days = new ZoneDays(data.Zones);
        using var appender = Connection.CreateAppender(DatesInQuery ? "deal_facts" : "deals");
        foreach (var deal in data.Deals)
        {
            int owner = deal.Owner.Value;
            decimal? amount = deal.Amount?.Amount;
            if (amount is decimal m && decimal.Round(m, 2) != m)
            {
                throw new InvalidOperationException($"Deal {deal.Id} has amount {m}, which DECIMAL(18, 2) cannot hold exactly.");
            }

            long? closedAt = deal.Outcome.ClosedAt?.ToUnixTimeTicks();
            var row = appender.CreateRow()
                .AppendValue(deal.Id.Value)
                .AppendValue(owner)
                .AppendValue((short)deal.Outcome.Status)
                .AppendValue(amount)
                .AppendValue(closedAt);
            if (!DatesInQuery)
            {
                DateOnly? closedDay = closedAt is long t ? Date(days.UnixDay(data.ZoneIndexOfRep[owner], t)) : null;
                row.AppendValue(closedDay);
            }

            row.EndRow();
        }
    }
}
