using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.SampleData;
using Xunit;

namespace SalesKpi.Tests.SampleData;

public sealed class GeneratorPartsTests
{
    [Fact]
    public void Xoshiro256_star_star_matches_the_reference_outputs_for_state_1_2_3_4()
    {
        // First outputs of xoshiro256** from state (1, 2, 3, 4), computed independently from the published algorithm:
        // result = rotl(s1 * 5, 7) * 9 = rotl(10, 7) * 9 = 1280 * 9 = 11520 for the first.
        var rng = Xoshiro256.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
    }

    [Fact]
    public void Streams_of_one_seed_differ_and_restart_identically()
    {
        var a = new Xoshiro256(42, 1);
        var b = new Xoshiro256(42, 2);
        var again = new Xoshiro256(42, 1);
        ulong first = a.NextUInt64();
        Assert.NotEqual(first, b.NextUInt64());
        Assert.Equal(first, again.NextUInt64());
    }

    [Property]
    public Property NextInt_stays_in_range(PositiveInt n, int seed)
    {
        var rng = new Xoshiro256(seed, 7);
        for (int i = 0; i < 50; i++)
        {
            int x = rng.NextInt(n.Get);
            if (x < 0 || x >= n.Get)
            {
                return false.Label($"{x} outside [0, {n.Get})");
            }
        }

        return true.ToProperty();
    }

    [Fact]
    public void Uniform_and_normal_draws_have_the_expected_moments()
    {
        var rng = new Xoshiro256(1, 99);
        const int n = 200_000;
        double sum = 0;
        double sumNormal = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            Assert.True(u is > 0.0 and < 1.0);
            sum += u;
            double z = rng.NextNormal();
            sumNormal += z;
            sumSquares += z * z;
        }

        // Standard errors: uniform mean 0.289/sqrt(n) = 0.00065; normal mean 1/sqrt(n) = 0.0022; variance sqrt(2/n) = 0.0032.
        Assert.InRange(sum / n, 0.5 - 0.004, 0.5 + 0.004);
        Assert.InRange(sumNormal / n, -0.012, 0.012);
        Assert.InRange(sumSquares / n, 1 - 0.016, 1 + 0.016);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.6931471805599453)]
    [InlineData(0.3, -1.2039728043259361)]
    [InlineData(1e-300, -690.7755278982137)]
    [InlineData(123456.789, 11.723646487185881)]
    public void Log_matches_the_natural_logarithm(double x, double expected)
    {
        Assert.Equal(expected, DeterministicMath.Log(x), 1e-14 * Math.Max(1.0, Math.Abs(expected)));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 2.718281828459045)]
    [InlineData(2.5, 12.182493960703473)]
    [InlineData(-3.2, 0.04076220397836621)]
    [InlineData(100.0, 2.6881171418161356e43)]
    public void Exp_matches_the_exponential(double x, double expected)
    {
        Assert.Equal(expected, DeterministicMath.Exp(x), Math.Abs(expected) * 1e-14);
    }

    [Property]
    public Property Log_and_Exp_agree_with_the_platform_within_a_few_ulps(NormalFloat value)
    {
        double x = Math.Abs(value.Get) % 700.0;
        double y = Math.Abs(value.Get) + 1e-9;
        bool exp = Math.Abs(DeterministicMath.Exp(x) - Math.Exp(x)) <= Math.Exp(x) * 4e-15;
        bool log = Math.Abs(DeterministicMath.Log(y) - Math.Log(y)) <= Math.Max(1.0, Math.Abs(Math.Log(y))) * 4e-15;
        return (exp && log).Label($"x={x}, y={y}");
    }

    [Fact]
    public void Log_rejects_non_positive_input()
    {
        Assert.Throws<ArgumentOutOfRangeException>("x", () => DeterministicMath.Log(0.0));
        Assert.Throws<ArgumentOutOfRangeException>("x", () => DeterministicMath.Log(-1.0));
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Easter_Sunday_matches_published_dates(int year, int month, int day)
    {
        Assert.Equal(new LocalDate(year, month, day), HolidayRules.EasterSunday(year));
    }

    [Fact]
    public void United_States_holidays_of_2026_include_observed_dates()
    {
        LocalDate[] us = HolidayRules.For(0, 2026, 2026);
        Assert.Contains(new LocalDate(2026, 1, 19), us); // Martin Luther King Jr. Day, third Monday of January
        Assert.Contains(new LocalDate(2026, 2, 16), us); // Presidents' Day
        Assert.Contains(new LocalDate(2026, 5, 25), us); // Memorial Day, last Monday of May
        Assert.Contains(new LocalDate(2026, 7, 3), us); // Independence Day (Saturday) observed Friday
        Assert.Contains(new LocalDate(2026, 9, 7), us); // Labor Day
        Assert.Contains(new LocalDate(2026, 11, 26), us); // Thanksgiving, fourth Thursday of November
        Assert.Contains(new LocalDate(2026, 11, 27), us); // the day after
        Assert.Equal<LocalDate>(us, us.Distinct().Order().ToArray());
    }

    [Fact]
    public void New_South_Wales_moves_Christmas_and_Boxing_Day_off_the_weekend()
    {
        // 2021: Christmas on Saturday, Boxing Day on Sunday -> Monday 27 and Tuesday 28 are the holidays.
        LocalDate[] y2021 = HolidayRules.For(2, 2021, 2021);
        Assert.Contains(new LocalDate(2021, 12, 27), y2021);
        Assert.Contains(new LocalDate(2021, 12, 28), y2021);
        // 2022: Christmas on Sunday -> Monday 26 (Boxing Day) and Tuesday 27.
        LocalDate[] y2022 = HolidayRules.For(2, 2022, 2022);
        Assert.Contains(new LocalDate(2022, 12, 26), y2022);
        Assert.Contains(new LocalDate(2022, 12, 27), y2022);
        // 2026: Christmas on Friday, Boxing Day on Saturday -> Monday 28.
        Assert.Contains(new LocalDate(2026, 12, 28), HolidayRules.For(2, 2026, 2026));
        Assert.DoesNotContain(new LocalDate(2026, 12, 29), HolidayRules.For(2, 2026, 2026));
    }

    [Fact]
    public void Berlin_holidays_follow_Easter()
    {
        LocalDate[] berlin = HolidayRules.For(1, 2026, 2026);
        // Easter 2026 is 5 April: Good Friday 3 April, Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May.
        Assert.Equal(
            [
                new(2026, 1, 1), new(2026, 3, 8), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14),
                new(2026, 5, 25), new(2026, 10, 3), new(2026, 12, 25), new(2026, 12, 26),
            ],
            berlin);
    }
}
