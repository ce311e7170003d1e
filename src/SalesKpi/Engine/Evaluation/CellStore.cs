using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SalesKpi;

/// <summary>
/// Accumulators of the result cells, addressed by (key slot, period slot): small plain-data accumulators in dense tiles
/// while the tiles stay dense and within a budget, others through a grid of small pages of cell indices; a hash map
/// beyond either.
/// </summary>
/// <remarks>
/// <para>
/// <b>Tiles</b> (accumulators of up to 16 bytes without references, such as counts): a directory of tiles, each holding
/// the accumulators of a block of 64 key slots by 8 period slots in place, with a presence bit per cell in its header.
/// Adding to a cell costs one directory read and two writes into the tile (the accumulator and its presence bit): no
/// cell index, no second array. A tile is allocated when its block first holds a cell and never copied; only the
/// directory grows. Cells are numbered (<see cref="KeyOf"/>, <see cref="PeriodOf"/>, <see cref="At"/>) in tile order,
/// then by period and key within a tile, by one pass over the presence bits when first asked for after new cells came.
/// Past 32 MiB of tiles, tiles whose period rows in use would hold more than four times the cells in use (or that would
/// pass 4 Mi tiles) move every cell to the hash map.
/// </para>
/// <para>
/// <b>The grid</b> (larger accumulators): a directory of pages, each covering a block of 32 key slots by 8 period slots
/// (1 KiB), whose entries hold cell indices into the accumulators, stored compactly in first-seen order. A page is
/// allocated when its block first holds a cell and is never copied. Which key and period each cell belongs to is read
/// back from the grid only when asked for (merge, roll-up, snapshot), by one pass over it. Beyond the grid budget the
/// cells move to a hash map and their keys and periods are recorded as they come.
/// </para>
/// <para>
/// Past the first 64 pages (or 32 tiles), pages and tiles go to the pinned-object heap, so that the young-generation
/// collections a large store's own allocation sets off do not copy it. Compact accumulators live in chunks of 128 KiB on
/// the large-object heap (the first chunk grows by doubling up to that size, so small stores stay small). A table is
/// built from tiles or grid directly (<see cref="Find"/>, <see cref="AtHandle"/>).
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

    /// <summary>log2 of the key slots and of the period slots a tile covers, and the accumulators a tile holds.</summary>
    private const int TileKeyShift = 6;
    private const int TilePeriodShift = 3;
    private const int TileKeyMask = (1 << TileKeyShift) - 1;
    private const int TilePeriodMask = (1 << TilePeriodShift) - 1;
    private const int TileShift = TileKeyShift + TilePeriodShift;
    private const int TileEntries = 1 << TileShift;

    /// <summary>The bytes of a tile's header: 8 presence words (one per period row, a bit per key), then the tile's number,
    /// key block and period block as integers.</summary>
    private const int TileHeaderBytes = 80;

    /// <summary>Gets a value indicating whether accumulators of this type live in tiles: plain data of up to 16 bytes.</summary>
    private static bool Tiled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => !RuntimeHelpers.IsReferenceOrContainsReferences<TAcc>() && Unsafe.SizeOf<TAcc>() <= 16;
    }

    /// <summary>Gets the accumulator slots a tile's header takes.</summary>
    private static int TileHeader
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (TileHeaderBytes + Unsafe.SizeOf<TAcc>() - 1) / Unsafe.SizeOf<TAcc>();
    }

    /// <summary>Gets the tiles a store keeps whatever their density: 32 MiB of accumulators (8,192 tiles of counts), as
    /// many entries as the grid's budget. Facts in no useful order (shuffled, or by key) allocate most tiles long before
    /// their cells come, so density alone would send dense states to the hash map.</summary>
    private static int FloorTiles => (1 << 25) / (TileEntries * Unsafe.SizeOf<TAcc>());

    /// <summary>The most tiles a store holds: a cell's handle (tile number, then entry) is a non-negative integer. Below it
    /// only the density rule applies: tiles at least a quarter full cost at most 32 (or 64) bytes a cell, less than the
    /// hash map's keys, slots and records.</summary>
    private const int MaxTiles = 1 << (31 - TileShift);

    private TAcc[][] _chunks = Tiled ? [] : [new TAcc[16]];

    /// <summary>The accumulators allocated over all chunks.</summary>
    private int _capacity = Tiled ? 0 : 16;

    /// <summary>The tiles by (period block, key block): index <c>(periodBlock &lt;&lt; _tileDirectoryKeyShift) | keyBlock</c>.
    /// Null unless the store is in tile mode.</summary>
    private TAcc[]?[]? _tileDirectory = Tiled ? new TAcc[]?[1] : null;

    /// <summary>log2 of the key blocks the tile directory holds per period block.</summary>
    private int _tileDirectoryKeyShift;

    /// <summary>The period blocks the tile directory holds.</summary>
    private int _tileDirectoryPeriods = 1;

    /// <summary>The tiles in the order they were allocated (a cell's handle is its tile's number, then its entry).</summary>
    private TAcc[][] _tiles = [];

    private int _tileCount;

    private int _count;

    /// <summary>Whether cells may have come into the tiles since they were last counted.</summary>
    private bool _countStale;

    /// <summary>The period rows (bit per row of a tile) holding cells in any tile, as last counted.</summary>
    private int _rowsInUse;

    /// <summary>The tile count from which a new tile checks the tiles' density again (<see cref="TilesTooSparse"/>).</summary>
    private int _tilesChecked = FloorTiles;

    /// <summary>In tile mode, the handle of each numbered cell (recorded with <see cref="_keyOf"/>).</summary>
    private int[] _positions = [];

    /// <summary>The pages by (period block, key block): index <c>(periodBlock &lt;&lt; _directoryKeyShift) | keyBlock</c>; each
    /// holds cell index + 1 (0 for none) by <c>((period &amp; PeriodMask) &lt;&lt; KeyShift) | (key &amp; KeyMask)</c>. Null
    /// in tile mode and once the store has moved to the hash map.</summary>
    private int[]?[]? _pages = Tiled ? null : new int[]?[1];

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

    /// <summary>Gets the number of cells.</summary>
    public int Count
    {
        get
        {
            if (_countStale)
            {
                Recount();
            }

            return _count;
        }

        private set => _count = value;
    }

    /// <summary>Gets a value indicating whether tiles or the grid address the cells (so <see cref="Find"/> is an array look-up).</summary>
    public bool IsGrid => _pages is not null || _tileDirectory is not null;

    /// <summary>Gets one more than the largest period slot of any cell (read from the record of keys and periods).</summary>
    public int PeriodBound => Bound(PeriodOf);

    /// <summary>Gets one more than the largest key slot of any cell (read from the record of keys and periods).</summary>
    public int KeyBound => Bound(KeyOf);

    /// <summary>Gets the entries allocated over all tiles or pages (0 in hash-map mode).</summary>
    public long GridEntries => _tileDirectory is not null ? (long)_tileCount * TileEntries : _pages is null ? 0 : _gridEntries;

    /// <summary>Gets the accumulator of a numbered cell.</summary>
    /// <param name="cell">The cell's number, below <see cref="Count"/> (as <see cref="KeyOf"/> and <see cref="PeriodOf"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TAcc At(int cell)
    {
        if (Tiled && _tileDirectory is not null)
        {
            if (_recorded != Count)
            {
                Record();
            }

            return ref AtHandle(_positions[cell]);
        }

        return ref ChunkAt(cell);
    }

    /// <summary>Gets the accumulator of the cell <see cref="Find"/> returned.</summary>
    /// <param name="handle">The handle, valid until the next cell is added.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TAcc AtHandle(int handle)
    {
        if (Tiled && _tileDirectory is not null)
        {
            return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_tiles[handle >> TileShift]), TileHeader + (handle & (TileEntries - 1)));
        }

        return ref ChunkAt(handle);
    }

    /// <summary>Gets the handle of a numbered cell (what <see cref="Find"/> returns for its key and period).</summary>
    public int HandleOf(int cell)
    {
        if (_tileDirectory is null)
        {
            return cell;
        }

        if (_recorded != Count)
        {
            Record();
        }

        return _positions[cell];
    }

    /// <remarks>Unchecked within the chunk: a cell below <see cref="Count"/> is always inside its chunk (the first chunk
    /// is as long as the capacity while it grows; the others are full size).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref TAcc ChunkAt(int cell) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_chunks[cell >> ChunkShift]), cell & ChunkMask);

    /// <remarks>The directory look-ups are written out here rather than shared with <see cref="Find"/> through
    /// <c>BlockOf</c>: inlined into the fact loop that way, W1's pass over activity rows took 58 ms instead of 39.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TAcc GetOrAdd(int key, int period)
    {
        if (Tiled)
        {
            var directory = _tileDirectory;
            if (directory is not null)
            {
                uint tileKeyBlock = (uint)key >> TileKeyShift;
                int shift = _tileDirectoryKeyShift;

                // The directory holds whole rows of key blocks, so a period block past its end gives an index past its end.
                ulong tileIndex = ((ulong)((uint)period >> TilePeriodShift) << shift) | tileKeyBlock;
                if ((tileKeyBlock >> shift) == 0 && tileIndex < (ulong)directory.Length)
                {
                    TAcc[]? tile = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(directory), (nint)tileIndex);
                    if (tile is not null)
                    {
                        return ref InTile(tile, key, period);
                    }
                }

                return ref AddTiled(key, period);
            }
        }

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

    /// <summary>Returns the handle of the cell of (<paramref name="key"/>, <paramref name="period"/>) for
    /// <see cref="AtHandle"/>, or -1 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(int key, int period)
    {
        if (Tiled && _tileDirectory is { } directory)
        {
            if (BlockOf(directory, _tileDirectoryKeyShift, key >> TileKeyShift, period >> TilePeriodShift) is { } tile
                && ((PresenceOf(tile, period & TilePeriodMask) >> key) & 1) != 0)
            {
                return (TileNumber(tile) << TileShift) | ((period & TilePeriodMask) << TileKeyShift) | (key & TileKeyMask);
            }

            return -1;
        }

        var pages = _pages;
        if (pages is not null)
        {
            if (BlockOf(pages, _directoryKeyShift, key >> KeyShift, period >> PeriodShift) is { } page)
            {
                return page[((period & PeriodMask) << KeyShift) | (key & KeyMask)] - 1;
            }

            return -1;
        }

        return _sparse!.TryGet(Pack(key, period), out int cell) ? cell : -1;
    }

    /// <summary>Hands every cell to <paramref name="visitor"/> with its key and period slots: in tile mode straight from
    /// the tiles' presence bits, with nothing recorded or allocated; otherwise in cell order.</summary>
    public void VisitCells<TVisitor>(ref TVisitor visitor)
        where TVisitor : struct, ICellVisitor<TAcc>
    {
        if (Tiled && _tileDirectory is not null)
        {
            for (int t = 0; t < _tileCount; t++)
            {
                var tile = _tiles[t];
                int keyBase = TileKeyBlock(tile) << TileKeyShift;
                int periodBase = TilePeriodBlock(tile) << TilePeriodShift;
                ref TAcc first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(tile), TileHeader);
                for (int row = 0; row <= TilePeriodMask; row++)
                {
                    ulong word = PresenceOf(tile, row);
                    while (word != 0)
                    {
                        int e = System.Numerics.BitOperations.TrailingZeroCount(word);
                        word &= word - 1;
                        visitor.Visit(keyBase | e, periodBase | row, in Unsafe.Add(ref first, (row << TileKeyShift) | e));
                    }
                }
            }

            return;
        }

        var keyOf = KeyOf;
        var periodOf = PeriodOf;
        int count = Count;
        for (int c = 0; c < count; c++)
        {
            visitor.Visit(keyOf[c], periodOf[c], in ChunkAt(c));
        }
    }

    /// <summary>Returns the accumulator of the cell of (<paramref name="key"/>, <paramref name="period"/>), or a null
    /// reference when there is none (one look-up where <see cref="Find"/> and <see cref="AtHandle"/> take two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TAcc FindRef(int key, int period) => ref RowOf(key).Find(period);

    /// <summary>Returns a cursor over one key's cells, read period by period (<see cref="RowCursor.Find"/>).</summary>
    public RowCursor RowOf(int key) => new(this, key);

    /// <summary>Sets <paramref name="used"/>[slot] for every period slot that holds a cell (grid mode only; <paramref name="used"/> covers every period slot).</summary>
    public void MarkPeriodsInUse(bool[] used)
    {
        if (_tileDirectory is not null)
        {
            for (int t = 0; t < _tileCount; t++)
            {
                var tile = _tiles[t];
                int periodBase = TilePeriodBlock(tile) << TilePeriodShift;
                int rows = Math.Min(TilePeriodMask + 1, used.Length - periodBase);
                for (int row = 0; row < rows; row++)
                {
                    used[periodBase + row] |= PresenceOf(tile, row) != 0;
                }
            }

            return;
        }

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

    /// <summary>One key's cells read period by period, as a table is built: the last tile is remembered, so periods in
    /// ascending slots (facts that came in time order) look up the directory once per eight periods.</summary>
    internal struct RowCursor
    {
        private readonly CellStore<TAcc> _store;
        private readonly int _key;
        private int _block;
        private TAcc[]? _tile;

        public RowCursor(CellStore<TAcc> store, int key)
        {
            _store = store;
            _key = key;
            _block = -1;
            _tile = null;
        }

        /// <summary>Returns the accumulator of the key's cell in <paramref name="period"/>, or a null reference when there is none.</summary>
        public ref TAcc Find(int period)
        {
            if (Tiled && _store._tileDirectory is { } directory)
            {
                int block = period >> TilePeriodShift;
                if (block != _block)
                {
                    _tile = BlockOf(directory, _store._tileDirectoryKeyShift, _key >> TileKeyShift, block);
                    _block = block;
                }

                var tile = _tile;
                int row = period & TilePeriodMask;
                if (tile is not null && ((PresenceOf(tile, row) >> _key) & 1) != 0)
                {
                    return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(tile), TileHeader + ((row << TileKeyShift) | (_key & TileKeyMask)));
                }

                return ref Unsafe.NullRef<TAcc>();
            }

            int cell = _store.Find(_key, period);
            if (cell < 0)
            {
                return ref Unsafe.NullRef<TAcc>();
            }

            return ref _store.ChunkAt(cell);
        }
    }

    /// <summary>Returns the tile or page of a directory at (<paramref name="keyBlock"/>, <paramref name="periodBlock"/>), or
    /// null when it has none there (not allocated, or past the directory).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T? BlockOf<T>(T?[] directory, int directoryKeyShift, int keyBlock, int periodBlock)
        where T : class
    {
        // The directory holds whole rows of key blocks, so a period block past its end gives an index past its end.
        ulong index = ((ulong)(uint)periodBlock << directoryKeyShift) | (uint)keyBlock;
        return ((uint)keyBlock >> directoryKeyShift) == 0 && index < (ulong)directory.Length
            ? Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(directory), (nint)index)
            : null;
    }

    /// <summary>Marks the cell present in its tile (counting it if new) and returns its accumulator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref TAcc InTile(TAcc[] tile, int key, int period)
    {
        ref TAcc first = ref MemoryMarshal.GetArrayDataReference(tile);
        int row = period & TilePeriodMask;
        ref ulong presence = ref Unsafe.Add(ref Unsafe.As<TAcc, ulong>(ref first), row);
        ulong word = presence;

        // The cells are counted from the presence bits when next asked for: counting here, with or without a branch,
        // would chain every fact to the one before through the count.
        presence = word | (1ul << key);
        _countStale = true;
        return ref Unsafe.Add(ref first, TileHeader + ((row << TileKeyShift) | (key & TileKeyMask)));
    }

    private static ulong PresenceOf(TAcc[] tile, int row) =>
        Unsafe.Add(ref Unsafe.As<TAcc, ulong>(ref MemoryMarshal.GetArrayDataReference(tile)), row);

    private static ref int TileHeaderInt(TAcc[] tile, int field) =>
        ref Unsafe.Add(ref Unsafe.As<TAcc, int>(ref MemoryMarshal.GetArrayDataReference(tile)), 16 + field);

    private static int TileNumber(TAcc[] tile) => TileHeaderInt(tile, 0);

    private static int TileKeyBlock(TAcc[] tile) => TileHeaderInt(tile, 1);

    private static int TilePeriodBlock(TAcc[] tile) => TileHeaderInt(tile, 2);

    /// <summary>Adds a cell whose tile is not allocated yet (or lies past the directory): allocates the tile, or moves
    /// every cell to the hash map when that would pass the budget or leave the tiles too sparse.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref TAcc AddTiled(int key, int period)
    {
        if (TryAddTile(key, period) is TAcc[] tile)
        {
            return ref InTile(tile, key, period);
        }

        int cell = Slow(key, period);
        return ref ChunkAt(cell);
    }

    private TAcc[]? TryAddTile(int key, int period)
    {
        int keyBlock = key >> TileKeyShift;
        int periodBlock = period >> TilePeriodShift;
        int shift = _tileDirectoryKeyShift;
        int periods = _tileDirectoryPeriods;
        FitDirectory(keyBlock, periodBlock, ref shift, ref periods);

        var directory = _tileDirectory!;
        if (((long)periods << shift) > MaxDirectoryEntries)
        {
            MoveTilesToHashMap();
            return null;
        }

        if (shift != _tileDirectoryKeyShift || periods != _tileDirectoryPeriods)
        {
            // Only the directory is copied, one reference per tile.
            directory = GrowDirectory(directory, _tileDirectoryKeyShift, _tileDirectoryPeriods, shift, periods);
            _tileDirectory = directory;
            _tileDirectoryKeyShift = shift;
            _tileDirectoryPeriods = periods;
        }

        ref TAcc[]? slot = ref directory[(periodBlock << shift) | keyBlock];
        if (slot is null)
        {
            if (_tileCount == MaxTiles || (_tileCount >= _tilesChecked && TilesTooSparse()))
            {
                MoveTilesToHashMap();
                return null;
            }

            int length = TileHeader + TileEntries;
            var tile = (long)_tileCount * TileEntries < PinnedAfterEntries ? new TAcc[length] : GC.AllocateArray<TAcc>(length, pinned: true);
            TileHeaderInt(tile, 0) = _tileCount;
            TileHeaderInt(tile, 1) = keyBlock;
            TileHeaderInt(tile, 2) = periodBlock;
            if (_tileCount == _tiles.Length)
            {
                Array.Resize(ref _tiles, Math.Max(16, _tiles.Length * 2));
            }

            _tiles[_tileCount++] = tile;
            slot = tile;
        }

        return slot;
    }

    /// <summary>Counts the cells of the tiles from their presence bits, and the period rows in use.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Recount()
    {
        int count = 0;
        int rows = 0;
        for (int t = 0; t < _tileCount; t++)
        {
            var tile = _tiles[t];
            for (int row = 0; row <= TilePeriodMask; row++)
            {
                ulong word = PresenceOf(tile, row);
                count += System.Numerics.BitOperations.PopCount(word);
                rows |= (word != 0 ? 1 : 0) << row;
            }
        }

        _count = count;
        _rowsInUse = rows;
        _countStale = false;
    }

    /// <summary>
    /// Returns whether one more tile past the floor (<see cref="FloorTiles"/>) would leave the tiles too sparse to keep:
    /// more than four times the cells in use,
    /// counting in each tile only the period rows any tile uses (a store without periods, or whose facts have reached the
    /// first period of each block of eight, fills one row in eight, and the rest as later periods come). Otherwise sets
    /// the tile count at which to check again, so the presence bits are read at most every eighth of the tiles.
    /// </summary>
    private bool TilesTooSparse()
    {
        Recount();
        int rows = Math.Max(1, System.Numerics.BitOperations.PopCount((uint)_rowsInUse));
        long allowed = Math.Max(FloorTiles, 4L * _count / ((long)rows << TileKeyShift));
        int next = _tileCount + 1;
        if (next > allowed)
        {
            return true;
        }

        _tilesChecked = (int)Math.Min(MaxTiles, Math.Max(allowed, next + (next >> 3)));
        return false;
    }

    /// <summary>Widens a directory's key shift and period blocks until they hold (<paramref name="keyBlock"/>, <paramref name="periodBlock"/>).</summary>
    private static void FitDirectory(int keyBlock, int periodBlock, ref int keyShift, ref int periods)
    {
        while ((keyBlock >> keyShift) != 0)
        {
            keyShift++;
        }

        while (periodBlock >= periods)
        {
            periods *= 2;
        }
    }

    /// <summary>Returns a directory of <paramref name="periods"/> rows of 2^<paramref name="keyShift"/> key blocks holding
    /// <paramref name="directory"/>'s entries at the same blocks (only references are copied).</summary>
    private static T[] GrowDirectory<T>(T[] directory, int oldKeyShift, int oldPeriods, int keyShift, int periods)
    {
        var grown = new T[periods << keyShift];
        int oldKeyBlocks = 1 << oldKeyShift;
        for (int pb = 0; pb < oldPeriods; pb++)
        {
            Array.Copy(directory, pb << oldKeyShift, grown, pb << keyShift, oldKeyBlocks);
        }

        return grown;
    }

    /// <summary>Moves every cell from the tiles to compact accumulators indexed by the hash map, keeping their numbers.</summary>
    private void MoveTilesToHashMap()
    {
        Record();
        int n = Count;
        var accumulators = new TAcc[n];
        for (int c = 0; c < n; c++)
        {
            accumulators[c] = AtHandle(_positions[c]);
        }

        _tileDirectory = null;
        _tiles = [];
        _tileCount = 0;
        _positions = [];
        _sparse = new LongSlotMap();
        Count = 0;
        for (int c = 0; c < n; c++)
        {
            int cell = Append();
            ChunkAt(cell) = accumulators[c];
            _sparse.Add(Pack(_keyOf[c], _periodOf[c]), cell);
        }

        _recorded = n;
    }

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
        if (_chunks.Length == 0)
        {
            _chunks = [new TAcc[16]];
            _capacity = 16;
            return;
        }

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
        FitDirectory(keyBlock, periodBlock, ref directoryKeyShift, ref directoryPeriods);

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
            pages = GrowDirectory(pages, _directoryKeyShift, _directoryPeriods, directoryKeyShift, directoryPeriods);
            _pages = pages;
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
        if (_tileDirectory is not null)
        {
            RecordTiles();
            return;
        }

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

    /// <summary>Numbers the cells in tile order, then by period row and key within a tile (all of them: a new cell may
    /// fall before others).</summary>
    private void RecordTiles()
    {
        if (_positions.Length < _keyOf.Length)
        {
            _positions = new int[_keyOf.Length];
        }

        var keyOf = _keyOf;
        var periodOf = _periodOf;
        var positions = _positions;
        int c = 0;
        for (int t = 0; t < _tileCount; t++)
        {
            var tile = _tiles[t];
            int keyBase = TileKeyBlock(tile) << TileKeyShift;
            int periodBase = TilePeriodBlock(tile) << TilePeriodShift;
            for (int row = 0; row <= TilePeriodMask; row++)
            {
                ulong word = PresenceOf(tile, row);
                while (word != 0)
                {
                    int e = System.Numerics.BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    keyOf[c] = keyBase | e;
                    periodOf[c] = periodBase | row;
                    positions[c] = (t << TileShift) | (row << TileKeyShift) | e;
                    c++;
                }
            }
        }

        _count = c;
        _countStale = false;
        _recorded = c;
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

/// <summary>Receives the cells of a <see cref="CellStore{TAcc}"/> one by one (<see cref="CellStore{TAcc}.VisitCells"/>).</summary>
/// <typeparam name="TAcc">The accumulator type.</typeparam>
internal interface ICellVisitor<TAcc>
    where TAcc : struct
{
    /// <summary>Receives one cell: its key slot, period slot and accumulator.</summary>
    void Visit(int key, int period, in TAcc acc);
}
