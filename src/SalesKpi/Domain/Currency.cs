using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>An ISO 4217 currency, identified by its three-letter upper-case code such as <c>USD</c>.</summary>
/// <remarks>
/// Only the shape of the code is checked (three ASCII letters A–Z); the library does not embed the ISO list, so a
/// newly issued currency needs no library update. The default value is <c>XXX</c>, the ISO code for "no currency".
/// Currencies order ordinally by code.
/// </remarks>
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, IComparable
{
    private const string NoCurrencyCode = "XXX";
    private readonly string? _code;

    private Currency(string code) => _code = code;

    /// <summary>Gets the United States dollar.</summary>
    public static Currency Usd { get; } = new("USD");

    /// <summary>Gets the euro.</summary>
    public static Currency Eur { get; } = new("EUR");

    /// <summary>Gets the pound sterling.</summary>
    public static Currency Gbp { get; } = new("GBP");

    /// <summary>Gets the Brazilian real.</summary>
    public static Currency Brl { get; } = new("BRL");

    /// <summary>Gets the Japanese yen.</summary>
    public static Currency Jpy { get; } = new("JPY");

    /// <summary>Gets the ISO 4217 code, three upper-case ASCII letters.</summary>
    public string Code => _code ?? NoCurrencyCode;

    /// <summary>Returns the currency with ISO 4217 code <paramref name="code"/>.</summary>
    /// <param name="code">Three upper-case ASCII letters, for example <c>EUR</c>. Lower case is rejected, not folded.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not three upper-case ASCII letters.</exception>
    public static Currency Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 3 || !IsUpperAscii(code[0]) || !IsUpperAscii(code[1]) || !IsUpperAscii(code[2]))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A currency code must be three upper-case ASCII letters (ISO 4217), but was '{code}'."), nameof(code));
        }

        return code switch
        {
            "USD" => Usd,
            "EUR" => Eur,
            "GBP" => Gbp,
            "BRL" => Brl,
            "JPY" => Jpy,
            _ => new Currency(code),
        };
    }

    /// <inheritdoc/>
    public bool Equals(Currency other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Compares codes ordinally.</summary>
    /// <param name="other">The other currency.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(Currency other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Currency other => CompareTo(other),
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot compare a Currency with a {obj.GetType().Name}."), nameof(obj)),
    };

    /// <summary>Returns the code.</summary>
    /// <returns>For example <c>USD</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Returns whether two currencies are the same.</summary>
    /// <param name="left">The left currency.</param>
    /// <param name="right">The right currency.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Returns whether two currencies differ.</summary>
    /// <param name="left">The left currency.</param>
    /// <param name="right">The right currency.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/>'s code orders before <paramref name="right"/>'s.</summary>
    /// <param name="left">The left currency.</param>
    /// <param name="right">The right currency.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/>'s code orders before or equals <paramref name="right"/>'s.</summary>
    /// <param name="left">The left currency.</param>
    /// <param name="right">The right currency.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/>'s code orders after <paramref name="right"/>'s.</summary>
    /// <param name="left">The left currency.</param>
    /// <param name="right">The right currency.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/>'s code orders after or equals <paramref name="right"/>'s.</summary>
    /// <param name="left">The left currency.</param>
    /// <param name="right">The right currency.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;

    private static bool IsUpperAscii(char c) => c is >= 'A' and <= 'Z';
}
