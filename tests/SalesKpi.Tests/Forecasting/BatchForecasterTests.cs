using System;
using System.Linq;
using SalesKpi.Forecasting;
using Xunit;

namespace SalesKpi.Tests.Forecasting;

public sealed class BatchForecasterTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_failing_fit_falls_back_and_records_why()
    {
        TimeSeries[] batch =
        [
            TimeSeries.Of([1.0, 2, 3, 4, 5]),
            TimeSeries.Of([1.0, 2]),                       // Drift needs 3: falls back to naive
            TimeSeries.Of([1.0, 5, 2, 6, 3], 2),           // Fails by design below: falls back to seasonal naive
            TimeSeries.Of([7.0]),                          // Too short for the fallback as well
        ];
        var results = BatchForecaster.Run(batch, new FailOnSeason(new Drift()), 2, new BatchOptions { Levels = [80] }, Ct);

        Assert.False(results[0].UsedFallback);
        Assert.Equal("Drift", results[0].Method);
        Assert.Equal([6.0, 7.0], results[0].Forecast!.Point);

        Assert.True(results[1].UsedFallback);
        Assert.Equal("Naive", results[1].Method);
        Assert.Contains("ArgumentException", results[1].FallbackReason, StringComparison.Ordinal);
        Assert.Equal([2.0, 2.0], results[1].Forecast!.Point);

        Assert.Equal("SeasonalNaive", results[2].Method);
        Assert.Contains("seasonal series refused", results[2].FallbackReason, StringComparison.Ordinal);
        Assert.Equal([6.0, 3.0], results[2].Forecast!.Point);

        Assert.False(results[3].Succeeded);
        Assert.NotNull(results[3].Error);
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.Index));
    }

    [Fact]
    public void Non_finite_forecasts_are_replaced_by_the_stated_fallback()
    {
        var results = BatchForecaster.Run([TimeSeries.Of([1.0, 2, 3])], new NonFinite(), 1, new BatchOptions { Fallback = new Mean() }, Ct);
        Assert.True(results[0].UsedFallback);
        Assert.Equal("Mean", results[0].Method);
        Assert.Contains("not finite", results[0].FallbackReason, StringComparison.Ordinal);
        Assert.Equal(2, results[0].Forecast!.Point[0], 1e-12);
    }

    [Fact]
    public void Results_do_not_depend_on_the_degree_of_parallelism()
    {
        var batch = Enumerable.Range(0, 40)
            .Select(k => TimeSeries.Of(Enumerable.Range(0, 30 + k).Select(t => 100 + (10 * Math.Sin((t + k) * 0.7)) + (0.3 * t * (k % 3))), 4))
            .ToArray();
        var sequential = BatchForecaster.Run(batch, new Theta(), 6, new BatchOptions { MaxDegreeOfParallelism = 1, Levels = [95] }, Ct);
        var parallel = BatchForecaster.Run(batch, new Theta(), 6, new BatchOptions { MaxDegreeOfParallelism = 2, Levels = [95] }, Ct);

        for (int i = 0; i < batch.Length; i++)
        {
            Assert.Equal(sequential[i].Forecast!.Point, parallel[i].Forecast!.Point);
            Assert.Equal(sequential[i].Forecast!.Interval(95).Lower, parallel[i].Forecast!.Interval(95).Lower);
        }
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxDegreeOfParallelism = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { Levels = [0] });
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchForecaster.Run([], new Naive(), 0, null, Ct));
        Assert.Empty(BatchForecaster.Run([], new Naive(), 1, null, Ct));
    }

    private sealed class FailOnSeason(ForecastMethod inner) : ForecastMethod
    {
        public override string Name => inner.Name;

        protected override FittedModel FitCore(TimeSeries series) =>
            series.SeasonLength > 1 ? throw new InvalidOperationException("seasonal series refused") : inner.Fit(series);
    }

    private sealed class NonFinite : ForecastMethod
    {
        public override string Name => "NonFinite";

        protected override FittedModel FitCore(TimeSeries series) => new Model(series);

        private sealed class Model(TimeSeries series) : FittedModel("NonFinite", series, new double[series.Count], new System.Collections.Generic.Dictionary<string, double>(), null)
        {
            protected override Forecast ForecastCore(int horizon, double[] levels) =>
                new(Method, Enumerable.Repeat(double.NaN, horizon).ToArray(), []);
        }
    }
}
