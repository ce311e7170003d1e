using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>An explicit, immutable table of dated exchange rates used to convert <see cref="Money"/>.</summary>
/// <remarks>
/// <para>
/// A conversion names its rate date. The rate used is the one for the exact currency pair with the latest
/// <see cref="ExchangeRate.Date"/> on or before that date. Rates are never inverted or chained implicitly
/// (EUR→USD does not give USD→EUR, and EUR→GBP→USD is not derived): supply every pair you convert. The converted
/// amount is the exact decimal product, not rounded; call <see cref="Money.Round(int)"/> when you need cents.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// var table = new ExchangeRateTable([new ExchangeRate(Currency.Eur, Currency.Usd, new LocalDate(2026, 1, 1), 1.10m)]);
/// Money usd = table.Convert(Money.Of(100m, Currency.Eur), Currency.Usd, new LocalDate(2026, 3, 31)); // 110.00 USD
/// </code>
/// </example>
public sealed class ExchangeRateTable
{
    private readonly Dictionary<(Currency From, Currency To), ExchangeRate[]> _byPair;
    private readonly ExchangeRate[] _rates;

    /// <summary>Creates a table from <paramref name="rates"/> (copied).</summary>
    /// <param name="rates">The rates. At most one per currency pair and date.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rates"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two rates share pair and date.</exception>
    public ExchangeRateTable(IEnumerable<ExchangeRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var grouped = new Dictionary<(Currency From, Currency To), List<ExchangeRate>>();
        var all = new List<ExchangeRate>();
        foreach (ExchangeRate rate in rates)
        {
            if (!grouped.TryGetValue((rate.From, rate.To), out List<ExchangeRate>? list))
            {
                list = [];
                grouped.Add((rate.From, rate.To), list);
            }

            list.Add(rate);
            all.Add(rate);
        }

        _byPair = new Dictionary<(Currency From, Currency To), ExchangeRate[]>(grouped.Count);
        foreach (KeyValuePair<(Currency From, Currency To), List<ExchangeRate>> entry in grouped)
        {
            ExchangeRate[] sorted = [.. entry.Value];
            Array.Sort(sorted, static (a, b) => a.Date.CompareTo(b.Date));
            for (int i = 1; i < sorted.Length; i++)
            {
                if (sorted[i].Date == sorted[i - 1].Date)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Two rates for {entry.Key.From}/{entry.Key.To} on {sorted[i].Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}: {sorted[i - 1].Rate} and {sorted[i].Rate}."), nameof(rates));
                }
            }

            _byPair.Add(entry.Key, sorted);
        }

        _rates = [.. all];
    }

    /// <summary>Gets the rates in the order given.</summary>
    public IReadOnlyList<ExchangeRate> Rates => _rates;

    /// <summary>Finds the rate for <paramref name="from"/>→<paramref name="to"/> in force on <paramref name="rateDate"/>.</summary>
    /// <param name="from">The source currency.</param>
    /// <param name="to">The target currency.</param>
    /// <param name="rateDate">The rate date.</param>
    /// <param name="rate">The rate with the latest date on or before <paramref name="rateDate"/>, when found.</param>
    /// <returns><see langword="true"/> when such a rate exists.</returns>
    public bool TryGetRate(Currency from, Currency to, LocalDate rateDate, out ExchangeRate rate)
    {
        if (_byPair.TryGetValue((from, to), out ExchangeRate[]? sorted))
        {
            for (int i = sorted.Length - 1; i >= 0; i--)
            {
                if (sorted[i].Date <= rateDate)
                {
                    rate = sorted[i];
                    return true;
                }
            }
        }

        rate = default;
        return false;
    }

    /// <summary>Converts <paramref name="money"/> to <paramref name="target"/> at the rate in force on <paramref name="rateDate"/>.</summary>
    /// <param name="money">The money to convert. Returned unchanged when already in <paramref name="target"/>.</param>
    /// <param name="target">The target currency.</param>
    /// <param name="rateDate">The rate date.</param>
    /// <returns>The converted money, exact (not rounded).</returns>
    /// <exception cref="ArgumentException">The table has no rate for the pair on or before <paramref name="rateDate"/>.</exception>
    /// <exception cref="OverflowException">The product exceeds the <see cref="decimal"/> range.</exception>
    public Money Convert(Money money, Currency target, LocalDate rateDate)
    {
        if (money.Currency == target)
        {
            return money;
        }

        if (!TryGetRate(money.Currency, target, rateDate, out ExchangeRate rate))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"No {money.Currency}/{target} exchange rate on or before {rateDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} to convert {money}."), nameof(target));
        }

        return Money.Of(money.Amount * rate.Rate, target);
    }
}
