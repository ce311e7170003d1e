using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>
/// How much of past periods' bookings came from deals created and won within the same period: the business a
/// pipeline snapshot cannot see yet, which <see cref="PipelineSimulation"/> adds by drawing from these periods.
/// </summary>
/// <remarks>
/// <para>
/// Learned from the last <c>count</c> complete periods of a kind before the one containing the as-of date: for each,
/// the amount of the deals created in it (their creation date in the zone) and won in it (their close date), at their
/// amount when won, converted at the close date when an exchange-rate table is given. Deals without an amount, in
/// another currency without a rate, or closed without a close instant are listed in <see cref="Excluded"/>.
/// </para>
/// <para>
/// A forecast made at the start of a quarter misses a large share of it otherwise: in the sample organisations, deals
/// created during a quarter brought 27–63 % of its bookings (`SalesKpi.Evaluation pipeline --period quarter`).
/// </para>
/// </remarks>
public sealed class NewBusinessHistory
{
    private readonly NewBusinessPeriod[] _periods;
    private readonly PipelineExclusion[] _excluded;

    private NewBusinessHistory(Currency currency, NewBusinessPeriod[] periods, PipelineExclusion[] excluded)
    {
        Currency = currency;
        _periods = periods;
        _excluded = excluded;
    }

    /// <summary>Gets the currency of the amounts.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the past periods, oldest first.</summary>
    public IReadOnlyList<NewBusinessPeriod> Periods => _periods;

    /// <summary>Gets the deals created and won in those periods that could not be counted, with the reason, ordered by id.</summary>
    public IReadOnlyList<PipelineExclusion> Excluded => _excluded;

    /// <summary>Learns the new business of the last <paramref name="count"/> complete periods before the one containing <paramref name="asOf"/>.</summary>
    /// <param name="deals">The deals; none null.</param>
    /// <param name="asOf">The instant; only periods that ended at or before its date count.</param>
    /// <param name="zone">The time zone that turns instants into dates.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="calendar">The reporting calendar.</param>
    /// <param name="kind">The kind of period, normally the kind of the period forecast.</param>
    /// <param name="count">How many past periods, at least 1.</param>
    /// <param name="rates">Exchange rates for amounts in other currencies (at the close date), or <see langword="null"/>.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, a deal, <paramref name="zone"/> or <paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static NewBusinessHistory Learn(
        IEnumerable<Deal> deals,
        Instant asOf,
        DateTimeZone zone,
        Currency currency,
        ReportingCalendar calendar,
        PeriodKind kind,
        int count,
        ExchangeRateTable? rates = null)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(calendar);
        PipelineChecks.RequireCurrency(currency, nameof(currency));
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "At least one past period is needed.");
        }

        var current = calendar.GetPeriod(asOf.InZone(zone).Date, kind);
        var periods = new ReportingPeriod[count];
        var sums = new decimal[count];
        var period = current;
        for (int i = count - 1; i >= 0; i--)
        {
            period = calendar.Previous(period);
            periods[i] = period;
        }

        var excluded = new List<PipelineExclusion>();
        int index = 0;
        foreach (var deal in deals)
        {
            PipelineChecks.RequireDeal(deal, index, null, nameof(deals));
            index++;
            if (!deal.IsWon)
            {
                continue;
            }

            if (deal.Outcome.ClosedAt is not { } closedAt)
            {
                excluded.Add(new(deal.Id, PipelineExclusionReason.ClosedWithoutCloseTime));
                continue;
            }

            var wonOn = closedAt.InZone(zone).Date;
            int slot = Slot(periods, wonOn);
            if (slot < 0 || closedAt > asOf || !periods[slot].Contains(deal.Created.InZone(zone).Date))
            {
                continue;
            }

            var (amount, reason) = PipelineSnapshot.Amount(deal, closedAt, currency, rates, wonOn);
            if (reason is { } r)
            {
                excluded.Add(new(deal.Id, r));
                continue;
            }

            sums[slot] += amount.Amount;
        }

        var result = new NewBusinessPeriod[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = new(periods[i], Money.Of(sums[i], currency));
        }

        excluded.Sort(static (a, b) => a.Deal.CompareTo(b.Deal));
        return new(currency, result, [.. excluded]);
    }

    /// <summary>Formats the history, for example <c>New business: 2026-01: 90000 USD; 2026-02: 120000 USD</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "New business: " + string.Join("; ", _periods);

    private static int Slot(ReportingPeriod[] periods, LocalDate date)
    {
        for (int i = 0; i < periods.Length; i++)
        {
            if (periods[i].Contains(date))
            {
                return i;
            }
        }

        return -1;
    }
}
