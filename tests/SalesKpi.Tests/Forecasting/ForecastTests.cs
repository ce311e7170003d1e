using System;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

public sealed class ForecastTests
{
    [Fact]
    public void A_null_interval_is_rejected_with_its_position()
    {
        var e = Assert.Throws<ArgumentException>(() => new Forecast("Naive", [1.0, 2], [new PredictionInterval(80, [0.0, 1], [2.0, 3]), null!]));
        Assert.Equal("intervals", e.ParamName);
        Assert.Contains("Interval 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_of_another_horizon_is_rejected_with_both_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => new Forecast("Naive", [1.0, 2], [new PredictionInterval(80, [0.0], [2.0])]));
        Assert.Equal("intervals", e.ParamName);
        Assert.Contains("80% interval covers 1 steps, the point forecast 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_method_name_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Forecast(" ", [1.0], []));
    }
}
