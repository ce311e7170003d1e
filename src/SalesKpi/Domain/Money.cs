using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi;

/// <summary>An exact amount of money: a <see cref="decimal"/> amount in one <see cref="SalesKpi.Currency"/>.</summary>
/// <remarks>
/// <para>
/// Arithmetic is exact within <see cref="decimal"/> range and precision (28–29 significant digits); overflow throws
/// <see cref="OverflowException"/>. Amounts are never rounded implicitly: <see cref="DividedBy(decimal)"/> keeps
/// all the digits <see cref="decimal"/> can hold, and <see cref="Round(int)"/> rounds only when asked.
/// </para>
/// <para>
/// Adding, subtracting or ordering money of two different currencies throws <see cref="CurrencyMismatchException"/>;
/// convert explicitly with an <see cref="ExchangeRateTable"/>. Equality never throws: money in different currencies
/// is simply unequal. Equal amounts with different scales (1.0 and 1.00) are equal and hash alike.
/// </para>
/// <para>Negative amounts are allowed (refunds, contraction); a data-quality rule flags them where they are wrong.</para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable
{
    private Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Creates money.</summary>
    /// <param name="amount">The amount, any sign.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The money value.</returns>
    public static Money Of(decimal amount, Currency currency) => new(amount, currency);

    /// <summary>Returns zero in <paramref name="currency"/>.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero money.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Sums <paramref name="values"/>, all of which must be in <paramref name="currency"/>.</summary>
    /// <param name="values">The values to add. Immediate: enumerated once.</param>
    /// <param name="currency">The currency of the sum; also the result for an empty sequence (zero).</param>
    /// <returns>The exact sum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="CurrencyMismatchException">A value is in another currency.</exception>
    /// <exception cref="OverflowException">The sum exceeds the <see cref="decimal"/> range.</exception>
    public static Money Sum(IEnumerable<Money> values, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(values);
        decimal total = 0m;
        foreach (Money value in values)
        {
            if (value.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, value.Currency, nameof(values));
            }

            total += value.Amount;
        }

        return new Money(total, currency);
    }

    /// <summary>Adds money of the same currency.</summary>
    /// <param name="other">The money to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum exceeds the <see cref="decimal"/> range.</exception>
    public Money Plus(Money other)
    {
        RequireSameCurrency(other, nameof(other));
        return new Money(Amount + other.Amount, Currency);
    }

    /// <summary>Subtracts money of the same currency.</summary>
    /// <param name="other">The money to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference exceeds the <see cref="decimal"/> range.</exception>
    public Money Minus(Money other)
    {
        RequireSameCurrency(other, nameof(other));
        return new Money(Amount - other.Amount, Currency);
    }

    /// <summary>Multiplies the amount by a factor.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The scaled money, same currency.</returns>
    /// <exception cref="OverflowException">The product exceeds the <see cref="decimal"/> range.</exception>
    public Money Times(decimal factor) => new(Amount * factor, Currency);

    /// <summary>Divides the amount by a divisor, keeping every digit <see cref="decimal"/> can hold (no rounding to cents).</summary>
    /// <param name="divisor">The divisor, not zero.</param>
    /// <returns>The quotient, same currency.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="divisor"/> is zero.</exception>
    public Money DividedBy(decimal divisor)
    {
        if (divisor == 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(divisor), divisor, string.Create(CultureInfo.InvariantCulture, $"Cannot divide {this} by zero."));
        }

        return new Money(Amount / divisor, Currency);
    }

    /// <summary>Returns the ratio of two amounts of the same currency, for example won ÷ quota.</summary>
    /// <param name="divisor">The denominator, same currency, not zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="divisor"/> is zero.</exception>
    public decimal DividedBy(Money divisor)
    {
        RequireSameCurrency(divisor, nameof(divisor));
        if (divisor.Amount == 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(divisor), divisor, string.Create(CultureInfo.InvariantCulture, $"Cannot divide {this} by {divisor}."));
        }

        return Amount / divisor.Amount;
    }

    /// <summary>Returns the money with the amount negated.</summary>
    /// <returns>The negated money.</returns>
    public Money Negate() => new(-Amount, Currency);

    /// <summary>Rounds the amount to <paramref name="decimals"/> places, half to even (banker's rounding).</summary>
    /// <param name="decimals">The number of decimal places, 0 to 28.</param>
    /// <returns>The rounded money.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–28.</exception>
    public Money Round(int decimals)
    {
        if (decimals is < 0 or > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, string.Create(CultureInfo.InvariantCulture, $"Decimal places must be between 0 and 28, but were {decimals}."));
        }

        return new Money(Math.Round(Amount, decimals, MidpointRounding.ToEven), Currency);
    }

    /// <inheritdoc/>
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Compares amounts of the same currency.</summary>
    /// <param name="other">The other money, same currency.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(other, nameof(other));
        return Amount.CompareTo(other.Amount);
    }

    /// <inheritdoc/>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot compare Money with a {obj.GetType().Name}."), nameof(obj)),
    };

    /// <summary>Formats as the invariant amount followed by the code, for example <c>1234.50 USD</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency.Code}");

    /// <summary>Adds money of the same currency (<see cref="Plus"/>).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => left.Plus(right);

    /// <summary>Subtracts money of the same currency (<see cref="Minus"/>).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => left.Minus(right);

    /// <summary>Negates (<see cref="Negate"/>).</summary>
    /// <param name="value">The operand.</param>
    /// <returns>The negated money.</returns>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>Scales (<see cref="Times"/>).</summary>
    /// <param name="left">The money.</param>
    /// <param name="right">The factor.</param>
    /// <returns>The product.</returns>
    public static Money operator *(Money left, decimal right) => left.Times(right);

    /// <summary>Scales (<see cref="Times"/>).</summary>
    /// <param name="left">The factor.</param>
    /// <param name="right">The money.</param>
    /// <returns>The product.</returns>
    public static Money operator *(decimal left, Money right) => right.Times(left);

    /// <summary>Divides (<see cref="DividedBy(decimal)"/>).</summary>
    /// <param name="left">The money.</param>
    /// <param name="right">The divisor, not zero.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="right"/> is zero.</exception>
    public static Money operator /(Money left, decimal right) => left.DividedBy(right);

    /// <summary>Returns whether two money values are equal (same currency and amount).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Returns whether two money values differ.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Compares amounts of the same currency.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison result.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares amounts of the same currency.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison result.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares amounts of the same currency.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison result.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares amounts of the same currency.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The comparison result.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    private void RequireSameCurrency(Money other, string paramName)
    {
        if (Currency != other.Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency, paramName);
        }
    }
}
