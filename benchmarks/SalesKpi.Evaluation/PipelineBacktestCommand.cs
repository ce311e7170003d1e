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
            var backtests = Settings.Select(setting => PipelineBacktest.Run(
                deals,
                sample.AsOf,
                zone,
                sample.Currency,
                calendar,
                kind,
                months,
                new PipelineBacktestOptions { ByStageAge = setting.ByStageAge, NewBusinessPeriods = setting.NewBusiness ? NewBusinessPeriods : 0, Trials = trials, Seed = 42 })).ToArray();

            // What the library's backtest does not report, once per period: the other point forecasts and the part
            // of the actual that came from the deals open at the start.
            var extras = backtests[0].Periods.Select(row => Extras(deals, sample.Currency, zone, calendar, row.Period)).ToArray();
            for (int s = 0; s < Settings.Length; s++)
            {
                var (setting, byStageAge, withNewBusiness) = Settings[s];
                for (int m = 0; m < extras.Length; m++)
                {
                    var row = backtests[s].Periods[m];
                    var extra = extras[m];
                    double actual = (double)row.Actual.Amount;
                    decimal weighted = byStageAge ? extra.WeightedByStageAge : extra.WeightedClosedShares;
                    Point(points, $"Monte Carlo P50, {setting}", (double)row.P50.Amount, actual);
                    if (!withNewBusiness)
                    {
                        Point(points, $"weighted pipeline, {setting}", (double)weighted, actual);
                    }

                    if (byStageAge && !withNewBusiness)
                    {
                        Point(points, "Markov chain, one step", extra.Markov, actual);
                        Point(points, "Markov chain weighted by amount, one step", extra.MarkovByAmount, actual);
                        markovCounts = (markovCounts.Expected + extra.MarkovWins, markovCounts.Actual + extra.WinsFromOpen);
                    }

                    held.TryGetValue(setting, out var sum);
                    held[setting] = (sum.Held + (row.Held ? 1 : 0), sum.Months + 1, sum.Ratio + (double)(row.P50.Amount / row.Actual.Amount));
                    output.WriteLine(string.Create(
                        invariant,
                        $"{seed},{setting},{row.Period.Label},{row.P10.Amount},{row.P50.Amount},{row.P90.Amount},{row.Actual.Amount},{extra.FromOpen},{(row.Held ? 1 : 0)},{weighted:0.##},{extra.Markov:0.##},{extra.MarkovByAmount:0.##},{extra.MarkovWins:0.##},{extra.WinsFromOpen}"));
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

    /// <summary>The weighted pipelines, the Markov chain's expectations and the wins from the open deals of one period, forecast at its start.</summary>
    private static PeriodExtras Extras(IReadOnlyList<Deal> deals, Currency currency, DateTimeZone zone, ReportingCalendar calendar, ReportingPeriod period)
    {
        var start = zone.AtStartOfDay(period.Start).ToInstant();
        var atStart = PipelineSnapshot.Take(deals, start, zone, currency);
        var atEnd = PipelineSnapshot.Take(deals, zone.AtStartOfDay(period.End).ToInstant(), zone, currency);
        var open = atStart.OpenDeals.Select(d => d.Id).ToHashSet();
        var wonFromOpen = atEnd.Won.Where(w => open.Contains(w.Id) && period.Contains(w.ClosedOn)).ToList();
        var (markov, markovWins) = MarkovExpectation(deals, atStart, calendar, period, byAmount: false);
        var (markovByAmount, _) = MarkovExpectation(deals, atStart, calendar, period, byAmount: true);
        return new(
            WeightedPipeline.Of(atStart, StageProbabilities.Learn(deals, start, Year, byStageAge: true), period).Expected.Amount,
            WeightedPipeline.Of(atStart, StageProbabilities.Learn(deals, start, Year, byStageAge: false), period).Expected.Amount,
            markov,
            markovByAmount,
            markovWins,
            wonFromOpen.Sum(w => w.Amount.Amount),
            wonFromOpen.Count);
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

    private sealed record PeriodExtras(
        decimal WeightedByStageAge, decimal WeightedClosedShares, double Markov, double MarkovByAmount, double MarkovWins, decimal FromOpen, int WinsFromOpen);
}
