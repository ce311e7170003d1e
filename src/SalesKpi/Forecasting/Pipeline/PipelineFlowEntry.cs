using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>One deal's part in a <see cref="PipelineFlow"/>.</summary>
/// <param name="Deal">The deal's id.</param>
/// <param name="Kind">How it moved the pipeline.</param>
/// <param name="Amount">The amount it moved, zero or more (for <see cref="PipelineFlowKind.Unchanged"/>, its amount).</param>
public readonly record struct PipelineFlowEntry(DealId Deal, PipelineFlowKind Kind, Money Amount)
{
    /// <summary>Formats the entry, for example <c>Deal 9: PushedOut 12000 USD</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Deal {Deal}: {Kind} {Amount}");
}
