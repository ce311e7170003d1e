using System;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

/// <summary>Every entry point that takes interval levels applies the same rule: each level lies in (0, 100) percent.</summary>
public sealed class LevelValidationTests
{
    public static TheoryData<double> BadLevels => new() { 0, 100, -5, 150, double.NaN, double.PositiveInfinity };

    [Theory]
    [MemberData(nameof(BadLevels))]
    public void Every_list_of_levels_rejects_a_bad_level_naming_its_index_and_value(double bad)
    {
        double[] levels = [80, bad];
        var fit = new Naive().Fit(TimeSeries.Of([1.0, 2, 3, 4]));

        foreach (var e in new[]
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new BacktestOptions { Levels = levels }),
            Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { Levels = levels }),
            Assert.Throws<ArgumentOutOfRangeException>(() => fit.Forecast(2, levels)),
        })
        {
            Assert.Contains("Level 1", e.Message, StringComparison.Ordinal);
            Assert.Equal(bad, (double)e.ActualValue!);
        }
    }

    [Theory]
    [MemberData(nameof(BadLevels))]
    public void A_single_level_is_checked_by_the_same_rule(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Accuracy.IntervalScore([1.0], [0.0], [2.0], bad));
        Assert.Equal("level", e.ParamName);
        Assert.Equal(bad, (double)e.ActualValue!);
    }

    [Fact]
    public void Options_keep_a_copy_of_the_levels_they_validated()
    {
        double[] levels = [80, 95];
        var backtest = new BacktestOptions { Levels = levels };
        var batch = new BatchOptions { Levels = levels };

        levels[1] = 200;

        Assert.Equal([80.0, 95.0], backtest.Levels);
        Assert.Equal([80.0, 95.0], batch.Levels);
    }

    [Fact]
    public void Levels_on_the_boundary_of_the_open_interval_are_accepted_just_inside()
    {
        var forecast = new Naive().Fit(TimeSeries.Of([1.0, 2, 3, 4])).Forecast(1, 1e-9, 100 - 1e-9);
        Assert.Equal(2, forecast.Intervals.Count);
    }
}
