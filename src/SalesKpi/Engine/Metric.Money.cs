using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Sums money in <paramref name="currency"/> exactly; money in another currency is an error.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The money of a fact.</param>
    /// <param name="currency">The currency of every fact's money and of the result.</param>
    /// <returns>An ungrouped sum in <paramref name="currency"/>. Empty cell: 0 (exact).</returns>
    /// <remarks>
    /// Deferred. Exact in <see langword="decimal"/>, like <see cref="Sum{TFact}(Func{TFact, decimal})"/>; the currency is
    /// part of the definition (its description and its snapshot tag), so states and snapshots in different currencies
    /// never merge. Evaluation throws <see cref="CurrencyMismatchException"/> (naming both currencies) at the first fact
    /// in another currency: there is no cross-currency arithmetic without an explicit rate table and rate date (see the
    /// overload with an <see cref="ExchangeRateTable"/>).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value (no currency).</exception>
    /// <example>
    /// <code>
    /// var wonEur = Metric.Sum&lt;Deal&gt;(d => d.Amount!.Value, Currency.Eur).Where(d => d.IsWon).By(d => d.Owner);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Sum<TFact>(Func<TFact, Money> value, Currency currency) =>
        MoneyMetric(value, currency, null, null, mean: false);

    /// <summary>Sums money converted into <paramref name="currency"/> at each fact's rate date, exactly (no rounding).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The money of a fact.</param>
    /// <param name="currency">The currency of the result.</param>
    /// <param name="rates">The exchange rates; money already in <paramref name="currency"/> is not converted.</param>
    /// <param name="rateDate">The date whose rate converts a fact's money (for example its close date).</param>
    /// <returns>An ungrouped sum in <paramref name="currency"/>. Empty cell: 0 (exact).</returns>
    /// <remarks>
    /// Deferred. Each amount is multiplied by the rate in force on its rate date (<see cref="ExchangeRateTable.Convert"/>)
    /// and summed in <see langword="decimal"/>; round the result for display, not the parts. Evaluation throws
    /// <see cref="ArgumentException"/> (parameter <c>facts</c>) naming the pair, the date and the amount when the table
    /// has no rate for a fact.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value (no currency).</exception>
    /// <example>
    /// <code>
    /// var wonUsd = Metric.Sum&lt;Deal&gt;(d => d.Amount!.Value, Currency.Usd, rates, d => d.ExpectedClose!.Value).Where(d => d.IsWon);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Sum<TFact>(Func<TFact, Money> value, Currency currency, ExchangeRateTable rates, Func<TFact, LocalDate> rateDate)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(rateDate);
        return MoneyMetric(value, currency, rates, rateDate, mean: false);
    }

    /// <summary>The mean of money in <paramref name="currency"/> (for example the average deal size), exactly; money in another currency is an error.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The money of a fact.</param>
    /// <param name="currency">The currency of every fact's money and of the result.</param>
    /// <returns>An ungrouped mean: Σ amount ÷ n, a ratio carrying both. Empty cell: Undefined.</returns>
    /// <remarks>Deferred. As <see cref="Sum{TFact}(Func{TFact, Money}, Currency)"/>; means pool as ratios of sums when merged or rolled up.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value (no currency).</exception>
    /// <example>
    /// <code>
    /// var averageDealSize = Metric.Mean&lt;Deal&gt;(d => d.Amount!.Value, Currency.Eur).Where(d => d.IsWon &amp;&amp; d.Amount is not null);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Mean<TFact>(Func<TFact, Money> value, Currency currency) =>
        MoneyMetric(value, currency, null, null, mean: true);

    /// <summary>The mean of money converted into <paramref name="currency"/> at each fact's rate date, exactly.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <param name="value">The money of a fact.</param>
    /// <param name="currency">The currency of the result.</param>
    /// <param name="rates">The exchange rates.</param>
    /// <param name="rateDate">The date whose rate converts a fact's money.</param>
    /// <returns>An ungrouped mean in <paramref name="currency"/>. Empty cell: Undefined.</returns>
    /// <remarks>Deferred. As <see cref="Sum{TFact}(Func{TFact, Money}, Currency, ExchangeRateTable, Func{TFact, LocalDate})"/>.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value (no currency).</exception>
    /// <example>
    /// <code>
    /// var averageWonUsd = Metric.Mean&lt;Deal&gt;(d => d.Amount!.Value, Currency.Usd, rates, d => d.ExpectedClose!.Value).Where(d => d.IsWon);
    /// </code>
    /// </example>
    public static Metric<TFact, Ungrouped> Mean<TFact>(Func<TFact, Money> value, Currency currency, ExchangeRateTable rates, Func<TFact, LocalDate> rateDate)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(rateDate);
        return MoneyMetric(value, currency, rates, rateDate, mean: true);
    }

    private static Metric<TFact, Ungrouped> MoneyMetric<TFact>(Func<TFact, Money> value, Currency currency, ExchangeRateTable? rates, Func<TFact, LocalDate>? rateDate, bool mean)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (currency == default)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A money metric needs a currency, but the currency was the default value ({currency.Code})."),
                nameof(currency));
        }

        string tag = string.Create(CultureInfo.InvariantCulture, $"{(mean ? "mean" : "sum")}:money:{currency.Code}");
        var kernel = new MoneySumKernel<TFact>(value, currency, rates, rateDate, mean);
        return new(new KernelAggregation<TFact, DecimalSumAccumulator, MoneySumKernel<TFact>>(tag, kernel))
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"{(mean ? "mean" : "sum")} {currency.Code}{(rates is null ? string.Empty : " (converted)")}"),
        };
    }
}
