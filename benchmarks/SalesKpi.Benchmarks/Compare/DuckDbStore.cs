using System;
using System.Globalization;
using DuckDB.NET.Data;
using NodaTime;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// An in-memory DuckDB database holding the same facts, loaded with the appender. Business dates (an activity's date
/// in its rep's home zone, a deal's close date in its owner's home zone) are computed once at load, the same way the
/// .NET engines compute them; lead stage instants and deal close instants are kept as 100 ns ticks since 1970.
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

    public static DuckDbStore Load(Dataset data, int threads)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var store = new DuckDbStore(connection);
        store.Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads={threads}"));
        store.Execute("""
            CREATE TABLE reps (rep INTEGER NOT NULL, cal SMALLINT NOT NULL);
            CREATE TABLE calendar_days (cal SMALLINT NOT NULL, day DATE NOT NULL, working BOOLEAN NOT NULL);
            CREATE TABLE activities (rep INTEGER NOT NULL, day DATE NOT NULL, kind SMALLINT NOT NULL, outcome SMALLINT NOT NULL);
            CREATE TABLE leads (lead INTEGER NOT NULL, industry VARCHAR, employees INTEGER, country VARCHAR);
            CREATE TABLE lead_stages (lead INTEGER NOT NULL, entered_at BIGINT NOT NULL, stage SMALLINT NOT NULL);
            CREATE TABLE deals (deal INTEGER NOT NULL, owner INTEGER NOT NULL, status SMALLINT NOT NULL, amount DECIMAL(18, 2), closed_at BIGINT, closed_day DATE);
            """);
        store.LoadReps(data);
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
                appender.CreateRow().AppendValue(r).AppendValue((short)data.CalendarIndexOfRep[r]).EndRow();
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

    private void LoadActivities(Dataset data)
    {
        var days = new ZoneDays(data.Zones);
        var zoneOfRep = data.ZoneIndexOfRep;
        using var appender = Connection.CreateAppender("activities");
        foreach (ref readonly var a in data.Activities.AsSpan())
        {
            int rep = a.Rep.Value;
            int day = days.UnixDay(zoneOfRep[rep], a.Timestamp.ToUnixTimeTicks());
            appender.CreateRow()
                .AppendValue(rep)
                .AppendValue(Date(day))
                .AppendValue((short)a.Kind.Code)
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
        using var appender = Connection.CreateAppender("deals");
        foreach (var deal in data.Deals)
        {
            int owner = deal.Owner.Value;
            decimal? amount = deal.Amount?.Amount;
            if (amount is decimal m && decimal.Round(m, 2) != m)
            {
                throw new InvalidOperationException($"Deal {deal.Id} has amount {m}, which DECIMAL(18, 2) cannot hold exactly.");
            }

            long? closedAt = deal.Outcome.ClosedAt?.ToUnixTimeTicks();
            DateOnly? closedDay = closedAt is long t ? Date(days.UnixDay(data.ZoneIndexOfRep[owner], t)) : null;
            appender.CreateRow()
                .AppendValue(deal.Id.Value)
                .AppendValue(owner)
                .AppendValue((short)deal.Outcome.Status)
                .AppendValue(amount)
                .AppendValue(closedAt)
                .AppendValue(closedDay)
                .EndRow();
        }
    }
}
