using System;
using BenchmarkDotNet.Attributes;
using SalesKpi.Forecasting;

namespace SalesKpi.Benchmarks.Forecasting;

/// <summary>
/// Fit plus a 12-step forecast with 80% and 95% intervals of one monthly series (season 12) of 36 and 120 points:
/// SES, damped Holt, additive Holt-Winters, automatic ETS (AICc over the candidate models) and Theta.
/// </summary>
[MemoryDiagnoser]
public class ForecastingBenchmarks
{
    private static readonly double[] Levels = [80, 95];

    private readonly ForecastMethod _ses = ExponentialSmoothing.Ses();
    private readonly ForecastMethod _dampedHolt = ExponentialSmoothing.DampedHolt();
    private readonly ForecastMethod _holtWinters = ExponentialSmoothing.HoltWinters(EtsSeason.Additive);
    private readonly ForecastMethod _autoEts = ExponentialSmoothing.AutoEts();
    private readonly ForecastMethod _theta = new Theta();
    private TimeSeries _series = null!;

    [Params(36, 120)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var values = new double[Points];
        for (int t = 0; t < values.Length; t++)
        {
            // Monthly bookings: a level, a gentle trend, a quarter-end seasonal pattern and noise.
            double season = (t % 12) switch { 2 or 5 or 8 or 11 => 1.3, 0 => 0.8, _ => 1.0 };
            values[t] = (100 + (1.5 * t)) * season + (random.NextDouble() * 10) - 5;
        }

        _series = TimeSeries.Of(values, seasonLength: 12);
    }

    [Benchmark]
    public double Ses() => Run(_ses);

    [Benchmark]
    public double DampedHolt() => Run(_dampedHolt);

    [Benchmark]
    public double HoltWintersAdditive() => Run(_holtWinters);

    [Benchmark]
    public double AutoEts() => Run(_autoEts);

    [Benchmark]
    public double Theta() => Run(_theta);

    private double Run(ForecastMethod method) => method.Fit(_series).Forecast(12, Levels).Point[11];
}
