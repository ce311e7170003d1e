using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>One entry of a stage history: at <see cref="At"/> the entity entered <see cref="Stage"/>.</summary>
/// <typeparam name="TStage">The stage type: <see cref="LeadStage"/> or <see cref="DealStage"/>.</typeparam>
/// <remarks>Equal when instant and stage are equal. The owning entity validates the stage value.</remarks>
/// <param name="At">When the stage was entered.</param>
/// <param name="Stage">The stage entered.</param>
public readonly record struct StageChange<TStage>(Instant At, TStage Stage)
{
    /// <summary>Formats the change, for example <c>2026-03-02T09:15:00Z Mql</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Facts.Format(At)} {Facts.FormatValue(Stage)}");
}
