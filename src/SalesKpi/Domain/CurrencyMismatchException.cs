using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// Thrown when money in two different currencies is added, subtracted or compared without an explicit conversion.
/// </summary>
/// <remarks>Convert first with an <see cref="ExchangeRateTable"/> and a stated rate date.</remarks>
public sealed class CurrencyMismatchException : ArgumentException
{
    /// <summary>Creates an exception with a default message.</summary>
    public CurrencyMismatchException()
        : base("The currencies differ.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    public CurrencyMismatchException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CurrencyMismatchException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming both currencies and the parameter that carried the second one.</summary>
    /// <param name="expected">The currency of the left operand.</param>
    /// <param name="actual">The currency of the right operand.</param>
    /// <param name="paramName">The name of the parameter that carried <paramref name="actual"/>.</param>
    public CurrencyMismatchException(Currency expected, Currency actual, string? paramName)
        : base(string.Create(CultureInfo.InvariantCulture, $"Cannot combine money in {expected.Code} with money in {actual.Code} without an explicit exchange rate."), paramName)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Gets the currency of the left operand (XXX when not given).</summary>
    public Currency Expected { get; }

    /// <summary>Gets the currency of the right operand (XXX when not given).</summary>
    public Currency Actual { get; }
}
