using System;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The single-pass evaluation of a kernel primitive. The loop is a generic method over struct strategies for
/// grouping and time, so the JIT compiles one specialised loop per combination: no interface dispatch per fact,
/// no closure, no allocation per fact (only per new key, period or cell).
/// </summary>
internal sealed class KernelStateCore<TFact, TKey, TAcc, TKernel> : CellStateCore<TFact, TKey, TAcc>
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

    public override void Add(ReadOnlySpan<TFact> facts)
    {
        var key = Metric.KeySelector;
        if (key is null)
        {
            AddTimed(facts, default(NoGroup<TFact, TKey>));
        }
        else
        {
            AddTimed(facts, new SelectorGroup<TFact, TKey>(key));
        }

        Added = checked(Added + facts.Length);
    }

    protected override KpiValue ValueOf(in TAcc acc) => _kernel.ValueOf(in acc);

    protected override CellStateCore<TFact, TKey, TAcc> CreateEmpty() =>
        new KernelStateCore<TFact, TKey, TAcc, TKernel>(Metric, Options, _kernel);

    private void AddTimed<TGroup>(ReadOnlySpan<TFact> facts, TGroup group)
        where TGroup : struct, IGroupStrategy<TFact, TKey>
    {
        var period = Metric.Period;
        if (period is null)
        {
            Run(facts, group, default(NoTime<TFact>));
        }
        else if (period.Date is { } date)
        {
            Run(facts, group, new DateSelectorTime<TFact>(date));
        }
        else if (_days!.Zone is { } zone)
        {
            Run(facts, group, new ZonedInstantTime<TFact>(period.Instant!, zone));
        }
        else
        {
            Run(facts, group, new PerFactZoneInstantTime<TFact>(period.Instant!, _days.Zones!));
        }
    }

    private void Run<TGroup, TTime>(ReadOnlySpan<TFact> facts, TGroup group, TTime time)
        where TGroup : struct, IGroupStrategy<TFact, TKey>
        where TTime : struct, ITimeStrategy<TFact>
    {
        var kernel = _kernel;
        var filter = Metric.Filter;
        var keys = Keys;
        var periods = Periods!;
        var cells = Cells;
        foreach (ref readonly TFact fact in facts)
        {
            if (filter is not null && !filter(fact))
            {
                continue;
            }

            int k = group.Slot(in fact, keys);
            int p = time.Slot(in fact, periods);
            kernel.Add(ref cells.GetOrAdd(k, p), in fact);
        }
    }
}
