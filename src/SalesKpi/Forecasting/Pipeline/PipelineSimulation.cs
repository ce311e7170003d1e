using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>
/// A seeded Monte Carlo forecast of what a period will close at: the amount already won in it plus, in each trial,
/// the open deals won with their stage's probability and a close date slipped as deals in that stage historically
/// slipped; P10, P50 and P90 of the trial totals and the chance of reaching a target.
/// </summary>
/// <remarks>
/// <para>
/// <b>One trial.</b> Each open deal of the snapshot is won with its stage's probability p (independently of the
/// others); if won, its close date is a slip drawn uniformly from its stage's historical slips
/// (<see cref="CloseDateSlips.For"/>) added to the expected close date in force when it entered its stage
/// (<see cref="PipelineDeal.StageEntryExpectedClose"/>, the date the slips were measured from; its current expected
/// date when it had none then), among the slips that do not put the close before the snapshot's date — a deal still
/// open today cannot have closed yesterday. When no recorded slip is that long, no won deal of the history was
/// ever that late, and the deal does not close in the period (q = 0): this keeps long-overdue deals nobody closed out
/// of the forecast. With no slips at all, it closes on its expected date or the snapshot date, whichever is later. A
/// won deal counts when its close date falls in the period. The trial's total is <see cref="WonToDate"/> plus the
/// amounts counted, plus, with a <see cref="NewBusinessHistory"/>, one past period's new business drawn uniformly,
/// taken per day of that period and scaled to the days of the period still ahead: amount × (days of the period ÷ days
/// of the past period) × the share of the period still ahead (<see cref="NewBusinessShare"/>).
/// </para>
/// <para>
/// Only whether a deal lands in the period matters for the total, so a trial draws one uniform number per deal and
/// compares it with the deal's probability of being won inside the period, p × q (<see cref="SimulatedDeal"/>); this
/// has the same distribution as drawing the win and the slip separately. Deals with p × q of 0 or 1
/// draw nothing. Trials run in blocks of 1,024, each with its own xoshiro256** stream seeded through SplitMix64 from the
/// seed and the block number, and deals are taken in id order, so the same inputs and seed give the same result on
/// every machine, on any number of threads, whatever the order of the input deals.
/// </para>
/// <para>
/// <b>Quantiles.</b> <see cref="Quantile"/>(q) is the smallest trial total such that at least a share q of the trials
/// closed at or below it (the inverse of the empirical distribution function, R's quantile type 1), so it is always an
/// amount some trial produced. P10 is the pessimistic case (at least one trial in ten closed at or below it), P90 the
/// optimistic one.
/// Some industries write P90 for the amount reached with 90 % probability, which is this P10.
/// </para>
/// <para>
/// Amounts are summed exactly: in 64-bit integers at the finest decimal scale of the amounts when they fit, otherwise
/// in <see cref="decimal"/> (same draws, same totals). Deals whose stage has no probability are listed in
/// <see cref="Excluded"/> with the snapshot's own exclusions.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var simulation = PipelineSimulation.Run(snapshot, probabilities, slips, quarter, trials: 10_000, seed: 42);
/// Console.WriteLine($"P10 {simulation.P10}, P50 {simulation.P50}, P90 {simulation.P90}");
/// Console.WriteLine($"Chance of making quota: {simulation.ProbabilityOfReaching(quota):P0}");
/// </code>
/// </example>
public sealed class PipelineSimulation
{
    /// <summary>The number of trials when none is given.</summary>
    public const int DefaultTrials = 10_000;

    /// <summary>Trials per block: each block has its own random stream, so blocks can run on any thread in any order.</summary>
    private const int BlockTrials = 1024;

    /// <summary>Trials × deals below which a simulation stays on the calling thread.</summary>
    private const long ParallelWork = 1L << 20;

    private readonly decimal[] _totals;
    private TotalsView? _totalsView;
    private readonly SimulatedDeal[] _deals;
    private readonly PipelineExclusion[] _excluded;

    private PipelineSimulation(
        ReportingPeriod period, Currency currency, long seed, Money wonToDate, Money expected, decimal[] totals, SimulatedDeal[] deals, PipelineExclusion[] excluded)
    {
        Period = period;
        Currency = currency;
        Seed = seed;
        WonToDate = wonToDate;
        Expected = expected;
        _totals = totals;
        _deals = deals;
        _excluded = excluded;
        decimal sum = 0m;
        foreach (decimal total in totals)
        {
            sum += total;
        }

        decimal mean = sum / totals.Length;
        Mean = Money.Of(mean, currency);
        double squares = 0;
        foreach (decimal total in totals)
        {
            double d = (double)(total - mean);
            squares += d * d;
        }

        StandardDeviation = totals.Length > 1 ? Math.Sqrt(squares / (totals.Length - 1)) : 0;
    }

    /// <summary>Gets the period forecast.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the seed.</summary>
    public long Seed { get; }

    /// <summary>Gets the number of trials.</summary>
    public int Trials => _totals.Length;

    /// <summary>Gets the amount won in the period at or before the snapshot instant, part of every trial's total.</summary>
    public Money WonToDate { get; }

    /// <summary>
    /// Gets the expectation of the total, <see cref="WonToDate"/> + Σ a_i p_i q_i (plus the mean of the scaled new-business
    /// amounts when given), which <see cref="Mean"/> estimates.
    /// </summary>
    public Money Expected { get; }

    /// <summary>
    /// Gets the share of the period still ahead of the snapshot that scaled the new business, or <see langword="null"/>
    /// when the simulation had no <see cref="NewBusinessHistory"/>.
    /// </summary>
    public double? NewBusinessShare { get; private init; }

    /// <summary>Gets the mean of the trial totals.</summary>
    public Money Mean { get; }

    /// <summary>Gets the standard deviation of the trial totals (divisor trials − 1; 0 for one trial).</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets the 10th percentile of the trial totals, the pessimistic case (see <see cref="Quantile"/>).</summary>
    public Money P10 => Quantile(0.1);

    /// <summary>Gets the median of the trial totals (see <see cref="Quantile"/>).</summary>
    public Money P50 => Quantile(0.5);

    /// <summary>Gets the 90th percentile of the trial totals, the optimistic case (see <see cref="Quantile"/>).</summary>
    public Money P90 => Quantile(0.9);

    /// <summary>Gets every trial's total, ascending (for a histogram or a custom statistic).</summary>
    public IReadOnlyList<Money> Totals => _totalsView ??= new TotalsView(_totals, Currency);

    /// <summary>Gets the open deals, with their probabilities, ordered by id.</summary>
    public IReadOnlyList<SimulatedDeal> Deals => _deals;

    /// <summary>Gets the snapshot's exclusions and the deals whose stage has no probability, ordered by id.</summary>
    public IReadOnlyList<PipelineExclusion> Excluded => _excluded;

    /// <summary>Simulates the period's total.</summary>
    /// <param name="snapshot">The pipeline.</param>
    /// <param name="probabilities">The stage win probabilities.</param>
    /// <param name="slips">The historical close-date slips; <see cref="CloseDateSlips.None"/> to keep expected dates.</param>
    /// <param name="period">The period.</param>
    /// <param name="trials">The number of trials, at least 1; the result keeps every total (24 bytes per trial while running, 16 after).</param>
    /// <param name="seed">The seed of the random streams.</param>
    /// <param name="maxDegreeOfParallelism">
    /// How many threads may run trial blocks at once: 1 (the default) runs on the calling thread, −1 uses as many as
    /// the scheduler gives. The result is the same for every value.
    /// </param>
    /// <param name="newBusiness">
    /// The business still to be created: each trial adds one past period's amount won from deals created and won within
    /// it, drawn uniformly, per day of that past period: times the days of <paramref name="period"/> over the days of the
    /// past period, times the share of <paramref name="period"/> still ahead of the snapshot instant (rounded to the
    /// finest decimal scale of the other amounts). <see langword="null"/> (the default) forecasts the open pipeline only.
    /// </param>
    /// <returns>The simulation.</returns>
    /// <exception cref="CurrencyMismatchException"><paramref name="newBusiness"/> is in another currency than the snapshot.</exception>
    /// <exception cref="ArgumentException"><paramref name="period"/> is the default value, which has no dates.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/>, <paramref name="probabilities"/> or <paramref name="slips"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is less than 1, or <paramref name="maxDegreeOfParallelism"/> is 0 or less than −1.</exception>
    public static PipelineSimulation Run(
        PipelineSnapshot snapshot,
        StageProbabilities probabilities,
        CloseDateSlips slips,
        ReportingPeriod period,
        int trials = DefaultTrials,
        long seed = 0,
        int maxDegreeOfParallelism = 1,
        NewBusinessHistory? newBusiness = null) =>
        Run(snapshot, probabilities, slips, period, trials, seed, forceDecimal: false, maxDegreeOfParallelism, newBusiness);

    /// <summary>Returns the smallest trial total such that at least a share <paramref name="probability"/> of the trials closed at or below it.</summary>
    /// <param name="probability">The share, in [0, 1]; 0 gives the smallest total, 1 the largest.</param>
    /// <returns>The total: the ⌈q·N⌉-th smallest of the N trial totals (the smallest for q = 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1] or NaN.</exception>
    public Money Quantile(double probability)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must lie in [0, 1].");
        }

        int n = _totals.Length;
        double x = probability * n;
        double nearest = Math.Round(x);
        int k = Math.Abs(x - nearest) <= 1e-9 * n ? (int)nearest : (int)Math.Ceiling(x);
        return Money.Of(_totals[Math.Max(k, 1) - 1], Currency);
    }

    /// <summary>Returns the share of trials whose total reached <paramref name="target"/> (at or above it).</summary>
    /// <param name="target">The target, for example the quota; in <see cref="Currency"/>.</param>
    /// <returns>The share, in [0, 1].</returns>
    /// <exception cref="CurrencyMismatchException"><paramref name="target"/> is in another currency.</exception>
    public double ProbabilityOfReaching(Money target)
    {
        if (target.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, target.Currency, nameof(target));
        }

        return (double)(_totals.Length - PipelineChecks.LowerBound(_totals, target.Amount)) / _totals.Length;
    }

    /// <summary>Formats a summary, for example <c>2026-Q1: P10 90000 USD, P50 120000 USD, P90 150000 USD (10000 trials, seed 42)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Period}: P10 {P10}, P50 {P50}, P90 {P90} ({Trials} trials, seed {Seed})");

    internal static PipelineSimulation Run(
        PipelineSnapshot snapshot,
        StageProbabilities probabilities,
        CloseDateSlips slips,
        ReportingPeriod period,
        int trials,
        long seed,
        bool forceDecimal,
        int maxDegreeOfParallelism = 1,
        NewBusinessHistory? newBusiness = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(slips);
        PipelineChecks.RequirePeriod(period, nameof(period));
        if (trials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "A simulation needs at least one trial.");
        }

        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The degree of parallelism must be -1 (no limit) or at least 1.");
        }

        var deals = new List<SimulatedDeal>(snapshot.OpenDeals.Count);
        var excluded = new List<PipelineExclusion>(snapshot.Excluded);
        foreach (var deal in snapshot.OpenDeals)
        {
            if (!probabilities.TryGet(deal, snapshot.AsOf, out double p))
            {
                excluded.Add(new(deal.Id, PipelineExclusionReason.NoStageProbability));
                continue;
            }

            deals.Add(new(deal, p, InPeriodShare(deal, slips.SlipsOf(deal.Stage), snapshot.AsOfDate, period)));
        }

        excluded.Sort(static (a, b) => a.Deal.CompareTo(b.Deal));
        decimal wonToDate = snapshot.WonIn(period).Amount;
        decimal fixedSum = wonToDate;
        decimal expected = wonToDate;
        var amounts = new List<decimal>();
        var thresholds = new List<ulong>();
        foreach (var deal in deals)
        {
            double pi = deal.Probability;
            decimal a = deal.Deal.Amount.Amount;
            expected += a * (decimal)pi;
            if (pi >= 1)
            {
                fixedSum += a;
            }
            else if (pi > 0)
            {
                amounts.Add(a);
                thresholds.Add((ulong)(pi * (1UL << 53)));
            }
        }

        decimal[] extras = [];
        decimal share = 0m;
        if (newBusiness is not null)
        {
            if (newBusiness.Currency != snapshot.Currency)
            {
                throw new CurrencyMismatchException(snapshot.Currency, newBusiness.Currency, nameof(newBusiness));
            }

            share = RemainingShare(snapshot, period);
            byte scale = FinestScale(fixedSum, amounts);
            extras = new decimal[newBusiness.Periods.Count];
            decimal sum = 0m;
            int days = DaysOf(period);
            for (int i = 0; i < extras.Length; i++)
            {
                // A past period's bookings as a rate per day: a 31-day month draws 31/28 of a 28-day month's amount.
                var past = newBusiness.Periods[i];
                extras[i] = Math.Round(past.Amount.Amount * share * days / DaysOf(past.Period), scale, MidpointRounding.ToEven);
                sum += extras[i];
            }

            if (extras.Length > 0)
            {
                expected += sum / extras.Length;
            }
        }

        var totals = SortedTotals(fixedSum, [.. amounts], [.. thresholds], extras, trials, unchecked((ulong)seed), forceDecimal, maxDegreeOfParallelism);
        return new(period, snapshot.Currency, seed, Money.Of(wonToDate, snapshot.Currency), Money.Of(expected, snapshot.Currency), totals, [.. deals], [.. excluded])
        {
            NewBusinessShare = newBusiness is null ? null : (double)share,
        };
    }

    /// <summary>The number of days of a period, [start, end).</summary>
    private static int DaysOf(ReportingPeriod period) => NodaTime.Period.DaysBetween(period.Start, period.End);

    /// <summary>The share of the period's time still ahead of the snapshot instant, in the snapshot's zone: 1 before it starts, 0 after it ends.</summary>
    internal static decimal RemainingShare(PipelineSnapshot snapshot, ReportingPeriod period)
    {
        var start = snapshot.Zone.AtStartOfDay(period.Start).ToInstant();
        var end = snapshot.Zone.AtStartOfDay(period.End).ToInstant();
        var from = snapshot.AsOf > start ? snapshot.AsOf : start;
        return from >= end ? 0m : (decimal)(end - from).BclCompatibleTicks / (end - start).BclCompatibleTicks;
    }

    /// <summary>
    /// q: the share of the slips still possible at the snapshot date that put the close in the period, slips added to the
    /// expected close at stage entry (the current one without slips or without that date).
    /// </summary>
    internal static double InPeriodShare(PipelineDeal deal, int[] slips, LocalDate asOfDate, ReportingPeriod period)
    {
        var expected = slips.Length == 0 ? deal.ExpectedClose : deal.StageEntryExpectedClose ?? deal.ExpectedClose;
        if (slips.Length == 0)
        {
            return period.Contains(expected > asOfDate ? expected : asOfDate) ? 1 : 0;
        }

        int minSlip = NodaTime.Period.DaysBetween(expected, asOfDate);
        int first = PipelineChecks.LowerBound(slips, minSlip);
        int possible = slips.Length - first;
        if (possible == 0)
        {
            return 0;
        }

        int from = Math.Max(NodaTime.Period.DaysBetween(expected, period.Start), minSlip);
        int to = NodaTime.Period.DaysBetween(expected, period.End);
        int inPeriod = from < to ? PipelineChecks.LowerBound(slips, to) - PipelineChecks.LowerBound(slips, from) : 0;
        return (double)inPeriod / possible;
    }

    /// <summary>Simulates the trials and returns their totals in ascending order.</summary>
    private static decimal[] SortedTotals(
        decimal fixedSum, decimal[] amounts, ulong[] thresholds, decimal[] extras, int trials, ulong seed, bool forceDecimal, int maxDegreeOfParallelism)
    {
        if (!forceDecimal && TryScale(fixedSum, [.. amounts, .. extras], out byte scale, out long fixedScaled, out long[] scaled))
        {
            var totals = new long[trials];
            SimulateScaled(totals, fixedScaled, scaled[..amounts.Length], thresholds, scaled[amounts.Length..], seed, maxDegreeOfParallelism);
            Array.Sort(totals);
            var result = new decimal[trials];
            for (int t = 0; t < trials; t++)
            {
                long v = totals[t];
                ulong magnitude = (ulong)v;
                result[t] = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, false, scale);
            }

            return result;
        }

        var exact = SimulateDecimal(fixedSum, amounts, thresholds, extras, trials, seed, maxDegreeOfParallelism);
        Array.Sort(exact);
        return exact;
    }

    /// <summary>The largest decimal scale (digits after the point) among <paramref name="first"/> and <paramref name="rest"/>.</summary>
    private static byte FinestScale(decimal first, IEnumerable<decimal> rest)
    {
        byte scale = first.Scale;
        foreach (decimal a in rest)
        {
            scale = Math.Max(scale, a.Scale);
        }

        return scale;
    }

    /// <summary>Scales every amount to integers at the finest scale present, when the largest possible total fits a long.</summary>
    private static bool TryScale(decimal fixedSum, decimal[] amounts, out byte scale, out long fixedScaled, out long[] scaled)
    {
        scale = FinestScale(fixedSum, amounts);

        fixedScaled = 0;
        scaled = [];
        decimal factor = 1m;
        for (int i = 0; i < scale; i++)
        {
            factor *= 10m;
        }

        try
        {
            decimal bound = fixedSum * factor;
            var result = new long[amounts.Length];
            for (int i = 0; i < amounts.Length; i++)
            {
                decimal v = amounts[i] * factor;
                bound += v;
                result[i] = decimal.ToInt64(v);
            }

            if (bound > long.MaxValue)
            {
                return false;
            }

            fixedScaled = decimal.ToInt64(fixedSum * factor);
            scaled = result;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>An index in [0, count) from 64 random bits: the high word of bits × count (bias below count ÷ 2⁶⁴).</summary>
    private static int Pick(ulong bits, int count) => (int)Math.BigMul(bits, (ulong)count, out _);

    /// <summary>The seed of trial block <paramref name="block"/>: SplitMix64 of the seed advanced by the block number.</summary>
    private static ulong BlockSeed(ulong seed, int block)
    {
        ulong state = seed + ((ulong)block * 0x9E3779B97F4A7C15UL);
        return Xoshiro256StarStar.SplitMix64(ref state);
    }

    /// <summary>Runs <paramref name="block"/> for every block of <see cref="BlockTrials"/> trials, in parallel when asked and worth it.</summary>
    private static void ForEachBlock(int trials, int deals, int maxDegreeOfParallelism, Action<int> block)
    {
        int blocks = (trials + BlockTrials - 1) / BlockTrials;
        if (maxDegreeOfParallelism == 1 || blocks == 1 || (long)trials * deals < ParallelWork)
        {
            for (int b = 0; b < blocks; b++)
            {
                block(b);
            }

            return;
        }

        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, block);
    }

    private static void SimulateScaled(long[] totals, long fixedSum, long[] amounts, ulong[] thresholds, long[] extras, ulong seed, int maxDegreeOfParallelism) =>
        ForEachBlock(totals.Length, amounts.Length, maxDegreeOfParallelism, b =>
        {
            var random = new Xoshiro256StarStar(BlockSeed(seed, b));
            int end = Math.Min(totals.Length, (b + 1) * BlockTrials);
            for (int t = b * BlockTrials; t < end; t++)
            {
                long sum = fixedSum;
                for (int i = 0; i < amounts.Length; i++)
                {
                    // All ones when the 53-bit draw is below the threshold (the subtraction wraps), else zero.
                    long won = (long)((random.Next() >> 11) - thresholds[i]) >> 63;
                    sum += amounts[i] & won;
                }

                if (extras.Length > 0)
                {
                    sum += extras[Pick(random.Next(), extras.Length)];
                }

                totals[t] = sum;
            }
        });

    private static decimal[] SimulateDecimal(decimal fixedSum, decimal[] amounts, ulong[] thresholds, decimal[] extras, int trials, ulong seed, int maxDegreeOfParallelism)
    {
        var totals = new decimal[trials];
        ForEachBlock(trials, amounts.Length, maxDegreeOfParallelism, b =>
        {
            var random = new Xoshiro256StarStar(BlockSeed(seed, b));
            int end = Math.Min(trials, (b + 1) * BlockTrials);
            for (int t = b * BlockTrials; t < end; t++)
            {
                decimal sum = fixedSum;
                for (int i = 0; i < amounts.Length; i++)
                {
                    if ((random.Next() >> 11) < thresholds[i])
                    {
                        sum += amounts[i];
                    }
                }

                if (extras.Length > 0)
                {
                    sum += extras[Pick(random.Next(), extras.Length)];
                }

                totals[t] = sum;
            }
        });

        return totals;
    }

    /// <summary>The trial totals as money, read from the sorted decimals without copying.</summary>
    private sealed class TotalsView(decimal[] totals, Currency currency) : IReadOnlyList<Money>
    {
        public int Count => totals.Length;

        public Money this[int index] => Money.Of(totals[index], currency);

        public IEnumerator<Money> GetEnumerator()
        {
            foreach (decimal total in totals)
            {
                yield return Money.Of(total, currency);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
