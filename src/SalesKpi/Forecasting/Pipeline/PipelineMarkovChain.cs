using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>
/// A Markov chain over the deal pipeline: the stages are transient states and Won and Lost absorb. It is learned
/// from stage snapshots of historical deals and gives per-stage eventual win and loss probabilities, the expected
/// number of steps to close, and a step-by-step projection of open pipeline.
/// </summary>
/// <remarks>
/// <para>
/// <b>Learning.</b> For each pair of consecutive snapshots (t_k, t_{k+1}) and each deal open at t_k — created at or
/// before t_k, not closed at or before t_k, and in a stage at t_k (<see cref="Deal.StageAt(Instant)"/> is defined) —
/// one transition is counted from its stage at t_k to its state at t_{k+1}: Won or Lost when it closed at or before
/// t_{k+1} (<see cref="DealOutcome.ClosedAt"/>), otherwise its stage at t_{k+1}. A deal that skips stages or moves
/// several times between two snapshots counts once, from where it was to where it is. A step is therefore one
/// snapshot interval (monthly snapshots give a monthly chain); the chain assumes every interval behaves alike.
/// </para>
/// <para>
/// <see cref="Stages"/> are every stage seen at a snapshot, ordered as <see cref="DealStage"/> orders
/// (<see cref="DealStage.Order"/>, then name). The one-step probability from stage i to state j is
/// P[i, j] = n[i, j] ÷ Σ_j n[i, j]; each row sums to 1 (within rounding). With a weight (for example the amount),
/// n[i, j] is the sum of the weights of the transitions instead of their number. Won and Lost are absorbing: they are
/// addressed by <see cref="DealStatus.Won"/> and <see cref="DealStatus.Lost"/>.
/// </para>
/// <para>
/// <b>Unobserved stages.</b> A stage seen only as a destination (for example, only at the last snapshot) has no
/// observed transitions out: its row is unknown, not guessed. It is listed in <see cref="UnobservedStages"/>; its
/// <see cref="TransitionProbability(DealStage, DealStage)"/> throws, and absorption results and projections that
/// can reach it throw <see cref="InvalidOperationException"/> naming it.
/// </para>
/// <para>
/// <b>Absorption.</b> With Q the stage-to-stage block of P and R the stage-to-{Won, Lost} block, the fundamental
/// matrix is N = (I − Q)⁻¹. The eventual probabilities are B = N·R and the expected steps to absorption t = N·1;
/// both are computed by one LU factorisation of (I − Q) and a solve of (I − Q)·[B | t] = [R | 1], never by forming
/// N. They are defined for a stage when every stage it can reach has observed transitions and can reach Won or
/// Lost; otherwise (I − Q) restricted to those stages is singular — a closed set of stages that never closes — and
/// <see cref="WinProbability"/>, <see cref="LossProbability"/> and <see cref="ExpectedStepsToClose"/> throw
/// <see cref="InvalidOperationException"/> naming the stages. <see cref="IsAbsorptionDefined"/> says which.
/// For a defined stage, B[s, Won] + B[s, Lost] = 1 and t[s] ≥ 1.
/// </para>
/// <para>
/// <b>Projection.</b> <see cref="Project"/> iterates x_{h+1} = x_h·Q and accumulates Won and Lost with x_h·R, so the
/// total is conserved at every step and the cumulative Won tends to Σ_s x_0[s]·B[s, Won].
/// </para>
/// <para>Immutable and thread-safe; learning is immediate (it enumerates the deals once).</para>
/// </remarks>
/// <example>
/// <code>
/// var snapshots = new[] { Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2025, 2, 1, 0, 0), Instant.FromUtc(2025, 3, 1, 0, 0) };
/// var chain = PipelineMarkovChain.Learn(deals, snapshots);
/// double p = chain.WinProbability(proposal);            // eventual win probability from Proposal
/// double months = chain.ExpectedStepsToClose(proposal); // expected snapshot intervals until won or lost
/// var steps = chain.Project(new Dictionary&lt;DealStage, double&gt; { [proposal] = 120_000 }, 6);
/// double wonBySixMonths = steps[^1].Won;
/// </code>
/// </example>
public sealed class PipelineMarkovChain
{
    private const int WonColumn = 0;
    private const int LostColumn = 1;

    private readonly DealStage[] _stages;
    private readonly Dictionary<DealStage, int> _index;
    private readonly DealStage[] _unobserved;

    // Row-major, n rows of n + 2 columns: the stages, then Won, then Lost.
    private readonly int[] _counts;
    private readonly int[] _rowTotals;
    private readonly double[] _probabilities;

    // Per stage: eventual Won and Lost probabilities and expected steps (NaN when undefined), else why undefined.
    private readonly double[] _win;
    private readonly double[] _loss;
    private readonly double[] _steps;
    private readonly string?[] _undefined;

    private PipelineMarkovChain(DealStage[] stages, int[] counts, double[]? weights, int intervals)
    {
        IsWeighted = weights is not null;
        int n = stages.Length;
        int width = n + 2;
        _stages = stages;
        _index = new Dictionary<DealStage, int>(n);
        for (int i = 0; i < n; i++)
        {
            _index.Add(stages[i], i);
        }

        _counts = counts;
        _rowTotals = new int[n];
        _probabilities = new double[n * width];
        var unobserved = new List<DealStage>();
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            int rowTotal = 0;
            for (int j = 0; j < width; j++)
            {
                rowTotal = checked(rowTotal + counts[(i * width) + j]);
            }

            _rowTotals[i] = rowTotal;
            total = checked(total + rowTotal);
            if (rowTotal == 0)
            {
                unobserved.Add(stages[i]);
            }

            double rowWeight = 0;
            for (int j = 0; weights is not null && j < width; j++)
            {
                rowWeight += weights[(i * width) + j];
            }

            for (int j = 0; j < width; j++)
            {
                // Weighted rows use the weights; a row whose weights are all zero falls back to its counts.
                _probabilities[(i * width) + j] = rowTotal == 0 ? double.NaN
                    : rowWeight > 0 ? weights![(i * width) + j] / rowWeight
                    : (double)counts[(i * width) + j] / rowTotal;
            }
        }

        _unobserved = [.. unobserved];
        IntervalCount = intervals;
        TotalTransitions = total;
        _win = new double[n];
        _loss = new double[n];
        _steps = new double[n];
        _undefined = new string?[n];
        Absorb();
    }

    /// <summary>Gets the transient states: every stage seen at a snapshot, in <see cref="DealStage"/> order.</summary>
    public IReadOnlyList<DealStage> Stages => _stages;

    /// <summary>Gets the stages with no observed transition out (seen only as destinations), in stage order; usually empty.</summary>
    public IReadOnlyList<DealStage> UnobservedStages => _unobserved;

    /// <summary>Gets the number of snapshot intervals learned from (the number of snapshots minus one); one step of the chain is one interval.</summary>
    public int IntervalCount { get; }

    /// <summary>Gets the deals that could not be placed (won or lost without a close instant), ordered by id.</summary>
    public IReadOnlyList<PipelineExclusion> Excluded { get; private init; } = [];

    /// <summary>Gets a value indicating whether the transition probabilities are weighted (see <see cref="Learn(IEnumerable{Deal}, IReadOnlyList{Instant}, Func{Deal, Instant, double})"/>).</summary>
    public bool IsWeighted { get; }

    /// <summary>Gets the number of transitions counted, over every stage and interval.</summary>
    public int TotalTransitions { get; }

    /// <summary>Learns the chain from deals and the snapshot instants at which their stages are read.</summary>
    /// <param name="deals">The deals, open and closed; none null.</param>
    /// <param name="snapshots">The snapshot instants, strictly increasing; at least two.</param>
    /// <param name="weight">
    /// The weight of a transition observed from a snapshot instant, for example the deal's amount then:
    /// <c>(deal, t) =&gt; (double)(deal.AmountAt(t)?.Amount ?? 0m)</c>. The probabilities are then weighted shares, so a
    /// projection of amounts moves amounts as amounts moved (larger deals that move more slowly weigh more). Finite and
    /// zero or more; a stage whose transitions all weigh 0 uses its counts. <see langword="null"/> (the default) counts
    /// every transition once. Counts (<see cref="TransitionCount(DealStage, DealStage)"/>) are unweighted either way.
    /// </param>
    /// <returns>The chain. Immediate: <paramref name="deals"/> is enumerated once, before returning.</returns>
    /// <remarks>See the class remarks for what counts as a transition. Deals never open in a stage at a snapshot contribute nothing.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, a deal or <paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="snapshots"/> has fewer than two instants or is not strictly increasing; or <paramref name="weight"/>
    /// returned a negative or non-finite value (the message names the deal and the instant). A won or lost deal without
    /// a close instant is not an error: it is left out and listed in <see cref="Excluded"/>.
    /// </exception>
    public static PipelineMarkovChain Learn(IEnumerable<Deal> deals, IReadOnlyList<Instant> snapshots, Func<Deal, Instant, double>? weight = null)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(snapshots);
        Instant[] times = [.. snapshots];
        if (times.Length < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A Markov chain needs at least two snapshot instants, but got {times.Length}."), nameof(snapshots));
        }

        for (int k = 1; k < times.Length; k++)
        {
            if (times[k] <= times[k - 1])
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Snapshot instants must be strictly increasing, but snapshot {k} ({Facts.Format(times[k])}) is not after snapshot {k - 1} ({Facts.Format(times[k - 1])})."),
                    nameof(snapshots));
            }
        }

        // (from, to) → count: to a stage, and to a closing status.
        var stageCounts = new Dictionary<(DealStage From, DealStage To), int>();
        var closeCounts = new Dictionary<(DealStage From, DealStatus To), int>();
        var stageWeights = new Dictionary<(DealStage From, DealStage To), double>();
        var closeWeights = new Dictionary<(DealStage From, DealStatus To), double>();
        var seen = new HashSet<DealStage>();
        var excluded = new List<PipelineExclusion>();
        int position = 0;
        foreach (Deal deal in deals)
        {
            PipelineChecks.RequireDeal(deal, position, null, nameof(deals));
            Instant? closedAt = deal.Outcome.ClosedAt;
            if (!deal.IsOpen && closedAt is null)
            {
                // Its transitions cannot be placed: listed, not counted.
                excluded.Add(new(deal.Id, PipelineExclusionReason.ClosedWithoutCloseTime));
                position++;
                continue;
            }

            for (int k = 0; k + 1 < times.Length; k++)
            {
                Instant t = times[k];
                if (deal.Created > t || closedAt <= t || deal.StageAt(t) is not { } stage)
                {
                    continue;
                }

                seen.Add(stage);
                double w = weight is null ? 0 : Weight(weight, deal, t);
                if (closedAt <= times[k + 1])
                {
                    Increment(closeCounts, (stage, deal.Outcome.Status));
                    closeWeights[(stage, deal.Outcome.Status)] = closeWeights.GetValueOrDefault((stage, deal.Outcome.Status)) + w;
                }
                else
                {
                    DealStage next = deal.StageAt(times[k + 1])!.Value;
                    seen.Add(next);
                    Increment(stageCounts, (stage, next));
                    stageWeights[(stage, next)] = stageWeights.GetValueOrDefault((stage, next)) + w;
                }
            }

            position++;
        }

        DealStage[] stages = [.. seen];
        Array.Sort(stages);
        var index = new Dictionary<DealStage, int>(stages.Length);
        for (int i = 0; i < stages.Length; i++)
        {
            index.Add(stages[i], i);
        }

        int width = stages.Length + 2;
        var counts = new int[stages.Length * width];
        foreach (KeyValuePair<(DealStage From, DealStage To), int> entry in stageCounts)
        {
            counts[(index[entry.Key.From] * width) + index[entry.Key.To]] = entry.Value;
        }

        foreach (KeyValuePair<(DealStage From, DealStatus To), int> entry in closeCounts)
        {
            int column = stages.Length + (entry.Key.To == DealStatus.Won ? WonColumn : LostColumn);
            counts[(index[entry.Key.From] * width) + column] = entry.Value;
        }

        double[]? weights = null;
        if (weight is not null)
        {
            weights = new double[counts.Length];
            foreach (var entry in stageWeights)
            {
                weights[(index[entry.Key.From] * width) + index[entry.Key.To]] = entry.Value;
            }

            foreach (var entry in closeWeights)
            {
                weights[(index[entry.Key.From] * width) + stages.Length + (entry.Key.To == DealStatus.Won ? WonColumn : LostColumn)] = entry.Value;
            }
        }

        excluded.Sort(static (a, b) => a.Deal.CompareTo(b.Deal));
        return new PipelineMarkovChain(stages, counts, weights, times.Length - 1) { Excluded = [.. excluded] };
    }

    private static double Weight(Func<Deal, Instant, double> weight, Deal deal, Instant at)
    {
        double w = weight(deal, at);
        if (!(w >= 0) || double.IsInfinity(w))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The weight of deal {deal.Id} at {Facts.Format(at)} must be finite and zero or more, but was {w:R}."),
                nameof(weight));
        }

        return w;
    }

    /// <summary>Returns the number of transitions observed out of <paramref name="from"/> (the row total).</summary>
    /// <param name="from">A stage of <see cref="Stages"/>.</param>
    /// <returns>The count; 0 for an unobserved stage.</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not one of <see cref="Stages"/>.</exception>
    public int ObservationCount(DealStage from) => _rowTotals[IndexOf(from, nameof(from))];

    /// <summary>Returns the number of observed transitions from stage <paramref name="from"/> to stage <paramref name="to"/> (staying when equal).</summary>
    /// <param name="from">A stage of <see cref="Stages"/>.</param>
    /// <param name="to">A stage of <see cref="Stages"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> or <paramref name="to"/> is not one of <see cref="Stages"/>.</exception>
    public int TransitionCount(DealStage from, DealStage to) => _counts[Cell(IndexOf(from, nameof(from)), IndexOf(to, nameof(to)))];

    /// <summary>Returns the number of observed transitions from stage <paramref name="from"/> to Won or Lost.</summary>
    /// <param name="from">A stage of <see cref="Stages"/>.</param>
    /// <param name="closedAs"><see cref="DealStatus.Won"/> or <see cref="DealStatus.Lost"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not one of <see cref="Stages"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="closedAs"/> is neither Won nor Lost.</exception>
    public int TransitionCount(DealStage from, DealStatus closedAs) => _counts[Cell(IndexOf(from, nameof(from)), ClosedColumn(closedAs))];

    /// <summary>Returns the one-step probability of moving from stage <paramref name="from"/> to stage <paramref name="to"/> (staying when equal).</summary>
    /// <param name="from">An observed stage of <see cref="Stages"/>.</param>
    /// <param name="to">A stage of <see cref="Stages"/>.</param>
    /// <returns>n[from, to] ÷ n[from, ·].</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> or <paramref name="to"/> is not one of <see cref="Stages"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="from"/> is unobserved (see <see cref="UnobservedStages"/>).</exception>
    public double TransitionProbability(DealStage from, DealStage to)
    {
        int i = ObservedIndexOf(from, nameof(from));
        return _probabilities[Cell(i, IndexOf(to, nameof(to)))];
    }

    /// <summary>Returns the one-step probability of closing as <paramref name="closedAs"/> from stage <paramref name="from"/>.</summary>
    /// <param name="from">An observed stage of <see cref="Stages"/>.</param>
    /// <param name="closedAs"><see cref="DealStatus.Won"/> or <see cref="DealStatus.Lost"/>.</param>
    /// <returns>n[from, closedAs] ÷ n[from, ·].</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not one of <see cref="Stages"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="closedAs"/> is neither Won nor Lost.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="from"/> is unobserved (see <see cref="UnobservedStages"/>).</exception>
    public double TransitionProbability(DealStage from, DealStatus closedAs)
    {
        int i = ObservedIndexOf(from, nameof(from));
        return _probabilities[Cell(i, ClosedColumn(closedAs))];
    }

    /// <summary>
    /// Returns whether eventual probabilities and the expected steps to close are defined for <paramref name="from"/>:
    /// every stage it can reach has observed transitions and can reach Won or Lost.
    /// </summary>
    /// <param name="from">A stage of <see cref="Stages"/>.</param>
    /// <returns><see langword="true"/> when <see cref="WinProbability"/> and the others return a value for it.</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not one of <see cref="Stages"/>.</exception>
    public bool IsAbsorptionDefined(DealStage from) => _undefined[IndexOf(from, nameof(from))] is null;

    /// <summary>Returns the probability that a deal now in <paramref name="from"/> is eventually won: B[from, Won] of B = N·R.</summary>
    /// <param name="from">A stage of <see cref="Stages"/> whose absorption is defined.</param>
    /// <returns>The probability, in [0, 1]; with <see cref="LossProbability"/> it sums to 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not one of <see cref="Stages"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// From <paramref name="from"/> the chain can reach an unobserved stage or a closed set of stages that never reaches
    /// Won or Lost (I − Q is singular there); the message names the stages.
    /// </exception>
    public double WinProbability(DealStage from) => _win[DefinedIndexOf(from, nameof(from))];

    /// <summary>Returns the probability that a deal now in <paramref name="from"/> is eventually lost: B[from, Lost] of B = N·R.</summary>
    /// <param name="from">A stage of <see cref="Stages"/> whose absorption is defined.</param>
    /// <returns>The probability, in [0, 1]; with <see cref="WinProbability"/> it sums to 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not one of <see cref="Stages"/>.</exception>
    /// <exception cref="InvalidOperationException">As for <see cref="WinProbability"/>.</exception>
    public double LossProbability(DealStage from) => _loss[DefinedIndexOf(from, nameof(from))];

    /// <summary>
    /// Returns the expected number of steps (snapshot intervals) until a deal now in <paramref name="from"/> is won or
    /// lost: t[from] of t = N·1, counting the step on which it closes.
    /// </summary>
    /// <param name="from">A stage of <see cref="Stages"/> whose absorption is defined.</param>
    /// <returns>The expected steps, at least 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not one of <see cref="Stages"/>.</exception>
    /// <exception cref="InvalidOperationException">As for <see cref="WinProbability"/>.</exception>
    public double ExpectedStepsToClose(DealStage from) => _steps[DefinedIndexOf(from, nameof(from))];

    /// <summary>Projects open pipeline step by step (one step per snapshot interval, for example month by month).</summary>
    /// <param name="openByStage">
    /// The open amount (or deal count) per stage now; each key one of <see cref="Stages"/>, each value finite and not
    /// negative. Stages left out hold zero.
    /// </param>
    /// <param name="steps">The number of steps to project, zero or more.</param>
    /// <returns>
    /// Steps 1 … <paramref name="steps"/>: the expected amount still open in each stage and the cumulative expected
    /// Won and Lost. At every step open + Won + Lost equals the initial total (within rounding), and Won tends to
    /// Σ_s open_s·<see cref="WinProbability"/>(s). Immediate.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="openByStage"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A key of <paramref name="openByStage"/> is not one of <see cref="Stages"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite, or <paramref name="steps"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">
    /// A stage holding a positive amount can reach an unobserved stage (see <see cref="UnobservedStages"/>), whose
    /// transitions are unknown; the message names both.
    /// </exception>
    public IReadOnlyList<PipelineProjectionStep> Project(IReadOnlyDictionary<DealStage, double> openByStage, int steps)
    {
        ArgumentNullException.ThrowIfNull(openByStage);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        int n = _stages.Length;
        var x = new double[n];
        foreach (KeyValuePair<DealStage, double> entry in openByStage)
        {
            int i = IndexOf(entry.Key, nameof(openByStage));
            double value = entry.Value;
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(openByStage),
                    value,
                    string.Create(CultureInfo.InvariantCulture, $"Open amounts must be finite and not negative, but stage '{entry.Key}' had {value.ToString("R", CultureInfo.InvariantCulture)}."));
            }

            x[i] = value;
        }

        bool[] reachesUnobserved = ReachesAny(Mark(_unobserved));
        for (int i = 0; i < n; i++)
        {
            if (x[i] > 0 && reachesUnobserved[i])
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Cannot project from stage '{_stages[i]}': it can reach {Names(ReachableUnobserved(i))}, with no observed transitions out."));
            }
        }

        var result = new PipelineProjectionStep[steps];
        int width = n + 2;
        double won = 0;
        double lost = 0;
        for (int h = 0; h < steps; h++)
        {
            var next = new double[n];
            for (int i = 0; i < n; i++)
            {
                double mass = x[i];
                if (mass == 0)
                {
                    continue;
                }

                int row = i * width;
                for (int j = 0; j < n; j++)
                {
                    next[j] += mass * _probabilities[row + j];
                }

                won += mass * _probabilities[row + n + WonColumn];
                lost += mass * _probabilities[row + n + LostColumn];
            }

            x = next;
            result[h] = new PipelineProjectionStep(h + 1, _stages, next, won, lost);
        }

        return result;
    }

    /// <summary>Formats the chain: a header, then one line per stage with its observations and non-zero one-step probabilities.</summary>
    /// <returns>The text, for example <c>Proposal (40): Proposal 0.5, Negotiation 0.3, Won 0.05, Lost 0.15</c> for each stage.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Pipeline Markov chain: {_stages.Length} stages, {TotalTransitions} transitions over {IntervalCount} intervals");
        int n = _stages.Length;
        for (int i = 0; i < n; i++)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"{_stages[i]} ({_rowTotals[i]}):");
            if (_rowTotals[i] == 0)
            {
                text.Append(" unobserved");
                continue;
            }

            string separator = " ";
            for (int j = 0; j < n + 2; j++)
            {
                int count = _counts[Cell(i, j)];
                if (count == 0)
                {
                    continue;
                }

                string name = j < n ? _stages[j].ToString() : j == n + WonColumn ? "Won" : "Lost";
                text.Append(separator).Append(name).Append(' ').Append(PipelineProjectionStep.Format(_probabilities[Cell(i, j)]));
                separator = ", ";
            }
        }

        return text.ToString();
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        counts.TryGetValue(key, out int count);
        counts[key] = checked(count + 1);
    }

    private static string Names(IEnumerable<DealStage> stages)
    {
        var text = new StringBuilder();
        foreach (DealStage stage in stages)
        {
            text.Append(text.Length == 0 ? "'" : ", '").Append(stage.Name).Append('\'');
        }

        return text.ToString();
    }

    private static int ClosedColumnOffset(DealStatus closedAs) => closedAs switch
    {
        DealStatus.Won => WonColumn,
        DealStatus.Lost => LostColumn,
        _ => throw new ArgumentOutOfRangeException(nameof(closedAs), closedAs, string.Create(CultureInfo.InvariantCulture, $"A deal closes as Won or Lost, but got {closedAs}.")),
    };

    private int ClosedColumn(DealStatus closedAs) => _stages.Length + ClosedColumnOffset(closedAs);

    private int Cell(int row, int column) => (row * (_stages.Length + 2)) + column;

    private int IndexOf(DealStage stage, string paramName)
    {
        if (_index.TryGetValue(stage, out int i))
        {
            return i;
        }

        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Stage '{stage.Name}' (order {stage.Order}) is not a stage of this chain; its stages are {(_stages.Length == 0 ? "none" : Names(_stages))}."),
            paramName);
    }

    private int ObservedIndexOf(DealStage stage, string paramName)
    {
        int i = IndexOf(stage, paramName);
        if (_rowTotals[i] == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Stage '{stage}' has no observed transitions out (it was seen only as a destination), so its transition probabilities are unknown."));
        }

        return i;
    }

    private int DefinedIndexOf(DealStage stage, string paramName)
    {
        int i = IndexOf(stage, paramName);
        return _undefined[i] is { } reason ? throw new InvalidOperationException(reason) : i;
    }

    private bool[] Mark(IEnumerable<DealStage> stages)
    {
        var marked = new bool[_stages.Length];
        foreach (DealStage stage in stages)
        {
            marked[_index[stage]] = true;
        }

        return marked;
    }

    /// <summary>Marks every stage from which some target stage can be reached (a target reaches itself) along observed transitions.</summary>
    private bool[] ReachesAny(bool[] targets)
    {
        int n = _stages.Length;
        var reaches = (bool[])targets.Clone();
        var queue = new Queue<int>();
        for (int j = 0; j < n; j++)
        {
            if (reaches[j])
            {
                queue.Enqueue(j);
            }
        }

        while (queue.TryDequeue(out int j))
        {
            for (int i = 0; i < n; i++)
            {
                if (!reaches[i] && _probabilities[Cell(i, j)] > 0)
                {
                    reaches[i] = true;
                    queue.Enqueue(i);
                }
            }
        }

        return reaches;
    }

    /// <summary>Returns the stages reachable from <paramref name="start"/> (itself included) along observed transitions, in stage order.</summary>
    private bool[] Reachable(int start)
    {
        int n = _stages.Length;
        var reached = new bool[n];
        reached[start] = true;
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.TryDequeue(out int i))
        {
            for (int j = 0; j < n; j++)
            {
                if (!reached[j] && _probabilities[Cell(i, j)] > 0)
                {
                    reached[j] = true;
                    queue.Enqueue(j);
                }
            }
        }

        return reached;
    }

    private List<DealStage> ReachableUnobserved(int start)
    {
        bool[] reached = Reachable(start);
        var found = new List<DealStage>();
        for (int j = 0; j < _stages.Length; j++)
        {
            if (reached[j] && _rowTotals[j] == 0)
            {
                found.Add(_stages[j]);
            }
        }

        return found;
    }

    /// <summary>
    /// Fills the eventual probabilities and expected steps of every stage that can only reach observed stages that can
    /// reach Won or Lost (the set D, closed under transitions), by one LU solve of (I − Q_D)·[B | t] = [R_D | 1]; records
    /// why for the others.
    /// </summary>
    private void Absorb()
    {
        int n = _stages.Length;
        int width = n + 2;
        var closes = new bool[n];
        for (int i = 0; i < n; i++)
        {
            closes[i] = _probabilities[Cell(i, n + WonColumn)] + _probabilities[Cell(i, n + LostColumn)] > 0;
        }

        bool[] canClose = ReachesAny(closes);
        var stuck = new bool[n];
        for (int i = 0; i < n; i++)
        {
            stuck[i] = !canClose[i];
        }

        bool[] undefined = ReachesAny(stuck);
        var defined = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            _win[i] = _loss[i] = _steps[i] = double.NaN;
            if (undefined[i])
            {
                _undefined[i] = Explain(i, canClose);
            }
            else
            {
                defined.Add(i);
            }
        }

        int m = defined.Count;
        if (m == 0)
        {
            return;
        }

        var a = Matrix<double>.Build.Dense(m, m);
        var rhs = Matrix<double>.Build.Dense(m, 3);
        for (int r = 0; r < m; r++)
        {
            int i = defined[r];
            int row = i * width;
            for (int c = 0; c < m; c++)
            {
                a[r, c] = (r == c ? 1.0 : 0.0) - _probabilities[row + defined[c]];
            }

            rhs[r, 0] = _probabilities[row + n + WonColumn];
            rhs[r, 1] = _probabilities[row + n + LostColumn];
            rhs[r, 2] = 1.0;
        }

        Matrix<double> solution = a.LU().Solve(rhs);
        for (int r = 0; r < m; r++)
        {
            int i = defined[r];
            double win = solution[r, 0];
            double loss = solution[r, 1];
            double steps = solution[r, 2];
            if (!double.IsFinite(win) || !double.IsFinite(loss) || !double.IsFinite(steps))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The absorption solve for stage '{_stages[i]}' did not give finite values; I − Q is numerically singular."));
            }

            // Clamp rounding only: the exact values lie in [0, 1] and [1, ∞).
            _win[i] = Math.Clamp(win, 0.0, 1.0);
            _loss[i] = Math.Clamp(loss, 0.0, 1.0);
            _steps[i] = Math.Max(steps, 1.0);
        }
    }

    private string Explain(int i, bool[] canClose)
    {
        if (_rowTotals[i] == 0)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Stage '{_stages[i]}' has no defined absorption: it has no observed transitions out (it was seen only as a destination), so where its deals end is unknown.");
        }

        List<DealStage> unobserved = ReachableUnobserved(i);
        if (unobserved.Count > 0)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Stage '{_stages[i]}' has no defined absorption: it can reach {Names(unobserved)}, with no observed transitions out, so where its deals end is unknown.");
        }

        bool[] reached = Reachable(i);
        var trapped = new List<DealStage>();
        for (int j = 0; j < _stages.Length; j++)
        {
            if (reached[j] && !canClose[j])
            {
                trapped.Add(_stages[j]);
            }
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"Stage '{_stages[i]}' has no defined absorption: it can reach the stages {Names(trapped)}, which never reach Won or Lost (a closed loop; I − Q is singular there).");
    }
}
