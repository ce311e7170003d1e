using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>Lower and upper bounds of a central prediction interval for every step of a forecast horizon.</summary>
/// <param name="Level">The coverage level in percent, for example 80 or 95.</param>
/// <param name="Lower">The lower bound for steps 1..h.</param>
/// <param name="Upper">The upper bound for steps 1..h.</param>
public sealed record PredictionInterval(double Level, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);
