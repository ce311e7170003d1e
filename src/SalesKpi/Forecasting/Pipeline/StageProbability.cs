using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>The probability that a deal in a stage is eventually won, with the evidence it was learned from.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Probability">The win probability, in [0, 1].</param>
/// <param name="Closed">The number of closed deals that had entered the stage (0 when the probability was supplied).</param>
/// <param name="Won">How many of those were won (0 when supplied).</param>
public readonly record struct StageProbability(DealStage Stage, double Probability, int Closed, int Won)
{
    /// <summary>Gets a value indicating whether the probability was learned from closed deals rather than supplied.</summary>
    public bool IsLearned => Closed > 0;

    /// <summary>Formats the entry, for example <c>Negotiation 0.625 (5 of 8 won)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsLearned
        ? string.Create(CultureInfo.InvariantCulture, $"{Stage} {Probability:R} ({Won} of {Closed} won)")
        : string.Create(CultureInfo.InvariantCulture, $"{Stage} {Probability:R} (supplied)");
}
