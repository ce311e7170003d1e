using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// A period's forecast by category (KPI-SPEC §2): the amounts of the open deals expected to close in it, by their
/// forecast category, and what is already won in it.
/// </summary>
/// <param name="Closed">The amount won in the period at or before the snapshot instant.</param>
/// <param name="Commit">Cumulative: Closed + open Commit deals; single-category: the open Commit deals alone.</param>
/// <param name="BestCase">Cumulative: Closed + open Commit and Best case deals; single-category: the open Best case deals alone.</param>
/// <param name="OpenPipeline">Cumulative: open Pipeline, Best case and Commit deals; single-category: the open Pipeline deals alone.</param>
/// <param name="IsCumulative">Whether the categories roll up (the default) or stand alone.</param>
/// <remarks>
/// Open deals in the <see cref="ForecastCategory.Closed"/> category (not yet won) count as Commit;
/// <see cref="ForecastCategory.Omitted"/> deals count nowhere.
/// </remarks>
public readonly record struct ForecastRollUp(Money Closed, Money Commit, Money BestCase, Money OpenPipeline, bool IsCumulative)
{
    /// <summary>Formats the roll-up, for example <c>closed 10 USD, commit 30 USD, best case 45 USD, open pipeline 80 USD (cumulative)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"closed {Closed}, commit {Commit}, best case {BestCase}, open pipeline {OpenPipeline} ({(IsCumulative ? "cumulative" : "single category")})");
}
