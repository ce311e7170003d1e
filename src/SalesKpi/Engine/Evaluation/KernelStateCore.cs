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

    private KernelStateCore(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, TKernel kernel, KeyMap<TKey> keys, PeriodSlots? periods, CellStore<TAcc> cells)
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
            Run<NoTimeMode, TFilter>(facts, filter);
        }
        else if (period.Date is not null)
        {
            Run<DateMode, TFilter>(facts, filter);
        }
        else if (_days!.Zone is not null)
        {
            Run<ZoneMode, TFilter>(facts, filter);
        }
        else
        {
            Run<FactZoneMode, TFilter>(facts, filter);
        }
    }

    protected override KpiValue ValueOf(in TAcc acc) => _kernel.ValueOf(in acc);

    protected override CellStateCore<TFact, TKey, TAcc> CreateEmpty() =>
        new KernelStateCore<TFact, TKey, TAcc, TKernel>(Metric, Options, _kernel);

    // Fully optimised at once: a long loop in a method called once per batch would otherwise run as on-stack-replaced
    // tier-0 code, measured at twice the cost per fact.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Run<TMode, TFilter>(ReadOnlySpan<TFact> facts, TFilter filter)
        where TMode : struct
        where TFilter : struct, IFactPredicate<TFact>
    {
        var kernel = _kernel;
        var key = Metric.KeySelector;
        var instant = Metric.Period?.Instant;
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
                p = zone!.PeriodSlot(instant!(fact), periods);
            }
            else if (typeof(TMode) == typeof(FactZoneMode))
            {
                p = zones!.PeriodSlot(instant!(fact), fact, periods);
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
