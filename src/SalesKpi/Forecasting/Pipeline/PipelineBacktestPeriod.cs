using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>One period of a <see cref="PipelineBacktest"/>: the forecast made at its start and what it booked.</summary>
/// <param name="Period">The period.</param>
/// <param name="P10">The forecast's 10th percentile.</param>
/// <param name="P50">The forecast's median.</param>
/// <param name="P90">The forecast's 90th percentile.</param>
/// <param name="Actual">The amount won in the period.</param>
/// <param name="Target">The period's target (for example the quota), when the backtest was given targets.</param>
/// <param name="TargetProbability">The forecast's chance of reaching <paramref name="Target"/>, when given.</param>
public readonly record struct PipelineBacktestPeriod(ReportingPeriod Period, Money P10, Money P50, Money P90, Money Actual, Money? Target = null, double? TargetProbability = null)
{
    /// <summary>Gets whether the actual reached the target, or <see langword="null"/> without a target.</summary>
    public bool? ReachedTarget => Target is { } target ? Actual >= target : null;

    /// <summary>Gets a value indicating whether the actual lies in [P10, P90].</summary>
    public bool Held => P10 <= Actual && Actual <= P90;

    /// <summary>Formats the row, for example <c>2026-02: P10 90 USD, P50 120 USD, P90 150 USD, actual 130 USD, held</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Period}: P10 {P10}, P50 {P50}, P90 {P90}, actual {Actual}, {(Held ? "held" : "missed")}");
}
