using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>A past period's new business: the amount won from deals created and won within the period.</summary>
/// <param name="Period">The period.</param>
/// <param name="Amount">The amount won from deals both created and won in it.</param>
public readonly record struct NewBusinessPeriod(ReportingPeriod Period, Money Amount)
{
    /// <summary>Formats the entry, for example <c>2026-02: 120000 USD</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Period}: {Amount}");
}
