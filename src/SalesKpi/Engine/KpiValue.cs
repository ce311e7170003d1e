using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// The value of one KPI cell: the number, what it is made of (numerator and denominator for ratios and rates),
/// how many facts counted, a 95% Wilson interval for rates, and an explicit Undefined state.
/// </summary>
/// <remarks>
/// <para>
/// Undefined is a state of the value, never NaN and never an exception: a ratio with a zero denominator (0/0 or
/// x/0), the mean, extreme or percentile of no values, and any arithmetic with an Undefined operand are Undefined.
/// <see cref="Value"/> is then <see langword="null"/>, while <see cref="Numerator"/>, <see cref="Denominator"/> and
/// <see cref="Count"/> still say why (for example 0/0 from 0 facts). Counts and sums of nothing are 0, not Undefined.
/// </para>
/// <para>
/// Where every input is exact (counts, <see langword="long"/> and <see langword="decimal"/> sums) the value carries
/// <see cref="ExactValue"/>; a quotient of exact parts is computed in <see langword="decimal"/> (28 significant
/// digits). <see cref="Value"/> is always the same number as a <see langword="double"/>.
/// </para>
/// <para>Values compare by all their parts. The default value is the Undefined number.</para>
/// </remarks>
public readonly struct KpiValue : IEquatable<KpiValue>
{
    private const byte DefinedFlag = 1;
    private const byte ExactFlag = 2;
    private const byte PartsFlag = 4;
    private const byte ExactPartsFlag = 8;

    private readonly double _value;
    private readonly double _numerator;
    private readonly double _denominator;
    private readonly decimal _exact;
    private readonly decimal _exactNumerator;
    private readonly decimal _exactDenominator;
    private readonly long _count;
    private readonly long _censored;
    private readonly KpiValueKind _kind;
    private readonly byte _flags;

    private KpiValue(
        KpiValueKind kind,
        byte flags,
        double value,
        decimal exact,
        double numerator,
        double denominator,
        decimal exactNumerator,
        decimal exactDenominator,
        long count,
        long censored)
    {
        _kind = kind;
        _flags = flags;
        _value = value;
        _exact = exact;
        _numerator = numerator;
        _denominator = denominator;
        _exactNumerator = exactNumerator;
        _exactDenominator = exactDenominator;
        _count = count;
        _censored = censored;
    }

    /// <summary>Gets the Undefined number counted from no facts.</summary>
    public static KpiValue Undefined => default;

    /// <summary>Gets what the value measures.</summary>
    public KpiValueKind Kind => _kind;

    /// <summary>Gets whether the value is defined (not Undefined).</summary>
    public bool IsDefined => (_flags & DefinedFlag) != 0;

    /// <summary>Gets whether the value is Undefined (0/0, x/0, no values to average, an Undefined operand).</summary>
    public bool IsUndefined => (_flags & DefinedFlag) == 0;

    /// <summary>Gets the value, or <see langword="null"/> when Undefined. Never NaN or infinite.</summary>
    public double? Value => IsDefined ? _value : null;

    /// <summary>Gets the exact decimal value when every input was exact (counts, integer and decimal sums), otherwise <see langword="null"/>.</summary>
    public decimal? ExactValue => (_flags & (DefinedFlag | ExactFlag)) == (DefinedFlag | ExactFlag) ? _exact : null;

    /// <summary>Gets the numerator of a ratio or rate (the successes of a rate), or <see langword="null"/> for a plain number.</summary>
    /// <remarks>Present even when the value is Undefined, so 0/0 can be told from x/0.</remarks>
    public double? Numerator => (_flags & PartsFlag) != 0 ? _numerator : null;

    /// <summary>Gets the denominator of a ratio or rate (the trials, n, of a rate), or <see langword="null"/> for a plain number.</summary>
    public double? Denominator => (_flags & PartsFlag) != 0 ? _denominator : null;

    /// <summary>Gets the exact numerator when the parts are exact, otherwise <see langword="null"/>.</summary>
    public decimal? ExactNumerator => (_flags & ExactPartsFlag) != 0 ? _exactNumerator : null;

    /// <summary>Gets the exact denominator when the parts are exact, otherwise <see langword="null"/>.</summary>
    public decimal? ExactDenominator => (_flags & ExactPartsFlag) != 0 ? _exactDenominator : null;

    /// <summary>Gets the number of facts that counted toward the value (for a rate: its trials; for a conversion: its entries).</summary>
    public long Count => _count;

    /// <summary>
    /// Gets, for a cohort conversion, the number of entries whose conversion window had not closed at the
    /// evaluation's as-of instant and that had not converted yet: while it is above zero the rate can still rise.
    /// </summary>
    public long Censored => _censored;

    /// <summary>Gets whether <see cref="Censored"/> is above zero (the cohort is right-censored).</summary>
    public bool IsCensored => _censored > 0;

    /// <summary>Gets the 95% Wilson score interval of a defined rate, otherwise <see langword="null"/>.</summary>
    /// <remarks>Computed from the exact successes and trials on each access.</remarks>
    public ConfidenceInterval? Interval =>
        _kind == KpiValueKind.Rate && IsDefined ? ConfidenceInterval.Wilson((long)_exactNumerator, (long)_exactDenominator) : null;

    /// <summary>Creates an exact count.</summary>
    /// <param name="count">The count, at least 0.</param>
    /// <returns>A defined exact number whose <see cref="Count"/> is also <paramref name="count"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static KpiValue FromCount(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Exact(count, count);
    }

    /// <summary>Creates a plain number counted from <paramref name="count"/> facts.</summary>
    /// <param name="value">The value; must be finite.</param>
    /// <param name="count">The number of facts behind it, at least 0.</param>
    /// <returns>A defined number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, or <paramref name="count"/> is negative.</exception>
    public static KpiValue Of(double value, long count)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A KPI value must be finite; use KpiValue.Undefined for an undefined one.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Number(value, count);
    }

    /// <summary>Creates an exact number counted from <paramref name="count"/> facts.</summary>
    /// <param name="value">The exact value.</param>
    /// <param name="count">The number of facts behind it, at least 0.</param>
    /// <returns>A defined exact number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static KpiValue Of(decimal value, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Exact(value, count);
    }

    /// <summary>Creates the ratio <paramref name="numerator"/> ÷ <paramref name="denominator"/>.</summary>
    /// <param name="numerator">The numerator; finite.</param>
    /// <param name="denominator">The denominator; finite. Zero makes the value Undefined.</param>
    /// <param name="count">The number of facts behind it, at least 0.</param>
    /// <returns>A ratio; Undefined (keeping both parts) when the denominator is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A part is NaN or infinite, or <paramref name="count"/> is negative.</exception>
    /// <example>
    /// <code>
    /// KpiValue.Ratio(3, 4, count: 7);  // 0.75 (3/4)
    /// KpiValue.Ratio(0, 0, count: 0);  // Undefined (0/0)
    /// </code>
    /// </example>
    public static KpiValue Ratio(double numerator, double denominator, long count)
    {
        if (!double.IsFinite(numerator))
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "The numerator must be finite.");
        }

        if (!double.IsFinite(denominator))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "The denominator must be finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return RatioOf(numerator, denominator, count);
    }

    /// <summary>Creates the exact ratio <paramref name="numerator"/> ÷ <paramref name="denominator"/>, computed in <see langword="decimal"/>.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator. Zero makes the value Undefined.</param>
    /// <param name="count">The number of facts behind it, at least 0.</param>
    /// <returns>A ratio; Undefined (keeping both parts) when the denominator is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static KpiValue Ratio(decimal numerator, decimal denominator, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ExactRatioOf(numerator, denominator, count, KpiValueKind.Ratio);
    }

    /// <summary>Creates the exact ratio of two integers <paramref name="numerator"/> ÷ <paramref name="denominator"/>.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator. Zero makes the value Undefined.</param>
    /// <param name="count">The number of facts behind it, at least 0.</param>
    /// <returns>A ratio; Undefined (keeping both parts) when the denominator is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static KpiValue Ratio(long numerator, long denominator, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return ExactRatioOf(numerator, denominator, count, KpiValueKind.Ratio);
    }

    /// <summary>Creates the rate <paramref name="successes"/> ÷ <paramref name="trials"/> with its 95% Wilson interval.</summary>
    /// <param name="successes">The successes, between 0 and <paramref name="trials"/>.</param>
    /// <param name="trials">The trials (n), at least 0. Zero trials make the rate Undefined.</param>
    /// <returns>A rate, exact, with <see cref="Count"/> equal to <paramref name="trials"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is negative, or <paramref name="successes"/> is outside <c>[0, trials]</c>.</exception>
    /// <example>
    /// <code>
    /// var rate = KpiValue.Rate(successes: 8, trials: 10); // 0.8 (8/10), Interval [0.4902, 0.9433]
    /// </code>
    /// </example>
    public static KpiValue Rate(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(
                nameof(successes),
                successes,
                string.Create(CultureInfo.InvariantCulture, $"Successes must lie between 0 and the {trials} trials."));
        }

        return RateOf(successes, trials, trials, 0);
    }

    /// <summary>Adds two values: <c>a + b</c>; Undefined if either is Undefined; exact if both are exact.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A number counted from both operands' facts.</returns>
    /// <exception cref="OverflowException">The exact decimal sum overflows.</exception>
    public static KpiValue operator +(KpiValue left, KpiValue right) => left.Plus(right);

    /// <summary>Subtracts two values: <c>a − b</c>; Undefined if either is Undefined; exact if both are exact.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A number counted from both operands' facts.</returns>
    /// <exception cref="OverflowException">The exact decimal difference overflows.</exception>
    public static KpiValue operator -(KpiValue left, KpiValue right) => left.Minus(right);

    /// <summary>Multiplies two values: <c>a × b</c>; Undefined if either is Undefined; exact if both are exact.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A number counted from both operands' facts.</returns>
    /// <exception cref="OverflowException">The exact decimal product overflows.</exception>
    public static KpiValue operator *(KpiValue left, KpiValue right) => left.Times(right);

    /// <summary>Divides two values: the ratio <c>a ÷ b</c>, Undefined when b is zero or either is Undefined.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator.</param>
    /// <returns>A ratio carrying both operands as numerator and denominator.</returns>
    public static KpiValue operator /(KpiValue left, KpiValue right) => left.DividedBy(right);

    /// <summary>Compares two values part by part.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(KpiValue left, KpiValue right) => left.Equals(right);

    /// <summary>Compares two values part by part.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(KpiValue left, KpiValue right) => !left.Equals(right);

    /// <summary>Adds <paramref name="other"/> to this value (named twin of <c>+</c>).</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>The sum; Undefined if either operand is Undefined; exact if both are exact.</returns>
    /// <exception cref="OverflowException">The exact decimal sum overflows.</exception>
    /// <example>
    /// <code>
    /// var total = KpiValue.FromCount(3).Plus(KpiValue.FromCount(4)); // 7, exact
    /// </code>
    /// </example>
    public KpiValue Plus(KpiValue other) => Arithmetic(this, other, 0);

    /// <summary>Subtracts <paramref name="other"/> from this value (named twin of <c>−</c>).</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>The difference; Undefined if either operand is Undefined; exact if both are exact.</returns>
    /// <exception cref="OverflowException">The exact decimal difference overflows.</exception>
    public KpiValue Minus(KpiValue other) => Arithmetic(this, other, 1);

    /// <summary>Multiplies this value by <paramref name="other"/> (named twin of <c>×</c>).</summary>
    /// <param name="other">The other operand.</param>
    /// <returns>The product; Undefined if either operand is Undefined; exact if both are exact.</returns>
    /// <exception cref="OverflowException">The exact decimal product overflows.</exception>
    public KpiValue Times(KpiValue other) => Arithmetic(this, other, 2);

    /// <summary>Divides this value by <paramref name="other"/> (named twin of <c>÷</c>).</summary>
    /// <param name="other">The denominator.</param>
    /// <returns>
    /// A <see cref="KpiValueKind.Ratio"/> with this value as numerator and <paramref name="other"/> as denominator;
    /// Undefined when the denominator is zero or either operand is Undefined. Exact when both operands are exact.
    /// </returns>
    /// <example>
    /// <code>
    /// var perDeal = KpiValue.FromCount(120).DividedBy(KpiValue.FromCount(4)); // 30 (120/4)
    /// </code>
    /// </example>
    public KpiValue DividedBy(KpiValue other)
    {
        long count = checked(_count + other._count);
        if (IsUndefined || other.IsUndefined)
        {
            return new KpiValue(KpiValueKind.Ratio, 0, 0, 0, 0, 0, 0, 0, count, 0);
        }

        bool exact = (_flags & ExactFlag) != 0 && (other._flags & ExactFlag) != 0;
        return exact
            ? ExactRatioOf(_exact, other._exact, count, KpiValueKind.Ratio)
            : RatioOf(_value, other._value, count);
    }

    /// <summary>Returns the value, or <paramref name="fallback"/> when Undefined.</summary>
    /// <param name="fallback">The value to use when Undefined.</param>
    /// <returns>The value or the fallback.</returns>
    public double GetValueOrDefault(double fallback) => IsDefined ? _value : fallback;

    /// <inheritdoc/>
    public bool Equals(KpiValue other) =>
        _kind == other._kind && _flags == other._flags && _value.Equals(other._value) && _exact == other._exact
        && _numerator.Equals(other._numerator) && _denominator.Equals(other._denominator)
        && _exactNumerator == other._exactNumerator && _exactDenominator == other._exactDenominator
        && _count == other._count && _censored == other._censored;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is KpiValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_kind, _flags, _value, _exact, _numerator, _denominator, _count, _censored);

    /// <summary>
    /// Formats the value culture-invariantly with at most six decimals: <c>12</c>, <c>0.75 (3/4)</c> for ratios and
    /// rates, <c>undefined (0/0)</c> when Undefined. Use <see cref="ExactValue"/> or <see cref="Value"/> for full precision.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => KpiFormat.Value(this, withParts: true);

    internal double RawValue => _value;

    internal decimal RawExact => _exact;

    internal bool IsExact => (_flags & ExactFlag) != 0;

    internal static KpiValue Number(double value, long count) =>
        double.IsFinite(value)
            ? new KpiValue(KpiValueKind.Number, DefinedFlag, value, 0, 0, 0, 0, 0, count, 0)
            : UndefinedNumber(count);

    internal static KpiValue Exact(decimal value, long count) =>
        new(KpiValueKind.Number, DefinedFlag | ExactFlag, (double)value, value, 0, 0, 0, 0, count, 0);

    /// <summary>An exact integer value (counts, integer sums): the same value as the decimal form, without its slow conversion to double.</summary>
    internal static KpiValue Exact(long value, long count) =>
        new(KpiValueKind.Number, DefinedFlag | ExactFlag, value, value, 0, 0, 0, 0, count, 0);

    internal static KpiValue UndefinedNumber(long count) =>
        new(KpiValueKind.Number, 0, 0, 0, 0, 0, 0, 0, count, 0);

    internal static KpiValue UndefinedOf(KpiValueKind kind, long count) =>
        new(kind, 0, 0, 0, 0, 0, 0, 0, count, 0);

    internal static KpiValue RatioOf(double numerator, double denominator, long count)
    {
        double q = numerator / denominator;
        byte flags = denominator != 0 && double.IsFinite(q) ? (byte)(DefinedFlag | PartsFlag) : PartsFlag;
        return new KpiValue(KpiValueKind.Ratio, flags, (flags & DefinedFlag) != 0 ? q : 0, 0, numerator, denominator, 0, 0, count, 0);
    }

    internal static KpiValue ExactRatioOf(decimal numerator, decimal denominator, long count, KpiValueKind kind)
    {
        byte parts = PartsFlag | ExactPartsFlag;
        if (denominator == 0)
        {
            return new KpiValue(kind, parts, 0, 0, (double)numerator, 0, numerator, 0, count, 0);
        }

        decimal q = numerator / denominator;
        return new KpiValue(kind, (byte)(parts | DefinedFlag | ExactFlag), (double)q, q, (double)numerator, (double)denominator, numerator, denominator, count, 0);
    }

    internal static KpiValue RateOf(long successes, long trials, long count, long censored)
    {
        byte parts = PartsFlag | ExactPartsFlag;
        if (trials == 0)
        {
            return new KpiValue(KpiValueKind.Rate, parts, 0, 0, successes, 0, successes, 0, count, censored);
        }

        decimal q = (decimal)successes / trials;
        return new KpiValue(
            KpiValueKind.Rate,
            (byte)(parts | DefinedFlag | ExactFlag),
            (double)successes / trials,
            q,
            successes,
            trials,
            successes,
            trials,
            count,
            censored);
    }

    internal KpiValue WithCount(long count) =>
        new(_kind, _flags, _value, _exact, _numerator, _denominator, _exactNumerator, _exactDenominator, count, _censored);

    private static KpiValue Arithmetic(KpiValue a, KpiValue b, int op)
    {
        long count = checked(a._count + b._count);
        if (a.IsUndefined || b.IsUndefined)
        {
            return UndefinedNumber(count);
        }

        if (a.IsExact && b.IsExact)
        {
            decimal r = op switch
            {
                0 => a._exact + b._exact,
                1 => a._exact - b._exact,
                _ => a._exact * b._exact,
            };
            return Exact(r, count);
        }

        double v = op switch
        {
            0 => a._value + b._value,
            1 => a._value - b._value,
            _ => a._value * b._value,
        };
        return Number(v, count);
    }
}
