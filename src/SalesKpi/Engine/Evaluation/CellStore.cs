using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SalesKpi;

/// <summary>
/// Accumulators of the result cells, stored compactly in first-seen order and addressed by (key slot, period slot)
/// through a grid of small pages while the pages stay within a budget, or a hash map beyond that.
/// </summary>
/// <remarks>
/// <para>
/// The grid is a directory of pages, each covering a block of 32 key slots by 8 period slots (1 KiB). A page is
/// allocated when its block first holds a cell and is never copied: only the directory, one reference per page, grows.
/// The grid so costs about 4 bytes per possible cell of the blocks in use, whatever order the facts come in (by time,
/// by rep, or neither). Past the first 64 pages, pages go to the pinned-object heap, so that the young-generation
/// collections a large grid's own allocation sets off do not copy it.
/// </para>
/// <para>
/// While the grid addresses the cells, a new cell costs one append and one grid entry: which key and period each cell
/// belongs to (<see cref="KeyOf"/>, <see cref="PeriodOf"/>) is read back from the grid only when asked for (merge,
/// roll-up, snapshot), by one pass over it; a table is built from the grid directly (<see cref="Find"/>). Beyond the
/// grid budget the cells move to a hash map and their keys and periods are recorded as they come.
/// </para>
/// <para>
/// Accumulators live in chunks of 128 KiB on the large-object heap (the first chunk grows by doubling up to that size,
/// so small stores stay small): the store never copies the accumulators of a large state, and allocates little more
/// than it holds.
/// </para>
/// </remarks>
/// <typeparam name="TAcc">The accumulator type.</typeparam>
internal sealed class CellStore<TAcc>
    where TAcc : struct
{
    /// <summary>The budget of grid entries (all pages together) before the store moves to a hash map.</summary>
    private const int MaxGridEntries = 1 << 22;

    /// <summary>The grid entries (64 pages) past which pages are allocated on the pinned-object heap.</summary>
    private const int PinnedAfterEntries = 1 << 14;

    /// <summary>The budget of directory entries (pages, allocated or not) before the store moves to a hash map.</summary>
    private const int MaxDirectoryEntries = 1 << 18;

    /// <summary>Up to this many cells, keys and periods are recorded as cells come (small stores, such as the partial
    /// states of a merge, then never scan their grid); beyond it they are read back from the grid when asked for.</summary>
    private const int EagerRecordLimit = 4096;

    /// <summary>Gets log2 of the accumulators per chunk: chunks of 128 KiB for accumulators of up to 256 bytes, on the
    /// large-object heap, which a young-generation collection never copies (the first chunk, growing to that size, starts
    /// small).</summary>
    /// <remarks>A constant the JIT folds for each accumulator type (a static field would be read, behind a class
    /// initialisation check, on every fact of a loop compiled before the class was initialised).</remarks>
    private static int ChunkShift
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.SizeOf<TAcc>() switch
        {
            <= 8 => 14,
            <= 16 => 13,
            <= 32 => 12,
            <= 64 => 11,
            <= 128 => 10,
            _ => 9,
        };
    }

    private static int ChunkMask
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (1 << ChunkShift) - 1;
    }

    /// <summary>log2 of the key slots and of the period slots a page covers.</summary>
    private const int KeyShift = 5;
    private const int PeriodShift = 3;
    private const int KeyMask = (1 << KeyShift) - 1;
    private const int PeriodMask = (1 << PeriodShift) - 1;

    private TAcc[][] _chunks = [new TAcc[16]];

    /// <summary>The accumulators allocated over all chunks.</summary>
    private int _capacity = 16;

    /// <summary>The pages by (period block, key block): index <c>(periodBlock &lt;&lt; _directoryKeyShift) | keyBlock</c>; each
    /// holds cell index + 1 (0 for none) by <c>((period &amp; PeriodMask) &lt;&lt; KeyShift) | (key &amp; KeyMask)</c>. Null
    /// once the store has moved to the hash map.</summary>
    private int[]?[]? _pages = new int[]?[1];

    /// <summary>log2 of the key blocks the directory holds per period block.</summary>
    private int _directoryKeyShift;

    /// <summary>The period blocks the directory holds.</summary>
    private int _directoryPeriods = 1;

    /// <summary>The grid entries allocated over all pages.</summary>
    private long _gridEntries;

    private LongSlotMap? _sparse;
    private int[] _keyOf = [];
    private int[] _periodOf = [];

    /// <summary>The number of cells whose key and period are recorded in <see cref="_keyOf"/> and <see cref="_periodOf"/>.</summary>
    private int _recorded;

    /// <summary>Gets each cell's key slot (at least <see cref="Count"/> entries).</summary>
    public int[] KeyOf
    {
        get
        {
            if (_recorded != Count)
            {
                Record();
            }

            return _keyOf;
        }
    }

    /// <summary>Gets each cell's period slot (at least <see cref="Count"/> entries).</summary>
    public int[] PeriodOf
    {
        get
        {
            if (_recorded != Count)
            {
                Record();
            }

            return _periodOf;
        }
    }

    public int Count { get; private set; }

    /// <summary>Gets a value indicating whether the grid addresses the cells (so <see cref="Find"/> is an array look-up).</summary>
    public bool IsGrid => _pages is not null;

    /// <summary>Gets one more than the largest period slot of any cell (read from the record of keys and periods).</summary>
    public int PeriodBound => Bound(PeriodOf);

    /// <summary>Gets one more than the largest key slot of any cell (read from the record of keys and periods).</summary>
    public int KeyBound => Bound(KeyOf);

    /// <summary>Gets the grid entries allocated over all pages (0 in hash-map mode).</summary>
    public long GridEntries => _pages is null ? 0 : _gridEntries;

    /// <summary>Gets the accumulator of a cell.</summary>
    /// <param name="cell">The cell index, below <see cref="Count"/>.</param>
    /// <remarks>Unchecked within the chunk: a cell below <see cref="Count"/> is always inside its chunk (the first chunk
    /// is as long as the capacity while it grows; the others are full size).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TAcc At(int cell) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_chunks[cell >> ChunkShift]), cell & ChunkMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TAcc GetOrAdd(int key, int period)
    {
        var pages = _pages;
        if (pages is not null)
        {
            uint keyBlock = (uint)key >> KeyShift;
            int directoryKeyShift = _directoryKeyShift;

            // The directory holds whole rows of key blocks, so a period block past its end gives an index past its end.
            ulong index = ((ulong)((uint)period >> PeriodShift) << directoryKeyShift) | keyBlock;
            if ((keyBlock >> directoryKeyShift) == 0 && index < (ulong)pages.Length)
            {
                int[]? page = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(pages), (nint)index);
                if (page is not null)
                {
                    // Every page has 1 << (KeyShift + PeriodShift) entries, and the entry is masked to that range.
                    int entry = ((period & PeriodMask) << KeyShift) | (key & KeyMask);
                    int cell = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(page), entry);
                    if (cell != 0)
                    {
                        return ref At(cell - 1);
                    }

                    // A new cell inside the grid: append it without the general path's second look-up (which may add a
                    // chunk: read the accumulator only after it returns).
                    int appended = AddInPage(page, entry, key, period);
                    return ref At(appended);
                }
            }
        }

        int added = Slow(key, period);
        return ref At(added);
    }

    /// <summary>Returns the index of the cell of (<paramref name="key"/>, <paramref name="period"/>), or -1 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(int key, int period)
    {
        var pages = _pages;
        if (pages is not null)
        {
            uint keyBlock = (uint)key >> KeyShift;
            uint periodBlock = (uint)period >> PeriodShift;
            if ((keyBlock >> _directoryKeyShift) == 0 && periodBlock < (uint)_directoryPeriods
                && pages[(int)((periodBlock << _directoryKeyShift) | keyBlock)] is int[] page)
            {
                return page[((period & PeriodMask) << KeyShift) | (key & KeyMask)] - 1;
            }

            return -1;
        }

        return _sparse!.TryGet(Pack(key, period), out int cell) ? cell : -1;
    }

    /// <summary>Sets <paramref name="used"/>[slot] for every period slot that holds a cell (grid mode only; <paramref name="used"/> covers every period slot).</summary>
    public void MarkPeriodsInUse(bool[] used)
    {
        var pages = _pages!;
        for (int d = 0; d < pages.Length; d++)
        {
            var page = pages[d];
            if (page is null)
            {
                continue;
            }

            int periodBase = (d >> _directoryKeyShift) << PeriodShift;
            int rows = Math.Min(PeriodMask + 1, used.Length - periodBase);
            for (int row = 0; row < rows; row++)
            {
                if (!used[periodBase + row] && page.AsSpan(row << KeyShift, 1 << KeyShift).ContainsAnyExcept(0))
                {
                    used[periodBase + row] = true;
                }
            }
        }
    }

    private int Bound(int[] slots)
    {
        int bound = 0;
        for (int c = 0; c < Count; c++)
        {
            bound = Math.Max(bound, slots[c] + 1);
        }

        return bound;
    }

    private static long Pack(int key, int period) => ((long)key << 32) | (uint)period;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AddInPage(int[] page, int entry, int key, int period)
    {
        int cell = Append();
        RecordEagerly(cell, key, period);
        page[entry] = cell + 1;
        return cell;
    }

    /// <summary>Makes room for one more accumulator and returns its cell index (counted).</summary>
    private int Append()
    {
        int cell = Count;
        if (cell == _capacity)
        {
            Grow();
        }

        Count = cell + 1;
        return cell;
    }

    private void Grow()
    {
        int chunkSize = 1 << ChunkShift;
        if (_capacity < chunkSize)
        {
            // The first chunk doubles until it is full size.
            var first = _chunks[0];
            Array.Resize(ref first, Math.Min(chunkSize, checked(_capacity * 2)));
            _chunks[0] = first;
            _capacity = first.Length;
            return;
        }

        int chunk = _capacity >> ChunkShift;
        if (chunk == _chunks.Length)
        {
            var chunks = _chunks;
            Array.Resize(ref chunks, chunks.Length * 2);
            _chunks = chunks;
        }

        _chunks[chunk] = new TAcc[chunkSize];
        _capacity = checked(_capacity + chunkSize);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Slow(int key, int period)
    {
        int found = Find(key, period);
        if (found >= 0)
        {
            return found;
        }

        if (_pages is not null && TryAddPage(key, period) is int[] page)
        {
            return AddInPage(page, ((period & PeriodMask) << KeyShift) | (key & KeyMask), key, period);
        }

        // Hash-map mode: every cell's key and period recorded as it comes.
        Record();
        int cell = Append();
        EnsureRecordCapacity(cell + 1);
        _keyOf[cell] = key;
        _periodOf[cell] = period;
        _recorded = Count;
        _sparse!.Add(Pack(key, period), cell);
        return cell;
    }

    /// <summary>
    /// Returns the page of (<paramref name="key"/>, <paramref name="period"/>), growing the directory and allocating the
    /// page as needed; or null, having moved every cell to the hash map, when that would pass the grid budget.
    /// </summary>
    private int[]? TryAddPage(int key, int period)
    {
        int keyBlock = key >> KeyShift;
        int periodBlock = period >> PeriodShift;
        int directoryKeyShift = _directoryKeyShift;
        int directoryPeriods = _directoryPeriods;
        while ((keyBlock >> directoryKeyShift) != 0)
        {
            directoryKeyShift++;
        }

        while (periodBlock >= directoryPeriods)
        {
            directoryPeriods *= 2;
        }

        int pageEntries = 1 << (KeyShift + PeriodShift);
        if (((long)directoryPeriods << directoryKeyShift) > MaxDirectoryEntries || _gridEntries + pageEntries > MaxGridEntries)
        {
            MoveToHashMap();
            return null;
        }

        var pages = _pages!;
        if (directoryKeyShift != _directoryKeyShift || directoryPeriods != _directoryPeriods)
        {
            // Only the directory is copied, one reference per page.
            var grown = new int[]?[directoryPeriods << directoryKeyShift];
            int oldKeyBlocks = 1 << _directoryKeyShift;
            for (int pb = 0; pb < _directoryPeriods; pb++)
            {
                Array.Copy(pages, pb << _directoryKeyShift, grown, pb << directoryKeyShift, oldKeyBlocks);
            }

            pages = grown;
            _pages = grown;
            _directoryKeyShift = directoryKeyShift;
            _directoryPeriods = directoryPeriods;
        }

        ref int[]? page = ref pages[(periodBlock << directoryKeyShift) | keyBlock];
        if (page is null)
        {
            // The pages of a large grid go to the pinned-object heap, which a young-generation collection never copies:
            // a grid of thousands of 1 KiB pages would otherwise be copied by the collections its own allocation sets
            // off. The first pages, all a small store has, stay ordinary young objects.
            page = _gridEntries < PinnedAfterEntries ? new int[pageEntries] : GC.AllocateArray<int>(pageEntries, pinned: true);
            _gridEntries += pageEntries;
        }

        return page;
    }

    private void MoveToHashMap()
    {
        // The cells so far are all in the grid: record them from it, then index them in the hash map.
        Record();
        _sparse = new LongSlotMap();
        for (int c = 0; c < Count; c++)
        {
            _sparse.Add(Pack(_keyOf[c], _periodOf[c]), c);
        }

        _pages = null;
    }

    private void RecordEagerly(int cell, int key, int period)
    {
        if (cell < EagerRecordLimit && _recorded == cell)
        {
            EnsureRecordCapacity(cell + 1);
            _keyOf[cell] = key;
            _periodOf[cell] = period;
            _recorded = cell + 1;
        }
    }

    /// <summary>Records the key and period of every cell (from the grid in grid mode; already done in hash-map mode).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Record()
    {
        if (_recorded == Count)
        {
            return;
        }

        EnsureRecordCapacity(Count);
        var pages = _pages!;
        var keyOf = _keyOf;
        var periodOf = _periodOf;
        int keyBlocks = 1 << _directoryKeyShift;
        for (int d = 0; d < pages.Length; d++)
        {
            var page = pages[d];
            if (page is null)
            {
                continue;
            }

            int keyBase = (d & (keyBlocks - 1)) << KeyShift;
            int periodBase = (d >> _directoryKeyShift) << PeriodShift;
            for (int e = 0; e < page.Length; e++)
            {
                int c = page[e];
                if (c != 0)
                {
                    keyOf[c - 1] = keyBase | (e & KeyMask);
                    periodOf[c - 1] = periodBase | (e >> KeyShift);
                }
            }
        }

        _recorded = Count;
    }

    private void EnsureRecordCapacity(int count)
    {
        if (_keyOf.Length < count)
        {
            int size = Math.Max(count, Math.Max(16, _keyOf.Length * 2));
            var keyOf = _keyOf;
            Array.Resize(ref keyOf, size);
            _keyOf = keyOf;
            var periodOf = _periodOf;
            Array.Resize(ref periodOf, size);
            _periodOf = periodOf;
        }
    }
}

/// <summary>An open-addressing map from 64-bit keys to non-negative slots.</summary>
internal sealed class LongSlotMap
{
    private long[] _keys = new long[64];
    private int[] _slots = new int[64];
    private int _count;
    private int _shift = 64 - 6;

    public bool TryGet(long key, out int slot)
    {
        uint mask = (uint)_keys.Length - 1;
        uint i = (uint)(unchecked((ulong)key * 0x9E3779B97F4A7C15ul) >> _shift);
        while (true)
        {
            int s = _slots[i];
            if (s == 0)
            {
                slot = -1;
                return false;
            }

            if (_keys[i] == key)
            {
                slot = s - 1;
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    public void Add(long key, int slot)
    {
        if ((_count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        Put(_keys, _slots, _shift, key, slot + 1);
        _count++;
    }

    private static void Put(long[] keys, int[] slots, int shift, long key, int stored)
    {
        uint mask = (uint)keys.Length - 1;
        uint i = (uint)(unchecked((ulong)key * 0x9E3779B97F4A7C15ul) >> shift);
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        keys[i] = key;
        slots[i] = stored;
    }

    private void Grow()
    {
        var keys = new long[_keys.Length * 2];
        var slots = new int[_keys.Length * 2];
        int shift = _shift - 1;
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_slots[i] != 0)
            {
                Put(keys, slots, shift, _keys[i], _slots[i]);
            }
        }

        _keys = keys;
        _slots = slots;
        _shift = shift;
    }
}
