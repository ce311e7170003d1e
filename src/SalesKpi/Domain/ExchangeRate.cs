using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi;

/// <summary>
/// One explicit exchange rate: on <see cref="Date"/>, one unit of <see cref="From"/> buys <see cref="Rate"/> units
/// of <see cref="To"/>.
/// </summary>
/// <remarks>Equal when all four components are equal.</remarks>
public readonly record struct ExchangeRate
{
    /// <summary>Creates a rate.</summary>
    /// <param name="from">The source currency.</param>
    /// <param name="to">The target currency, different from <paramref name="from"/>.</param>
    /// <param name="date">The date the rate applies from.</param>
    /// <param name="rate">Units of <paramref name="to"/> per unit of <paramref name="from"/>; positive.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> equals <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is zero or negative.</exception>
    public ExchangeRate(Currency from, Currency to, LocalDate date, decimal rate)
    {
        if (from == to)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"An exchange rate needs two different currencies, but both were {to}."), nameof(to));
        }

        if (rate <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, string.Create(CultureInfo.InvariantCulture, $"An exchange rate must be positive, but was {rate}."));
        }

        From = from;
        To = to;
        Date = date;
        Rate = rate;
    }

    /// <summary>Gets the source currency.</summary>
    public Currency From { get; }

    /// <summary>Gets the target currency.</summary>
    public Currency To { get; }

    /// <summary>Gets the date the rate applies from.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the units of <see cref="To"/> per unit of <see cref="From"/>.</summary>
    public decimal Rate { get; }

    /// <summary>Formats the rate, for example <c>2026-01-31 EUR/USD 1.0842</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} {From}/{To} {Rate}");
}
