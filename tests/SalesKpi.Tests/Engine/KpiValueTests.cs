using System;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class KpiValueTests
{
    [Fact]
    public void Default_is_the_undefined_number_counted_from_nothing()
    {
        var v = default(KpiValue);
        Assert.True(v.IsUndefined);
        Assert.Null(v.Value);
        Assert.Null(v.ExactValue);
        Assert.Equal(0, v.Count);
        Assert.Equal(KpiValue.Undefined, v);
        Assert.Equal("undefined", v.ToString());
    }

    [Fact]
    public void FromCount_is_exact_and_counts_itself()
    {
        var v = KpiValue.FromCount(12);
        Assert.Equal(12.0, v.Value);
        Assert.Equal(12m, v.ExactValue);
        Assert.Equal(12, v.Count);
        Assert.Equal("12", v.ToString());
    }

    [Fact]
    public void Ratio_with_zero_denominator_is_undefined_and_keeps_its_parts()
    {
        var zeroOverZero = KpiValue.Ratio(0, 0, 0);
        Assert.True(zeroOverZero.IsUndefined);
        Assert.Equal(0.0, zeroOverZero.Numerator);
        Assert.Equal(0.0, zeroOverZero.Denominator);
        Assert.Equal("undefined (0/0)", zeroOverZero.ToString());

        var threeOverZero = KpiValue.Ratio(3m, 0m, 3);
        Assert.True(threeOverZero.IsUndefined);
        Assert.Equal(3m, threeOverZero.ExactNumerator);
        Assert.Equal(0m, threeOverZero.ExactDenominator);
    }

    [Fact]
    public void Ratio_formats_value_and_parts_invariantly_under_a_hostile_culture()
    {
        // 3 / 4 = 0.75, printed with a dot although the test culture uses a decimal comma.
        Assert.Equal("0.75 (3/4)", KpiValue.Ratio(3, 4, 7).ToString());
        Assert.Equal("0.75 (3/4)", KpiValue.Ratio(3m, 4m, 7).ToString());
    }

    [Fact]
    public void Rate_carries_n_and_the_Wilson_interval()
    {
        // 8 of 10: p = 0.8, Wilson 95% = [0.4902, 0.9433] (worked in ConfidenceIntervalTests).
        var rate = KpiValue.Rate(8, 10);
        Assert.Equal(KpiValueKind.Rate, rate.Kind);
        Assert.Equal(0.8m, rate.ExactValue);
        Assert.Equal(8.0, rate.Numerator);
        Assert.Equal(10.0, rate.Denominator);
        Assert.Equal(10, rate.Count);
        var ci = rate.Interval!.Value;
        Assert.Equal(0.4902, ci.Lower, 4);
        Assert.Equal(0.9433, ci.Upper, 4);
    }

    [Fact]
    public void Rate_of_no_trials_is_undefined_without_interval()
    {
        var rate = KpiValue.Rate(0, 0);
        Assert.True(rate.IsUndefined);
        Assert.Null(rate.Interval);
        Assert.Equal(0.0, rate.Denominator);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(4, 3)]
    public void Rate_rejects_successes_outside_the_trials(long successes, long trials)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KpiValue.Rate(successes, trials));
        Assert.Equal("successes", ex.ParamName);
        Assert.Contains(successes.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Of_rejects_non_finite_values(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KpiValue.Of(value, 1));
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void Arithmetic_is_exact_for_exact_operands_and_adds_counts()
    {
        // 0.1 + 0.2 is exactly 0.3 in decimal; the counts 2 + 3 add up.
        var sum = KpiValue.Of(0.1m, 2).Plus(KpiValue.Of(0.2m, 3));
        Assert.Equal(0.3m, sum.ExactValue);
        Assert.Equal(5, sum.Count);
        Assert.Equal(-0.1m, (KpiValue.Of(0.1m, 1) - KpiValue.Of(0.2m, 1)).ExactValue);
        Assert.Equal(0.02m, (KpiValue.Of(0.1m, 1) * KpiValue.Of(0.2m, 1)).ExactValue);
    }

    [Fact]
    public void Arithmetic_with_an_undefined_operand_is_undefined()
    {
        Assert.True(KpiValue.FromCount(3).Plus(KpiValue.Undefined).IsUndefined);
        Assert.True(KpiValue.Undefined.Minus(KpiValue.FromCount(3)).IsUndefined);
        Assert.True(KpiValue.FromCount(3).DividedBy(KpiValue.Undefined).IsUndefined);
    }

    [Fact]
    public void DividedBy_makes_a_ratio_with_both_parts_and_is_undefined_at_zero()
    {
        // 120 activities / 4 won deals = 30 per deal.
        var perDeal = KpiValue.FromCount(120) / KpiValue.FromCount(4);
        Assert.Equal(KpiValueKind.Ratio, perDeal.Kind);
        Assert.Equal(30m, perDeal.ExactValue);
        Assert.Equal(120m, perDeal.ExactNumerator);
        Assert.Equal(4m, perDeal.ExactDenominator);
        Assert.True((KpiValue.FromCount(5) / KpiValue.FromCount(0)).IsUndefined);
    }

    [Fact]
    public void Double_overflow_becomes_undefined_never_infinity()
    {
        var huge = KpiValue.Of(double.MaxValue, 1);
        var product = huge.Times(huge);
        Assert.True(product.IsUndefined);
        Assert.Null(product.Value);
    }

    [Fact]
    public void Equality_compares_all_parts()
    {
        Assert.Equal(KpiValue.Rate(1, 2), KpiValue.Rate(1, 2));
        Assert.NotEqual(KpiValue.Rate(1, 2), KpiValue.Rate(2, 4));
        Assert.True(KpiValue.FromCount(1) == KpiValue.FromCount(1));
        Assert.True(KpiValue.FromCount(1) != KpiValue.Of(1.0, 1));
    }
}
