using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>
/// How well the pipeline forecast would have done on your own history: the Monte Carlo forecast made at the start of
/// each of the last complete periods, with only what was known then, against what each period booked.
/// </summary>
/// <remarks>
/// <para>
/// For each of the last <c>periods</c> complete periods of a kind before the one containing the as-of date, at the
/// start of the period (midnight in the zone): a <see cref="PipelineSnapshot"/>, <see cref="StageProbabilities"/> and
/// <see cref="CloseDateSlips"/> learned over the look-back before it, the <see cref="NewBusinessHistory"/> of the
/// periods before it, and a <see cref="PipelineSimulation"/> of the period; the actual is the amount won in the
/// period (<see cref="PipelineSnapshot.WonIn"/> at its end). Every step uses only facts dated before the forecast
/// instant, as a forecast made then would have.
/// </para>
/// <para>
/// <see cref="Coverage"/> is the share of periods whose actual lies in [P10, P90] (80 % for a calibrated range).
/// <see cref="MeanRatio"/> is the mean of P50 ÷ actual and <see cref="MeanAbsoluteError"/> the mean of
/// |P50 − actual| ÷ actual, both over the periods with a positive actual (undefined, <see langword="null"/>, when there
/// are none); <see cref="ZeroActualPeriods"/> counts the others. Given a target per period (a quota),
/// <see cref="BrierScore"/> scores the forecast's chance of reaching it against whether it was reached.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var backtest = PipelineBacktest.Run(facts.Deals, asOf, zone, Currency.Usd, calendar, PeriodKind.Month, periods: 12);
/// Console.WriteLine($"P10–P90 held {backtest.Coverage:P0} of months; P50 ÷ actual {backtest.MeanRatio:F2}");
/// </code>
/// </example>
public sealed class PipelineBacktest
{
    private readonly PipelineBacktestPeriod[] _periods;

    private PipelineBacktest(PipelineBacktestPeriod[] periods, PipelineBacktestOptions options)
    {
        _periods = periods;
        Options = options;
        int held = 0;
        int positive = 0;
        double ratio = 0;
        double error = 0;
        foreach (var p in periods)
        {
            held += p.Held ? 1 : 0;
            if (p.Actual.Amount > 0)
            {
                positive++;
                ratio += (double)(p.P50.Amount / p.Actual.Amount);
                error += (double)(Math.Abs(p.P50.Amount - p.Actual.Amount) / p.Actual.Amount);
            }
        }

        Coverage = (double)held / periods.Length;
        int targeted = 0;
        double brier = 0;
        foreach (var p in periods)
        {
            if (p.TargetProbability is { } probability)
            {
                targeted++;
                double outcome = p.ReachedTarget == true ? 1 : 0;
                brier += (probability - outcome) * (probability - outcome);
            }
        }

        BrierScore = targeted == 0 ? null : brier / targeted;
        ZeroActualPeriods = periods.Length - positive;
        MeanRatio = positive == 0 ? null : ratio / positive;
        MeanAbsoluteError = positive == 0 ? null : error / positive;
    }

    /// <summary>Gets the options the forecasts were made with.</summary>
    public PipelineBacktestOptions Options { get; }

    /// <summary>Gets the periods, oldest first.</summary>
    public IReadOnlyList<PipelineBacktestPeriod> Periods => _periods;

    /// <summary>Gets the share of periods whose actual lies in [P10, P90].</summary>
    public double Coverage { get; }

    /// <summary>Gets the mean of P50 ÷ actual over the periods with a positive actual, or <see langword="null"/> when there are none.</summary>
    public double? MeanRatio { get; }

    /// <summary>Gets the mean of |P50 − actual| ÷ actual over the periods with a positive actual, or <see langword="null"/> when there are none.</summary>
    public double? MeanAbsoluteError { get; }

    /// <summary>
    /// Gets the Brier score of the chance of reaching the targets, mean of (probability − reached)² with reached 1 or 0:
    /// 0 is perfect, 0.25 is what always saying 50 % scores; <see langword="null"/> without targets.
    /// </summary>
    public double? BrierScore { get; }

    /// <summary>Gets the number of periods that booked nothing (left out of the ratio and the error).</summary>
    public int ZeroActualPeriods { get; }

    /// <summary>Backtests the pipeline forecast over the last <paramref name="periods"/> complete periods before the one containing <paramref name="asOf"/>.</summary>
    /// <param name="deals">The deals, with their histories; none null, ids distinct.</param>
    /// <param name="asOf">The instant; the periods backtested ended at or before the start of its period.</param>
    /// <param name="zone">The time zone of dates and of the forecast instants.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="calendar">The reporting calendar.</param>
    /// <param name="kind">The kind of period forecast, for example <see cref="PeriodKind.Month"/>.</param>
    /// <param name="periods">How many periods, at least 1.</param>
    /// <param name="options">The forecast settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="target">
    /// The target of each period (for example the team's quota), to score the forecast's chance of reaching it
    /// (<see cref="BrierScore"/>), or <see langword="null"/>; in <paramref name="currency"/>.
    /// </param>
    /// <returns>The backtest.</returns>
    /// <exception cref="CurrencyMismatchException">A target is in another currency.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, a deal, <paramref name="zone"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value, or two deals share an id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is less than 1.</exception>
    public static PipelineBacktest Run(
        IEnumerable<Deal> deals,
        Instant asOf,
        DateTimeZone zone,
        Currency currency,
        ReportingCalendar calendar,
        PeriodKind kind,
        int periods,
        PipelineBacktestOptions? options = null,
        Func<ReportingPeriod, Money>? target = null)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(calendar);
        if (periods < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, string.Create(CultureInfo.InvariantCulture, $"A backtest needs at least one period, but got {periods}."));
        }

        options ??= new PipelineBacktestOptions();
        var list = new List<Deal>(deals is ICollection<Deal> c ? c.Count : 0);
        var seen = new HashSet<DealId>();
        foreach (var deal in deals)
        {
            PipelineChecks.RequireDeal(deal, list.Count, seen, nameof(deals));
            list.Add(deal);
        }

        var period = calendar.Shift(calendar.GetPeriod(asOf.InZone(zone).Date, kind), -periods);
        var rows = new PipelineBacktestPeriod[periods];
        for (int i = 0; i < periods; i++, period = calendar.Next(period))
        {
            var start = zone.AtStartOfDay(period.Start).ToInstant();
            var snapshot = PipelineSnapshot.Take(list, start, zone, currency, options.Rates);
            var newBusiness = options.NewBusinessPeriods == 0
                ? null
                : NewBusinessHistory.Learn(list, start, zone, currency, calendar, kind, options.NewBusinessPeriods, options.Rates);
            var forecast = PipelineSimulation.Run(
                snapshot,
                StageProbabilities.Learn(list, start, options.LookBack, options.ByStageAge),
                CloseDateSlips.Learn(list, start, options.LookBack, zone),
                period,
                options.Trials,
                options.Seed,
                newBusiness: newBusiness);
            var actual = PipelineSnapshot.Take(list, zone.AtStartOfDay(period.End).ToInstant(), zone, currency, options.Rates).WonIn(period);
            Money? goal = target?.Invoke(period);
            if (goal is { } g && g.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, g.Currency, nameof(target));
            }

            rows[i] = new(period, forecast.P10, forecast.P50, forecast.P90, actual, goal, goal is { } t ? forecast.ProbabilityOfReaching(t) : null);
        }

        return new(rows, options);
    }

    /// <summary>Formats a summary, for example <c>12 periods: P10–P90 held 0.83, P50 ÷ actual 0.97, error 0.2</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{_periods.Length} periods: P10–P90 held {Coverage:0.##}, P50 ÷ actual {(MeanRatio is { } r ? r.ToString("0.##", CultureInfo.InvariantCulture) : "none")}, error {(MeanAbsoluteError is { } e ? e.ToString("0.##", CultureInfo.InvariantCulture) : "none")}");
}
