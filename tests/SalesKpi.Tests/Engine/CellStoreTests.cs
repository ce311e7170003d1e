using System;
using System.Collections.Generic;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>The cell store's record of each cell's key and period, kept as cells come or read back from the grid.</summary>
public sealed class CellStoreTests
{
    [Property(MaxTest = 40)]
    public void Every_cell_knows_its_key_and_period_whenever_asked(int seed, bool wide, byte readEvery)
    {
        // Up to 12,000 cells: past the eager-record limit (4,096), with the grid growing in both directions, and (wide)
        // past the grid budget into the hash map; the record is read at random moments in between.
        var random = new Random(seed);
        var store = new CellStore<CountAccumulator>();
        var expected = new Dictionary<(int, int), long>();
        int keys = wide ? 60_000 : 150;
        int periods = wide ? 100 : 80;
        for (int i = 0; i < 20_000; i++)
        {
            int k = random.Next(keys);
            int p = random.Next(periods);
            store.GetOrAdd(k, p).N++;
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
            Assert.Equal(n, store.At(store.Find(k, p)).N);
        }
    }

    [Fact]
    public void A_store_read_while_cells_come_and_one_read_only_at_the_end_agree()
    {
        // 300 keys × 40 periods in a fixed order: 12,000 cells, recorded eagerly up to 4,096 and from the grid after.
        var eager = new CellStore<CountAccumulator>();
        var lazy = new CellStore<CountAccumulator>();
        for (int p = 0; p < 40; p++)
        {
            for (int k = 0; k < 300; k++)
            {
                eager.GetOrAdd(k, p).N++;
                if (k % 97 == 0)
                {
                    _ = eager.KeyOf;
                }

                lazy.GetOrAdd(k, p).N++;
            }
        }

        Assert.Equal(12_000, lazy.Count);
        Assert.Equal(eager.KeyOf.AsSpan(0, 12_000).ToArray(), lazy.KeyOf.AsSpan(0, 12_000).ToArray());
        Assert.Equal(eager.PeriodOf.AsSpan(0, 12_000).ToArray(), lazy.PeriodOf.AsSpan(0, 12_000).ToArray());

        // Cell 4,500 is the 4,501st new cell: period 15 (4,500 = 15 × 300), key 0.
        Assert.Equal(0, lazy.KeyOf[4_500]);
        Assert.Equal(15, lazy.PeriodOf[4_500]);
    }

    [Theory]
    [InlineData("by period")]
    [InlineData("by key")]
    [InlineData("shuffled")]
    public void A_dense_block_of_cells_costs_the_same_grid_in_any_order(string order)
    {
        // 300 keys × 40 periods: pages of 32 keys × 8 periods, 10 key blocks × 5 period blocks, 256 entries each,
        // whatever the order the cells come in (the grid never copies a page).
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

        var store = new CellStore<CountAccumulator>();
        foreach (var (k, p) in cells)
        {
            store.GetOrAdd(k, p).N += k + 1;
        }

        Assert.True(store.IsGrid);
        Assert.Equal(10 * 5 * 256, store.GridEntries);
        Assert.Equal(12_000, store.Count);
        Assert.Equal(300, store.KeyBound);
        Assert.Equal(40, store.PeriodBound);
        for (int p = 0; p < 40; p++)
        {
            for (int k = 0; k < 300; k++)
            {
                Assert.Equal(k + 1, store.At(store.Find(k, p)).N);
            }
        }

        AssertRecorded(store);
    }

    [Fact]
    public void Accumulators_keep_their_values_across_chunks()
    {
        // 8-byte accumulators come in chunks of 16,384: 40,000 cells span three chunks, the first grown by doubling.
        var store = new CellStore<CountAccumulator>();
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
    public void A_grid_past_its_budget_moves_to_the_hash_map_and_keeps_every_cell()
    {
        // 2,000 keys × 2,100 periods of one cell each along the diagonal band: pages enough to pass the 4 Mi-entry budget.
        var store = new CellStore<CountAccumulator>();
        var expected = new Dictionary<(int, int), long>();
        for (int p = 0; p < 2_100; p++)
        {
            for (int k = 0; k < 2_000; k += 16)
            {
                store.GetOrAdd(k, p).N += p + 1;
                expected[(k, p)] = p + 1;
            }
        }

        Assert.False(store.IsGrid);
        Assert.Equal(0, store.GridEntries);
        Assert.Equal(expected.Count, store.Count);
        foreach (var ((k, p), n) in expected)
        {
            Assert.Equal(n, store.At(store.Find(k, p)).N);
        }

        AssertRecorded(store);
    }

    private static void AssertRecorded(CellStore<CountAccumulator> store)
    {
        var keyOf = store.KeyOf;
        var periodOf = store.PeriodOf;
        for (int c = 0; c < store.Count; c++)
        {
            Assert.Equal(c, store.Find(keyOf[c], periodOf[c]));
        }
    }
}
