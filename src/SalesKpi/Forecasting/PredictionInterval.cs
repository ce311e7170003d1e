using System;
using System.Collections.Generic;

namespace SalesKpi.Forecasting;

/// <summary>Lower and upper bounds of a central prediction interval for every step of a forecast horizon.</summary>
/// <param name="Level">The coverage level in percent, for example 80 or 95.</param>
/// <param name="Lower">The lower bound for steps 1..h.</param>
/// <param name="Upper">The upper bound for steps 1..h.</param>
/// <exception cref="ArgumentNullException"><paramref name="Lower"/> or <paramref name="Upper"/> is null.</exception>
public sealed record PredictionInterval(double Level, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper)
{
    /// <summary>Gets the lower bound for steps 1..h.</summary>
    public IReadOnlyList<double> Lower { get; } = Lower ?? throw new ArgumentNullException(nameof(Lower));

    /// <summary>Gets the upper bound for steps 1..h.</summary>
    public IReadOnlyList<double> Upper { get; } = Upper ?? throw new ArgumentNullException(nameof(Upper));
}
