using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

/// <summary>
/// The weighted pipeline of a period: the expected won amount of the open deals expected to close in it, each amount
/// weighted by its stage's win probability, with the variance of that total.
/// </summary>
/// <remarks>
/// <para>
/// Over the open deals of the snapshot whose expected close date lies in the period, with amounts <c>a_i</c> and win
/// probabilities <c>p_i</c>, wins independent: <c>E = Σ a_i p_i</c> and <c>Var = Σ a_i² p_i (1 − p_i)</c>. A period
/// with no such deal has E = 0 and Var = 0. Dates are not slipped; <see cref="PipelineSimulation"/> draws slips.
/// </para>
/// <para>
/// E is computed in <see cref="decimal"/> (each p converted from <see cref="double"/>, about 15 significant digits);
/// the variance, a squared amount, in <see cref="double"/>. A deal whose stage has no probability is not weighted: it is
/// listed in <see cref="Excluded"/> (<see cref="PipelineExclusionReason.NoStageProbability"/>) together with the
/// snapshot's own exclusions.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var weighted = WeightedPipeline.Of(snapshot, probabilities, quarter);
/// Console.WriteLine($"{weighted.Expected} ± {weighted.StandardDeviation:N0}");
/// </code>
/// </example>
public sealed class WeightedPipeline
{
    private readonly WeightedDeal[] _deals;
    private readonly PipelineExclusion[] _excluded;

    private WeightedPipeline(ReportingPeriod period, Money unweighted, Money expected, double variance, WeightedDeal[] deals, PipelineExclusion[] excluded)
    {
        Period = period;
        Unweighted = unweighted;
        Expected = expected;
        Variance = variance;
        _deals = deals;
        _excluded = excluded;
    }

    /// <summary>Gets the period.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets Σ a_i, the unweighted pipeline of the deals that were weighted.</summary>
    public Money Unweighted { get; }

    /// <summary>Gets E = Σ a_i p_i.</summary>
    public Money Expected { get; }

    /// <summary>Gets Var = Σ a_i² p_i (1 − p_i), in squared currency units.</summary>
    public double Variance { get; }

    /// <summary>Gets the standard deviation, √Var.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Gets the weighted deals, ordered by id.</summary>
    public IReadOnlyList<WeightedDeal> Deals => _deals;

    /// <summary>Gets the snapshot's exclusions and the deals of the period whose stage has no probability, ordered by id.</summary>
    public IReadOnlyList<PipelineExclusion> Excluded => _excluded;

    /// <summary>Weighs the open deals of <paramref name="snapshot"/> expected to close in <paramref name="period"/>.</summary>
    /// <param name="snapshot">The pipeline.</param>
    /// <param name="probabilities">The stage win probabilities.</param>
    /// <param name="period">The period; a deal is in it when its expected close date is.</param>
    /// <returns>The weighted pipeline.</returns>
    /// <exception cref="ArgumentException"><paramref name="period"/> is the default value, which has no dates.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="probabilities"/> is null.</exception>
    public static WeightedPipeline Of(PipelineSnapshot snapshot, StageProbabilities probabilities, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(probabilities);
        PipelineChecks.RequirePeriod(period, nameof(period));
        var deals = new List<WeightedDeal>();
        var excluded = new List<PipelineExclusion>(snapshot.Excluded);
        decimal unweighted = 0m;
        decimal expected = 0m;
        double variance = 0;
        foreach (var deal in snapshot.OpenDeals)
        {
            if (!period.Contains(deal.ExpectedClose))
            {
                continue;
            }

            if (!probabilities.TryGet(deal, snapshot.AsOf, out double p))
            {
                excluded.Add(new(deal.Id, PipelineExclusionReason.NoStageProbability));
                continue;
            }

            decimal a = deal.Amount.Amount;
            decimal weighted = a * (decimal)p;
            double ad = (double)a;
            unweighted += a;
            expected += weighted;
            variance += ad * ad * p * (1 - p);
            deals.Add(new(deal, p, Money.Of(weighted, snapshot.Currency)));
        }

        excluded.Sort(static (a, b) => a.Deal.CompareTo(b.Deal));
        return new(period, Money.Of(unweighted, snapshot.Currency), Money.Of(expected, snapshot.Currency), variance, [.. deals], [.. excluded]);
    }

    /// <summary>Formats a summary, for example <c>2026-Q1: weighted 48000 USD of 150000 USD (sd 12000.5), 12 deals</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Period}: weighted {Expected} of {Unweighted} (sd {StandardDeviation:0.###}), {_deals.Length} deals");
}
