using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// The part of a <see cref="KpiSnapshot{TKey}"/> that does not depend on the key type, so that a serializer can walk a
/// snapshot's <see cref="Parts"/> (whose keys have other types) and dispatch on <see cref="KeyType"/>.
/// </summary>
/// <remarks>Immutable. The only implementation is <see cref="KpiSnapshot{TKey}"/>.</remarks>
public abstract class KpiSnapshot
{
    private static readonly KpiSnapshot[] NoParts = [];

    private readonly LocalDate[]? _periods;
    private readonly CellState[] _cells;
    private readonly KpiSnapshot[] _parts;
    private readonly string _timeSettings = string.Empty;
    private readonly string _metricName = string.Empty;

    private protected KpiSnapshot(string metric, long factCount, LocalDate[]? periods, CellState[] cells, KpiSnapshot[]? parts)
    {
        Metric = metric;
        FactCount = factCount;
        _periods = periods;
        _cells = cells;
        _parts = parts is { Length: > 0 } ? parts : NoParts;
    }

    /// <summary>Gets the primitive's tag (for example <c>count</c>, <c>sum:decimal</c>, or <c>where-entity</c> for a state made of parts).</summary>
    public string Metric { get; }

    /// <summary>Gets the number of facts added to the state.</summary>
    public long FactCount { get; }

    /// <summary>Gets each cell's period start, or <see langword="null"/> when the metric is not per period.</summary>
    public IReadOnlyList<LocalDate>? Periods => _periods;

    /// <summary>Gets each cell's accumulator state.</summary>
    public IReadOnlyList<CellState> Cells => _cells;

    /// <summary>
    /// Gets the snapshots this state is made of, empty for a plain metric. A metric filtered with
    /// <see cref="SalesKpi.Metric.WhereEntity"/> has no cells of its own and two parts: the metric per (key, entity)
    /// (a <see cref="KpiSnapshot{TKey}"/> of <c>(TKey, TEntity)</c> tuples) and the condition per entity (of <c>TEntity</c>).
    /// </summary>
    public IReadOnlyList<KpiSnapshot> Parts => _parts;

    /// <summary>
    /// Gets what placed the state's facts in time, where it matters: for a metric per period or a conversion, the
    /// evaluation's zone (and whether each fact had its own zone, by which basis), and for a conversion the as-of instant
    /// (it decides censoring); empty otherwise. A restore or merge refuses a snapshot whose settings differ from the
    /// state's, as a merge of states does. An empty value (a snapshot built without it) is not checked.
    /// </summary>
    /// <example><c>zone Europe/Paris</c>, <c>zone America/New_York; per-fact zones (RepHomeZone basis); as-of 2026-06-30T00:00:00Z</c>.</example>
    public string TimeSettings
    {
        get => _timeSettings;
        init => _timeSettings = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Gets the name of the metric the state belongs to, given with <see cref="SalesKpi.Metric.Named{TFact, TKey}"/>, or
    /// empty when it has none. A restore or merge into a metric of another name is refused (the primitive's tag,
    /// <see cref="Metric"/>, cannot tell two counts apart; a name can). An empty value is not checked.
    /// </summary>
    public string MetricName
    {
        get => _metricName;
        init => _metricName = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets the type of the group keys.</summary>
    public abstract Type KeyType { get; }

    internal LocalDate[]? PeriodArray => _periods;

    internal CellState[] CellArray => _cells;

    /// <summary>Throws when this snapshot names a metric other than <paramref name="name"/>.</summary>
    internal void EnsureMetricName(string? name)
    {
        if (_metricName.Length > 0 && _metricName != (name ?? string.Empty))
        {
            throw Errors.Argument(
                name is null
                    ? $"The snapshot belongs to the metric '{_metricName}'; this metric has no name."
                    : $"The snapshot belongs to the metric '{_metricName}', not '{name}'.",
                "snapshot");
        }
    }

    /// <summary>Throws when this snapshot records time settings other than <paramref name="expected"/>.</summary>
    internal void EnsureTimeSettings(string expected)
    {
        if (_timeSettings.Length > 0 && _timeSettings != expected)
        {
            throw Errors.Argument(
                $"The snapshot was evaluated with time settings '{_timeSettings}', this state with '{(expected.Length == 0 ? "none" : expected)}': its facts would land in other periods or windows.",
                "snapshot");
        }
    }
}
