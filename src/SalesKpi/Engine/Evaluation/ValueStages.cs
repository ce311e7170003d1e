using System;
using System.Collections.Generic;
using System.Globalization;
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

/// <summary>What a target stage computes from a cell's actual value.</summary>
internal enum TargetMode
{
    /// <summary>actual ÷ target.</summary>
    Attainment,

    /// <summary>actual ÷ (target × elapsed share).</summary>
    Pace,

    /// <summary>actual ÷ elapsed share = actual × days of the period ÷ elapsed days (no target).</summary>
    Projected,

    /// <summary>max(target − actual, 0) ÷ remaining days.</summary>
    RequiredDailyRate,
}

/// <summary>
/// Attainment (actual ÷ target), pace (actual ÷ the target prorated to the elapsed part of the period), the projected
/// (run-rate) value and the required daily rate, on calendar days or on the working days of a
/// <see cref="WorkingCalendar"/> (one for every key, or one per key).
/// </summary>
/// <remarks>
/// The as-of date counts as elapsed (the convention of <see cref="ReportingPeriod.ElapsedDays"/> and
/// <see cref="WorkingCalendar.ElapsedWorkingDays"/>). A period without any working day measures its elapsed share in
/// calendar days, as <see cref="WorkingCalendar.ElapsedShare"/> does, and has no remaining working day.
/// </remarks>
internal sealed class TargetStage<TKey>(Func<TKey, ReportingPeriod?, decimal?>? target, TargetMode mode, Func<TKey, WorkingCalendar>? workingDaysOf) : ValueStage<TKey>
    where TKey : notnull
{
    public override void Apply(TableBuilder<TKey> builder, StageContext context)
    {
        LocalDate asOf = default;
        if (mode != TargetMode.Attainment)
        {
            asOf = context.AsOfDate
                ?? throw Errors.Argument(
                    string.Create(CultureInfo.InvariantCulture, $"{mode} needs the evaluation options' as-of instant (EvaluationOptions.WithAsOf)."),
                    "options");
        }

        foreach (var row in builder.Rows)
        {
            var cells = row.Cells;
            var working = workingDaysOf is null ? null : CalendarOf(row.Key);
            for (int i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var goal = target is null ? null : target(cell.Key, cell.Period);
                cells[i] = cell with { Value = Compute(cell.Value, goal, cell.Period, asOf, working) };
            }
        }

        builder.EmptyValue = mode == TargetMode.Projected ? KpiValue.UndefinedNumber(0) : KpiValue.RatioOf(0, 0, 0);
    }

    /// <summary>The elapsed, total and remaining days of <paramref name="period"/> at the end of <paramref name="asOf"/>.</summary>
    internal static (int Elapsed, int Total, int Remaining) Days(ReportingPeriod period, LocalDate asOf, WorkingCalendar? working)
    {
        if (working is not null)
        {
            int total = working.WorkingDaysIn(period);
            if (total > 0)
            {
                int elapsed = working.ElapsedWorkingDays(period, asOf);
                return (elapsed, total, total - elapsed);
            }

            // No working day at all: the share falls back to calendar days; no working day remains.
            return (period.ElapsedDays(asOf), period.Days, 0);
        }

        int days = period.ElapsedDays(asOf);
        return (days, period.Days, period.Days - days);
    }

    private WorkingCalendar CalendarOf(TKey key) =>
        workingDaysOf!(key) ?? throw Errors.Argument(
            string.Create(CultureInfo.InvariantCulture, $"The working-calendar selector returned null for key {key}."),
            "workingDaysOf");

    private KpiValue Compute(KpiValue actual, decimal? goal, ReportingPeriod? period, LocalDate asOf, WorkingCalendar? working)
    {
        if (mode == TargetMode.Projected)
        {
            var (elapsed, total, _) = Days(period!.Value, asOf, working);
            if (actual.IsUndefined || elapsed == 0)
            {
                return KpiValue.UndefinedNumber(actual.Count);
            }

            return actual.ExactValue is decimal exactActual
                ? KpiValue.Exact(exactActual * total / elapsed, actual.Count)
                : KpiValue.Number(actual.RawValue * total / elapsed, actual.Count);
        }

        if (goal is not decimal t || actual.IsUndefined)
        {
            return KpiValue.UndefinedOf(KpiValueKind.Ratio, actual.Count);
        }

        if (mode == TargetMode.RequiredDailyRate)
        {
            var (_, _, remaining) = Days(period!.Value, asOf, working);
            return actual.ExactValue is decimal exactActual
                ? KpiValue.ExactRatioOf(Math.Max(t - exactActual, 0m), remaining, actual.Count, KpiValueKind.Ratio)
                : KpiValue.RatioOf(Math.Max((double)t - actual.RawValue, 0d), remaining, actual.Count);
        }

        decimal expected = t;
        if (mode == TargetMode.Pace)
        {
            var (elapsed, total, _) = Days(period!.Value, asOf, working);
            expected = t * elapsed / total;
        }

        return actual.ExactValue is decimal exact
            ? KpiValue.ExactRatioOf(exact, expected, actual.Count, KpiValueKind.Ratio)
            : KpiValue.RatioOf(actual.RawValue, (double)expected, actual.Count);
    }
}
