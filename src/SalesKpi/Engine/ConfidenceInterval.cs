using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>A two-sided confidence interval <c>[Lower, Upper]</c> at a stated confidence level.</summary>
/// <remarks>Values compare by their three components.</remarks>
public readonly record struct ConfidenceInterval
{
    /// <summary>The two-sided 97.5% standard normal quantile used for 95% intervals.</summary>
    private const double Z95 = 1.959963984540054;

    private ConfidenceInterval(double lower, double upper, double level)
    {
        Lower = lower;
        Upper = upper;
        Level = level;
    }

    /// <summary>Gets the lower bound.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound.</summary>
    public double Upper { get; }

    /// <summary>Gets the confidence level, for example 0.95.</summary>
    public double Level { get; }

    /// <summary>Returns the 95% Wilson score interval for a proportion of <paramref name="successes"/> among <paramref name="trials"/>.</summary>
    /// <param name="successes">The number of successes, between 0 and <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials, at least 1.</param>
    /// <returns>The interval, always inside <c>[0, 1]</c>.</returns>
    /// <remarks>
    /// With p = s/n and z = 1.959964: centre = (p + z²/2n) / (1 + z²/n);
    /// half-width = z / (1 + z²/n) × √(p(1 − p)/n + z²/4n²). Unlike the normal (Wald) interval it stays inside
    /// [0, 1] and does not collapse to a point at p = 0 or p = 1, which matters for the small groups of a
    /// conversion broken down by job title or industry.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1, or <paramref name="successes"/> is outside <c>[0, trials]</c>.</exception>
    /// <example>
    /// <code>
    /// var ci = ConfidenceInterval.Wilson(successes: 8, trials: 10); // [0.4902, 0.9433]
    /// </code>
    /// </example>
    public static ConfidenceInterval Wilson(long successes, long trials)
    {
        if (trials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "A Wilson interval needs at least one trial.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(
                nameof(successes),
                successes,
                string.Create(CultureInfo.InvariantCulture, $"Successes must lie between 0 and the {trials} trials."));
        }

        double n = trials;
        double p = successes / n;
        const double z2 = Z95 * Z95;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = Z95 / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return new ConfidenceInterval(Math.Max(0, centre - half), Math.Min(1, centre + half), 0.95);
    }

    /// <summary>Returns whether <paramref name="value"/> lies inside the closed interval.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when <c>Lower ≤ value ≤ Upper</c>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Formats the interval as <c>[lower, upper]</c> with four decimals, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Lower:0.0000}, {Upper:0.0000}]");
}
