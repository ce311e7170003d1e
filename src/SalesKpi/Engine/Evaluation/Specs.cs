using System;
using NodaTime;

namespace SalesKpi;

/// <summary>How facts are placed in periods: calendar, kind and the fact's instant or date (or the primitive's own instants).</summary>
internal sealed class PeriodSpec<TFact>(ReportingCalendar calendar, PeriodKind kind, Func<TFact, Instant>? instant, Func<TFact, LocalDate>? date, TimeStage<TFact>? time = null, bool timeIsDay = false)
{
    /// <summary>Gets the time selector the fact loops are compiled for (built from <see cref="Instant"/> unless given); null without instants.</summary>
    public TimeStage<TFact>? Time { get; } = time ?? (instant is null ? null : TimeStage<TFact>.Of(instant));

    public ReportingCalendar Calendar { get; } = calendar;

    public PeriodKind Kind { get; } = kind;

    public Func<TFact, Instant>? Instant { get; } = instant;

    public Func<TFact, LocalDate>? Date { get; } = date;

    /// <summary>Gets whether <see cref="Time"/> reads business dates as epoch days (a value-type date selector) rather than instants.</summary>
    public bool TimeIsDay { get; } = timeIsDay;

    public bool NeedsZone => Date is null;
}

internal enum WindowKind
{
    Cumulative,
    Rolling,
    ToDate,
}

/// <summary>A window over periods, applied to accumulators (so ratios stay ratios of sums and distinct counts stay distinct).</summary>
internal sealed record WindowSpec(WindowKind Kind, int Periods, PeriodKind Grain);

/// <summary>Which empty cells to add: every key × every period of a range (or of the span of the data).</summary>
internal sealed class FillSpec<TKey>(DateInterval? range, TKey[]? keys, KpiValue? value)
{
    public DateInterval? Range { get; } = range;

    public TKey[]? Keys { get; } = keys;

    public KpiValue? Value { get; } = value;
}
