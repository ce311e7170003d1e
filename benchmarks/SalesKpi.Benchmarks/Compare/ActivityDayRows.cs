using System;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// An activity projected into a 12-byte value with its business date resolved once, in its rep's home zone, as DuckDB's
/// loader fills the <c>day</c> column of its <c>activities</c> table with <c>--duckdb-dates load</c> (rep, day, kind,
/// outcome). The activity workloads' struct-array engines (<c>saleskpi</c>, <c>saleskpi_serial</c>, <c>handloop</c>)
/// read an array of these when business dates are computed at load.
/// </summary>
/// <param name="Rep">The rep.</param>
/// <param name="Day">The business date in the rep's home zone, as days since 1970-01-01.</param>
/// <param name="Kind">The kind's code (<see cref="SalesActivityKind.Code"/>).</param>
/// <param name="Outcome">The outcome.</param>
internal readonly record struct ActivityDayRow(RepId Rep, int Day, short Kind, short Outcome)
{
    /// <summary>Projects the activities, resolving each business date in its rep's home zone.</summary>
    public static ActivityDayRow[] From(Dataset data)
    {
        var activities = data.Activities;
        var rows = new ActivityDayRow[activities.Length];
        var zoneDays = new ZoneDays(data.Zones);
        var zoneOfRep = data.ZoneIndexOfRep;
        for (int i = 0; i < activities.Length; i++)
        {
            ref readonly var a = ref activities[i];
            int code = a.Kind.Code;
            if (code > short.MaxValue)
            {
                throw new InvalidOperationException($"Activity {a.Id} has kind code {code}, beyond a 16-bit code.");
            }

            rows[i] = new ActivityDayRow(a.Rep, zoneDays.UnixDay(zoneOfRep[a.Rep.Value], a.Timestamp.ToUnixTimeTicks()), (short)code, (short)a.Outcome);
        }

        return rows;
    }
}

/// <summary>Value-type selectors over <see cref="ActivityDayRow"/>, compiled into the library's evaluation loop.</summary>
internal static class ActivityDayRowSelectors
{
    /// <summary>The rep.</summary>
    public static readonly FactKey<ActivityDayRow, RepId> Rep = FactKey<ActivityDayRow, RepId>.Of(default(RepKey), "rep");

    /// <summary>The rep and the kind's code.</summary>
    public static readonly FactKey<ActivityDayRow, (RepId Rep, short Kind)> RepAndKind = FactKey<ActivityDayRow, (RepId Rep, short Kind)>.Of(default(RepAndKindKey), "rep, kind");

    /// <summary>The business date resolved at projection.</summary>
    public readonly struct Day : IFactDate<ActivityDayRow>
    {
        public int EpochDayOf(in ActivityDayRow fact) => fact.Day;
    }

    private readonly struct RepKey : IFactKey<ActivityDayRow, RepId>
    {
        public RepId KeyOf(in ActivityDayRow fact) => fact.Rep;
    }

    private readonly struct RepAndKindKey : IFactKey<ActivityDayRow, (RepId Rep, short Kind)>
    {
        public (RepId Rep, short Kind) KeyOf(in ActivityDayRow fact) => (fact.Rep, fact.Kind);
    }
}
