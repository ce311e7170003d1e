using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The single-pass evaluation of a kernel primitive: one loop, compiled per fact, key, accumulator and kernel type,
/// per time mode, and per type of the filter, time selector and key selector. The metric's filter, time and key stages
/// hand their value types down one after the other (one virtual call per batch each), so value-type selectors are
/// inlined into the loop and delegates are called directly; no interface dispatch and no allocation per fact (only per
/// new key, period or cell). The same loop finds the slots of a pass shared by several metrics (a slot sink instead
/// of adding to the cells).
/// </summary>
internal sealed class KernelStateCore<TFact, TKey, TAcc, TKernel> : CellStateCore<TFact, TKey, TAcc>, ISharableCore<TFact, TKey>
    where TKey : notnull
    where TAcc : struct, IAccumulator<TAcc>
    where TKernel : struct, IKernel<TFact, TAcc>
{
    private readonly TKernel _kernel;
    private readonly BusinessDays<TFact>? _days;
    private KernelStateCore<TFact, TKey, CountAccumulator, CountKernel<TFact>>? _slotter;

    public KernelStateCore(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, TKernel kernel)
        : base(metric, options)
    {
        _kernel = kernel;
        if (metric.Period is { NeedsZone: true })
        {
            _days = new BusinessDays<TFact>(options!);
        }
    }

    internal KernelStateCore(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, TKernel kernel, KeyMap<TKey> keys, PeriodSlots? periods, CellStore<TAcc> cells)
        : base(metric, options, keys, periods, cells)
    {
        _kernel = kernel;
        if (metric.Period is { NeedsZone: true })
        {
            _days = new BusinessDays<TFact>(options!);
        }
    }

    StateCore<TFact, TKey> ISharableCore<TFact, TKey>.Core => this;

    Metric<TFact, TKey> ISharableCore<TFact, TKey>.Metric => Metric;

    ISharableCore<TFact, TKey> ISharableCore<TFact, TKey>.Share(Metric<TFact, TKey> metric) =>
        new KernelStateCore<TFact, TKey, TAcc, TKernel>(metric, Options, _kernel, Keys, Periods, Cells);

    void ISharableCore<TFact, TKey>.CountAdded(long facts) => Added = checked(Added + facts);

    ISharableCore<TFact, TKey>? ISharableCore<TFact, TKey>.Join(Metric<TFact, TKey> metric) =>
        metric.Aggregation.CreateCoreOn(metric, Options, Keys, Periods) as ISharableCore<TFact, TKey>;

    int ISharableCore<TFact, TKey>.Slot(ReadOnlySpan<TFact> facts, int[] selection, int[] keys, int[] periods)
    {
        // Slots are found by a count state on the same key and period slots: the slot-finding loops are then compiled
        // once per fact and key type (and filter, time and key selector), not once more for every kernel type, which
        // keeps Native AOT images smaller.
        _slotter ??= new KernelStateCore<TFact, TKey, CountAccumulator, CountKernel<TFact>>(Metric, Options, default, Keys, Periods, new CellStore<CountAccumulator>());
        return _slotter.FindSlots(facts, selection, keys, periods);
    }

    /// <summary>Applies the filter and finds the key and period slots of the kept facts: their indices, slots, count.</summary>
    internal int FindSlots(ReadOnlySpan<TFact> facts, int[] selection, int[] keys, int[] periods)
    {
        var sink = new SlotSink(selection, keys, periods);
        Dispatch(facts, ref sink);
        return sink.Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    void ISharableCore<TFact, TKey>.AddSlotted(ReadOnlySpan<TFact> facts, ReadOnlySpan<int> selection, ReadOnlySpan<int> keys, ReadOnlySpan<int> periods)
    {
        var kernel = _kernel;
        var cells = Cells;
        for (int j = 0; j < selection.Length; j++)
        {
            FactPrefetch.Ahead(facts, j + FactPrefetch.Distance < selection.Length ? selection[j + FactPrefetch.Distance] : -1);
            kernel.Add(ref cells.GetOrAdd(keys[j], periods[j]), in facts[selection[j]]);
        }
    }

    public override void Add(ReadOnlySpan<TFact> facts)
    {
        var sink = default(AddToCells);
        Dispatch(facts, ref sink);
        Added = checked(Added + facts.Length);
    }

    /// <summary>Runs the single-pass loop compiled for the metric's filter, time and key selector types, handing each kept fact's slots to <paramref name="sink"/>.</summary>
    private void Dispatch<TSink>(ReadOnlySpan<TFact> facts, ref TSink sink)
        where TSink : struct, IFactSink
    {
        if (Metric.FilterStage is { } stage)
        {
            stage.Run(this, facts, ref sink);
        }
        else
        {
            Run(facts, default(NoPredicate<TFact>), ref sink);
        }
    }

    /// <summary>Runs the single-pass loop compiled for the filter's type (and then the time selector's and the key's).</summary>
    internal void Run<TFilter, TSink>(ReadOnlySpan<TFact> facts, TFilter filter, ref TSink sink)
        where TFilter : struct, IFactPredicate<TFact>
        where TSink : struct, IFactSink
    {
        if (Metric.Period?.Time is { } time)
        {
            time.Run(this, facts, filter, ref sink);
        }
        else
        {
            Run(facts, filter, default(NoTime<TFact>), ref sink);
        }
    }

    /// <summary>Runs the single-pass loop compiled for the filter's and the time selector's types (and then the key's).</summary>
    internal void Run<TFilter, TTime, TSink>(ReadOnlySpan<TFact> facts, TFilter filter, TTime time, ref TSink sink)
        where TFilter : struct, IFactPredicate<TFact>
        where TTime : struct, IFactTime<TFact>
        where TSink : struct, IFactSink
    {
        if (Metric.KeyStage is { } stage)
        {
            stage.Run(this, facts, filter, time, ref sink);
        }
        else if (Metric.KeySelector is { } key)
        {
            Keyed(facts, filter, time, new DelegateKey<TFact, TKey>(key), ref sink);
        }
        else
        {
            Keyed(facts, filter, time, default(NoKey<TFact, TKey>), ref sink);
        }
    }

    /// <summary>Runs the single-pass loop compiled for the filter's, time selector's and key selector's types and the metric's time mode.</summary>
    internal void Keyed<TFilter, TTime, TKeySelector, TSink>(ReadOnlySpan<TFact> facts, TFilter filter, TTime time, TKeySelector key, ref TSink sink)
        where TFilter : struct, IFactPredicate<TFact>
        where TTime : struct, IFactTime<TFact>
        where TKeySelector : struct, IFactKey<TFact, TKey>
        where TSink : struct, IFactSink
    {
        var period = Metric.Period;
        if (typeof(TTime) == typeof(NoTime<TFact>))
        {
            // No instants: no periods, or periods by date.
            if (period is null)
            {
                Loop<NoTimeMode, TFilter, TTime, TKeySelector, TSink>(facts, filter, time, key, ref sink);
            }
            else
            {
                Loop<DateMode, TFilter, TTime, TKeySelector, TSink>(facts, filter, time, key, ref sink);
            }
        }
        else if (period!.TimeIsDay)
        {
            Loop<DayMode, TFilter, TTime, TKeySelector, TSink>(facts, filter, time, key, ref sink);
        }
        else if (_days!.Zone is not null)
        {
            Loop<ZoneMode, TFilter, TTime, TKeySelector, TSink>(facts, filter, time, key, ref sink);
        }
        else
        {
            Loop<FactZoneMode, TFilter, TTime, TKeySelector, TSink>(facts, filter, time, key, ref sink);
        }
    }

    protected override KpiValue ValueOf(in TAcc acc) => _kernel.ValueOf(in acc);

    // Only a rate knows more about its cells than their accumulator type does (a branch decided when the code is compiled;
    // a default interface method would box the kernel per cell).
    protected override string? ProblemOf(in TAcc acc) =>
        typeof(TKernel) == typeof(RateKernel<TFact>) ? RateKernel<TFact>.ProblemOf(in Unsafe.As<TAcc, PairCountAccumulator>(ref Unsafe.AsRef(in acc))) : null;

    protected override CellStateCore<TFact, TKey, TAcc> CreateEmpty() =>
        new KernelStateCore<TFact, TKey, TAcc, TKernel>(Metric, Options, _kernel);

    // Fully optimised at once: a long loop in a method called once per batch would otherwise run as on-stack-replaced
    // tier-0 code, measured at twice the cost per fact. Never inlined: once its callers are called often enough to be
    // recompiled at tier 1, the JIT inlined the loop into them without room left to inline the loop's own callees (the
    // key map, the cell store, the zone and the kernel then became calls per fact: 2–4 times slower).
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private void Loop<TMode, TFilter, TTime, TKeySelector, TSink>(ReadOnlySpan<TFact> facts, TFilter filter, TTime time, TKeySelector key, ref TSink sink)
        where TMode : struct
        where TFilter : struct, IFactPredicate<TFact>
        where TTime : struct, IFactTime<TFact>
        where TKeySelector : struct, IFactKey<TFact, TKey>
        where TSink : struct, IFactSink
    {
        // A local copy, so that the sink's fields stay in registers (written back after the loop).
        var put = sink;
        var kernel = _kernel;
        var cells = Cells;
        var date = Metric.Period?.Date;
        var zone = _days?.Zone;
        var zones = _days?.Zones;
        var keys = Keys;
        var periods = Periods!;

        // Decided once, not per fact: in code shared across reference-type facts these type tests are not constants, and
        // a method of a selector struct is found through the generic dictionary, so a key delegate is called directly.
        bool noKey = typeof(TKeySelector) == typeof(NoKey<TFact, TKey>);
        bool delegateKey = typeof(TKeySelector) == typeof(DelegateKey<TFact, TKey>);
        bool readOutOfLine = !noKey && !delegateKey && KeyWords<TKey>.IsComposite;
        var keyOf = Metric.KeySelector;
        bool delegateFilter = typeof(TFilter) == typeof(DelegatePredicate<TFact>);
        var test = Metric.Filter;
        bool delegateTime = typeof(TTime) == typeof(DelegateTime<TFact>);
        var instant = Metric.Period?.Instant;
        long lastDay = long.MinValue; // no epoch day equals it, so the first fact's day is always looked up (and checked)
        LocalDate? lastDate = null;
        int lastSlot = 0;
        for (int i = 0; i < facts.Length; i++)
        {
            FactPrefetch.Ahead(facts, i + FactPrefetch.Distance);
            ref readonly TFact fact = ref facts[i];
            if (delegateFilter ? !test!(fact) : !filter.Test(in fact))
            {
                continue;
            }

            int k = noKey ? 0
                : delegateKey ? keys.GetOrAdd(keyOf!(fact))
                : readOutOfLine ? keys.GetOrAdd(ReadOutOfLine(ref key, in fact))
                : keys.GetOrAdd(key.KeyOf(in fact));
            int p;
            if (typeof(TMode) == typeof(NoTimeMode))
            {
                p = 0;
            }
            else if (typeof(TMode) == typeof(ZoneMode))
            {
                p = zone!.PeriodSlot(delegateTime ? instant!(fact).ToUnixTimeTicks() : time.UnixTicks(in fact), periods);
            }
            else if (typeof(TMode) == typeof(FactZoneMode))
            {
                p = zones!.PeriodSlot(delegateTime ? instant!(fact).ToUnixTimeTicks() : time.UnixTicks(in fact), fact, periods);
            }
            else if (typeof(TMode) == typeof(DayMode))
            {
                // Facts in time order come in runs of one day: the last day's slot is kept in registers.
                int day = (int)time.UnixTicks(in fact);
                if (day != lastDay)
                {
                    lastSlot = periods.SlotOfEpochDay(day);
                    lastDay = day;
                }

                p = lastSlot;
            }
            else
            {
                // The same for dates a delegate returns: a date equal to the last one skips its conversion to a day number.
                var d = date!(fact);
                if (d != lastDate)
                {
                    lastSlot = periods.SlotOfDay(PeriodSlots.DayNumber(d));
                    lastDate = d;
                }

                p = lastSlot;
            }

            if (typeof(TSink) == typeof(AddToCells))
            {
                kernel.Add(ref cells.GetOrAdd(k, p), in fact);
            }
            else
            {
                put.Put(i, k, p);
            }
        }

        sink = put;
    }

    /// <summary>
    /// Reads a key in a call of its own, so a composite key of 8 bytes (a pair of ids) comes back as one word: read
    /// inline, its parts are stored one by one and the key map reads them back as a word, which stalls the store
    /// forwarding of every fact.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TKey ReadOutOfLine<TKeySelector>(ref TKeySelector key, in TFact fact)
        where TKeySelector : struct, IFactKey<TFact, TKey> =>
        key.KeyOf(in fact);

    private struct NoTimeMode;

    private struct ZoneMode;

    private struct FactZoneMode;

    private struct DateMode;

    private struct DayMode;
}
