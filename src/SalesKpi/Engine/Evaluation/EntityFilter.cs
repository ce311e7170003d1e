using System;

namespace SalesKpi;

/// <summary>A filter on a per-entity metric value, attached to a definition.</summary>
internal abstract class EntityFilter<TFact, TKey>
    where TKey : notnull
{
    public abstract StateCore<TFact, TKey> CreateCore(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options);
}

internal sealed class EntityFilter<TFact, TKey, TEntity>(Func<TFact, TEntity> entity, Metric<TFact, Ungrouped> condition, Func<KpiValue, bool> predicate)
    : EntityFilter<TFact, TKey>
    where TKey : notnull
    where TEntity : notnull
{
    public Func<TFact, TEntity> Entity { get; } = entity;

    public Func<KpiValue, bool> Predicate { get; } = predicate;

    public override StateCore<TFact, TKey> CreateCore(Metric<TFact, TKey> metric, EvaluationOptions<TFact>? options)
    {
        // The inner definitions are built once per outer definition, so that states created from it can merge.
        if (metric.EntityFilterPlan is not (Metric<TFact, (TKey, TEntity)> inner, Metric<TFact, TEntity> test))
        {
            (inner, test) = Plan(metric);
            System.Threading.Interlocked.CompareExchange(ref metric.EntityFilterPlan, (inner, test), null);
            (inner, test) = ((Metric<TFact, (TKey, TEntity)>, Metric<TFact, TEntity>))metric.EntityFilterPlan!;
        }

        return new EntityFilteredCore<TFact, TKey, TEntity>(metric, options, this, inner.Aggregation.CreateCore(inner, options), test.Aggregation.CreateCore(test, options));
    }

    private (Metric<TFact, (TKey, TEntity)> Inner, Metric<TFact, TEntity> Test) Plan(Metric<TFact, TKey> metric)
    {
        var key = metric.KeySelector;
        var entity = Entity;
        Func<TFact, (TKey, TEntity)> pair = key is null ? fact => (default!, entity(fact)) : fact => (key(fact), entity(fact));
        var inner = new Metric<TFact, (TKey, TEntity)>(metric.Aggregation)
        {
            FilterStage = metric.FilterStage,
            KeySelector = pair,
            Period = metric.Period,
            Description = metric.Description,
        };
        var test = new Metric<TFact, TEntity>(condition.Aggregation)
        {
            FilterStage = condition.FilterStage,
            KeySelector = entity,
            Period = metric.Period,
            Description = condition.Description,
        };
        return (inner, test);
    }
}

/// <summary>
/// The mergeable state of a metric filtered by a per-entity value: the metric accumulated per (key, entity) and the
/// condition per entity, both per period; entities are kept or dropped only when the table is finished, so states of
/// partitions merge exactly like any other state.
/// </summary>
internal sealed class EntityFilteredCore<TFact, TKey, TEntity>(
    Metric<TFact, TKey> metric,
    EvaluationOptions<TFact>? options,
    EntityFilter<TFact, TKey, TEntity> filter,
    StateCore<TFact, (TKey, TEntity)> values,
    StateCore<TFact, TEntity> conditions) : StateCore<TFact, TKey>
    where TKey : notnull
    where TEntity : notnull
{
    public const string Tag = "where-entity";

    public override long FactsAdded => values.FactsAdded;

    public override int CellCount => values.CellCount;

    public override void Add(ReadOnlySpan<TFact> facts)
    {
        values.Add(facts);
        conditions.Add(facts);
    }

    public override void MergeFrom(StateCore<TFact, TKey> other)
    {
        if (other is not EntityFilteredCore<TFact, TKey, TEntity> o || !ReferenceEquals(o.Metric, metric))
        {
            throw new ArgumentException("The states belong to different metric definitions; only states of the same definition merge.", nameof(other));
        }

        values.MergeFrom(o.Values);
        conditions.MergeFrom(o.Conditions);
    }

    public override StateCore<TFact, TKey> Clone() =>
        new EntityFilteredCore<TFact, TKey, TEntity>(metric, options, filter, values.Clone(), conditions.Clone());

    public override KpiTable<TKey> ToTable() =>
        values.FilterRollUp(metric.WithoutEntityFilter(), options, k => k.Item1, Keep());

    public override KpiTable<TNew> RollUp<TNew>(Func<TKey, TNew> map)
    {
        var target = new Metric<TFact, TNew>(metric.Aggregation) { Period = metric.Period, Window = metric.Window, Description = metric + " | rolled up" };
        return values.FilterRollUp(target, options, k => map(k.Item1), Keep());
    }

    public override KpiTable<TOut> FilterRollUp<TOut>(Metric<TFact, TOut> target, EvaluationOptions<TFact>? options, Func<TKey, TOut> map, Func<TKey, ReportingPeriod?, bool> keep) =>
        throw new NotSupportedException("An entity-filtered metric cannot be nested in another entity filter.");

    /// <summary>
    /// The plain-data form: no cells of its own and two parts, the metric per (key, entity) and the condition per entity,
    /// each sorted by key then period like any snapshot.
    /// </summary>
    public override KpiSnapshot<TKey> ToSnapshot() =>
        new(Tag, values.FactsAdded, [], metric.Period is null ? null : [], [], [values.ToSnapshot(), conditions.ToSnapshot()], trusted: true) { MetricName = metric.Name ?? string.Empty };

    public override void Load(KpiSnapshot<TKey> snapshot, bool merge)
    {
        if (snapshot.Metric != Tag)
        {
            throw new ArgumentException($"The snapshot holds a '{snapshot.Metric}' state; this metric is filtered by a per-entity value ('{Tag}').", nameof(snapshot));
        }

        if (snapshot.Cells.Count > 0 || snapshot.Keys.Count > 0)
        {
            throw new ArgumentException($"An entity-filtered snapshot has no cells of its own; this one has {snapshot.Cells.Count}.", nameof(snapshot));
        }

        snapshot.EnsureMetricName(metric.Name);

        if (snapshot.Parts is not [KpiSnapshot<(TKey, TEntity)> valuePart, KpiSnapshot<TEntity> conditionPart])
        {
            throw new ArgumentException(
                $"An entity-filtered snapshot has two parts, keyed by ({typeof(TKey).Name}, {typeof(TEntity).Name}) and by {typeof(TEntity).Name}; this one has {snapshot.Parts.Count}.",
                nameof(snapshot));
        }

        if (valuePart.FactCount != snapshot.FactCount)
        {
            throw new ArgumentException($"The snapshot counts {snapshot.FactCount} facts but its first part {valuePart.FactCount}.", nameof(snapshot));
        }

        if (!merge)
        {
            values.Load(valuePart, merge: false);
            conditions.Load(conditionPart, merge: false);
            return;
        }

        // Both parts are read and checked before either changes: the condition part into a state of its own first, then
        // the value part (whose merge checks every cell first), then the conditions merged from that state.
        var (_, test) = ((Metric<TFact, (TKey, TEntity)>, Metric<TFact, TEntity>))metric.EntityFilterPlan!;
        var incoming = test.Aggregation.CreateCore(test, options);
        incoming.Load(conditionPart, merge: false);
        values.Load(valuePart, merge: true);
        conditions.MergeFrom(incoming);
    }

    private Metric<TFact, TKey> Metric => metric;

    private StateCore<TFact, (TKey, TEntity)> Values => values;

    private StateCore<TFact, TEntity> Conditions => conditions;

    private Func<(TKey, TEntity), ReportingPeriod?, bool> Keep()
    {
        var table = conditions.ToTable();
        var predicate = filter.Predicate;
        return (key, period) => predicate(period is ReportingPeriod p ? table[key.Item2, p] : table[key.Item2]);
    }
}
