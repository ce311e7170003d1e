using System;
using System.Globalization;
using System.IO;
using NodaTime;
using SalesKpi;
using SalesKpi.Forecasting;
using SalesKpi.SampleData;

/// <summary>
/// Quick start: the pipeline forecast of the current fiscal month, from the deals open at the sample's as-of instant,
/// with stage win probabilities and close-date slips learned from the past year and the new business of the last four
/// months; then how often the P10-P90 range of
/// the same forecast, made at the start of each of the past twelve months, held that month's actual bookings.
/// </summary>
internal static class PipelineSection
{
    private static readonly Duration Year = Duration.FromDays(365);

    public static void Print(TextWriter output, SampleOrganisation sample, LocalDate asOf)
    {
        var invariant = CultureInfo.InvariantCulture;
        var deals = sample.Facts.Deals;
        var zone = sample.OrganisationZone;
        var month = sample.ReportingCalendar.GetPeriod(sample.AsOf.InZone(sample.OrganisationZone).Date, PeriodKind.Month);

        var probabilities = StageProbabilities.Learn(deals, sample.AsOf, Year, byStageAge: true);
        var slips = CloseDateSlips.Learn(deals, sample.AsOf, Year, zone);
        var snapshot = PipelineSnapshot.Take(deals, sample.AsOf, zone, sample.Currency);
        output.WriteLine(string.Create(invariant, $"Stage win probabilities, deals closed in the year to {asOf:uuuu-MM-dd}:"));
        foreach (var stage in probabilities.Stages)
        {
            output.WriteLine(string.Create(invariant, $"  {stage.Stage.Name,-14} {stage.Probability,6:P1}  ({stage.Won} of {stage.Closed} won, median slip {Median(slips.For(stage.Stage))} days)"));
        }

        var weighted = WeightedPipeline.Of(snapshot, probabilities, month);
        var newBusiness = NewBusinessHistory.Learn(deals, sample.AsOf, zone, sample.Currency, sample.ReportingCalendar, PeriodKind.Month, count: 4);
        var simulation = PipelineSimulation.Run(snapshot, probabilities, slips, month, trials: 10_000, seed: 42, newBusiness: newBusiness);
        output.WriteLine(string.Create(invariant, $"{month.Label}: {snapshot.OpenDeals.Count} open deals, {snapshot.Excluded.Count} excluded; won so far {simulation.WonToDate.Amount:N0}"));
        output.WriteLine(string.Create(invariant, $"  weighted pipeline closing in the month  {weighted.Expected.Amount,12:N0} ± {weighted.StandardDeviation:N0} of {weighted.Unweighted.Amount:N0}"));
        output.WriteLine(string.Create(invariant, $"  Monte Carlo, 10,000 trials, new business P10 {simulation.P10.Amount:N0}  P50 {simulation.P50.Amount:N0}  P90 {simulation.P90.Amount:N0}"));

        // How the coming month's pipeline changed over the last 30 days.
        var flow = PipelineFlow.Between(deals, sample.AsOf - Duration.FromDays(30), sample.AsOf, month, zone, sample.Currency, sample.ReportingCalendar);
        output.WriteLine(string.Create(
            invariant,
            $"  its pipeline over the last 30 days: {flow.Start.Amount:N0} + {flow.New.Amount:N0} new + {flow.PulledIn.Amount:N0} pulled in + {flow.AmountUp.Amount:N0} up − {flow.Won.Amount:N0} won − {flow.Lost.Amount:N0} lost − {flow.PushedOut.Amount:N0} pushed out − {(flow.PulledForward.Amount + flow.Dropped.Amount):N0} other − {flow.AmountDown.Amount:N0} down = {flow.End.Amount:N0}"));

        // The same forecast made at the start of each of the past twelve months, with only what was known then,
        // against what each month booked, and its chance of reaching the month's quota.
        var backtest = PipelineBacktest.Run(
            deals,
            sample.AsOf,
            zone,
            sample.Currency,
            sample.ReportingCalendar,
            PeriodKind.Month,
            12,
            new PipelineBacktestOptions { Seed = 42 },
            target: p => Money.Of(BookingsQuota(sample, p), sample.Currency));
        output.WriteLine("Backtest: forecast at each month's start vs. the month's actual bookings");
        output.WriteLine("  month                P10           P90        actual  held         quota  chance of quota  made it");
        int held = 0;
        foreach (var past in backtest.Periods)
        {
            held += past.Held ? 1 : 0;
            output.WriteLine(string.Create(
                invariant,
                $"  {past.Period.Label,-12} {past.P10.Amount,12:N0}  {past.P90.Amount,12:N0}  {past.Actual.Amount,12:N0}  {(past.Held ? "yes" : "no"),-4} {past.Target!.Value.Amount,12:N0}  {past.TargetProbability,15:P0}  {(past.ReachedTarget == true ? "yes" : "no")}"));
        }

        output.WriteLine(string.Create(invariant, $"  P10-P90 held the actual in {held} of {backtest.Periods.Count} months (80% expected if the model is calibrated)"));
        output.WriteLine(string.Create(
            invariant,
            $"  P50 / actual {backtest.MeanRatio:F2}, mean absolute error {backtest.MeanAbsoluteError:P1}, Brier score of the chance of quota {backtest.BrierScore:F3}"));
    }

    /// <summary>The organisation's bookings quota of a month: the AEs' new-business and the account managers' expansion quotas.</summary>
    private static decimal BookingsQuota(SampleOrganisation sample, ReportingPeriod month)
    {
        decimal quota = 0m;
        foreach (var q in sample.Quotas)
        {
            if (q.Month == month && q.Measure is QuotaMeasure.NewBusinessBookings or QuotaMeasure.ExpansionBookings)
            {
                quota += q.Target;
            }
        }

        return quota;
    }

    private static int Median(System.Collections.Generic.IReadOnlyList<int> sorted) => sorted.Count == 0 ? 0 : sorted[(sorted.Count - 1) / 2];
}
