namespace SalesKpi;

/// <summary>One cell of a <see cref="KpiTable{TKey}"/>: a group key, a period (absent when the metric is not per period) and its value.</summary>
/// <typeparam name="TKey">The group key type.</typeparam>
/// <param name="Key">The group key (<see cref="Ungrouped.All"/> for an ungrouped metric).</param>
/// <param name="Period">The reporting period, or <see langword="null"/> when the metric is not per period.</param>
/// <param name="Value">The value.</param>
public readonly record struct KpiCell<TKey>(TKey Key, ReportingPeriod? Period, KpiValue Value)
    where TKey : notnull;
