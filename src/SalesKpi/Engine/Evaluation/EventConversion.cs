using System;
using System.Globalization;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi;

internal sealed record EventConversionSpec<TFact, TEntity>(
    Func<TFact, TEntity> Entity,
    Func<TFact, Instant> Time,
    Func<TFact, bool> From,
    Func<TFact, bool> To,
    Duration Window,
    ConversionBasis Basis,
    ConversionCounting Counting);

internal sealed class EventConversionAggregation<TFact, TEntity>(EventConversionSpec<TFact, TEntity> spec) : Aggregation<TFact>(EventConversionCore.Tag)
    where TEntity : notnull
{
    public EventConversionSpec<TFact, TEntity> Spec { get; } = spec;

    public override KpiValue EmptyValue => ConversionValues.ValueOf(default, Spec.Basis);

    public override bool HasIntrinsicTime => true;

    public override StateCore<TFact, TKey> CreateCore<TKey>(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options) =>
        new EventConversionCore<TFact, TKey, TEntity>(metric, options, Spec);
}

/// <summary>Shared constants and the plain-data encoding of event instants.</summary>
internal static class EventConversionCore
{
    public const string Tag = "conversion-events";

    private const long NanosecondsPerDay = 86_400_000_000_000L;

    private static readonly Instant Epoch = Instant.FromUnixTimeTicks(0);

    private static readonly int MinDays = (Instant.MinValue - Epoch).Days;

    private static readonly int MaxDays = (Instant.MaxValue - Epoch).Days;

    /// <summary>Writes an event as three integers: days since the Unix epoch, nanosecond of that day, business day number.</summary>
    public static void Write(long[] target, int index, Instant at, int day)
    {
        var since = at - Epoch;
        target[3 * index] = since.Days;
        target[(3 * index) + 1] = since.NanosecondOfDay;
        target[(3 * index) + 2] = day;
    }

    public static (Instant At, int Day) Read(long[] source, int index, bool perPeriod)
    {
        long days = source[3 * index];
        long nanos = source[(3 * index) + 1];
        long day = source[(3 * index) + 2];
        if (days < MinDays || days > MaxDays || nanos < 0 || nanos >= NanosecondsPerDay)
        {
            throw CellState.Invalid("an event instant is out of range");
        }

        if (perPeriod ? day < DateOnly.MinValue.DayNumber || day > DateOnly.MaxValue.DayNumber : day != 0)
        {
            throw CellState.Invalid("an event business day is out of range");
        }

        var at = Epoch + Duration.FromDays((int)days) + Duration.FromNanoseconds(nanos);
        return (at, (int)day);
    }
}

/// <summary>
/// The state of a conversion between separate A and B event facts joined by entity key: every relevant event (entity
/// slot, instant, business day, and for an A event its group key) in flat arrays, so that states of any partition
/// merge by appending and the conversion is decided only when the table is finished, per entity, with the same
/// matching rule as the history form (<see cref="ConversionMatcher"/>).
/// </summary>
internal sealed class EventConversionCore<TFact, TKey, TEntity> : StateCore<TFact, TKey>
    where TKey : notnull
    where TEntity : notnull
{
    private readonly Metric<TFact, TKey> _metric;
    private readonly EvaluationOptions<TFact> _options;
    private readonly EventConversionSpec<TFact, TEntity> _spec;
    private readonly Instant _asOf;
    private readonly BusinessDays<TFact>? _days;
    private readonly KeyMap<TEntity> _entities = new();
    private readonly KeyMap<TKey> _keys = new();
    private Entry[] _entries = new Entry[16];
    private int _entryCount;
    private Conversion[] _conversions = new Conversion[16];
    private int _conversionCount;
    private long _added;

    public EventConversionCore(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, EventConversionSpec<TFact, TEntity> spec)
    {
        _metric = metric;
        _spec = spec;
        _options = options ?? throw new ArgumentNullException(
            nameof(options),
            "A conversion needs evaluation options with a time zone and an as-of instant (EvaluationOptions.WithAsOf).");
        _asOf = options.AsOf
            ?? throw Errors.Argument("A conversion needs evaluation options with an as-of instant (EvaluationOptions.WithAsOf) to know which windows are still open.", nameof(options));
        if (metric.Period is not null)
        {
            _days = new BusinessDays<TFact>(options);
        }

        if (metric.KeySelector is null)
        {
            _keys.GetOrAdd(default!);
        }
    }

    public override long FactsAdded => _added;

    /// <summary>Gets the number of events held (the state holds events, not cells, until it is finished).</summary>
    public override int CellCount => _entryCount + _conversionCount;

    public override void Add(ReadOnlySpan<TFact> facts)
    {
        var filter = _metric.Filter;
        var key = _metric.KeySelector;
        var spec = _spec;
        for (int i = 0; i < facts.Length; i++)
        {
            FactPrefetch.Ahead(facts, i + FactPrefetch.Distance);
            ref readonly TFact fact = ref facts[i];
            if (filter is not null && !filter(fact))
            {
                continue;
            }

            bool isEntry = spec.From(fact);
            bool isConversion = spec.To(fact);
            if (!isEntry && !isConversion)
            {
                continue;
            }

            var at = spec.Time(fact);
            if (at > _asOf)
            {
                continue;
            }

            var entity = spec.Entity(fact);
            if (entity is null)
            {
                throw Errors.Argument("A conversion's entity selector returned null for a fact.", nameof(facts));
            }

            int e = _entities.GetOrAdd(entity);
            int day = _days is null ? 0 : _days.DayNumber(at, fact);
            if (isEntry)
            {
                AddEntry(new Entry(e, key is null ? 0 : _keys.GetOrAdd(key(fact)), day, at));
            }

            if (isConversion)
            {
                AddConversion(new Conversion(e, day, at));
            }
        }

        _added = checked(_added + facts.Length);
    }

    public override void MergeFrom(StateCore<TFact, TKey> other)
    {
        if (other is not EventConversionCore<TFact, TKey, TEntity> o || !ReferenceEquals(o._metric, _metric))
        {
            throw new ArgumentException("The states belong to different metric definitions; only states of the same definition merge.", nameof(other));
        }

        if (!_options.SameTimeSettings(o._options, compareAsOf: true))
        {
            throw new ArgumentException("The conversion states were evaluated with different zones or as-of instants; they cannot be merged.", nameof(other));
        }

        var entityMap = new int[o._entities.Count];
        for (int i = 0; i < entityMap.Length; i++)
        {
            entityMap[i] = _entities.GetOrAdd(o._entities[i]);
        }

        var keyMap = new int[o._keys.Count];
        for (int i = 0; i < keyMap.Length; i++)
        {
            keyMap[i] = _keys.GetOrAdd(o._keys[i]);
        }

        // Copy the counts first: merging a state into itself appends its own events once.
        int entries = o._entryCount;
        int conversions = o._conversionCount;
        for (int i = 0; i < entries; i++)
        {
            var x = o._entries[i];
            AddEntry(x with { Entity = entityMap[x.Entity], Key = keyMap[x.Key] });
        }

        for (int i = 0; i < conversions; i++)
        {
            var x = o._conversions[i];
            AddConversion(x with { Entity = entityMap[x.Entity] });
        }

        _added = checked(_added + o._added);
    }

    public override StateCore<TFact, TKey> Clone()
    {
        var copy = new EventConversionCore<TFact, TKey, TEntity>(_metric, _options, _spec);
        copy.MergeFrom(this);
        return copy;
    }

    public override KpiTable<TKey> ToTable() => Finish().ToTable();

    public override KpiTable<TNew> RollUp<TNew>(Func<TKey, TNew> map) => Finish().RollUp(map);

    public override KpiTable<TOut> FilterRollUp<TOut>(Metric<TFact, TOut> target, EvaluationOptions<TFact>? options, Func<TKey, TOut> map, Func<TKey, ReportingPeriod?, bool> keep) =>
        throw new NotSupportedException("Conversions cannot take part in an entity filter.");

    public override KpiSnapshot<TKey> ToSnapshot()
    {
        // Part 1: the A events per (entity, group key); part 2: the B events per entity; each cell's events as
        // (days since epoch, nanosecond of day, business day) triples in time order.
        var entryOrder = SortedEntries(byKeyFirst: true);
        var pairs = new List<((TEntity, TKey) Key, int Start, int End)>();
        for (int i = 0; i < entryOrder.Length;)
        {
            int end = i + 1;
            while (end < entryOrder.Length && entryOrder[end].Entity == entryOrder[i].Entity && entryOrder[end].Key == entryOrder[i].Key)
            {
                end++;
            }

            pairs.Add(((_entities[entryOrder[i].Entity], _keys[entryOrder[i].Key]), i, end));
            i = end;
        }

        var pairComparer = KeyOrder<(TEntity, TKey)>.Comparer;
        pairs.Sort((a, b) => pairComparer.Compare(a.Key, b.Key));
        var entryKeys = new (TEntity, TKey)[pairs.Count];
        var entryCells = new CellState[pairs.Count];
        for (int c = 0; c < pairs.Count; c++)
        {
            var (pairKey, start, stop) = pairs[c];
            var events = new long[3 * (stop - start)];
            for (int i = start; i < stop; i++)
            {
                EventConversionCore.Write(events, i - start, entryOrder[i].At, entryOrder[i].Day);
            }

            entryKeys[c] = pairKey;
            entryCells[c] = new CellState { Count = stop - start, Integers = events };
        }

        var conversionOrder = SortedConversions();
        var entityRanks = KeyOrder<TEntity>.Ranks(_entities);
        var groups = new List<(int Entity, int Start, int End)>();
        for (int i = 0; i < conversionOrder.Length;)
        {
            int end = i + 1;
            while (end < conversionOrder.Length && conversionOrder[end].Entity == conversionOrder[i].Entity)
            {
                end++;
            }

            groups.Add((conversionOrder[i].Entity, i, end));
            i = end;
        }

        groups.Sort((a, b) => entityRanks[a.Entity].CompareTo(entityRanks[b.Entity]));
        var conversionKeys = new TEntity[groups.Count];
        var conversionCells = new CellState[groups.Count];
        for (int c = 0; c < groups.Count; c++)
        {
            var (entity, start, stop) = groups[c];
            var events = new long[3 * (stop - start)];
            for (int i = start; i < stop; i++)
            {
                EventConversionCore.Write(events, i - start, conversionOrder[i].At, conversionOrder[i].Day);
            }

            conversionKeys[c] = _entities[entity];
            conversionCells[c] = new CellState { Count = stop - start, Integers = events };
        }

        bool perPeriod = _metric.Period is not null;
        KpiSnapshot[] parts =
        [
            new KpiSnapshot<(TEntity, TKey)>(EventConversionCore.Tag + ":entries", entryOrder.Length, entryKeys, null, entryCells, null, trusted: true),
            new KpiSnapshot<TEntity>(EventConversionCore.Tag + ":conversions", conversionOrder.Length, conversionKeys, null, conversionCells, null, trusted: true),
        ];
        return new KpiSnapshot<TKey>(EventConversionCore.Tag, _added, [], perPeriod ? [] : null, [], parts, trusted: true) { TimeSettings = _options.DescribeTimeSettings(withAsOf: true), MetricName = _metric.Name ?? string.Empty };
    }

    public override void Load(KpiSnapshot<TKey> snapshot, bool merge)
    {
        if (snapshot.Metric != EventConversionCore.Tag)
        {
            throw new ArgumentException($"The snapshot holds a '{snapshot.Metric}' state; this metric is a conversion of events ('{EventConversionCore.Tag}').", nameof(snapshot));
        }

        if (snapshot.Cells.Count > 0 || snapshot.Keys.Count > 0)
        {
            throw new ArgumentException($"A snapshot of a conversion of events has no cells of its own; this one has {snapshot.Cells.Count}.", nameof(snapshot));
        }

        snapshot.EnsureMetricName(_metric.Name);
        snapshot.EnsureTimeSettings(_options.DescribeTimeSettings(withAsOf: true));
        bool perPeriod = _metric.Period is not null;
        if ((snapshot.Periods is not null) != perPeriod)
        {
            throw new ArgumentException(perPeriod ? "The snapshot is not per period; this metric is." : "The snapshot is per period; this metric is not.", nameof(snapshot));
        }

        if (snapshot.Parts is not [KpiSnapshot<(TEntity, TKey)> entries, KpiSnapshot<TEntity> conversions])
        {
            throw new ArgumentException(
                $"A snapshot of a conversion of events has two parts, keyed by ({typeof(TEntity).Name}, {typeof(TKey).Name}) and by {typeof(TEntity).Name}; this one has {snapshot.Parts.Count}.",
                nameof(snapshot));
        }

        // Decode everything before changing the state, so that an invalid snapshot leaves it as it was.
        var newEntries = new List<(TEntity Entity, TKey Key, Instant At, int Day)>();
        for (int c = 0; c < entries.Cells.Count; c++)
        {
            var (entity, key) = entries.Keys[c];
            foreach (var (at, day) in Events(entries.Cells[c], perPeriod, "entries", c, entries.Keys[c]))
            {
                newEntries.Add((entity, key, at, day));
            }
        }

        var newConversions = new List<(TEntity Entity, Instant At, int Day)>();
        for (int c = 0; c < conversions.Cells.Count; c++)
        {
            foreach (var (at, day) in Events(conversions.Cells[c], perPeriod, "conversions", c, conversions.Keys[c]))
            {
                newConversions.Add((conversions.Keys[c], at, day));
            }
        }

        foreach (var (entity, key, at, day) in newEntries)
        {
            AddEntry(new Entry(_entities.GetOrAdd(entity), _keys.GetOrAdd(key), day, at));
        }

        foreach (var (entity, at, day) in newConversions)
        {
            AddConversion(new Conversion(_entities.GetOrAdd(entity), day, at));
        }

        _added = checked(_added + snapshot.FactCount);
    }

    /// <summary>Reads the events of cell <paramref name="index"/> of a part; an invalid cell is an error naming the part, the cell and its key.</summary>
    private static List<(Instant At, int Day)> Events(CellState cell, bool perPeriod, string part, int index, object key)
    {
        try
        {
            var data = cell.Integers;
            if (cell.Count < 0 || data is null || data.Length != 3 * cell.Count)
            {
                throw CellState.Invalid("a cell of events needs Count events as triples in Integers");
            }

            var events = new List<(Instant, int)>((int)cell.Count);
            for (int i = 0; i < cell.Count; i++)
            {
                events.Add(EventConversionCore.Read(data, i, perPeriod));
            }

            return events;
        }
        catch (ArgumentException e) when (e.Data[CellState.InvalidReasonKey] is string reason)
        {
            throw Errors.Argument(string.Create(CultureInfo.InvariantCulture, $"The snapshot's {part} cell {index} (key {key}) is invalid: {reason}."), "snapshot", e);
        }
    }

    private void AddEntry(in Entry entry)
    {
        if (_entryCount == _entries.Length)
        {
            Array.Resize(ref _entries, checked(_entries.Length * 2));
        }

        _entries[_entryCount++] = entry;
    }

    private void AddConversion(in Conversion conversion)
    {
        if (_conversionCount == _conversions.Length)
        {
            Array.Resize(ref _conversions, checked(_conversions.Length * 2));
        }

        _conversions[_conversionCount++] = conversion;
    }

    /// <summary>
    /// The A events by entity, then instant, then group key order, then business day: a deterministic order whatever
    /// the order the events arrived in (so equal instants of one entity resolve the same way in every partition).
    /// </summary>
    /// <remarks>With <paramref name="byKeyFirst"/> the group key comes before the instant (the order of snapshots).</remarks>
    private Entry[] SortedEntries(bool byKeyFirst = false)
    {
        var sorted = _entries.AsSpan(0, _entryCount).ToArray();
        var keyRanks = KeyOrder<TKey>.Ranks(_keys);
        Array.Sort(sorted, (a, b) =>
        {
            int c = a.Entity.CompareTo(b.Entity);
            int byKey = keyRanks[a.Key].CompareTo(keyRanks[b.Key]);
            if (c == 0 && byKeyFirst)
            {
                c = byKey;
            }

            if (c == 0)
            {
                c = a.At.CompareTo(b.At);
            }

            if (c == 0)
            {
                c = byKey;
            }

            return c != 0 ? c : a.Day.CompareTo(b.Day);
        });
        return sorted;
    }

    private Conversion[] SortedConversions()
    {
        var sorted = _conversions.AsSpan(0, _conversionCount).ToArray();
        Array.Sort(sorted, (a, b) =>
        {
            int c = a.Entity.CompareTo(b.Entity);
            if (c == 0)
            {
                c = a.At.CompareTo(b.At);
            }

            return c != 0 ? c : a.Day.CompareTo(b.Day);
        });
        return sorted;
    }

    /// <summary>Matches each entity's events into a fresh state of cells, which finishes like any other metric.</summary>
    private ConversionCellsCore<TFact, TKey> Finish()
    {
        var cells = new ConversionCellsCore<TFact, TKey>(_metric, _options, _spec.Basis);
        for (int k = 0; k < _keys.Count; k++)
        {
            cells.Keys.GetOrAdd(_keys[k]);
        }

        var entries = SortedEntries();
        var conversions = SortedConversions();
        var entryTimes = new Instant[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            entryTimes[i] = entries[i].At;
        }

        var conversionTimes = new Instant[conversions.Length];
        for (int i = 0; i < conversions.Length; i++)
        {
            conversionTimes[i] = conversions[i].At;
        }

        var outcomes = new ConversionOutcome[entries.Length];
        int c = 0;
        for (int i = 0; i < entries.Length;)
        {
            int entity = entries[i].Entity;
            int end = i + 1;
            while (end < entries.Length && entries[end].Entity == entity)
            {
                end++;
            }

            while (c < conversions.Length && conversions[c].Entity < entity)
            {
                c++;
            }

            int cEnd = c;
            while (cEnd < conversions.Length && conversions[cEnd].Entity == entity)
            {
                cEnd++;
            }

            int trials = ConversionMatcher.Match(entryTimes.AsSpan(i, end - i), conversionTimes.AsSpan(c, cEnd - c), _spec.Window, _asOf, _spec.Counting, outcomes);
            for (int t = 0; t < trials; t++)
            {
                // Each trial in the cell of its own A event's key and day; a conversion (period basis) on its B event's day.
                var (entry, conversion, censored) = outcomes[t];
                var a = entries[i + entry];
                ConversionMatcher.Record(ref cells.Cell(a.Key, a.Day), conversion >= 0, censored, _spec.Basis);
                if (_spec.Basis == ConversionBasis.Period && conversion >= 0)
                {
                    ConversionMatcher.RecordConversion(ref cells.Cell(a.Key, conversions[c + conversion].Day));
                }
            }

            i = end;
            c = cEnd;
        }

        cells.Added = _added;
        return cells;
    }

    private readonly record struct Entry(int Entity, int Key, int Day, Instant At);

    private readonly record struct Conversion(int Entity, int Day, Instant At);
}

/// <summary>Conversion cells computed from events, finished through the shared pipeline (windows, fill, value stages).</summary>
internal sealed class ConversionCellsCore<TFact, TKey>(Metric<TFact, TKey> metric, EvaluationOptions<TFact> options, ConversionBasis basis)
    : CellStateCore<TFact, TKey, ConversionAccumulator>(metric, options)
    where TKey : notnull
{
    public override void Add(ReadOnlySpan<TFact> facts) =>
        throw new InvalidOperationException("Cells of a conversion of events are computed from its events, not added.");

    public ref ConversionAccumulator Cell(int key, int day) => ref Cells.GetOrAdd(key, Periods is null ? 0 : Periods.SlotOfDay(day));

    protected override KpiValue ValueOf(in ConversionAccumulator acc) => ConversionValues.ValueOf(acc, basis);

    protected override CellStateCore<TFact, TKey, ConversionAccumulator> CreateEmpty() => new ConversionCellsCore<TFact, TKey>(Metric, Options!, basis);
}
