using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>
/// The pipeline as it stood at an instant: the deals open then, with the stage, amount and expected close date in
/// force then, the deals won by then, and every deal that could not be placed, with the reason.
/// </summary>
/// <remarks>
/// <para>
/// A deal is open at the instant <c>asOf</c> when it was created at or before it and is not won or lost at or before
/// it; a deal that closed later counts as open, so a snapshot of a past instant sees the pipeline as it was (no
/// look-ahead). Its stage is <see cref="Deal.StageAt"/>, its amount <see cref="Deal.AmountAt"/> and its expected
/// close date <see cref="Deal.ExpectedCloseAt"/>, all at <c>asOf</c>.
/// </para>
/// <para>
/// Nothing is dropped silently: a deal with no amount, an amount in another currency or a negative amount, an open
/// deal with no expected close date or no stage yet, and a won or lost deal without a close instant are listed in
/// <see cref="Excluded"/> with the reason (<see cref="PipelineExclusionReason"/>). Lost deals and deals created after
/// the instant are simply not part of the pipeline. Open deals and wins are ordered by deal id, so the snapshot does not
/// depend on the order of the input.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var snapshot = PipelineSnapshot.Take(facts.Deals, asOf, DateTimeZone.Utc, Currency.Usd);
/// foreach (var excluded in snapshot.Excluded) Console.WriteLine(excluded);
/// </code>
/// </example>
public sealed class PipelineSnapshot
{
    private readonly PipelineDeal[] _open;
    private readonly PipelineWin[] _won;
    private readonly PipelineExclusion[] _excluded;

    private PipelineSnapshot(Instant asOf, DateTimeZone zone, Currency currency, PipelineDeal[] open, PipelineWin[] won, PipelineExclusion[] excluded)
    {
        AsOf = asOf;
        Zone = zone;
        Currency = currency;
        AsOfDate = asOf.InZone(zone).Date;
        _open = open;
        _won = won;
        _excluded = excluded;
    }

    /// <summary>Gets the instant the snapshot describes.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets <see cref="AsOf"/> as a date in <see cref="Zone"/>: the earliest date an open deal can still close.</summary>
    public LocalDate AsOfDate { get; }

    /// <summary>Gets the time zone that turns close instants into dates.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the currency of every amount in the snapshot.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the deals open at <see cref="AsOf"/>, ordered by id.</summary>
    public IReadOnlyList<PipelineDeal> OpenDeals => _open;

    /// <summary>Gets the deals won at or before <see cref="AsOf"/>, ordered by id.</summary>
    public IReadOnlyList<PipelineWin> Won => _won;

    /// <summary>Gets the deals that could not be placed, with the reason, ordered by id.</summary>
    public IReadOnlyList<PipelineExclusion> Excluded => _excluded;

    /// <summary>Takes a snapshot of <paramref name="deals"/> at <paramref name="asOf"/>.</summary>
    /// <param name="deals">The deals; none null, ids distinct.</param>
    /// <param name="asOf">The instant.</param>
    /// <param name="zone">The time zone that turns close instants into dates.</param>
    /// <param name="currency">The currency of the pipeline.</param>
    /// <param name="rates">
    /// Exchange rates for amounts in other currencies: an open deal's amount converts at the rate in force on the
    /// snapshot's date, a win's at the rate on the day it was won; a deal with no rate is excluded
    /// (<see cref="PipelineExclusionReason.NoExchangeRate"/>). Without a table, deals in another currency are excluded
    /// (<see cref="PipelineExclusionReason.OtherCurrency"/>).
    /// </param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, a deal or <paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException">Two deals share an id, or <paramref name="currency"/> is the default value.</exception>
    public static PipelineSnapshot Take(IEnumerable<Deal> deals, Instant asOf, DateTimeZone zone, Currency currency, ExchangeRateTable? rates = null)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(zone);
        PipelineChecks.RequireCurrency(currency, nameof(currency));

        var open = new List<PipelineDeal>();
        var won = new List<PipelineWin>();
        var excluded = new List<PipelineExclusion>();
        var seen = new HashSet<DealId>();
        int index = 0;
        foreach (var deal in deals)
        {
            PipelineChecks.RequireDeal(deal, index, seen, nameof(deals));

            index++;
            var placement = Place(deal, asOf, zone, currency, rates);
            switch (placement.Kind)
            {
                case PlacementKind.Open:
                    open.Add(placement.Open);
                    break;
                case PlacementKind.Won:
                    won.Add(placement.Won);
                    break;
                case PlacementKind.Excluded:
                    excluded.Add(new(deal.Id, placement.Reason));
                    break;
            }
        }

        open.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        won.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        excluded.Sort(static (a, b) => a.Deal.CompareTo(b.Deal));
        return new(asOf, zone, currency, [.. open], [.. won], [.. excluded]);
    }

    /// <summary>Sums the wins closed on a date in <paramref name="period"/> (at or before <see cref="AsOf"/>).</summary>
    /// <param name="period">The period.</param>
    /// <returns>The won amount, exact.</returns>
    public Money WonIn(ReportingPeriod period)
    {
        decimal sum = 0m;
        foreach (var win in _won)
        {
            if (period.Contains(win.ClosedOn))
            {
                sum += win.Amount.Amount;
            }
        }

        return Money.Of(sum, Currency);
    }

    /// <summary>Rolls the open deals expected to close in <paramref name="period"/> up by forecast category.</summary>
    /// <param name="period">The period.</param>
    /// <param name="cumulative">Whether categories roll up (KPI-SPEC's default) or stand alone.</param>
    /// <returns>The roll-up; see <see cref="ForecastRollUp"/> for the rules.</returns>
    /// <exception cref="ArgumentException"><paramref name="period"/> is the default value, which has no dates.</exception>
    public ForecastRollUp RollUp(ReportingPeriod period, bool cumulative = true)
    {
        PipelineChecks.RequirePeriod(period, nameof(period));
        decimal commit = 0m;
        decimal bestCase = 0m;
        decimal pipeline = 0m;
        foreach (var deal in _open)
        {
            if (!period.Contains(deal.ExpectedClose))
            {
                continue;
            }

            switch (deal.Category)
            {
                case ForecastCategory.Commit or ForecastCategory.Closed:
                    commit += deal.Amount.Amount;
                    break;
                case ForecastCategory.BestCase:
                    bestCase += deal.Amount.Amount;
                    break;
                case ForecastCategory.Pipeline:
                    pipeline += deal.Amount.Amount;
                    break;
            }
        }

        decimal closed = WonIn(period).Amount;
        return cumulative
            ? new(Money.Of(closed, Currency), Money.Of(closed + commit, Currency), Money.Of(closed + commit + bestCase, Currency), Money.Of(pipeline + bestCase + commit, Currency), true)
            : new(Money.Of(closed, Currency), Money.Of(commit, Currency), Money.Of(bestCase, Currency), Money.Of(pipeline, Currency), false);
    }

    /// <summary>Returns the pipeline coverage of <paramref name="period"/> against <paramref name="quota"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="quota">The period's quota, in the snapshot's currency.</param>
    /// <returns>The open pipeline expected in the period (Omitted excluded) over quota − won in the period so far.</returns>
    /// <exception cref="ArgumentException"><paramref name="period"/> is the default value, which has no dates.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="quota"/> is in another currency.</exception>
    public PipelineCoverage Coverage(ReportingPeriod period, Money quota)
    {
        PipelineChecks.RequirePeriod(period, nameof(period));
        if (quota.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, quota.Currency, nameof(quota));
        }

        var open = RollUp(period).OpenPipeline;
        decimal remaining = quota.Amount - WonIn(period).Amount;
        return new(open, Money.Of(remaining, Currency), remaining > 0 ? open.Amount / remaining : null);
    }

    /// <summary>Formats a summary, for example <c>Pipeline at 2026-03-01T00:00:00Z: 120 open, 40 won, 3 excluded (USD)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Pipeline at {Facts.Format(AsOf)}: {_open.Length} open, {_won.Length} won, {_excluded.Length} excluded ({Currency})");

    /// <summary>Places one deal at <paramref name="asOf"/>: open, won, excluded (with the reason), or not part of the pipeline.</summary>
    internal static Placement Place(Deal deal, Instant asOf, DateTimeZone zone, Currency currency, ExchangeRateTable? rates)
    {
        if (deal.Created > asOf)
        {
            return default;
        }

        if (deal.Outcome.IsClosed)
        {
            if (deal.Outcome.ClosedAt is not { } closedAt)
            {
                return Placement.Excluded(PipelineExclusionReason.ClosedWithoutCloseTime);
            }

            if (closedAt <= asOf)
            {
                if (!deal.IsWon)
                {
                    return default;
                }

                var wonOn = closedAt.InZone(zone).Date;
                var (wonAmount, wonReason) = Amount(deal, asOf, currency, rates, wonOn);
                return wonReason is { } r ? Placement.Excluded(r) : new(PlacementKind.Won, default, new(deal.Id, deal.Owner, wonAmount, wonOn), default);
            }
        }

        if (CurrentStay(deal, asOf) is not var (stage, entered))
        {
            return Placement.Excluded(PipelineExclusionReason.NoStage);
        }

        var (amount, reason) = Amount(deal, asOf, currency, rates, asOf.InZone(zone).Date);
        if (reason is { } amountReason)
        {
            return Placement.Excluded(amountReason);
        }

        if (deal.ExpectedCloseAt(asOf) is not { } expectedClose)
        {
            return Placement.Excluded(PipelineExclusionReason.MissingExpectedClose);
        }

        return new(PlacementKind.Open, new(deal.Id, deal.Owner, stage, amount, expectedClose, entered, deal.ForecastCategory, deal.ExpectedCloseAt(entered)), default, default);
    }

    /// <summary>The stage at <paramref name="asOf"/> (as <see cref="Deal.StageAt"/>) and the start of the run of entries into it that ends there.</summary>
    private static (DealStage Stage, Instant Entered)? CurrentStay(Deal deal, Instant asOf)
    {
        var history = deal.StageHistory;
        int last = -1;
        for (int i = 0; i < history.Count; i++)
        {
            if (history[i].At <= asOf)
            {
                last = i;
            }
        }

        if (last < 0)
        {
            return null;
        }

        var stage = history[last].Stage;
        var entered = history[last].At;
        for (int i = last - 1; i >= 0; i--)
        {
            if (history[i].At > asOf)
            {
                continue;
            }

            if (history[i].Stage != stage)
            {
                break;
            }

            entered = history[i].At;
        }

        return (stage, entered);
    }

    internal static (Money Amount, PipelineExclusionReason? Reason) Amount(Deal deal, Instant asOf, Currency currency, ExchangeRateTable? rates, LocalDate rateDate)
    {
        if (deal.AmountAt(asOf) is not { } amount)
        {
            return (default, PipelineExclusionReason.MissingAmount);
        }

        if (amount.Currency != currency)
        {
            if (rates is null)
            {
                return (default, PipelineExclusionReason.OtherCurrency);
            }

            if (!rates.TryGetRate(amount.Currency, currency, rateDate, out var rate))
            {
                return (default, PipelineExclusionReason.NoExchangeRate);
            }

            amount = Money.Of(amount.Amount * rate.Rate, currency);
        }

        return amount.Amount < 0 ? (default, PipelineExclusionReason.NegativeAmount) : (amount, null);
    }
}

/// <summary>Where a deal stands at an instant.</summary>
internal enum PlacementKind
{
    None,
    Open,
    Won,
    Excluded,
}

/// <summary>A deal placed at an instant: open (with its state then), won, excluded (with the reason) or none of these.</summary>
internal readonly record struct Placement(PlacementKind Kind, PipelineDeal Open, PipelineWin Won, PipelineExclusionReason Reason)
{
    public static Placement Excluded(PipelineExclusionReason reason) => new(PlacementKind.Excluded, default, default, reason);
}
