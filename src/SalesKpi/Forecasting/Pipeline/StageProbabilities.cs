using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>
/// The probability that a deal in a given stage is eventually won: supplied (a CRM's stage probabilities) or learned
/// from the deals that closed in a trailing look-back.
/// </summary>
/// <remarks>
/// <para>
/// Learned: of the deals closed (won or lost) in <c>(asOf − lookBack, asOf]</c> that had entered stage <c>s</c> by
/// their close, the share won. A deal counts once per stage it entered, however often it entered it; a deal that
/// skipped a stage does not count for it. Open deals are left out (their outcome is not known: censored), and so are
/// deals closed after <c>asOf</c>, so a probability learned for a past instant uses only what was known then.
/// </para>
/// <para>
/// A stage no closed deal entered has no probability: <see cref="TryGet"/> returns <see langword="false"/> and the
/// pipeline forecasts list its deals as <see cref="PipelineExclusionReason.NoStageProbability"/> rather than guess.
/// A learned share from few deals is noisy; <see cref="StageProbability.Closed"/> says how many it rests on.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var learned = StageProbabilities.Learn(facts.Deals, asOf, Duration.FromDays(365));
/// var supplied = StageProbabilities.Of(new Dictionary&lt;DealStage, double&gt; { [discovery] = 0.1, [proposal] = 0.4 });
/// </code>
/// </example>
public sealed class StageProbabilities
{
    private readonly StageProbability[] _stages;
    private readonly Dictionary<DealStage, double> _byStage;

    private StageProbabilities(StageProbability[] stages)
    {
        Array.Sort(stages, static (a, b) => a.Stage.CompareTo(b.Stage));
        _stages = stages;
        _byStage = new(stages.Length);
        foreach (var stage in stages)
        {
            _byStage.Add(stage.Stage, stage.Probability);
        }
    }

    /// <summary>Gets the stages that have a probability, in stage order.</summary>
    public IReadOnlyList<StageProbability> Stages => _stages;

    /// <summary>Gets the win probability of <paramref name="stage"/>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The probability.</returns>
    /// <exception cref="KeyNotFoundException">The stage has no probability.</exception>
    public double this[DealStage stage] => _byStage.TryGetValue(stage, out double p)
        ? p
        : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"Stage '{stage}' (order {stage.Order}) has no win probability."));

    /// <summary>Supplies probabilities per stage.</summary>
    /// <param name="probabilities">The probability of each stage, each in [0, 1]; stages defined and distinct.</param>
    /// <returns>The probabilities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="probabilities"/> is null.</exception>
    /// <exception cref="ArgumentException">A stage is undefined or repeated, or a probability is outside [0, 1] or NaN.</exception>
    public static StageProbabilities Of(IEnumerable<KeyValuePair<DealStage, double>> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var stages = new List<StageProbability>();
        var seen = new HashSet<DealStage>();
        foreach (var (stage, p) in probabilities)
        {
            if (!stage.IsDefined)
            {
                throw new ArgumentException("A stage probability was given for the undefined (default) stage.", nameof(probabilities));
            }

            if (!seen.Add(stage))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Stage '{stage}' is given more than once."), nameof(probabilities));
            }

            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The probability of stage '{stage}' must lie in [0, 1], but was {p:R}."), nameof(probabilities));
            }

            stages.Add(new(stage, p, 0, 0));
        }

        return new([.. stages]);
    }

    /// <summary>Learns each stage's win probability from the deals closed in <c>(asOf − lookBack, asOf]</c>.</summary>
    /// <param name="deals">The deals; none null.</param>
    /// <param name="asOf">The end of the look-back (inclusive).</param>
    /// <param name="lookBack">The length of the look-back; positive.</param>
    /// <returns>The probabilities of the stages some closed deal entered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or a deal is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lookBack"/> is zero or negative.</exception>
    public static StageProbabilities Learn(IEnumerable<Deal> deals, Instant asOf, Duration lookBack)
    {
        ArgumentNullException.ThrowIfNull(deals);
        RequirePositive(lookBack, nameof(lookBack));
        var start = asOf - lookBack;
        var counts = new Dictionary<DealStage, (int Closed, int Won)>();
        var entered = new HashSet<DealStage>();
        int index = 0;
        foreach (var deal in deals)
        {
            if (deal is null)
            {
                throw new ArgumentNullException(nameof(deals), string.Create(CultureInfo.InvariantCulture, $"Deal at position {index} is null."));
            }

            index++;
            if (!deal.Outcome.IsClosed || deal.Outcome.ClosedAt is not { } closedAt || closedAt <= start || closedAt > asOf)
            {
                continue;
            }

            entered.Clear();
            foreach (var change in deal.StageHistory)
            {
                if (change.At <= closedAt && entered.Add(change.Stage))
                {
                    counts.TryGetValue(change.Stage, out var c);
                    counts[change.Stage] = (c.Closed + 1, c.Won + (deal.IsWon ? 1 : 0));
                }
            }
        }

        var stages = new StageProbability[counts.Count];
        int i = 0;
        foreach (var (stage, c) in counts)
        {
            stages[i++] = new(stage, (double)c.Won / c.Closed, c.Closed, c.Won);
        }

        return new(stages);
    }

    /// <summary>Returns the win probability of <paramref name="stage"/>, if it has one.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="probability">The probability, or 0.</param>
    /// <returns>Whether the stage has a probability.</returns>
    public bool TryGet(DealStage stage, out double probability) => _byStage.TryGetValue(stage, out probability);

    /// <summary>Formats the table, for example <c>Discovery 0.2 (2 of 10 won); Proposal 0.5 (3 of 6 won)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _stages.Length == 0 ? "(no stage probabilities)" : string.Join("; ", _stages);

    internal static void RequirePositive(Duration lookBack, string paramName)
    {
        if (lookBack <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, lookBack, string.Create(CultureInfo.InvariantCulture, $"The look-back must be positive, but was {Facts.Format(lookBack)}."));
        }
    }
}
