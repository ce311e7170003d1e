using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>An open deal's part in a pipeline simulation: the probability that it is won, and won inside the period.</summary>
/// <param name="Deal">The deal as it stood at the snapshot.</param>
/// <param name="WinProbability">Its stage's win probability p.</param>
/// <param name="InPeriodProbability">
/// q, the share of the close-date slips it may still take (those that do not put its close before the snapshot date)
/// that put its close inside the period.
/// </param>
public readonly record struct SimulatedDeal(PipelineDeal Deal, double WinProbability, double InPeriodProbability)
{
    /// <summary>Gets p × q, the probability that the deal is won inside the period.</summary>
    public double Probability => WinProbability * InPeriodProbability;

    /// <summary>Gets a × p × q, the deal's part of the expected total (p × q converted to <see cref="decimal"/>).</summary>
    public Money Expected => Deal.Amount * (decimal)Probability;

    /// <summary>Gets a² × p q × (1 − p q), the deal's part of the variance of the total: which deals make the forecast uncertain.</summary>
    public double Variance
    {
        get
        {
            double a = (double)Deal.Amount.Amount;
            return a * a * Probability * (1 - Probability);
        }
    }

    /// <summary>Formats the entry, for example <c>Deal 9: 12000 USD, p 0.4, in period 0.75</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Deal {Deal.Id}: {Deal.Amount}, p {WinProbability:R}, in period {InPeriodProbability:R}");
}
