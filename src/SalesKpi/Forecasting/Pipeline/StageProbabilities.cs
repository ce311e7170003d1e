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
/// A stage no closed deal entered has no probability: <see cref="TryGet(DealStage, out double)"/> returns <see langword="false"/> and the
/// pipeline forecasts list its deals as <see cref="PipelineExclusionReason.NoStageProbability"/> rather than guess.
/// A learned share from few deals is noisy; <see cref="StageProbability.Closed"/> says how many it rests on.
/// </para>
/// <para>
/// <b>By stage age</b> (<c>byStageAge: true</c>). A deal that has sat in its stage for months is less likely to be won
/// than one that just entered it, and open pipelines collect such stalled deals while closed history under-represents
/// them. With this option an open deal that entered its stage a time <c>t</c> before the snapshot gets the estimated
/// chance of being won among deals still in that stage at age <c>t</c>. The estimate treats each deal's latest stay in
/// the stage (from the start of its last run of entries to the next stage entered, or to its close; the age of an open
/// deal is measured the same way) as a survival time: a stay of a deal closed in
/// the look-back ends with that deal's outcome; a stay of a deal still open at <c>asOf</c> (in the stage or since moved
/// on) is censored where it ended. With <c>n_u</c> stays at risk and <c>w_u</c> won and <c>l_u</c> lost at length
/// <c>u</c>, and <c>S(u)</c> the product of <c>1 − (w_v + l_v)/n_v</c> over lengths <c>v</c> before <c>u</c>:
/// <c>p(t) = Σ_{u ≥ t} S(u) w_u / n_u ÷ S(t)</c> (a Kaplan-Meier cumulative incidence, conditional on reaching
/// <c>t</c>; a stay resolved and one censored at the same length: the resolution first). So stalled deals older than
/// any stay that was ever won get 0, and open deals left unresolved for long pull the estimate down. The age is capped
/// where <see cref="MinimumComparables"/> stays remain at risk, so an estimate never rests on fewer (all stays when the
/// stage has fewer). <see cref="TryGet(PipelineDeal, Instant, out double)"/> applies it and the pipeline forecasts use
/// that method, so their per-deal probabilities show the result; <see cref="Stages"/> keep the closed-deal shares.
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
    /// <summary>The fewest stays at risk a probability by stage age rests on (fewer only when the stage has fewer).</summary>
    public const int MinimumComparables = 10;

    private readonly StageProbability[] _stages;
    private readonly Dictionary<DealStage, double> _byStage;
    private readonly Dictionary<DealStage, Stays>? _stays;

    private StageProbabilities(StageProbability[] stages, Dictionary<DealStage, Stays>? stays = null)
    {
        _stays = stays;
        Array.Sort(stages, static (a, b) => a.Stage.CompareTo(b.Stage));
        _stages = stages;
        _byStage = new(stages.Length);
        foreach (var stage in stages)
        {
            _byStage.Add(stage.Stage, stage.Probability);
        }
    }

    /// <summary>Gets a value indicating whether an open deal's probability depends on how long it has been in its stage.</summary>
    public bool ByStageAge => _stays is not null;

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
    /// <param name="byStageAge">Whether an open deal's probability depends on how long it has been in its stage (see remarks).</param>
    /// <returns>The probabilities of the stages some closed deal entered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/> or a deal is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lookBack"/> is zero or negative.</exception>
    public static StageProbabilities Learn(IEnumerable<Deal> deals, Instant asOf, Duration lookBack, bool byStageAge = false) =>
        Learn(deals, asOf, lookBack, byStageAge, MinimumComparables);

    internal static StageProbabilities Learn(IEnumerable<Deal> deals, Instant asOf, Duration lookBack, bool byStageAge, int minimumComparables)
    {
        ArgumentNullException.ThrowIfNull(deals);
        RequirePositive(lookBack, nameof(lookBack));
        var start = asOf - lookBack;
        var counts = new Dictionary<DealStage, (int Closed, int Won)>();
        var stays = new Dictionary<DealStage, List<(long Ticks, StayEnd End)>>();
        var entered = new HashSet<DealStage>();
        int index = 0;
        foreach (var deal in deals)
        {
            PipelineChecks.RequireDeal(deal, index, null, nameof(deals));

            index++;
            if (!deal.Outcome.IsClosed || deal.Outcome.ClosedAt is not { } closedAt || closedAt > asOf)
            {
                if (byStageAge && deal.Created <= asOf && !(deal.Outcome.IsClosed && deal.Outcome.ClosedAt is null))
                {
                    AddStays(stays, deal, asOf, StayEnd.Open);
                }

                continue;
            }

            if (closedAt <= start)
            {
                continue;
            }

            if (byStageAge)
            {
                AddStays(stays, deal, closedAt, deal.IsWon ? StayEnd.Won : StayEnd.Lost);
            }

            entered.Clear();
            var history = deal.StageHistory;
            for (int j = 0; j < history.Count; j++)
            {
                var change = history[j];
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

        if (!byStageAge)
        {
            return new(stages);
        }

        var byStage = new Dictionary<DealStage, Stays>(stays.Count);
        foreach (var (stage, list) in stays)
        {
            byStage.Add(stage, new Stays(list, minimumComparables));
        }

        return new(stages, byStage);
    }

    /// <summary>
    /// Returns the win probability of an open deal at <paramref name="asOf"/>: its stage's, or, when
    /// <see cref="ByStageAge"/>, the estimated chance of being won among deals still in the stage at the deal's age in it
    /// (see the remarks).
    /// </summary>
    /// <param name="deal">The open deal.</param>
    /// <param name="asOf">The instant its age in the stage is measured at, normally the snapshot's.</param>
    /// <param name="probability">The probability, or 0.</param>
    /// <returns>Whether the deal's stage has a probability.</returns>
    public bool TryGet(PipelineDeal deal, Instant asOf, out double probability)
    {
        if (!_byStage.TryGetValue(deal.Stage, out probability))
        {
            return false;
        }

        if (_stays is not null && _stays.TryGetValue(deal.Stage, out var stays))
        {
            probability = stays.WonShareAtLeast((asOf - deal.StageEntered).BclCompatibleTicks);
        }

        return true;
    }

    /// <summary>Returns the win probability of <paramref name="stage"/>, if it has one.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="probability">The probability, or 0.</param>
    /// <returns>Whether the stage has a probability.</returns>
    public bool TryGet(DealStage stage, out double probability) => _byStage.TryGetValue(stage, out probability);

    /// <summary>Formats the table, for example <c>Discovery 0.2 (2 of 10 won); Proposal 0.5 (3 of 6 won)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        (_stages.Length == 0 ? "(no stage probabilities)" : string.Join("; ", _stages)) + (ByStageAge ? ", by stage age" : string.Empty);

    /// <summary>
    /// Records the deal's latest stay in each stage it entered by <paramref name="end"/> (<see cref="StageStays.Latest"/>),
    /// ending as <paramref name="outcome"/>.
    /// </summary>
    private static void AddStays(Dictionary<DealStage, List<(long Ticks, StayEnd End)>> stays, Deal deal, Instant end, StayEnd outcome)
    {
        var history = deal.StageHistory;
        foreach (var (start, left) in StageStays.Latest(history, end))
        {
            var stage = history[start].Stage;
            if (!stays.TryGetValue(stage, out var list))
            {
                stays.Add(stage, list = []);
            }

            // A deal that left the stage and is closed has a known outcome; one still open is censored where it left.
            list.Add(((left - history[start].At).BclCompatibleTicks, outcome));
        }
    }

    internal static void RequirePositive(Duration lookBack, string paramName)
    {
        if (lookBack <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, lookBack, string.Create(CultureInfo.InvariantCulture, $"The look-back must be positive, but was {Facts.Format(lookBack)}."));
        }
    }

    /// <summary>How a deal's stay in a stage is known to end: the deal's eventual outcome, or still open (censored).</summary>
    private enum StayEnd
    {
        Open,
        Won,
        Lost,
    }

    /// <summary>
    /// The stays in one stage with their outcomes, and the Kaplan-Meier-type estimate of the chance of being won among
    /// the deals still unresolved at each age, with the open deals' stays as censored observations.
    /// </summary>
    private sealed class Stays
    {
        private readonly long[] _ticks;
        private readonly double[] _survivalBefore;
        private readonly double[] _wonFrom;
        private readonly int _minimumComparables;

        public Stays(List<(long Ticks, StayEnd End)> stays, int minimumComparables)
        {
            _minimumComparables = minimumComparables;
            // Ascending by length; at equal lengths outcomes before censoring (the usual convention).
            stays.Sort(static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : (a.End == StayEnd.Open).CompareTo(b.End == StayEnd.Open));
            int n = stays.Count;
            _ticks = new long[n];
            _survivalBefore = new double[n + 1];
            var wonMass = new double[n];
            double survival = 1;
            for (int i = 0; i < n;)
            {
                // One distinct length at a time: at risk n - i; d won, e lost there.
                int j = i;
                int won = 0;
                int resolved = 0;
                while (j < n && stays[j].Ticks == stays[i].Ticks)
                {
                    won += stays[j].End == StayEnd.Won ? 1 : 0;
                    resolved += stays[j].End == StayEnd.Open ? 0 : 1;
                    j++;
                }

                int atRisk = n - i;
                for (int k = i; k < j; k++)
                {
                    _ticks[k] = stays[k].Ticks;
                    _survivalBefore[k] = survival;
                }

                wonMass[i] = survival * won / atRisk;
                survival *= 1 - ((double)resolved / atRisk);
                i = j;
            }

            _survivalBefore[n] = survival;
            _wonFrom = new double[n + 1];
            for (int i = n - 1; i >= 0; i--)
            {
                _wonFrom[i] = _wonFrom[i + 1] + wonMass[i];
            }
        }

        /// <summary>
        /// The estimated chance of being won among deals unresolved at age <paramref name="ticks"/>, measured at no later
        /// an age than leaves <see cref="MinimumComparables"/> stays at risk.
        /// </summary>
        public double WonShareAtLeast(long ticks)
        {
            int n = _ticks.Length;
            int from = Array.BinarySearch(_ticks, ticks);
            if (from < 0)
            {
                from = ~from;
            }

            while (from > 0 && from < n && _ticks[from - 1] == _ticks[from])
            {
                from--;
            }

            int latest = n - Math.Min(_minimumComparables, n);
            while (latest > 0 && _ticks[latest - 1] == _ticks[latest])
            {
                latest--;
            }

            from = Math.Min(from, latest);
            double survival = _survivalBefore[from];
            return survival > 0 ? Math.Clamp(_wonFrom[from] / survival, 0, 1) : 0;
        }
    }
}
