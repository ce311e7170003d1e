using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>Adds a fact to an accumulator and turns a finished accumulator into a value; one per primitive.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <typeparam name="TAcc">The accumulator type.</typeparam>
internal interface IKernel<TFact, TAcc>
    where TAcc : struct, IAccumulator<TAcc>
{
    void Add(ref TAcc acc, in TFact fact);

    KpiValue ValueOf(in TAcc acc);
}

internal static class KernelErrors
{
    /// <summary>Returns <paramref name="value"/> when finite; a selector's NaN or infinity is an error naming the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Finite(double value) => double.IsFinite(value) ? value : throw NonFinite(value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ArgumentException NonFinite(double value) =>
        Errors.Argument(string.Create(CultureInfo.InvariantCulture, $"A value selector returned {value}; every value must be finite."), "facts");
}

internal readonly struct CountKernel<TFact> : IKernel<TFact, CountAccumulator>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ref CountAccumulator acc, in TFact fact) => acc.N = checked(acc.N + 1);

    public KpiValue ValueOf(in CountAccumulator acc) => KpiValue.Exact(acc.N, acc.N);
}

internal readonly struct Int64SumKernel<TFact>(Func<TFact, long> value, bool mean) : IKernel<TFact, Int64SumAccumulator>
{
    public void Add(ref Int64SumAccumulator acc, in TFact fact) => acc.Add(value(fact));

    public KpiValue ValueOf(in Int64SumAccumulator acc) =>
        mean ? KpiValue.ExactRatioOf(acc.Sum, acc.N, acc.N, KpiValueKind.Ratio) : KpiValue.Exact(acc.Sum, acc.N);
}

internal readonly struct DecimalSumKernel<TFact>(Func<TFact, decimal> value, bool mean) : IKernel<TFact, DecimalSumAccumulator>
{
    public void Add(ref DecimalSumAccumulator acc, in TFact fact) => acc.Add(value(fact));

    public KpiValue ValueOf(in DecimalSumAccumulator acc) =>
        mean ? KpiValue.ExactRatioOf(acc.Sum, acc.N, acc.N, KpiValueKind.Ratio) : KpiValue.Exact(acc.Sum, acc.N);
}

internal readonly struct DoubleSumKernel<TFact>(Func<TFact, double> value, bool mean) : IKernel<TFact, DoubleSumAccumulator>
{
    public void Add(ref DoubleSumAccumulator acc, in TFact fact) => acc.Add(KernelErrors.Finite(value(fact)));

    public KpiValue ValueOf(in DoubleSumAccumulator acc) =>
        mean ? KpiValue.RatioOf(acc.Total, acc.N, acc.N) : KpiValue.Number(acc.Total, acc.N);
}

internal readonly struct ExtremaKernel<TFact>(Func<TFact, double> value, bool max) : IKernel<TFact, ExtremaAccumulator>
{
    public void Add(ref ExtremaAccumulator acc, in TFact fact) => acc.Add(KernelErrors.Finite(value(fact)));

    public KpiValue ValueOf(in ExtremaAccumulator acc) =>
        acc.N == 0 ? KpiValue.UndefinedNumber(0) : KpiValue.Number(max ? acc.Max : acc.Min, acc.N);
}

internal readonly struct DecimalExtremaKernel<TFact>(Func<TFact, decimal> value, bool max) : IKernel<TFact, DecimalExtremaAccumulator>
{
    public void Add(ref DecimalExtremaAccumulator acc, in TFact fact) => acc.Add(value(fact));

    public KpiValue ValueOf(in DecimalExtremaAccumulator acc) =>
        acc.N == 0 ? KpiValue.UndefinedNumber(0) : KpiValue.Exact(max ? acc.Max : acc.Min, acc.N);
}

internal readonly struct DistinctKernel<TFact>(Func<TFact, long> member) : IKernel<TFact, DistinctAccumulator>
{
    public void Add(ref DistinctAccumulator acc, in TFact fact) => acc.Add(member(fact));

    public KpiValue ValueOf(in DistinctAccumulator acc) => KpiValue.Exact(acc.Distinct, acc.N);
}

internal readonly struct QuantileKernel<TFact>(Func<TFact, double> value, double probability) : IKernel<TFact, SampleAccumulator>
{
    public void Add(ref SampleAccumulator acc, in TFact fact) => acc.Add(KernelErrors.Finite(value(fact)));

    public KpiValue ValueOf(in SampleAccumulator acc) =>
        acc.Length == 0 ? KpiValue.UndefinedNumber(0) : KpiValue.Number(Quantiles.Type7(acc.SortedValues(), probability), acc.Length);
}

internal readonly struct RatioKernel<TFact>(Func<TFact, double> numerator, Func<TFact, double> denominator) : IKernel<TFact, RatioAccumulator>
{
    public void Add(ref RatioAccumulator acc, in TFact fact)
    {
        double n = KernelErrors.Finite(numerator(fact));
        double d = KernelErrors.Finite(denominator(fact));
        acc.Add(n, d);
    }

    public KpiValue ValueOf(in RatioAccumulator acc) => KpiValue.RatioOf(acc.Numerator.Total, acc.Denominator.Total, acc.Count);
}

internal readonly struct DecimalRatioKernel<TFact>(Func<TFact, decimal> numerator, Func<TFact, decimal> denominator) : IKernel<TFact, DecimalRatioAccumulator>
{
    public void Add(ref DecimalRatioAccumulator acc, in TFact fact) => acc.Add(numerator(fact), denominator(fact));

    public KpiValue ValueOf(in DecimalRatioAccumulator acc) => KpiValue.ExactRatioOf(acc.Numerator, acc.Denominator, acc.N, KpiValueKind.Ratio);
}

internal readonly struct RateKernel<TFact>(Func<TFact, bool> success) : IKernel<TFact, PairCountAccumulator>
{
    public void Add(ref PairCountAccumulator acc, in TFact fact) => acc.Add(success(fact), true);

    public KpiValue ValueOf(in PairCountAccumulator acc) => KpiValue.RateOf(acc.Numerator, acc.Denominator, acc.N, 0);

    /// <summary>Returns why a restored rate cell is one no evaluation gives (every fact counts in the denominator), or <see langword="null"/>.</summary>
    public static string? ProblemOf(in PairCountAccumulator acc) =>
        acc.Denominator != acc.N ? "a rate counts every fact in its denominator, but the denominator differs from the count" : null;
}

internal readonly struct CountRatioKernel<TFact>(Func<TFact, bool> numerator, Func<TFact, bool> denominator) : IKernel<TFact, PairCountAccumulator>
{
    public void Add(ref PairCountAccumulator acc, in TFact fact) => acc.Add(numerator(fact), denominator(fact));

    public KpiValue ValueOf(in PairCountAccumulator acc) => KpiValue.ExactRatioOf(acc.Numerator, acc.Denominator, acc.N, KpiValueKind.Ratio);
}

internal readonly struct LastValueKernel<TFact>(Func<TFact, long> entity, Func<TFact, Instant> time, Func<TFact, decimal> value) : IKernel<TFact, LastValueAccumulator>
{
    public void Add(ref LastValueAccumulator acc, in TFact fact) => acc.Add(entity(fact), time(fact).ToUnixTimeTicks(), value(fact));

    public KpiValue ValueOf(in LastValueAccumulator acc) => KpiValue.Exact(acc.Total(), acc.N);
}

/// <summary>Quantile definitions.</summary>
internal static class Quantiles
{
    /// <summary>
    /// R type 7 (linear interpolation between order statistics, the spreadsheet and numpy default):
    /// h = (n − 1)p, q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]) over the ascending values x[0..n−1].
    /// </summary>
    public static double Type7(double[] sorted, double p)
    {
        int n = sorted.Length;
        if (n == 1)
        {
            return sorted[0];
        }

        double h = (n - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= n - 1)
        {
            return sorted[n - 1];
        }

        double fraction = h - lo;
        return sorted[lo] + (fraction * (sorted[lo + 1] - sorted[lo]));
    }
}

/// <summary>
/// Sums (or averages) money in one currency, exactly: a fact in another currency is converted at its rate date when
/// the metric has an exchange-rate table, and is an error otherwise.
/// </summary>
internal readonly struct MoneySumKernel<TFact>(Func<TFact, Money> value, Currency currency, ExchangeRateTable? rates, Func<TFact, LocalDate>? rateDate, bool mean)
    : IKernel<TFact, DecimalSumAccumulator>
{
    public void Add(ref DecimalSumAccumulator acc, in TFact fact)
    {
        var money = value(fact);
        if (money.Currency != currency)
        {
            if (rates is null)
            {
                throw Errors.CurrencyMismatch(currency, money.Currency, "facts");
            }

            var date = rateDate!(fact);
            if (!rates.TryGetRate(money.Currency, currency, date, out var rate))
            {
                throw Errors.Argument(
                    string.Create(CultureInfo.InvariantCulture, $"The exchange-rate table has no {money.Currency}/{currency} rate on or before {date:uuuu-MM-dd} to convert a fact's {money}."),
                    "facts");
            }

            money = Money.Of(checked(money.Amount * rate.Rate), currency);
        }

        acc.Add(money.Amount);
    }

    public KpiValue ValueOf(in DecimalSumAccumulator acc) =>
        mean ? KpiValue.ExactRatioOf(acc.Sum, acc.N, acc.N, KpiValueKind.Ratio) : KpiValue.Exact(acc.Sum, acc.N);
}
