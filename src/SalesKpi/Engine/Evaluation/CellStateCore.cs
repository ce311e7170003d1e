using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The shared part of every cell-based state: key slots, period slots, one accumulator per cell; merge, clone,
/// snapshot, restore and the finishing pipeline (windows → values → fill → value stages).
/// </summary>
internal abstract class CellStateCore<TFact, TKey, TAcc> : StateCore<TFact, TKey>, IAccumulatorValuer<TAcc>
    where TKey : notnull
    where TAcc : struct, IAccumulator<TAcc>
{
    protected CellStateCore(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options)
        : this(metric, options, new KeyMap<TKey>(), metric.Period is { } period ? new PeriodSlots(period.Calendar, period.Kind) : null, new CellStore<TAcc>())
    {
    }

    /// <summary>
    /// Creates a state on the key slots, period slots and cells of another state of the same accumulation (see
    /// <see cref="FusedPass{TFact, TKey}"/>), finished by <paramref name="metric"/>'s own windows, fill and stages.
    /// </summary>
    protected CellStateCore(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, KeyMap<TKey> keys, PeriodSlots? periods, CellStore<TAcc> cells)
    {
        Metric = metric;
        Options = options;
        Keys = keys;
        Cells = cells;
        if (metric.Period is { } period)
        {
            Periods = periods;
            if (period.NeedsZone && options is null)
            {
                throw new ArgumentNullException(
                    nameof(options),
                    "The metric places instants in periods: pass evaluation options with a time zone (a DateTimeZone converts implicitly).");
            }
        }

        if (metric.KeySelector is null && Keys.Count == 0)
        {
            Keys.GetOrAdd(default!);
        }
    }

    public override long FactsAdded => Added;

    public override int CellCount => Cells.Count;

    internal Metric<TFact, TKey> Metric { get; }

    internal EvaluationOptions<TFact>? Options { get; }

    internal KeyMap<TKey> Keys { get; }

    internal CellStore<TAcc> Cells { get; }

    internal PeriodSlots? Periods { get; }

    internal long Added { get; set; }

    private MergeBuffers? _mergeBuffers;

    public override void MergeFrom(StateCore<TFact, TKey> other)
    {
        if (other is not CellStateCore<TFact, TKey, TAcc> o || !ReferenceEquals(o.Metric, Metric))
        {
            throw new ArgumentException("The states belong to different metric definitions; only states of the same definition merge.", nameof(other));
        }

        // Zones decide where facts landed; the as-of instant matters while adding only for conversions (censoring).
        bool asOfMatters = Metric.Aggregation.HasIntrinsicTime;
        if (Metric.UsesOptions && (Options is null ? o.Options is not null : !Options.SameTimeSettings(o.Options, asOfMatters)))
        {
            throw new ArgumentException(
                asOfMatters
                    ? "The conversion states were evaluated with different zones or as-of instants; they cannot be merged."
                    : "The states were evaluated in different zones; they cannot be merged.",
                nameof(other));
        }

        var keyMap = new int[o.Keys.Count];
        for (int i = 0; i < keyMap.Length; i++)
        {
            keyMap[i] = Keys.GetOrAdd(o.Keys[i]);
        }

        int[]? periodMap = null;
        if (o.Periods is not null)
        {
            periodMap = new int[o.Periods.Count];
            for (int i = 0; i < periodMap.Length; i++)
            {
                periodMap[i] = Periods!.SlotOf(o.Periods[i]);
            }
        }

        var merge = new MergeInto(Cells, keyMap, periodMap);
        o.Cells.VisitCells(ref merge);
        Added = checked(Added + o.Added);
    }

    /// <summary>Merges each visited cell into the cell of the mapped key and period slots of <paramref name="cells"/>.</summary>
    private readonly struct MergeInto(CellStore<TAcc> cells, int[] keyMap, int[]? periodMap) : ICellVisitor<TAcc>
    {
        public void Visit(int key, int period, in TAcc acc) =>
            cells.GetOrAdd(keyMap[key], periodMap is null ? 0 : periodMap[period]).Merge(in acc);
    }

    public override StateCore<TFact, TKey> Clone()
    {
        var copy = CreateEmpty();
        copy.MergeFrom(this);
        return copy;
    }

    public override KpiTable<TKey> ToTable()
    {
        if (Metric.Fill is null && Metric.Stages.Length == 0 && (Metric.Window is null || Periods is null))
        {
            return BuildTable(Keys, Cells, Metric.ToString());
        }

        if (Metric.Stages.Length == 0 && !RuntimeHelpers.IsReferenceOrContainsReferences<TAcc>())
        {
            // Windows and fill on plain-data accumulators: rows gathered compactly, no finished value per cell.
            var rows = new CompactRows();
            var sink = new CompactRowSink(rows);
            BuildRows(Keys, Cells, ref sink);
            return BuildCompactTable(rows, Metric.Fill, Metric.ToString());
        }

        var builder = BuildRows(Keys, Cells);
        ApplyFill(builder);
        if (Metric.Stages.Length > 0)
        {
            var context = new StageContext(Metric.Period?.Calendar, Options?.AsOfDate);
            foreach (var stage in Metric.Stages)
            {
                stage.Apply(builder, context);
            }
        }

        return builder.Build(Metric.ToString());
    }

    public override KpiTable<TNew> RollUp<TNew>(Func<TKey, TNew> map)
    {
        var keys = new KeyMap<TNew>();
        var cells = new CellStore<TAcc>();
        var keyMap = new int[Keys.Count];
        for (int i = 0; i < keyMap.Length; i++)
        {
            keyMap[i] = -1;
        }

        for (int c = 0; c < Cells.Count; c++)
        {
            int k = Cells.KeyOf[c];
            if (keyMap[k] < 0)
            {
                keyMap[k] = keys.GetOrAdd(map(Keys[k]));
            }

            ref TAcc acc = ref cells.GetOrAdd(keyMap[k], Cells.PeriodOf[c]);
            acc.Merge(in Cells.At(c));
        }

        return Metric.Window is null || Periods is null
            ? BuildTable(keys, cells, Metric + " | rolled up")
            : BuildRows(keys, cells).Build(Metric + " | rolled up");
    }

    public override KpiTable<TOut> FilterRollUp<TOut>(Metric<TFact, TOut> target, EvaluationOptions<TFact>? options, Func<TKey, TOut> map, Func<TKey, ReportingPeriod?, bool> keep)
    {
        var core = (CellStateCore<TFact, TOut, TAcc>)target.Aggregation.CreateCore(target, options);
        var keyMap = new int[Keys.Count];
        Array.Fill(keyMap, -1);
        for (int c = 0; c < Cells.Count; c++)
        {
            int k = Cells.KeyOf[c];
            var period = Periods is null ? (ReportingPeriod?)null : Periods[Cells.PeriodOf[c]];
            if (!keep(Keys[k], period))
            {
                continue;
            }

            if (keyMap[k] < 0)
            {
                keyMap[k] = core.Keys.GetOrAdd(map(Keys[k]));
            }

            int p = period is ReportingPeriod known ? core.Periods!.SlotOf(known) : 0;
            ref TAcc acc = ref core.Cells.GetOrAdd(keyMap[k], p);
            acc.Merge(in Cells.At(c));
        }

        core.Added = Added;
        return core.ToTable();
    }

    public override KpiSnapshot<TKey> ToSnapshot()
    {
        var order = CellOrder(Keys, Cells, Periods);
        var keys = new TKey[order.Length];
        var periods = Periods is null ? null : new LocalDate[order.Length];
        var states = new CellState[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            int c = order[i];
            keys[i] = Keys[Cells.KeyOf[c]];
            if (periods is not null)
            {
                periods[i] = Periods![Cells.PeriodOf[c]].Start;
            }

            states[i] = Cells.At(c).ToState();
        }

        return new KpiSnapshot<TKey>(Metric.Aggregation.Name, Added, keys, periods, states, null, trusted: true) { TimeSettings = TimeSettings(), MetricName = Metric.Name ?? string.Empty };
    }

    /// <summary>Describes what places facts in time for this state, as its merges compare it (empty when nothing does).</summary>
    private string TimeSettings() =>
        Metric.UsesOptions && Options is not null ? Options.DescribeTimeSettings(Metric.Aggregation.HasIntrinsicTime) : string.Empty;

    // Fully optimised at once, like the fact loop: a state typically merges a batch of snapshots once, and the cell
    // loop would otherwise run as tier-0 or on-stack-replaced code for the first calls (measured at 2–3 times the cost).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Load(KpiSnapshot<TKey> snapshot, bool merge)
    {
        if (snapshot.Metric != Metric.Aggregation.Name)
        {
            throw new ArgumentException($"The snapshot holds a '{snapshot.Metric}' state; this metric is '{Metric.Aggregation.Name}'.", nameof(snapshot));
        }

        if (snapshot.Parts.Count > 0)
        {
            throw new ArgumentException($"The snapshot is made of {snapshot.Parts.Count} parts; a '{snapshot.Metric}' state has none.", nameof(snapshot));
        }

        snapshot.EnsureMetricName(Metric.Name);
        snapshot.EnsureTimeSettings(TimeSettings());

        if ((snapshot.Periods is null) != (Periods is null))
        {
            throw new ArgumentException(
                Periods is null ? "The snapshot is per period; this metric is not." : "The snapshot is not per period; this metric is.",
                nameof(snapshot));
        }

        // Read the snapshot's arrays directly (no interface call per cell); cells come sorted by key then period, so
        // consecutive cells often share a key, and a period start seen last is remembered. A merge reads and checks every
        // cell before the state changes, so an invalid snapshot leaves the state as it was (keys and periods met on the
        // way may be added to their maps; without cells they are not seen). A restore fills a new state, which an error
        // discards: it adds each cell as it is read.
        var cells = snapshot.CellArray;
        var snapshotKeys = snapshot.KeyArray;
        var snapshotPeriods = snapshot.PeriodArray;
        // A merge reads into buffers kept by the state (a state typically merges many snapshots in turn).
        var buffers = merge ? (_mergeBuffers ??= new MergeBuffers()) : null;
        buffers?.Reset(cells.Length);
        var keySlots = buffers?.Keys ?? [];
        var periodSlots = buffers?.Periods ?? [];
        var restored = buffers?.Accumulators ?? [];
        var seen = buffers?.Seen;
        LocalDate lastStart = default;
        int lastSlot = -1;
        int i = 0;
        try
        {
            for (; i < cells.Length; i++)
            {
                int k = Keys.GetOrAdd(snapshotKeys[i]);
                int p = 0;
                if (Periods is not null)
                {
                    var start = snapshotPeriods![i];
                    if (lastSlot < 0 || start != lastStart)
                    {
                        lastSlot = Periods.SlotOfStart(start);
                        lastStart = start;
                    }

                    p = lastSlot;
                }

                if (merge)
                {
                    if (!seen!.Add(((long)k << 32) | (uint)p))
                    {
                        throw new ArgumentException($"The snapshot holds cell {i} ({snapshot.Keys[i]}) twice.", nameof(snapshot));
                    }

                    keySlots[i] = k;
                    periodSlots[i] = p;
                    restored[i] = Restored(in cells[i]);
                    continue;
                }

                if (Cells.Find(k, p) >= 0)
                {
                    throw new ArgumentException($"The snapshot holds cell {i} ({snapshot.Keys[i]}) twice.", nameof(snapshot));
                }

                Cells.GetOrAdd(k, p) = Restored(in cells[i]);
            }
        }
        catch (ArgumentException e) when (e.Data[CellState.InvalidReasonKey] is string reason)
        {
            string period = snapshotPeriods is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", period starting {snapshotPeriods[i]:uuuu-MM-dd}");
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The snapshot's cell {i} (key {snapshotKeys[i]}{period}) is invalid: {reason}."), nameof(snapshot), e);
        }

        long added = checked(Added + snapshot.FactCount);
        if (buffers is not null)
        {
            for (int c = 0; c < cells.Length; c++)
            {
                Cells.GetOrAdd(keySlots[c], periodSlots[c]).Merge(in restored[c]);
            }

            buffers.Release(cells.Length);
        }

        Added = added;
    }

    KpiValue IAccumulatorValuer<TAcc>.ValueOf(in TAcc acc) => ValueOf(in acc);

    protected abstract KpiValue ValueOf(in TAcc acc);

    /// <summary>Returns why a restored accumulator is one this metric cannot produce (beyond its type's own checks), or <see langword="null"/>.</summary>
    protected virtual string? ProblemOf(in TAcc acc) => null;

    private TAcc Restored(in CellState cell)
    {
        var acc = TAcc.FromState(in cell);
        return ProblemOf(in acc) is { } problem ? throw CellState.Invalid(problem) : acc;
    }

    protected abstract CellStateCore<TFact, TKey, TAcc> CreateEmpty();

    /// <summary>The slots and accumulators a merge reads a snapshot into before it changes the state, kept for the next merge.</summary>
    private sealed class MergeBuffers
    {
        public int[] Keys { get; private set; } = [];

        public int[] Periods { get; private set; } = [];

        public TAcc[] Accumulators { get; private set; } = [];

        public HashSet<long> Seen { get; } = [];

        public void Reset(int cells)
        {
            if (Keys.Length < cells)
            {
                int size = Math.Max(cells, Keys.Length * 2);
                Keys = new int[size];
                Periods = new int[size];
                Accumulators = new TAcc[size];
            }

            Seen.Clear();
        }

        /// <summary>Drops the references the accumulators hold (member sets, samples) after a merge, so that a kept buffer does not hold on to them (after a refused snapshot they are held until the next merge).</summary>
        public void Release(int cells)
        {
            if (RuntimeHelpers.IsReferenceOrContainsReferences<TAcc>())
            {
                Array.Clear(Accumulators, 0, cells);
            }
        }
    }

    private static int[] CellOrder<TK>(KeyMap<TK> keys, CellStore<TAcc> cells, PeriodSlots? periods = null) =>
        CellOrder(keys, cells, periods, out _, out _);

    /// <summary>
    /// Returns the cells sorted by key order, then period start: two stable counting sorts (by period rank, then by key
    /// rank), linear in the number of cells. Also returns the rank of each key slot and of each period slot.
    /// </summary>
    private static int[] CellOrder<TK>(KeyMap<TK> keys, CellStore<TAcc> cells, PeriodSlots? periods, out int[] keyRank, out int[]? periodRank)
    {
        keyRank = KeyOrder<TK>.Ranks(keys);
        periodRank = null;
        int n = cells.Count;
        var keyOf = cells.KeyOf;
        var periodOf = cells.PeriodOf;
        int[]? byPeriod;
        if (periods is not null && periods.Count > 1)
        {
            var starts = new LocalDate[periods.Count];
            var slots = new int[periods.Count];
            for (int i = 0; i < slots.Length; i++)
            {
                starts[i] = periods[i].Start;
                slots[i] = i;
            }

            Array.Sort(starts, slots);
            var prank = new int[slots.Length];
            for (int i = 0; i < slots.Length; i++)
            {
                prank[slots[i]] = i;
            }

            periodRank = prank;
            if (PeriodsAscendWithinKeys(keyOf, periodOf, prank, n, keys.Count))
            {
                // Cells came in time order for each key (facts in time order, or per entity in time order): the stable
                // sort by key below keeps that order, so no sort by period is needed.
                byPeriod = null;
            }
            else
            {
                var next = new int[prank.Length + 1];
                for (int c = 0; c < n; c++)
                {
                    next[prank[periodOf[c]] + 1]++;
                }

                for (int r = 1; r < next.Length; r++)
                {
                    next[r] += next[r - 1];
                }

                byPeriod = new int[n];
                for (int c = 0; c < n; c++)
                {
                    byPeriod[next[prank[periodOf[c]]]++] = c;
                }
            }
        }
        else
        {
            if (periods is not null)
            {
                periodRank = periods.Count == 0 ? [] : [0];
            }

            byPeriod = null;
        }

        var rank = keyRank;
        var start = new int[rank.Length + 1];
        for (int c = 0; c < n; c++)
        {
            start[rank[keyOf[c]] + 1]++;
        }

        for (int r = 1; r < start.Length; r++)
        {
            start[r] += start[r - 1];
        }

        var order = new int[n];
        if (byPeriod is null)
        {
            for (int c = 0; c < n; c++)
            {
                order[start[rank[keyOf[c]]]++] = c;
            }
        }
        else
        {
            foreach (int c in byPeriod)
            {
                order[start[rank[keyOf[c]]]++] = c;
            }
        }

        return order;
    }

    /// <summary>Whether, for every key, its cells in cell order have increasing period ranks.</summary>
    private static bool PeriodsAscendWithinKeys(int[] keyOf, int[] periodOf, int[] periodRank, int n, int keyCount)
    {
        var last = new int[keyCount];
        Array.Fill(last, -1);
        for (int c = 0; c < n; c++)
        {
            int k = keyOf[c];
            int r = periodRank[periodOf[c]];
            if (r <= last[k])
            {
                return false;
            }

            last[k] = r;
        }

        return true;
    }

    /// <summary>
    /// Builds the result table directly from the cells (no window, fill or value stage): parallel arrays in table order,
    /// values read from copied accumulators when those are plain data, computed once otherwise.
    /// </summary>
    private KpiTable<TK> BuildTable<TK>(KeyMap<TK> keys, CellStore<TAcc> cells, string description)
        where TK : notnull
    {
        if (cells.IsGrid && (long)keys.Count * (Periods?.Count ?? 1) <= (8L * cells.Count) + 4096)
        {
            return BuildTableFromGrid(keys, cells, description);
        }

        var order = CellOrder(keys, cells, Periods, out _, out var periodRank);
        int n = order.Length;
        var keyOf = cells.KeyOf;
        var periodOf = cells.PeriodOf;

        // Periods that hold cells, in time order; each period slot's index among them.
        ReportingPeriod[] periods = [];
        int[]? indexOfSlot = null;
        if (Periods is not null)
        {
            var used = new bool[Periods.Count];
            for (int c = 0; c < n; c++)
            {
                used[periodOf[c]] = true;
            }

            var slotOfRank = new int[Periods.Count];
            for (int slot = 0; slot < slotOfRank.Length; slot++)
            {
                slotOfRank[periodRank![slot]] = slot;
            }

            indexOfSlot = new int[used.Length];
            var list = new List<ReportingPeriod>(used.Length);
            for (int r = 0; r < slotOfRank.Length; r++)
            {
                int slot = slotOfRank[r];
                if (used[slot])
                {
                    indexOfSlot[slot] = list.Count;
                    list.Add(Periods[slot]);
                }
            }

            periods = list.ToArray();
        }

        // One pass in table order: key runs, period indices and (plain data) the accumulators copied into place, so the
        // table is independent of later additions to the state.
        bool plain = !RuntimeHelpers.IsReferenceOrContainsReferences<TAcc>();
        var copy = plain ? new TAcc[n] : null;
        var keyList = new List<TK>();
        var rowStart = new List<int>();
        var cellPeriod = Periods is null ? [] : new int[n];
        int lastKey = -1;
        for (int i = 0; i < n; i++)
        {
            int c = order[i];
            int k = keyOf[c];
            if (k != lastKey)
            {
                keyList.Add(keys[k]);
                rowStart.Add(i);
                lastKey = k;
            }

            if (indexOfSlot is not null)
            {
                cellPeriod[i] = indexOfSlot[periodOf[c]];
            }

            if (copy is not null)
            {
                copy[i] = cells.At(c);
            }
        }

        CellValues values;
        if (copy is not null)
        {
            values = new AccumulatorCellValues<TAcc>(copy, this);
        }
        else
        {
            var finished = new KpiValue[n];
            for (int i = 0; i < n; i++)
            {
                finished[i] = ValueOf(in cells.At(order[i]));
            }

            values = new ArrayCellValues(finished);
        }

        return new KpiTable<TK>(description, Periods is not null, Periods?.Kind, Metric.Aggregation.EmptyValue, keyList.ToArray(), periods, [.. rowStart, n], new CellPeriods(cellPeriod), values, n);
    }

    /// <summary>
    /// Builds the result table straight from the grid, with no per-cell scratch: keys in key order, for each the periods
    /// holding cells in time order, each (key, period) looked up in the grid and written in place. Allocates only the
    /// table's own arrays (accumulators, and period indices when per period) and a few arrays per key and period.
    /// </summary>
    private KpiTable<TK> BuildTableFromGrid<TK>(KeyMap<TK> keys, CellStore<TAcc> cells, string description)
        where TK : notnull
    {
        int n = cells.Count;
        var keyRank = KeyOrder<TK>.Ranks(keys);
        int keyCount = keyRank.Length;
        var slotOfKeyRank = new int[keyCount];
        for (int slot = 0; slot < keyCount; slot++)
        {
            slotOfKeyRank[keyRank[slot]] = slot;
        }

        // The period slots holding cells, in time order.
        int[] periodSlots;
        ReportingPeriod[] periods = [];
        if (Periods is not null)
        {
            var used = new bool[Periods.Count];
            cells.MarkPeriodsInUse(used);
            var starts = new List<LocalDate>(used.Length);
            var slots = new List<int>(used.Length);
            for (int slot = 0; slot < used.Length; slot++)
            {
                if (used[slot])
                {
                    starts.Add(Periods[slot].Start);
                    slots.Add(slot);
                }
            }

            var startArray = starts.ToArray();
            periodSlots = slots.ToArray();
            Array.Sort(startArray, periodSlots);
            periods = new ReportingPeriod[periodSlots.Length];
            for (int i = 0; i < periods.Length; i++)
            {
                periods[i] = Periods[periodSlots[i]];
            }
        }
        else
        {
            periodSlots = [0];
        }

        // Counts as 32-bit integers while every count fits (half their accumulators' bytes), and period indices as 16-bit
        // integers when there are few enough periods: the table's memory is most of an evaluation's.
        bool plain = !RuntimeHelpers.IsReferenceOrContainsReferences<TAcc>();
        bool counts = typeof(TAcc) == typeof(CountAccumulator);
        var narrowCounts = counts ? new int[n] : null;
        var copy = plain && !counts ? new TAcc[n] : null;
        var finished = plain ? null : new KpiValue[n];
        bool narrowPeriods = periods.Length <= ushort.MaxValue + 1;
        var cellPeriod = Periods is null || narrowPeriods ? [] : new int[n];
        var cellPeriod16 = Periods is not null && narrowPeriods ? new ushort[n] : [];
        // Sized for every key: only a key without cells (a conversion's entity with no trial) leaves them to trim.
        var tableKeys = new TK[keyCount];
        var rowStart = new int[keyCount + 1];
        int rows = 0;
        int written = 0;
        for (int r = 0; r < keyCount; r++)
        {
            int slot = slotOfKeyRank[r];
            int first = written;
            var row = cells.RowOf(slot);
            for (int i = 0; i < periodSlots.Length; i++)
            {
                ref TAcc acc = ref row.Find(periodSlots[i]);
                if (Unsafe.IsNullRef(ref acc))
                {
                    continue;
                }

                if (written == n)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The grid holds more cells than the {n} the store counts."));
                }

                if (Periods is not null)
                {
                    if (narrowPeriods)
                    {
                        cellPeriod16[written] = (ushort)i;
                    }
                    else
                    {
                        cellPeriod[written] = i;
                    }
                }

                if (narrowCounts is not null)
                {
                    long count = Unsafe.As<TAcc, CountAccumulator>(ref acc).N;
                    if (count <= int.MaxValue)
                    {
                        narrowCounts[written] = (int)count;
                    }
                    else
                    {
                        // A count past 2^31 - 1: the counts so far move to accumulators, as every other type keeps them.
                        copy = new TAcc[n];
                        for (int c = 0; c < written; c++)
                        {
                            Unsafe.As<TAcc, CountAccumulator>(ref copy[c]).N = narrowCounts[c];
                        }

                        narrowCounts = null;
                        copy[written] = acc;
                    }
                }
                else if (copy is not null)
                {
                    copy[written] = acc;
                }
                else
                {
                    finished![written] = ValueOf(in acc);
                }

                written++;
            }

            if (written != first)
            {
                tableKeys[rows++] = keys[slot];
                rowStart[rows] = written;
            }
        }

        if (written != n)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The grid holds {written} cells, but the store counts {n}."));
        }

        CellValues values = narrowCounts is not null ? new CountCellValues(narrowCounts, (IAccumulatorValuer<CountAccumulator>)this)
            : copy is not null ? new AccumulatorCellValues<TAcc>(copy, this)
            : new ArrayCellValues(finished!);
        var periodIndices = narrowPeriods ? new CellPeriods(cellPeriod16) : new CellPeriods(cellPeriod);
        if (rows < keyCount)
        {
            Array.Resize(ref tableKeys, rows);
            Array.Resize(ref rowStart, rows + 1);
        }

        return new KpiTable<TK>(description, Periods is not null, Periods?.Kind, Metric.Aggregation.EmptyValue, tableKeys, periods, rowStart, periodIndices, values, n);
    }

    /// <summary>
    /// Builds the table of rows (windows applied) with the fill policy, if any, as parallel arrays: every key with cells
    /// and every fill key, each with its own cells and an empty cell for every period of the fill range (or of the span
    /// of the rows) it has none in — the table the row-by-row path gives, with accumulators instead of values (a filled
    /// cell holds a default accumulator and a flag).
    /// </summary>
    private KpiTable<TKey> BuildCompactTable(CompactRows rows, FillSpec<TKey>? fill, string description)
    {
        var comparer = KeyOrder<TKey>.Comparer;
        int rowCount = rows.Keys.Count;
        rows.Start.Add(rows.Accumulators.Count);
        var order = new List<(TKey Key, int Row)>(rowCount);
        for (int r = 0; r < rowCount; r++)
        {
            order.Add((rows.Keys[r], r));
        }

        if (fill?.Keys is { Length: > 0 } extraKeys)
        {
            var present = new HashSet<TKey>(rows.Keys);
            bool added = false;
            foreach (var key in extraKeys)
            {
                if (present.Add(key))
                {
                    order.Add((key, -1));
                    added = true;
                }
            }

            if (added)
            {
                order.Sort((a, b) => comparer.Compare(a.Key, b.Key));
            }
        }

        // Periods: those of the cells and those to fill, in time order; a flag for the ones to fill. Distinct periods
        // are found with a flag per period index, not a look-up per cell.
        ReportingPeriod[] periods = [];
        bool[] toFill = [];
        int[] unionOfIndex = [];
        if (Periods is not null)
        {
            var used = new bool[rows.Periods.Length];
            foreach (int index in rows.PeriodIndex)
            {
                used[index] = true;
            }

            var entries = new Dictionary<LocalDate, (ReportingPeriod Period, bool Fill)>();
            ReportingPeriod? first = null;
            ReportingPeriod? last = null;
            for (int index = 0; index < used.Length; index++)
            {
                if (used[index])
                {
                    var period = rows.Periods[index];
                    entries.Add(period.Start, (period, false));
                    first = first is null || period.Start < first.Value.Start ? period : first;
                    last = last is null || period.Start > last.Value.Start ? period : last;
                }
            }

            if (fill is not null)
            {
                var calendar = Periods.Calendar;
                ReportingPeriod[] spine = fill.Range is { } range
                    ? PeriodRange(calendar.GetPeriod(range.Start, Periods.Kind), calendar.GetPeriod(range.End, Periods.Kind), calendar)
                    : first is null ? [] : PeriodRange(first.Value, last!.Value, calendar);
                foreach (var period in spine)
                {
                    entries[period.Start] = (entries.TryGetValue(period.Start, out var known) ? known.Period : period, true);
                }
            }

            var starts = new LocalDate[entries.Count];
            entries.Keys.CopyTo(starts, 0);
            Array.Sort(starts);
            periods = new ReportingPeriod[starts.Length];
            toFill = new bool[starts.Length];
            var indexOfStart = new Dictionary<LocalDate, int>(starts.Length);
            for (int i = 0; i < starts.Length; i++)
            {
                (periods[i], toFill[i]) = entries[starts[i]];
                indexOfStart.Add(starts[i], i);
            }

            unionOfIndex = new int[used.Length];
            for (int index = 0; index < used.Length; index++)
            {
                unionOfIndex[index] = used[index] ? indexOfStart[rows.Periods[index].Start] : -1;
            }
        }

        // Cells in table order: per key, its cells, and with a fill policy the empty ones merged in by period.
        var tableKeys = new List<TKey>(order.Count);
        var cellKey = new List<int>(rows.Accumulators.Count);
        var cellPeriod = new List<int>(rows.Accumulators.Count);
        var values = new List<TAcc>(rows.Accumulators.Count);
        var filled = new List<bool>(fill is null ? 0 : rows.Accumulators.Count);
        foreach (var (key, row) in order)
        {
            int from = row >= 0 ? rows.Start[row] : 0;
            int to = row >= 0 ? rows.Start[row + 1] : 0;
            int before = cellKey.Count;
            int k = tableKeys.Count;
            if (Periods is null)
            {
                if (from < to)
                {
                    Append(k, 0, rows.Accumulators[from], false);
                }
                else if (fill is not null)
                {
                    Append(k, 0, default, true);
                }
            }
            else if (fill is null)
            {
                for (int i = from; i < to; i++)
                {
                    Append(k, unionOfIndex[rows.PeriodIndex[i]], rows.Accumulators[i], false);
                }
            }
            else
            {
                int i = from;
                for (int p = 0; p < periods.Length; p++)
                {
                    if (i < to && unionOfIndex[rows.PeriodIndex[i]] == p)
                    {
                        Append(k, p, rows.Accumulators[i], false);
                        i++;
                    }
                    else if (toFill[p])
                    {
                        Append(k, p, default, true);
                    }
                }
            }

            if (cellKey.Count > before)
            {
                tableKeys.Add(key);
            }
        }

        // Keep only the periods that hold a cell (a period of the rows always does; a filled one when some key is filled).
        var usedPeriod = new bool[periods.Length];
        if (Periods is not null)
        {
            foreach (int p in cellPeriod)
            {
                usedPeriod[p] = true;
            }
        }

        if (Periods is not null && Array.IndexOf(usedPeriod, false) >= 0)
        {
            var newIndex = new int[periods.Length];
            var kept = new List<ReportingPeriod>(periods.Length);
            for (int p = 0; p < periods.Length; p++)
            {
                newIndex[p] = kept.Count;
                if (usedPeriod[p])
                {
                    kept.Add(periods[p]);
                }
            }

            for (int c = 0; c < cellPeriod.Count; c++)
            {
                cellPeriod[c] = newIndex[cellPeriod[c]];
            }

            periods = kept.ToArray();
        }

        CellValues cellValues = fill is null
            ? new AccumulatorCellValues<TAcc>(values.ToArray(), this)
            : new FilledCellValues<TAcc>(values.ToArray(), filled.ToArray(), fill.Value ?? Metric.Aggregation.EmptyValue, this);
        return new KpiTable<TKey>(description, Periods is not null, Periods?.Kind, Metric.Aggregation.EmptyValue, tableKeys.ToArray(), periods, cellKey.ToArray(), cellPeriod.ToArray(), cellValues);

        void Append(int key, int period, TAcc acc, bool isFilled)
        {
            cellKey.Add(key);
            cellPeriod.Add(period);
            values.Add(acc);
            if (fill is not null)
            {
                filled.Add(isFilled);
            }
        }
    }

    /// <summary>Rows gathered compactly: keys, the start of each row's cells, each cell's period index and accumulator.</summary>
    private sealed class CompactRows
    {
        public ReportingPeriod[] Periods { get; set; } = [];

        public List<TKey> Keys { get; } = [];

        public List<int> Start { get; } = [];

        public List<int> PeriodIndex { get; } = [];

        public List<TAcc> Accumulators { get; } = [];
    }

    private readonly struct CompactRowSink(CompactRows rows) : IRowSink<TKey, TAcc>
    {
        public void UsePeriods(ReportingPeriod[] periods) => rows.Periods = periods;

        public void BeginRow(TKey key, int cells)
        {
            rows.Keys.Add(key);
            rows.Start.Add(rows.Accumulators.Count);
        }

        public void Add(ReportingPeriod? period, int periodIndex, in TAcc acc)
        {
            rows.PeriodIndex.Add(periodIndex);
            rows.Accumulators.Add(acc);
        }
    }

    /// <summary>Rows of finished cells for the row-by-row path (value stages, roll-ups, accumulators holding references).</summary>
    private struct CellRowSink<TK>(TableBuilder<TK> builder, IAccumulatorValuer<TAcc> valuer) : IRowSink<TK, TAcc>
        where TK : notnull
    {
        private List<KpiCell<TK>>? _row;
        private TK _key = default!;

        public readonly TableBuilder<TK> Builder => builder;

        public void BeginRow(TK key, int cells)
        {
            _key = key;
            _row = builder.AddRow(key).Cells;
            _row.Capacity = cells;
        }

        public readonly void UsePeriods(ReportingPeriod[] periods)
        {
        }

        public readonly void Add(ReportingPeriod? period, int periodIndex, in TAcc acc) => _row!.Add(new KpiCell<TK>(_key, period, valuer.ValueOf(in acc)));
    }

    private TableBuilder<TK> BuildRows<TK>(KeyMap<TK> keys, CellStore<TAcc> cells)
        where TK : notnull
    {
        var sink = new CellRowSink<TK>(new TableBuilder<TK>(Periods is not null, Periods?.Kind, Metric.Aggregation.EmptyValue), this);
        BuildRows(keys, cells, ref sink);
        return sink.Builder;
    }

    /// <summary>Emits the rows of the table in key order, each row's cells in period order, windows applied.</summary>
    private void BuildRows<TK, TSink>(KeyMap<TK> keys, CellStore<TAcc> cells, ref TSink sink)
        where TK : notnull
        where TSink : struct, IRowSink<TK, TAcc>
    {
        var order = CellOrder(keys, cells, Periods);
        ReportingPeriod[]? spine = null;
        Dictionary<LocalDate, int>? spineIndex = null;
        if (Metric.Window is not null && Periods is not null && cells.Count > 0)
        {
            spine = Spine(cells);
            spineIndex = new Dictionary<LocalDate, int>(spine.Length);
            for (int i = 0; i < spine.Length; i++)
            {
                spineIndex.Add(spine[i].Start, i);
            }
        }

        var keyOf = cells.KeyOf;
        var periodOf = cells.PeriodOf;
        if (spine is not null)
        {
            sink.UsePeriods(spine);
        }
        else if (Periods is not null)
        {
            var slots = new ReportingPeriod[Periods.Count];
            for (int slot = 0; slot < slots.Length; slot++)
            {
                slots[slot] = Periods[slot];
            }

            sink.UsePeriods(slots);
        }
        else
        {
            sink.UsePeriods([]);
        }

        int start = 0;
        while (start < order.Length)
        {
            int k = keyOf[order[start]];
            int end = start + 1;
            while (end < order.Length && keyOf[order[end]] == k)
            {
                end++;
            }

            sink.BeginRow(keys[k], end - start);
            if (Periods is null)
            {
                sink.Add(null, 0, in cells.At(order[start]));
            }
            else if (spine is null)
            {
                for (int i = start; i < end; i++)
                {
                    int c = order[i];
                    sink.Add(Periods[periodOf[c]], periodOf[c], in cells.At(c));
                }
            }
            else
            {
                WindowRow<TK, TSink>(order.AsSpan(start, end - start), cells, spine, spineIndex!, ref sink);
            }

            start = end;
        }
    }

    private ReportingPeriod[] Spine(CellStore<TAcc> cells)
    {
        var first = Periods![cells.PeriodOf[0]];
        var last = first;
        for (int c = 1; c < cells.Count; c++)
        {
            var p = Periods[cells.PeriodOf[c]];
            if (p.Start < first.Start)
            {
                first = p;
            }

            if (p.Start > last.Start)
            {
                last = p;
            }
        }

        return PeriodRange(first, last, Periods.Calendar);
    }

    internal static ReportingPeriod[] PeriodRange(ReportingPeriod first, ReportingPeriod last, ReportingCalendar calendar)
    {
        var spine = new List<ReportingPeriod>();
        for (var p = first; p.Start <= last.Start; p = PeriodOffset.Next(p, calendar))
        {
            spine.Add(p);
        }

        return spine.ToArray();
    }

    private void WindowRow<TK, TSink>(ReadOnlySpan<int> cellsOfKey, CellStore<TAcc> cells, ReportingPeriod[] spine, Dictionary<LocalDate, int> spineIndex, ref TSink sink)
        where TK : notnull
        where TSink : struct, IRowSink<TK, TAcc>
    {
        var window = Metric.Window!;
        var data = new int[spine.Length];
        Array.Fill(data, -1);
        int first = spine.Length;
        foreach (int c in cellsOfKey)
        {
            int i = spineIndex[Periods![cells.PeriodOf[c]].Start];
            data[i] = c;
            first = Math.Min(first, i);
        }

        var running = default(TAcc);
        LocalDate grain = default;
        for (int i = first; i < spine.Length; i++)
        {
            var period = spine[i];
            switch (window.Kind)
            {
                case WindowKind.Cumulative:
                    if (data[i] >= 0)
                    {
                        running.Merge(in cells.At(data[i]));
                    }

                    sink.Add(period, i, in running);
                    break;

                case WindowKind.ToDate:
                    var g = PeriodOffset.GrainStart(period, Periods!.Calendar, window.Grain);
                    if (i == first || g != grain)
                    {
                        running = default;
                        grain = g;
                    }

                    if (data[i] >= 0)
                    {
                        running.Merge(in cells.At(data[i]));
                    }

                    if (running.Count > 0)
                    {
                        sink.Add(period, i, in running);
                    }

                    break;

                default:
                    var sum = default(TAcc);
                    for (int j = Math.Max(0, i - window.Periods + 1); j <= i; j++)
                    {
                        if (data[j] >= 0)
                        {
                            sum.Merge(in cells.At(data[j]));
                        }
                    }

                    if (sum.Count > 0)
                    {
                        sink.Add(period, i, in sum);
                    }

                    break;
            }
        }
    }

    private void ApplyFill(TableBuilder<TKey> builder)
    {
        var fill = Metric.Fill;
        if (fill is null)
        {
            return;
        }

        var empty = fill.Value ?? builder.EmptyValue;
        if (fill.Keys is { Length: > 0 } extraKeys)
        {
            var present = new HashSet<TKey>();
            foreach (var row in builder.Rows)
            {
                present.Add(row.Key);
            }

            foreach (var key in extraKeys)
            {
                if (present.Add(key))
                {
                    builder.AddRow(key);
                }
            }

            var comparer = KeyOrder<TKey>.Comparer;
            builder.Rows.Sort((a, b) => comparer.Compare(a.Key, b.Key));
        }

        if (Periods is null)
        {
            foreach (var row in builder.Rows)
            {
                if (row.Cells.Count == 0)
                {
                    row.Cells.Add(new KpiCell<TKey>(row.Key, null, empty));
                }
            }

            return;
        }

        ReportingPeriod[] periods;
        var calendar = Periods.Calendar;
        if (fill.Range is { } range)
        {
            periods = PeriodRange(calendar.GetPeriod(range.Start, Periods.Kind), calendar.GetPeriod(range.End, Periods.Kind), calendar);
        }
        else
        {
            ReportingPeriod? first = null;
            ReportingPeriod? last = null;
            foreach (var row in builder.Rows)
            {
                if (row.Cells.Count == 0)
                {
                    continue;
                }

                var a = row.Cells[0].Period!.Value;
                var b = row.Cells[^1].Period!.Value;
                if (first is null || a.Start < first.Value.Start)
                {
                    first = a;
                }

                if (last is null || b.Start > last.Value.Start)
                {
                    last = b;
                }
            }

            periods = first is null ? [] : PeriodRange(first.Value, last!.Value, calendar);
        }

        foreach (var row in builder.Rows)
        {
            // Merge two period-ordered sequences: the row's cells and the periods to fill.
            var merged = new List<KpiCell<TKey>>(row.Cells.Count + periods.Length);
            int i = 0;
            foreach (var period in periods)
            {
                while (i < row.Cells.Count && row.Cells[i].Period!.Value.Start < period.Start)
                {
                    merged.Add(row.Cells[i++]);
                }

                if (i < row.Cells.Count && row.Cells[i].Period!.Value.Start == period.Start)
                {
                    merged.Add(row.Cells[i++]);
                }
                else
                {
                    merged.Add(new KpiCell<TKey>(row.Key, period, empty));
                }
            }

            while (i < row.Cells.Count)
            {
                merged.Add(row.Cells[i++]);
            }

            row.Cells = merged;
        }
    }
}
