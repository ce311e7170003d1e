using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// The cell store in its three modes: dense tiles (accumulators of up to 16 bytes, such as counts), the grid of cell
/// indices (larger accumulators, such as decimal sums), and the hash map beyond either; each cell's key and period, its
/// number and its handle.
/// </summary>
public sealed class CellStoreTests
{
    [Property(MaxTest = 40)]
    public void Every_cell_knows_its_key_and_period_whenever_asked_in_tiles(int seed, bool wide, byte readEvery) =>
        EveryCellKnowsItsKeyAndPeriod<CountAccumulator>(seed, wide, readEvery);

    [Property(MaxTest = 40)]
    public void Every_cell_knows_its_key_and_period_whenever_asked_in_the_grid(int seed, bool wide, byte readEvery) =>
        EveryCellKnowsItsKeyAndPeriod<DecimalSumAccumulator>(seed, wide, readEvery);

    [Fact]
    public void Counts_live_in_tiles_and_decimal_sums_in_the_grid()
    {
        var counts = new CellStore<CountAccumulator>();
        var sums = new CellStore<DecimalSumAccumulator>();
        counts.GetOrAdd(70, 9).N++;
        sums.GetOrAdd(70, 9).N++;

        // One tile of 64 keys × 8 periods, against one page of 32 keys × 8 periods.
        Assert.Equal(512, counts.GridEntries);
        Assert.Equal(256, sums.GridEntries);
    }

    [Fact]
    public void Grid_cells_are_numbered_in_first_seen_order_whenever_read()
    {
        // 300 keys × 40 periods in a fixed order: 12,000 cells, recorded eagerly up to 4,096 and from the grid after.
        var (eager, lazy) = ReadWhileCellsComeAndAtTheEnd<DecimalSumAccumulator>();

        // Cell 4,500 is the 4,501st new cell: period 15 (4,500 = 15 × 300), key 0.
        Assert.Equal(0, lazy.KeyOf[4_500]);
        Assert.Equal(15, lazy.PeriodOf[4_500]);
        Assert.Equal(eager.KeyOf.AsSpan(0, 12_000).ToArray(), lazy.KeyOf.AsSpan(0, 12_000).ToArray());
    }

    [Fact]
    public void Tile_cells_are_numbered_by_tile_then_period_then_key_whenever_read()
    {
        var (eager, lazy) = ReadWhileCellsComeAndAtTheEnd<CountAccumulator>();

        // Period block 0 (periods 0–7) fills five tiles first: four of 64 keys and one of 44 (keys 256–299), 2,400 cells.
        // Cell 4,500 is then 2,100 cells into period block 1: past four full tiles (2,048), 52 into the last one, whose
        // rows hold 44 keys each: its second row (period 9), ninth key (264).
        Assert.Equal(264, lazy.KeyOf[4_500]);
        Assert.Equal(9, lazy.PeriodOf[4_500]);
        Assert.Equal(eager.KeyOf.AsSpan(0, 12_000).ToArray(), lazy.KeyOf.AsSpan(0, 12_000).ToArray());
    }

    [Theory]
    [InlineData("by period")]
    [InlineData("by key")]
    [InlineData("shuffled")]
    public void A_dense_block_of_cells_costs_the_same_tiles_in_any_order(string order) =>
        // 300 keys × 40 periods: tiles of 64 keys × 8 periods, 5 key blocks × 5 period blocks, 512 entries each.
        DenseBlockCostsTheSameInAnyOrder<CountAccumulator>(order, 5 * 5 * 512);

    [Theory]
    [InlineData("by period")]
    [InlineData("by key")]
    [InlineData("shuffled")]
    public void A_dense_block_of_cells_costs_the_same_grid_in_any_order(string order) =>
        // 300 keys × 40 periods: pages of 32 keys × 8 periods, 10 key blocks × 5 period blocks, 256 entries each.
        DenseBlockCostsTheSameInAnyOrder<DecimalSumAccumulator>(order, 10 * 5 * 256);

    [Fact]
    public void Accumulators_keep_their_values_across_chunks()
    {
        // 24-byte accumulators come in chunks of 4,096: 40,000 cells span ten chunks, the first grown by doubling.
        var store = new CellStore<DecimalSumAccumulator>();
        for (int k = 0; k < 40_000; k++)
        {
            store.GetOrAdd(k, 0).N = k * 3L;
        }

        for (int k = 0; k < 40_000; k++)
        {
            store.GetOrAdd(k, 0).N++;
        }

        Assert.Equal(40_000, store.Count);
        for (int c = 0; c < 40_000; c++)
        {
            Assert.Equal((c * 3L) + 1, store.At(c).N);
        }
    }

    [Fact]
    public void A_grid_past_its_budget_moves_to_the_hash_map_and_keeps_every_cell() =>
        // 2,000 keys × 2,100 periods of one cell each along the diagonal band: pages enough to pass the 4 Mi-entry budget.
        DiagonalBandMovesToTheHashMap<DecimalSumAccumulator>();

    [Fact]
    public void Sparse_tiles_move_to_the_hash_map_and_keep_every_cell() =>
        // The same band fills a sixteenth of each tile: more than four times the cells in use, so the tiles give way early.
        DiagonalBandMovesToTheHashMap<CountAccumulator>();

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    public void Tiles_filling_one_period_row_at_a_time_stay_tiles(int periods)
    {
        // 40,000 keys in every period, period by period (a count by account without periods, or per month in time order):
        // in the first period each tile fills one row in eight, which is dense for the rows in use.
        var store = new CellStore<CountAccumulator>();
        for (int p = 0; p < periods; p++)
        {
            for (int k = 0; k < 40_000; k++)
            {
                store.GetOrAdd(k, p).N++;
            }
        }

        Assert.True(store.IsGrid);
        Assert.Equal(625L * ((periods + 7) / 8) * 512, store.GridEntries);
        Assert.Equal(40_000 * periods, store.Count);
        AssertRecorded(store);
    }

    [Fact]
    public void Cells_keep_their_numbers_when_tiles_move_to_the_hash_map()
    {
        // Dense first (200 keys × 16 periods), then one key per tile: past the 8,192 tiles kept whatever their density,
        // the tiles are too sparse and move.
        var store = new CellStore<CountAccumulator>();
        for (int p = 0; p < 16; p++)
        {
            for (int k = 0; k < 200; k++)
            {
                store.GetOrAdd(k, p).N = (k * 100) + p;
            }
        }

        Assert.True(store.IsGrid);
        var keysBefore = store.KeyOf.AsSpan(0, store.Count).ToArray();
        var periodsBefore = store.PeriodOf.AsSpan(0, store.Count).ToArray();
        for (int k = 256; k < 64 * 8_400; k += 64)
        {
            store.GetOrAdd(k, 0).N = k * 100;
            if (k == 64 * 8_000)
            {
                Assert.True(store.IsGrid);
            }
        }

        Assert.False(store.IsGrid);
        Assert.Equal(3_200 + 8_396, store.Count);
        Assert.Equal(keysBefore, store.KeyOf.AsSpan(0, keysBefore.Length).ToArray());
        Assert.Equal(periodsBefore, store.PeriodOf.AsSpan(0, periodsBefore.Length).ToArray());
        for (int c = 0; c < store.Count; c++)
        {
            Assert.Equal((store.KeyOf[c] * 100L) + store.PeriodOf[c], store.At(c).N);
        }

        AssertRecorded(store);
    }

    private static void EveryCellKnowsItsKeyAndPeriod<TAcc>(int seed, bool wide, byte readEvery)
        where TAcc : struct, IAccumulator<TAcc>
    {
        // Up to 12,000 cells: past the eager-record limit (4,096), with the tiles or grid growing in both directions, and
        // (wide) past their budget into the hash map; the record is read at random moments in between.
        var random = new Random(seed);
        var store = new CellStore<TAcc>();
        var expected = new Dictionary<(int, int), long>();
        int keys = wide ? 60_000 : 150;
        int periods = wide ? 100 : 80;
        for (int i = 0; i < 20_000; i++)
        {
            int k = random.Next(keys);
            int p = random.Next(periods);
            Add(ref store.GetOrAdd(k, p), 1);
            expected[(k, p)] = expected.GetValueOrDefault((k, p)) + 1;
            if (readEvery > 0 && i % (100 * readEvery) == 0)
            {
                AssertRecorded(store);
            }
        }

        Assert.Equal(expected.Count, store.Count);
        AssertRecorded(store);
        foreach (var ((k, p), n) in expected)
        {
            Assert.Equal(n, store.AtHandle(store.Find(k, p)).Count);
        }

        for (int c = 0; c < store.Count; c++)
        {
            Assert.Equal(expected[(store.KeyOf[c], store.PeriodOf[c])], store.At(c).Count);
        }

        var visited = new Visited<TAcc>(new Dictionary<(int, int), long>());
        store.VisitCells(ref visited);
        Assert.Equal(expected, visited.Cells);

        // A row cursor finds what FindRef finds, periods read up, down and at random (its remembered tile must follow).
        for (int k = 0; k < Math.Min(keys, 200); k += 7)
        {
            var row = store.RowOf(k);
            var order = new List<int>();
            for (int p = 0; p < periods + 9; p++)
            {
                order.Add(p);
            }

            order.AddRange(Enumerable.Reverse(order).ToList());
            order.AddRange(order.Select(_ => random.Next(periods + 9)).ToList());
            foreach (int p in order)
            {
                ref TAcc found = ref store.FindRef(k, p);
                ref TAcc byRow = ref row.Find(p);
                Assert.True(Unsafe.IsNullRef(ref found) ? Unsafe.IsNullRef(ref byRow) : Unsafe.AreSame(ref found, ref byRow));
            }
        }
    }

    /// <summary>Collects the visited cells' counts by key and period (throwing on a cell visited twice).</summary>
    private readonly struct Visited<TAcc>(Dictionary<(int, int), long> cells) : ICellVisitor<TAcc>
        where TAcc : struct, IAccumulator<TAcc>
    {
        public Dictionary<(int, int), long> Cells => cells;

        public void Visit(int key, int period, in TAcc acc) => cells.Add((key, period), acc.Count);
    }

    private static (CellStore<TAcc> Eager, CellStore<TAcc> Lazy) ReadWhileCellsComeAndAtTheEnd<TAcc>()
        where TAcc : struct, IAccumulator<TAcc>
    {
        var eager = new CellStore<TAcc>();
        var lazy = new CellStore<TAcc>();
        for (int p = 0; p < 40; p++)
        {
            for (int k = 0; k < 300; k++)
            {
                Add(ref eager.GetOrAdd(k, p), 1);
                if (k % 97 == 0)
                {
                    _ = eager.KeyOf;
                }

                Add(ref lazy.GetOrAdd(k, p), 1);
            }
        }

        Assert.Equal(12_000, lazy.Count);
        Assert.Equal(eager.PeriodOf.AsSpan(0, 12_000).ToArray(), lazy.PeriodOf.AsSpan(0, 12_000).ToArray());
        AssertRecorded(eager);
        AssertRecorded(lazy);
        return (eager, lazy);
    }

    private static void DenseBlockCostsTheSameInAnyOrder<TAcc>(string order, long entries)
        where TAcc : struct, IAccumulator<TAcc>
    {
        var cells = new List<(int Key, int Period)>();
        for (int p = 0; p < 40; p++)
        {
            for (int k = 0; k < 300; k++)
            {
                cells.Add((k, p));
            }
        }

        if (order == "by key")
        {
            cells.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Period.CompareTo(b.Period));
        }
        else if (order == "shuffled")
        {
            var random = new Random(7);
            for (int i = cells.Count - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (cells[i], cells[j]) = (cells[j], cells[i]);
            }
        }

        var store = new CellStore<TAcc>();
        foreach (var (k, p) in cells)
        {
            Add(ref store.GetOrAdd(k, p), k + 1);
        }

        Assert.True(store.IsGrid);
        Assert.Equal(entries, store.GridEntries);
        Assert.Equal(12_000, store.Count);
        Assert.Equal(300, store.KeyBound);
        Assert.Equal(40, store.PeriodBound);
        for (int p = 0; p < 40; p++)
        {
            for (int k = 0; k < 300; k++)
            {
                Assert.Equal(k + 1, store.AtHandle(store.Find(k, p)).Count);
            }
        }

        Assert.Equal(-1, store.Find(300, 0));
        Assert.Equal(-1, store.Find(0, 40));
        Assert.True(Unsafe.IsNullRef(ref store.FindRef(300, 0)));
        Assert.True(Unsafe.IsNullRef(ref store.FindRef(0, 40)));
        AssertRecorded(store);
    }

    private static void DiagonalBandMovesToTheHashMap<TAcc>()
        where TAcc : struct, IAccumulator<TAcc>
    {
        var store = new CellStore<TAcc>();
        var expected = new Dictionary<(int, int), long>();
        for (int p = 0; p < 2_100; p++)
        {
            for (int k = 0; k < 2_000; k += 16)
            {
                Add(ref store.GetOrAdd(k, p), p + 1);
                expected[(k, p)] = p + 1;
            }
        }

        Assert.False(store.IsGrid);
        Assert.Equal(0, store.GridEntries);
        Assert.Equal(expected.Count, store.Count);
        foreach (var ((k, p), n) in expected)
        {
            Assert.Equal(n, store.AtHandle(store.Find(k, p)).Count);
        }

        AssertRecorded(store);
    }

    /// <summary>Adds <paramref name="facts"/> facts' worth of count to an accumulator.</summary>
    private static void Add<TAcc>(ref TAcc acc, long facts)
        where TAcc : struct, IAccumulator<TAcc> =>
        acc.Merge(TAcc.FromState(new CellState { Count = facts }));

    private static void AssertRecorded<TAcc>(CellStore<TAcc> store)
        where TAcc : struct
    {
        var keyOf = store.KeyOf;
        var periodOf = store.PeriodOf;
        for (int c = 0; c < store.Count; c++)
        {
            Assert.Equal(store.HandleOf(c), store.Find(keyOf[c], periodOf[c]));
            Assert.True(Unsafe.AreSame(ref store.At(c), ref store.AtHandle(store.HandleOf(c))));
            Assert.True(Unsafe.AreSame(ref store.At(c), ref store.FindRef(keyOf[c], periodOf[c])));
        }
    }
}
