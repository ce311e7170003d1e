using System;
using System.Linq;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

public sealed class BacktestTests
{
    private static readonly TimeSeries OneToTen = TimeSeries.Of(Enumerable.Range(1, 10).Select(i => (double)i));

    [Fact]
    public void Origins_end_at_the_last_observation_and_step_back()
    {
        // n = 10, h = 2, w = 3, s = 2: origins 10 − 2 − (2 − k)·2 = 4, 6, 8. Naive forecasts y_origin = origin
        // (y_t = t + 1 zero-based); actuals origin + 1, origin + 2 → errors 1, 2 at every origin.
        var result = Backtest.RollingOrigin(OneToTen, new Naive(), new BacktestOptions { Horizon = 2, Windows = 3, Step = 2 });

        Assert.Equal([4, 6, 8], result.Origins.Select(o => o.Origin));
        Assert.All(result.Origins, o => Assert.Equal(0, o.TrainingStart));
        Assert.Equal([5.0, 6.0], result.Origins[0].Actual);
        Assert.Equal([4.0, 4.0], result.Origins[0].Forecast.Point);
        Assert.All(result.Origins, o => Assert.Equal([1.0, 2.0], o.Errors));
        Assert.Equal([2.0, 2.0, 2.0], result.ErrorsAtStep(2));
        Assert.Equal(1.5, result.MeanAbsoluteError(), 1e-12);
    }

    [Fact]
    public void Fixed_window_slides_with_the_first_origins_size()
    {
        var result = Backtest.RollingOrigin(OneToTen, new Mean(), new BacktestOptions { Horizon = 1, Windows = 3, Step = 1, Window = TrainingWindow.Fixed });

        // Origins 7, 8, 9, each training on 7 observations: starts 0, 1, 2. Mean of 1..7 = 4, of 2..8 = 5, of 3..9 = 6.
        Assert.Equal([0, 1, 2], result.Origins.Select(o => o.TrainingStart));
        Assert.All(result.Origins, o => Assert.Equal(7, o.Training.Count));
        Assert.Equal([4.0, 5.0, 6.0], result.Origins.Select(o => o.Forecast.Point[0]));

        var sized = Backtest.RollingOrigin(OneToTen, new Mean(), new BacktestOptions { Horizon = 1, Windows = 3, Window = TrainingWindow.Fixed, InputSize = 3 });
        Assert.Equal([4, 5, 6], sized.Origins.Select(o => o.TrainingStart));
    }

    [Fact]
    public void Too_many_windows_are_rejected_with_the_numbers()
    {
        var e = Assert.Throws<ArgumentException>(() => Backtest.RollingOrigin(OneToTen, new Naive(), new BacktestOptions { Horizon = 3, Windows = 5, Step = 2 }));
        Assert.Contains("would train on -1 observations", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Backtest.RollingOrigin(OneToTen, new Naive(), new BacktestOptions { Horizon = 1, Window = TrainingWindow.Fixed, InputSize = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BacktestOptions { Step = 0 });
    }

    [Fact]
    public void Intervals_are_computed_at_every_origin_when_asked()
    {
        var result = Backtest.RollingOrigin(OneToTen, new Drift(), new BacktestOptions { Horizon = 2, Windows = 2, Levels = [80] });
        Assert.All(result.Origins, o => Assert.Equal(2, o.Forecast.Interval(80).Lower.Count));
    }
}
