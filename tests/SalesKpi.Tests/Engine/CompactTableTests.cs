using System.Linq;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// Tables keep counts as 32-bit integers and period indices as 16-bit integers where every value fits; these tests
/// cross the limits of both forms.
/// </summary>
public sealed class CompactTableTests
{
    private static readonly Metric<Act, int> DailyByRep = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At);

    [Fact]
    public void Counts_past_the_32_bit_range_read_back_exactly_by_hand()
    {
        // Four reps with one call each on 2 March 2026; rep 2's count is then set to 3,000,000,000 in the snapshot, so
        // the table meets a count that does not fit 32 bits after one that does, and has two more after it.
        Act[] facts = [.. Enumerable.Range(1, 4).Select(rep => new Act(rep, T.At(2026, 3, 2), Kind.Call))];
        var snapshot = DailyByRep.CreateState(T.Utc).Add(facts).ToSnapshot();
        var cells = snapshot.Cells.ToArray();
        int rep2 = snapshot.Keys.ToList().IndexOf(2);
        cells[rep2] = cells[rep2] with { Count = 3_000_000_000L };
        var big = new KpiSnapshot<int>(snapshot.Metric, 3_000_000_003L, snapshot.Keys, snapshot.Periods, cells);

        var table = DailyByRep.Restore(big, T.Utc).ToTable();

        var day = T.Day(2026, 3, 2);
        Assert.Equal(1m, table[1, day].ExactValue);
        Assert.Equal(3_000_000_000m, table[2, day].ExactValue);
        Assert.Equal(1m, table[3, day].ExactValue);
        Assert.Equal(1m, table[4, day].ExactValue);
        Assert.Equal([1m, 3_000_000_000m, 1m, 1m], table.Select(c => c.Value.ExactValue!.Value));
    }

    [Fact]
    public void A_daily_table_of_more_than_65536_days_places_every_cell_by_hand()
    {
        // 32 reps (half a tile of key slots, dense enough to stay in tiles), each with one call a day on 65,600 consecutive days from 1 January 1900: more periods than 16-bit
        // indices hold, so the table keeps 32-bit ones. Rep r's call on day d is at minute r, and the count of each cell is 1.
        const int Days = 65_600;
        const int Reps = 32;
        var start = new LocalDate(1900, 1, 1);
        var facts = new Act[Days * Reps];
        for (int d = 0; d < Days; d++)
        {
            var midnight = start.PlusDays(d).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            for (int r = 0; r < Reps; r++)
            {
                facts[(d * Reps) + r] = new Act(r, midnight.Plus(Duration.FromMinutes(r)), Kind.Call);
            }
        }

        var table = DailyByRep.Evaluate(facts, T.InUtc<Act>());

        Assert.Equal(Days * Reps, table.Count);
        for (int r = 0; r < Reps; r++)
        {
            var row = table.CellsOf(r);
            Assert.Equal(Days, row.Count);
            Assert.Equal(start, row[0].Period!.Value.Start);
            Assert.Equal(start.PlusDays(65_535), row[65_535].Period!.Value.Start);
            Assert.Equal(start.PlusDays(65_536), row[65_536].Period!.Value.Start);
            Assert.Equal(start.PlusDays(Days - 1), row[Days - 1].Period!.Value.Start);
        }

        var lastDay = start.PlusDays(Days - 1);
        Assert.Equal(1m, table[Reps - 1, T.Day(lastDay.Year, lastDay.Month, lastDay.Day)].ExactValue);
        Assert.True(table.Select(c => c.Value.ExactValue).All(v => v == 1m));
    }
}
