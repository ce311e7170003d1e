using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>A deal won at or before a pipeline snapshot's instant.</summary>
/// <param name="Id">The deal's id.</param>
/// <param name="Owner">The owning rep.</param>
/// <param name="Amount">The amount in force at the snapshot instant, in the snapshot's currency.</param>
/// <param name="ClosedOn">The date it was won, in the snapshot's time zone.</param>
public readonly record struct PipelineWin(DealId Id, RepId Owner, Money Amount, LocalDate ClosedOn)
{
    /// <summary>Formats the win, for example <c>Deal 9 (owner 2) won 12000 USD on 2026-03-30</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Deal {Id} (owner {Owner}) won {Amount} on {Facts.Format(ClosedOn)}");
}
