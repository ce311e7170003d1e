using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>A deal left out of a pipeline snapshot or forecast, and why.</summary>
/// <param name="Deal">The deal's id.</param>
/// <param name="Reason">Why it was left out.</param>
public readonly record struct PipelineExclusion(DealId Deal, PipelineExclusionReason Reason)
{
    /// <summary>Formats the exclusion, for example <c>Deal 9: MissingAmount</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Deal {Deal}: {Reason}");
}
