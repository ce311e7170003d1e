namespace SalesKpi;

/// <summary>A primitive: what is accumulated per cell and how a finished cell becomes a value.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
internal abstract class Aggregation<TFact>
{
    protected Aggregation(string name)
    {
        Name = name;
    }

    /// <summary>Gets the primitive's name, also the compatibility tag of its snapshots (for example <c>sum:decimal</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the value of a cell with no facts.</summary>
    public abstract KpiValue EmptyValue { get; }

    /// <summary>Gets whether the primitive places facts in periods by its own instants (conversions) rather than by a timestamp selector.</summary>
    public virtual bool HasIntrinsicTime => false;

    public abstract StateCore<TFact, TKey> CreateCore<TKey>(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options)
        where TKey : notnull;

    /// <summary>
    /// Creates a state on the given key and period slots (shared with a state of another primitive in one pass), or
    /// returns <see langword="null"/> when the primitive cannot take slots found by another state.
    /// </summary>
    public virtual StateCore<TFact, TKey>? CreateCoreOn<TKey>(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, KeyMap<TKey> keys, PeriodSlots? periods)
        where TKey : notnull => null;
}

/// <summary>A primitive made of an accumulator and a kernel, evaluated by the specialised single-pass loop.</summary>
internal sealed class KernelAggregation<TFact, TAcc, TKernel> : Aggregation<TFact>
    where TAcc : struct, IAccumulator<TAcc>
    where TKernel : struct, IKernel<TFact, TAcc>
{
    public KernelAggregation(string name, TKernel kernel)
        : base(name)
    {
        Kernel = kernel;
    }

    public TKernel Kernel { get; }

    public override KpiValue EmptyValue => Kernel.ValueOf(default);

    public override StateCore<TFact, TKey> CreateCore<TKey>(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options) =>
        new KernelStateCore<TFact, TKey, TAcc, TKernel>(metric, options, Kernel);

    public override StateCore<TFact, TKey>? CreateCoreOn<TKey>(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options, KeyMap<TKey> keys, PeriodSlots? periods) =>
        new KernelStateCore<TFact, TKey, TAcc, TKernel>(metric, options, Kernel, keys, periods, new CellStore<TAcc>());
}
