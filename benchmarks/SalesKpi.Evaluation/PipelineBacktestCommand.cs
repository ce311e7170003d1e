using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;
using SalesKpi.Forecasting;
using SalesKpi.SampleData;

namespace SalesKpi.Evaluation;

/// <summary>
/// The pipeline backtest: on generated sample organisations, the Monte Carlo forecast made at the start of each of
/// the last months (or quarters) against the bookings of that period, with stage win probabilities by stage age and without.
/// Prints one CSV line per organisation, setting and month, then one summary line per setting.
/// </summary>
internal static class PipelineBacktestCommand
{
    public const string Usage = "usage: SalesKpi.Evaluation pipeline [--seeds 1,2,3,4,42] [--period month|quarter] [--periods 12] [--trials 10000]";

    private static readonly Duration Year = Duration.FromDays(365);

    /// <summary>How many past periods the new business is drawn from.</summary>
    private const int NewBusinessPeriods = 4;

    /// <summary>The forecasts compared: name, probabilities by stage age, new business added.</summary>
    private static readonly (string Name, bool ByStageAge, bool NewBusiness)[] Settings =
    [
        ("by stage age + new business", true, true),
        ("by stage age", true, false),
        ("closed-deal shares", false, false),
    ];

    public static int Run(string[] args, TextWriter output)
    {
        int[] seeds = [1, 2, 3, 4, 42];
        int months = 12;
        var kind = PeriodKind.Month;
        int trials = 10_000;
        for (int i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine(Usage);
                Console.Error.WriteLine($"error: option '{args[i]}' needs a value.");
                return 2;
            }

            string value = args[i + 1];
            bool ok = args[i] switch
            {
                "--seeds" => TryParseSeeds(value, out seeds),
                "--periods" or "--months" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out months) && months > 0,
                "--period" => TryParseKind(value, out kind),
                "--trials" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out trials) && trials > 0,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine(Usage);
                Console.Error.WriteLine($"error: bad option or value: '{args[i]} {value}'.");
                return 2;
            }
        }

        var invariant = CultureInfo.InvariantCulture;
        var held = new Dictionary<string, (int Held, int Months, double Ratio)>();
        var points = new Dictionary<string, (double AbsolutePercent, double Ratio, int Months)>();
        (double Expected, int Actual) markovCounts = default;
        output.WriteLine("seed,setting,period,p10,p50,p90,actual,actual_from_open_deals,held,weighted,markov,markov_by_amount,markov_wins,wins_from_open_deals");
        foreach (int seed in seeds)
        {
            var sample = SampleOrganisation.Generate(new SampleOptions { Seed = seed, Activities = 300_000, Start = new LocalDate(2023, 12, 1), Months = 36 });
            var zone = sample.OrganisationZone;
            var calendar = sample.ReportingCalendar;
            var deals = sample.Facts.Deals;
            var upcoming = calendar.GetPeriod(sample.AsOf.InZone(zone).Date, kind);
            var first = calendar.Shift(upcoming, -months);
            foreach (var (setting, byStageAge, withNewBusiness) in Settings)
            {
                for (var month = first; month < upcoming; month = calendar.Next(month))
                {
                    var start = zone.AtStartOfDay(month.Start).ToInstant();
                    var atStart = PipelineSnapshot.Take(deals, start, zone, sample.Currency);
                    var probabilities = StageProbabilities.Learn(deals, start, Year, byStageAge);
                    var newBusiness = withNewBusiness ? NewBusinessHistory.Learn(deals, start, zone, sample.Currency, calendar, kind, NewBusinessPeriods) : null;
                    var forecast = PipelineSimulation.Run(
                        atStart,
                        probabilities,
                        CloseDateSlips.Learn(deals, start, Year, zone),
                        month,
                        trials,
                        seed: 42,
                        newBusiness: newBusiness);
                    var atEnd = PipelineSnapshot.Take(deals, zone.AtStartOfDay(month.End).ToInstant(), zone, sample.Currency);
                    var actual = atEnd.WonIn(month).Amount;
                    var open = atStart.OpenDeals.Select(d => d.Id).ToHashSet();
                    var wonFromOpen = atEnd.Won.Where(w => open.Contains(w.Id) && month.Contains(w.ClosedOn)).ToList();
                    decimal fromOpen = wonFromOpen.Sum(w => w.Amount.Amount);
                    bool inside = forecast.P10.Amount <= actual && actual <= forecast.P90.Amount;
                    decimal weighted = WeightedPipeline.Of(atStart, probabilities, month).Expected.Amount;
                    var (markov, markovWins) = MarkovExpectation(deals, atStart, calendar, month, byAmount: false);
                    var (markovByAmount, _) = MarkovExpectation(deals, atStart, calendar, month, byAmount: true);
                    Point(points, $"Monte Carlo P50, {setting}", (double)forecast.P50.Amount, (double)actual);
                    if (!withNewBusiness)
                    {
                        Point(points, $"weighted pipeline, {setting}", (double)weighted, (double)actual);
                    }

                    if (byStageAge && !withNewBusiness)
                    {
                        Point(points, "Markov chain, one step", markov, (double)actual);
                        Point(points, "Markov chain weighted by amount, one step", markovByAmount, (double)actual);
                        markovCounts = (markovCounts.Expected + markovWins, markovCounts.Actual + wonFromOpen.Count);
                    }

                    held.TryGetValue(setting, out var sum);
                    held[setting] = (sum.Held + (inside ? 1 : 0), sum.Months + 1, sum.Ratio + (double)(forecast.P50.Amount / actual));
                    output.WriteLine(string.Create(
                        invariant,
                        $"{seed},{setting},{month.Label},{forecast.P10.Amount},{forecast.P50.Amount},{forecast.P90.Amount},{actual},{fromOpen},{(inside ? 1 : 0)},{weighted:0.##},{markov:0.##},{markovByAmount:0.##},{markovWins:0.##},{wonFromOpen.Count}"));
                }
            }
        }

        foreach (var (setting, sum) in held)
        {
            output.WriteLine(string.Create(
                invariant,
                $"# {setting}: P10-P90 held the actual in {sum.Held} of {sum.Months} periods ({100.0 * sum.Held / sum.Months:F1}%), mean P50/actual {sum.Ratio / sum.Months:F2}"));
        }

        foreach (var (name, point) in points)
        {
            output.WriteLine(string.Create(
                invariant,
                $"# point forecast {name}: mean absolute error {100 * point.AbsolutePercent / point.Months:F1}% of the actual, mean forecast/actual {point.Ratio / point.Months:F2} over {point.Months} periods"));
        }

        output.WriteLine(string.Create(invariant, $"# Markov chain, deal counts: {markovCounts.Expected:F1} wins expected from the open deals, {markovCounts.Actual} won"));
        return 0;
    }

    private static void Point(Dictionary<string, (double AbsolutePercent, double Ratio, int Months)> points, string name, double forecast, double actual)
    {
        points.TryGetValue(name, out var p);
        points[name] = (p.AbsolutePercent + (Math.Abs(forecast - actual) / actual), p.Ratio + (forecast / actual), p.Months + 1);
    }

    /// <summary>
    /// The Markov chain's expected won amount and number of wins one month ahead (transitions counted, or weighted by the
    /// deal's amount): transitions learned from the twelve month starts
    /// before the month, applied to the open amounts by stage at its start.
    /// </summary>
    private static (double Amount, double Count) MarkovExpectation(IReadOnlyList<Deal> deals, PipelineSnapshot atStart, ReportingCalendar calendar, ReportingPeriod month, bool byAmount)
    {
        var instants = new List<Instant>();
        var p = calendar.Shift(month, -12);
        for (int i = 0; i <= 12; i++, p = calendar.Next(p))
        {
            instants.Add(atStart.Zone.AtStartOfDay(p.Start).ToInstant());
        }

        var currency = atStart.Currency;
        var chain = byAmount
            ? PipelineMarkovChain.Learn(deals, instants, (deal, t) => deal.AmountAt(t) is { } a && a.Currency == currency && a.Amount > 0 ? (double)a.Amount : 0)
            : PipelineMarkovChain.Learn(deals, instants);
        var known = new HashSet<DealStage>(chain.Stages);
        var open = new Dictionary<DealStage, double>();
        var count = new Dictionary<DealStage, double>();
        foreach (var deal in atStart.OpenDeals)
        {
            if (known.Contains(deal.Stage))
            {
                open[deal.Stage] = open.GetValueOrDefault(deal.Stage) + (double)deal.Amount.Amount;
                count[deal.Stage] = count.GetValueOrDefault(deal.Stage) + 1;
            }
        }

        return (chain.Project(open, 1)[0].Won, chain.Project(count, 1)[0].Won);
    }

    private static bool TryParseKind(string value, out PeriodKind kind)
    {
        kind = value switch
        {
            "month" => PeriodKind.Month,
            "quarter" => PeriodKind.Quarter,
            _ => PeriodKind.Day,
        };
        return kind != PeriodKind.Day;
    }

    private static bool TryParseSeeds(string value, out int[] seeds)
    {
        var parsed = new List<int>();
        foreach (string part in value.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed))
            {
                seeds = [];
                return false;
            }

            parsed.Add(seed);
        }

        seeds = [.. parsed];
        return seeds.Length > 0;
    }
}
