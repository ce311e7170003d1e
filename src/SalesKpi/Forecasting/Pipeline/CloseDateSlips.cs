using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>
/// How far won deals closed from the date they were expected to close, per stage: the historical push (positive,
/// later) or pull-in (negative, earlier) in days, which a pipeline simulation draws close dates from.
/// </summary>
/// <remarks>
/// <para>
/// Learned from the deals won in <c>(asOf − lookBack, asOf]</c>: for each stage a deal entered by its close (once per
/// stage, at the start of its latest stay there, as an open deal's baseline is), the slip is the number of days from the
/// expected close date in force when it entered the stage
/// (<see cref="Deal.ExpectedCloseAt"/> at the entry) to the date it was won, in the given time zone. An entry with no
/// expected close date then contributes nothing. Only won deals are used: a lost deal's close says nothing about when
/// revenue arrives.
/// </para>
/// <para>
/// <see cref="For"/> returns a stage's slips; a stage with none falls back to all stages' slips together
/// (<see cref="Pooled"/>); with no slips at all (<see cref="None"/>), deals close on their expected date.
/// </para>
/// </remarks>
public sealed class CloseDateSlips
{
    private readonly Dictionary<DealStage, int[]> _byStage;
    private readonly DealStage[] _stages;
    private readonly int[] _pooled;

    private CloseDateSlips(Dictionary<DealStage, int[]> byStage)
    {
        _byStage = byStage;
        _stages = [.. byStage.Keys];
        Array.Sort(_stages);
        var pooled = new List<int>();
        foreach (var stage in _stages)
        {
            int[] slips = byStage[stage];
            Array.Sort(slips);
            pooled.AddRange(slips);
        }

        _pooled = [.. pooled];
        Array.Sort(_pooled);
    }

    /// <summary>Gets the empty history: every deal closes on its expected date.</summary>
    public static CloseDateSlips None { get; } = new([]);

    /// <summary>Gets the stages with at least one slip, in stage order.</summary>
    public IReadOnlyList<DealStage> Stages => _stages;

    /// <summary>Gets every stage's slips together, in days, ascending.</summary>
    public IReadOnlyList<int> Pooled => _pooled;

    /// <summary>Supplies slips per stage.</summary>
    /// <param name="slips">The slips in days (positive: closed later than expected) of each stage; stages defined and distinct, lists not null.</param>
    /// <returns>The slips.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="slips"/> or a list is null.</exception>
    /// <exception cref="ArgumentException">A stage is undefined or repeated.</exception>
    public static CloseDateSlips Of(IEnumerable<KeyValuePair<DealStage, IEnumerable<int>>> slips)
    {
        ArgumentNullException.ThrowIfNull(slips);
        var byStage = new Dictionary<DealStage, int[]>();
        foreach (var (stage, days) in slips)
        {
            if (!stage.IsDefined)
            {
                throw new ArgumentException("Slips were given for the undefined (default) stage.", nameof(slips));
            }

            if (days is null)
            {
                throw new ArgumentNullException(nameof(slips), string.Create(CultureInfo.InvariantCulture, $"The slips of stage '{stage}' are null."));
            }

            int[] copy = [.. days];
            if (!byStage.TryAdd(stage, copy))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Stage '{stage}' is given more than once."), nameof(slips));
            }

            if (copy.Length == 0)
            {
                byStage.Remove(stage);
            }
        }

        return new(byStage);
    }

    /// <summary>Learns the slips of the deals won in <c>(asOf − lookBack, asOf]</c>.</summary>
    /// <param name="deals">The deals; none null.</param>
    /// <param name="asOf">The end of the look-back (inclusive).</param>
    /// <param name="lookBack">The length of the look-back; positive.</param>
    /// <param name="zone">The time zone that turns close instants into dates.</param>
    /// <returns>The slips.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deals"/>, a deal or <paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lookBack"/> is zero or negative.</exception>
    public static CloseDateSlips Learn(IEnumerable<Deal> deals, Instant asOf, Duration lookBack, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(zone);
        StageProbabilities.RequirePositive(lookBack, nameof(lookBack));
        var start = asOf - lookBack;
        var lists = new Dictionary<DealStage, List<int>>();
        int index = 0;
        foreach (var deal in deals)
        {
            PipelineChecks.RequireDeal(deal, index, null, nameof(deals));

            index++;
            if (!deal.IsWon || deal.Outcome.ClosedAt is not { } closedAt || closedAt <= start || closedAt > asOf)
            {
                continue;
            }

            var closedOn = closedAt.InZone(zone).Date;
            var history = deal.StageHistory;
            foreach (var (stayStart, _) in StageStays.Latest(history, closedAt))
            {
                var change = history[stayStart];
                if (deal.ExpectedCloseAt(change.At) is not { } expected)
                {
                    continue;
                }

                if (!lists.TryGetValue(change.Stage, out var list))
                {
                    lists.Add(change.Stage, list = []);
                }

                list.Add(Period.DaysBetween(expected, closedOn));
            }
        }

        var byStage = new Dictionary<DealStage, int[]>(lists.Count);
        foreach (var (stage, list) in lists)
        {
            byStage.Add(stage, [.. list]);
        }

        return new(byStage);
    }

    /// <summary>Returns the slips a deal in <paramref name="stage"/> is drawn from, ascending.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The stage's slips; <see cref="Pooled"/> when it has none; empty when there are none at all.</returns>
    public IReadOnlyList<int> For(DealStage stage) => SlipsOf(stage);

    /// <summary>Formats a summary, for example <c>Slips: Discovery 12, Proposal 30 (42 in all)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (_stages.Length == 0)
        {
            return "Slips: none";
        }

        var parts = new string[_stages.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = string.Create(CultureInfo.InvariantCulture, $"{_stages[i]} {_byStage[_stages[i]].Length}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"Slips: {string.Join(", ", parts)} ({_pooled.Length} in all)");
    }

    internal int[] SlipsOf(DealStage stage) => _byStage.TryGetValue(stage, out int[]? slips) ? slips : _pooled;
}
