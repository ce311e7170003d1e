using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi;

/// <summary>What a value stage may need from the evaluation: the metric's calendar and the as-of date.</summary>
internal sealed class StageContext(ReportingCalendar? calendar, LocalDate? asOfDate)
{
    public ReportingCalendar? Calendar { get; } = calendar;

    public LocalDate? AsOfDate { get; } = asOfDate;
}

/// <summary>A transform of finished values (after windows and fill): comparisons with other periods, targets.</summary>
internal abstract class ValueStage<TKey>
    where TKey : notnull
{
    public abstract void Apply(TableBuilder<TKey> builder, StageContext context);
}

internal enum OffsetMode
{
    Value,
    Change,
    RelativeChange,
}

/// <summary>Period over period: the offset period's value, the absolute change, or the relative change.</summary>
internal sealed class OffsetStage<TKey>(PeriodOffset offset, OffsetMode mode) : ValueStage<TKey>
    where TKey : notnull
{
    public override void Apply(TableBuilder<TKey> builder, StageContext context)
    {
        var calendar = context.Calendar!;
        var empty = builder.EmptyValue;
        foreach (var row in builder.Rows)
        {
            var cells = row.Cells;
            var original = new Dictionary<LocalDate, KpiCell<TKey>>(cells.Count);
            foreach (var cell in cells)
            {
                original.Add(cell.Period!.Value.Start, cell);
            }

            for (int i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var previous = offset.Apply(cell.Period!.Value, calendar);
                var before = original.TryGetValue(previous.Start, out var p) && p.Period!.Value.End == previous.End ? p.Value : empty;
                cells[i] = cell with { Value = Combine(cell.Value, before) };
            }
        }

        builder.EmptyValue = Combine(empty, empty);
    }

    internal KpiValue Combine(KpiValue current, KpiValue before) => mode switch
    {
        OffsetMode.Value => before,
        OffsetMode.Change => current.Minus(before),
        _ => current.Minus(before).DividedBy(before).WithCount(checked(current.Count + before.Count)),
    };
}

/// <summary>Attainment (actual ÷ target) or pace (actual ÷ the target prorated to the elapsed part of the period).</summary>
internal sealed class TargetStage<TKey>(Func<TKey, ReportingPeriod?, decimal?> target, bool pace) : ValueStage<TKey>
    where TKey : notnull
{
    public override void Apply(TableBuilder<TKey> builder, StageContext context)
    {
        LocalDate asOf = default;
        if (pace)
        {
            asOf = context.AsOfDate
                ?? throw Errors.Argument("Pace needs the evaluation options' as-of instant (EvaluationOptions.WithAsOf).", "options");
        }

        foreach (var row in builder.Rows)
        {
            var cells = row.Cells;
            for (int i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                cells[i] = cell with { Value = Compute(cell.Value, target(cell.Key, cell.Period), cell.Period, asOf) };
            }
        }

        builder.EmptyValue = KpiValue.RatioOf(0, 0, 0);
    }

    private KpiValue Compute(KpiValue actual, decimal? goal, ReportingPeriod? period, LocalDate asOf)
    {
        if (goal is not decimal t || actual.IsUndefined)
        {
            return KpiValue.UndefinedOf(KpiValueKind.Ratio, actual.Count);
        }

        decimal expected = t;
        if (pace)
        {
            var p = period!.Value;
            int elapsed = Math.Clamp(Period.DaysBetween(p.Start, asOf) + 1, 0, p.Days);
            expected = t * elapsed / p.Days;
        }

        return actual.ExactValue is decimal exact
            ? KpiValue.ExactRatioOf(exact, expected, actual.Count, KpiValueKind.Ratio)
            : KpiValue.RatioOf(actual.RawValue, (double)expected, actual.Count);
    }
}
