using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>An open deal as it stood at a pipeline snapshot's instant: its stage, amount and expected close date then.</summary>
/// <param name="Id">The deal's id.</param>
/// <param name="Owner">The owning rep.</param>
/// <param name="Stage">The stage the deal was in at the snapshot instant.</param>
/// <param name="Amount">The amount in force at the snapshot instant; zero or more, in the snapshot's currency.</param>
/// <param name="ExpectedClose">The expected close date in force at the snapshot instant.</param>
/// <param name="StageEntered">When the deal entered <paramref name="Stage"/> (the start of its latest stay in it).</param>
/// <param name="Category">The deal's forecast category (its current one: deals keep no history of it).</param>
/// <param name="StageEntryExpectedClose">
/// The expected close date in force when the deal entered <paramref name="Stage"/>, the date historical slips are
/// measured from (<see cref="CloseDateSlips"/>), or <see langword="null"/> when it had none then.
/// </param>
public readonly record struct PipelineDeal(
    DealId Id,
    RepId Owner,
    DealStage Stage,
    Money Amount,
    LocalDate ExpectedClose,
    Instant StageEntered,
    ForecastCategory Category = ForecastCategory.Pipeline,
    LocalDate? StageEntryExpectedClose = null)
{
    /// <summary>Formats the deal, for example <c>Deal 9 (owner 2) Negotiation 12000 USD, close 2026-03-31</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Deal {Id} (owner {Owner}) {Stage} {Amount}, close {Facts.Format(ExpectedClose)}");
}
