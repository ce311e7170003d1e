using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// Pipeline coverage of a period (KPI-SPEC §2): the open pipeline expected to close in it over the quota still to win.
/// </summary>
/// <param name="OpenPipeline">The open deals expected to close in the period, Omitted ones excluded.</param>
/// <param name="Remaining">Quota − won to date; zero or negative once the quota is met.</param>
/// <param name="Ratio">OpenPipeline ÷ Remaining, or <see langword="null"/> when the quota is already met (<see cref="IsCovered"/>).</param>
public readonly record struct PipelineCoverage(Money OpenPipeline, Money Remaining, decimal? Ratio)
{
    /// <summary>Gets a value indicating whether the quota is already met (Remaining ≤ 0): covered, not a negative ratio.</summary>
    public bool IsCovered => Remaining.Amount <= 0;

    /// <summary>Formats the coverage, for example <c>3.2× (320 USD for 100 USD to go)</c> or <c>covered (quota met)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Ratio is { } ratio
        ? string.Create(CultureInfo.InvariantCulture, $"{ratio:0.###}× ({OpenPipeline} for {Remaining} to go)")
        : "covered (quota met)";
}
