using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The single-pass evaluation of a kernel primitive: one loop, specialised by the JIT per fact, key, accumulator
/// and kernel type and per time mode (a type argument it folds away). The selectors are invoked in the loop itself so
/// that profile-guided optimisation can inline their targets; no interface dispatch and no allocation per fact (only
/// per new key, period or cell).
/// </summary>
internal sealed class KernelStateCore<TFact, TKey, TAcc, TKernel> : CellStateCore<TFact, TKey, TAcc>, ISharableCore<TFact, TKey>
    where TKey : notnull
    where TAcc : struct, IAccumulator<TAcc>
    where TKernel : struct, IKernel<TFact, TAcc>
{
    private readonly TKernel _kernel;
    private readonly BusinessDays<TFact>? _days;

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

    int ISharableCore<TFact, TKey>.Slot(ReadOnlySpan<TFact> facts, Span<int> selection, Span<int> keys, Span<int> periods)
    {
        var period = Metric.Period;
        if (period is null)
        {
            return Slot<NoTimeMode>(facts, selection, keys, periods);
        }

        if (period.Date is not null)
        {
            return Slot<DateMode>(facts, selection, keys, periods);
        }

        return _days!.Zone is not null
            ? Slot<ZoneMode>(facts, selection, keys, periods)
            : Slot<FactZoneMode>(facts, selection, keys, periods);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void ISharableCore<TFact, TKey>.AddSlotted(ReadOnlySpan<TFact> facts, ReadOnlySpan<int> selection, ReadOnlySpan<int> keys, ReadOnlySpan<int> periods)
    {
        var kernel = _kernel;
        var cells = Cells;
        for (int j = 0; j < selection.Length; j++)
        {
            kernel.Add(ref cells.GetOrAdd(keys[j], periods[j]), in facts[selection[j]]);
        }
    }

    /// <summary>Applies the filter and finds the key and period slots of the kept facts: their indices, slots, count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Slot<TMode>(ReadOnlySpan<TFact> facts, Span<int> selection, Span<int> keySlots, Span<int> periodSlots)
        where TMode : struct
    {
        var filter = Metric.Filter;
        var key = Metric.KeySelector;
        var instant = Metric.Period?.Instant;
        var date = Metric.Period?.Date;
        var zone = _days?.Zone;
        var zones = _days?.Zones;
        var keys = Keys;
        var periods = Periods!;
        int n = 0;
        for (int i = 0; i < facts.Length; i++)
        {
            ref readonly TFact fact = ref facts[i];
            if (filter is not null && !filter(fact))
            {
                continue;
            }

            keySlots[n] = key is null ? 0 : keys.GetOrAdd(key(fact));
            if (typeof(TMode) == typeof(NoTimeMode))
            {
                periodSlots[n] = 0;
            }
            else if (typeof(TMode) == typeof(ZoneMode))
            {
                periodSlots[n] = zone!.PeriodSlot(instant!(fact), periods);
            }
            else if (typeof(TMode) == typeof(FactZoneMode))
            {
                periodSlots[n] = zones!.PeriodSlot(instant!(fact), fact, periods);
            }
            else
            {
                periodSlots[n] = periods.SlotOfDay(PeriodSlots.DayNumber(date!(fact)));
            }

            selection[n++] = i;
        }

        return n;
    }

    public override void Add(ReadOnlySpan<TFact> facts)
    {
        if (Metric.FilterStage is { } stage)
        {
            stage.Run(this, facts);
        }
        else
        {
            Run(facts, default(NoPredicate<TFact>));
        }

        Added = checked(Added + facts.Length);
    }

    /// <summary>Runs the single-pass loop compiled for the filter's type and the metric's time mode.</summary>
    internal void Run<TFilter>(ReadOnlySpan<TFact> facts, TFilter filter)
        where TFilter : struct, IFactPredicate<TFact>
    {
        var period = Metric.Period;
        if (period is null)
        {
            Loop<NoTimeMode, TFilter, NoTime<TFact>>(facts, filter, default);
        }
        else if (period.Date is not null)
        {
            Loop<DateMode, TFilter, NoTime<TFact>>(facts, filter, default);
        }
        else
        {
            period.Time!.Run(this, facts, filter);
        }
    }

    /// <summary>Runs the single-pass loop compiled for the filter's and the time selector's types.</summary>
    internal void Run<TFilter, TTime>(ReadOnlySpan<TFact> facts, TFilter filter, TTime time)
        where TFilter : struct, IFactPredicate<TFact>
        where TTime : struct, IFactTime<TFact>
    {
        if (_days!.Zone is not null)
        {
            Loop<ZoneMode, TFilter, TTime>(facts, filter, time);
        }
        else
        {
            Loop<FactZoneMode, TFilter, TTime>(facts, filter, time);
        }
    }

    protected override KpiValue ValueOf(in TAcc acc) => _kernel.ValueOf(in acc);

    protected override CellStateCore<TFact, TKey, TAcc> CreateEmpty() =>
        new KernelStateCore<TFact, TKey, TAcc, TKernel>(Metric, Options, _kernel);

    // Fully optimised at once: a long loop in a method called once per batch would otherwise run as on-stack-replaced
    // tier-0 code, measured at twice the cost per fact.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Loop<TMode, TFilter, TTime>(ReadOnlySpan<TFact> facts, TFilter filter, TTime time)
        where TMode : struct
        where TFilter : struct, IFactPredicate<TFact>
        where TTime : struct, IFactTime<TFact>
    {
        var kernel = _kernel;
        var key = Metric.KeySelector;
        var date = Metric.Period?.Date;
        var zone = _days?.Zone;
        var zones = _days?.Zones;
        var keys = Keys;
        var periods = Periods!;
        var cells = Cells;
        foreach (ref readonly TFact fact in facts)
        {
            if (!filter.Test(in fact))
            {
                continue;
            }

            int k = key is null ? 0 : keys.GetOrAdd(key(fact));
            int p;
            if (typeof(TMode) == typeof(NoTimeMode))
            {
                p = 0;
            }
            else if (typeof(TMode) == typeof(ZoneMode))
            {
                p = zone!.PeriodSlot(time.UnixTicks(in fact), periods);
            }
            else if (typeof(TMode) == typeof(FactZoneMode))
            {
                p = zones!.PeriodSlot(time.UnixTicks(in fact), fact, periods);
            }
            else
            {
                p = periods.SlotOfDay(PeriodSlots.DayNumber(date!(fact)));
            }

            kernel.Add(ref cells.GetOrAdd(k, p), in fact);
        }
    }

    private struct NoTimeMode;

    private struct ZoneMode;

    private struct FactZoneMode;

    private struct DateMode;
}
