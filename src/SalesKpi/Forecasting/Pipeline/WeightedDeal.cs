using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>An open deal's part in a weighted pipeline: its amount times its stage's win probability.</summary>
/// <param name="Deal">The deal as it stood at the snapshot.</param>
/// <param name="Probability">Its stage's win probability p.</param>
/// <param name="Weighted">a × p, the deal's expected contribution.</param>
public readonly record struct WeightedDeal(PipelineDeal Deal, double Probability, Money Weighted)
{
    /// <summary>Formats the entry, for example <c>Deal 9: 12000 USD × 0.4 = 4800 USD</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Deal {Deal.Id}: {Deal.Amount} × {Probability:R} = {Weighted}");
}
