using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>
/// How a period's pipeline changed between two instants, deal by deal: start + new + pulled in + amount up − won −
/// lost − pushed out − pulled forward − dropped − amount down = end, exactly, with the slippage rate and push count.
/// </summary>
/// <remarks>
/// <para>
/// The pipeline of a period at an instant is the amount of the deals open then (as <see cref="PipelineSnapshot"/>
/// places them) whose expected close date then lies in the period. Every deal in the pipeline at either instant is
/// classified once (<see cref="PipelineFlowKind"/>), in this order of priority:
/// </para>
/// <list type="number">
/// <item>in both pipelines: amount up or down by the difference, or unchanged;</item>
/// <item>in the first only: won or lost between the instants (by its first amount, whatever it was won at), else still
/// open but expected after the period (pushed out) or before it (pulled forward), else no longer placeable (dropped:
/// amount or date removed, another currency);</item>
/// <item>in the second only: created after the first instant (new), else pulled in (open before but expected elsewhere
/// or not placeable then).</item>
/// </list>
/// <para>
/// So the identity holds exactly (in <see cref="decimal"/>). Deals created and closed between the instants, with their
/// close in the period, are in neither pipeline: they are reported apart (<see cref="CreatedAndWon"/>,
/// <see cref="CreatedAndLost"/>) and do not enter the identity. <see cref="SlippageRate"/> = pushed out ÷ start
/// (undefined, <see langword="null"/>, when the start is 0). <see cref="Pushes"/> counts the expected-close changes made
/// between the instants to the deals of the start pipeline that moved the date into a later period of the period's
/// kind in the given calendar. Deals that cannot be placed at either instant (and are in neither pipeline) are listed
/// in <see cref="Excluded"/> with the reason at the later instant where they could not be placed.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var flow = PipelineFlow.Between(facts.Deals, monthStart, today, quarter, zone, Currency.Usd, calendar);
/// Console.WriteLine($"{flow.Start} + {flow.New} new − {flow.PushedOut} pushed … = {flow.End}");
/// </code>
/// </example>
public sealed class PipelineFlow
{
    private readonly PipelineFlowEntry[] _deals;
    private readonly PipelineExclusion[] _excluded;
    private readonly decimal[] _sums;

    private PipelineFlow(Instant from, Instant to, ReportingPeriod period, Currency currency, decimal start, decimal end, decimal[] sums, int pushes, PipelineFlowEntry[] deals, PipelineExclusion[] excluded)
    {
        From = from;
        To = to;
        Period = period;
        Currency = currency;
        Start = Money.Of(start, currency);
        End = Money.Of(end, currency);
        _sums = sums;
        Pushes = pushes;
        _deals = deals;
        _excluded = excluded;
        SlippageRate = start == 0 ? null : (double)(sums[(int)PipelineFlowKind.PushedOut] / start);
    }

    /// <summary>Gets the first instant.</summary>
    public Instant From { get; }

    /// <summary>Gets the second instant.</summary>
    public Instant To { get; }

    /// <summary>Gets the period whose pipeline is followed.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the pipeline at <see cref="From"/>.</summary>
    public Money Start { get; }

    /// <summary>Gets the pipeline at <see cref="To"/>.</summary>
    public Money End { get; }

    /// <summary>Gets the amount of the new deals.</summary>
    public Money New => Sum(PipelineFlowKind.New);

    /// <summary>Gets the amount pulled in.</summary>
    public Money PulledIn => Sum(PipelineFlowKind.PulledIn);

    /// <summary>Gets the sum of the amount increases.</summary>
    public Money AmountUp => Sum(PipelineFlowKind.AmountUp);

    /// <summary>Gets the sum of the amount decreases.</summary>
    public Money AmountDown => Sum(PipelineFlowKind.AmountDown);

    /// <summary>Gets the start amount of the deals won.</summary>
    public Money Won => Sum(PipelineFlowKind.Won);

    /// <summary>Gets the start amount of the deals lost.</summary>
    public Money Lost => Sum(PipelineFlowKind.Lost);

    /// <summary>Gets the start amount of the deals pushed out of the period.</summary>
    public Money PushedOut => Sum(PipelineFlowKind.PushedOut);

    /// <summary>Gets the start amount of the deals pulled forward, before the period.</summary>
    public Money PulledForward => Sum(PipelineFlowKind.PulledForward);

    /// <summary>Gets the start amount of the deals no longer placeable.</summary>
    public Money Dropped => Sum(PipelineFlowKind.Dropped);

    /// <summary>Gets the amount of the deals created and won between the instants with their close in the period (outside the identity).</summary>
    public Money CreatedAndWon => Sum(PipelineFlowKind.CreatedAndWon);

    /// <summary>Gets the amount of the deals created and lost between the instants with their close in the period (outside the identity).</summary>
    public Money CreatedAndLost => Sum(PipelineFlowKind.CreatedAndLost);

    /// <summary>Gets pushed out ÷ start, or <see langword="null"/> when the start pipeline is 0.</summary>
    public double? SlippageRate { get; }

    /// <summary>Gets the number of expected-close changes between the instants that moved a start-pipeline deal into a later period.</summary>
    public int Pushes { get; }

    /// <summary>Gets every deal's classification, ordered by id.</summary>
    public IReadOnlyList<PipelineFlowEntry> Deals => _deals;

    /// <summary>Gets the deals that could not be placed and are in neither pipeline, with the reason, ordered by id.</summary>
    public IReadOnlyList<PipelineExclusion> Excluded => _excluded;

    /// <summary>Follows the pipeline of <paramref name="period"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="deals">The deals; none null, ids distinct.</param>
    /// <param name="from">The first instant.</param>
    /// <param name="to">The second instant; not before <paramref name="from"/>.</param>
    /// <param name="period">The period whose pipeline is followed.</param>
    /// <param name="zone">The time zone that turns close instants into dates.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="calendar">The calendar whose periods of <paramref name="period"/>'s kind define a push to a later period.</param>
    /// <param name="rates">Exchange rates for amounts in other currencies, as in <see cref="PipelineSnapshot.Take"/>; without them such deals are not placeable.</param>
    /// <returns>The flow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, a deal, <paramref name="zone"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="to"/> is before <paramref name="from"/>, <paramref name="period"/> or <paramref name="currency"/> is the
    /// default value, or two deals share an id.
    /// </exception>
    public static PipelineFlow Between(
        IEnumerable<Deal> deals,
        Instant from,
        Instant to,
        ReportingPeriod period,
        DateTimeZone zone,
        Currency currency,
        ReportingCalendar calendar,
        ExchangeRateTable? rates = null)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(calendar);
        PipelineChecks.RequirePeriod(period, nameof(period));
        if (to < from)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The second instant {Facts.Format(to)} is before the first, {Facts.Format(from)}."), nameof(to));
        }

        PipelineChecks.RequireCurrency(currency, nameof(currency));

        var sums = new decimal[Enum.GetValues<PipelineFlowKind>().Length];
        var entries = new List<PipelineFlowEntry>();
        var excluded = new List<PipelineExclusion>();
        var seen = new HashSet<DealId>();
        decimal start = 0m;
        decimal end = 0m;
        int pushes = 0;
        int index = 0;
        foreach (var deal in deals)
        {
            PipelineChecks.RequireDeal(deal, index, seen, nameof(deals));

            index++;
            var first = PipelineSnapshot.Place(deal, from, zone, currency, rates);
            var second = PipelineSnapshot.Place(deal, to, zone, currency, rates);
            bool inFirst = first.Kind == PlacementKind.Open && period.Contains(first.Open.ExpectedClose);
            bool inSecond = second.Kind == PlacementKind.Open && period.Contains(second.Open.ExpectedClose);
            if (!inFirst && !inSecond)
            {
                LocalDate? closedOn = ClosedBetween(deal, from, to) ? deal.Outcome.ClosedAt!.Value.InZone(zone).Date : null;
                if (closedOn is { } on && deal.Created > from && period.Contains(on)
                    && PipelineSnapshot.Amount(deal, to, currency, rates, on) is (var closedAmount, null))
                {
                    Add(deal.IsWon ? PipelineFlowKind.CreatedAndWon : PipelineFlowKind.CreatedAndLost, closedAmount.Amount);
                }
                else if (second.Kind == PlacementKind.Excluded || first.Kind == PlacementKind.Excluded)
                {
                    excluded.Add(new(deal.Id, second.Kind == PlacementKind.Excluded ? second.Reason : first.Reason));
                }

                continue;
            }

            if (inFirst)
            {
                decimal a0 = first.Open.Amount.Amount;
                start += a0;
                pushes += CountPushes(deal, from, to, period.Kind, calendar);
                if (inSecond)
                {
                    decimal a1 = second.Open.Amount.Amount;
                    end += a1;
                    Add(a1 > a0 ? PipelineFlowKind.AmountUp : a1 < a0 ? PipelineFlowKind.AmountDown : PipelineFlowKind.Unchanged, a1 == a0 ? a1 : Math.Abs(a1 - a0));
                }
                else if (ClosedBetween(deal, from, to))
                {
                    Add(deal.IsWon ? PipelineFlowKind.Won : PipelineFlowKind.Lost, a0);
                }
                else if (second.Kind == PlacementKind.Open)
                {
                    Add(second.Open.ExpectedClose >= period.End ? PipelineFlowKind.PushedOut : PipelineFlowKind.PulledForward, a0);
                }
                else
                {
                    Add(PipelineFlowKind.Dropped, a0);
                }
            }
            else
            {
                decimal a1 = second.Open.Amount.Amount;
                end += a1;
                Add(deal.Created > from ? PipelineFlowKind.New : PipelineFlowKind.PulledIn, a1);
            }

            void Add(PipelineFlowKind kind, decimal amount)
            {
                sums[(int)kind] += kind == PipelineFlowKind.Unchanged ? 0 : amount;
                entries.Add(new(deal.Id, kind, Money.Of(amount, currency)));
            }
        }

        entries.Sort(static (a, b) => a.Deal.CompareTo(b.Deal));
        excluded.Sort(static (a, b) => a.Deal.CompareTo(b.Deal));
        return new(from, to, period, currency, start, end, sums, pushes, [.. entries], [.. excluded]);
    }

    /// <summary>
    /// Formats the waterfall, for example
    /// <c>2026-Q1 pipeline: 100 USD + 20 new + 5 pulled in + 3 up − 30 won − 10 lost − 15 pushed out − 0 pulled forward − 0 dropped − 2 down = 71 USD</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Period} pipeline: {Start} + {New.Amount} new + {PulledIn.Amount} pulled in + {AmountUp.Amount} up − {Won.Amount} won − {Lost.Amount} lost − {PushedOut.Amount} pushed out − {PulledForward.Amount} pulled forward − {Dropped.Amount} dropped − {AmountDown.Amount} down = {End}");

    private static bool ClosedBetween(Deal deal, Instant from, Instant to) =>
        deal.Outcome.IsClosed && deal.Outcome.ClosedAt is { } closedAt && closedAt > from && closedAt <= to;

    private static int CountPushes(Deal deal, Instant from, Instant to, PeriodKind kind, ReportingCalendar calendar)
    {
        int count = 0;
        foreach (var change in deal.CloseDateHistory)
        {
            if (change.At > from && change.At <= to && change.From is { } before
                && calendar.GetPeriod(change.To, kind) > calendar.GetPeriod(before, kind))
            {
                count++;
            }
        }

        return count;
    }

    private Money Sum(PipelineFlowKind kind) => Money.Of(_sums[(int)kind], Currency);
}
