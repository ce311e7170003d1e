using System.Globalization;
using NodaTime;

namespace SalesKpi.SampleData;

/// <summary>A business date of one rep, for example a weekend day on which the rep worked.</summary>
/// <remarks>Equal when rep and date are equal.</remarks>
/// <param name="Rep">The rep.</param>
/// <param name="Date">The business date in the rep's home zone.</param>
public readonly record struct RepDay(RepId Rep, LocalDate Date)
{
    /// <summary>Formats the rep day, for example <c>rep 7 on 2026-04-25</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"rep {Rep} on {Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}");
}
