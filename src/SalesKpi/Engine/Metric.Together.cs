using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Evaluates several metrics over the same facts in one pass, sharing the work they have in common.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type, common to the metrics.</typeparam>
    /// <param name="facts">The facts.</param>
    /// <param name="options">The zone and as-of settings, common to the metrics; required when one of them needs a zone.</param>
    /// <param name="metrics">The metrics; a metric may appear more than once.</param>
    /// <returns>One table per metric, in the order given; each equal to what the metric's own <c>Evaluate</c> returns.</returns>
    /// <remarks>
    /// <para>
    /// Immediate. Built for scorecards and dashboards, where many figures share a population, a grouping and a period.
    /// Metrics with the same filter (the same delegate instance, or equal value-type predicates), the same key selector
    /// and time selector instances and equal calendar and period kind share one pass: the filter runs and each kept
    /// fact's group and period are found once, then each primitive adds the fact. Build such metrics from shared
    /// selector instances (fields, or lambdas in one helper method) to benefit; metrics that share nothing run their
    /// own loops over the same facts.
    /// </para>
    /// <para>
    /// Metrics derived from one definition by steps applied after accumulation (<c>Rolling</c>, <c>Cumulative</c>,
    /// <c>ToDate</c>, <c>FillEmpty</c>, comparisons and targets) share its cells too, so a monthly figure and its moving
    /// average cost one accumulation.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> holds a null metric (the message gives its position), or <paramref name="options"/> is null but a metric needs a zone.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value, or options lack a needed as-of instant.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <example>
    /// <code>
    /// Func&lt;Activity, int&gt; rep = a => a.Rep;
    /// Func&lt;Activity, Instant&gt; at = a => a.At;
    /// Metric&lt;Activity, int&gt; Weekly(Func&lt;Activity, bool&gt; line) =>
    ///     Metric.Count&lt;Activity&gt;().Where(line).By(rep).PerPeriod(ReportingCalendar.Iso, PeriodKind.Week, at);
    ///
    /// KpiTable&lt;int&gt;[] lines = Metric.EvaluateAll(activities, zone,
    ///     Weekly(a => a.Kind == Kind.Call), Weekly(a => a.Kind == Kind.Email), Weekly(a => a.Kind == Kind.Meeting));
    /// </code>
    /// </example>
    public static KpiTable<TKey>[] EvaluateAll<TFact, TKey>(ReadOnlySpan<TFact> facts, EvaluationOptions<TFact>? options, params ReadOnlySpan<Metric<TFact, TKey>> metrics)
        where TKey : notnull
    {
        var pass = new FusedPass<TFact, TKey>(metrics, options);
        pass.Add(facts);
        return pass.ToTables();
    }

    /// <summary>Evaluates several metrics over an array of facts in one pass, sharing the work they have in common.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type, common to the metrics.</typeparam>
    /// <param name="facts">The facts.</param>
    /// <param name="options">The zone and as-of settings; see <see cref="EvaluateAll{TFact, TKey}(ReadOnlySpan{TFact}, EvaluationOptions{TFact}, ReadOnlySpan{Metric{TFact, TKey}})"/>.</param>
    /// <param name="metrics">The metrics.</param>
    /// <returns>One table per metric, in the order given.</returns>
    /// <remarks>Immediate. Same as the span overload.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null, <paramref name="metrics"/> holds a null metric, or <paramref name="options"/> is null but a metric needs a zone.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value, or options lack a needed as-of instant.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <example>
    /// <code>
    /// var (calls, emails) = Metric.EvaluateAll(activities, zone, weeklyCalls, weeklyEmails) switch { var t => (t[0], t[1]) };
    /// </code>
    /// </example>
    public static KpiTable<TKey>[] EvaluateAll<TFact, TKey>(TFact[] facts, EvaluationOptions<TFact>? options, params ReadOnlySpan<Metric<TFact, TKey>> metrics)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(facts);
        return EvaluateAll(new ReadOnlySpan<TFact>(facts), options, metrics);
    }

    /// <summary>Evaluates several metrics over a stream of facts, enumerated exactly once.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type, common to the metrics.</typeparam>
    /// <param name="facts">The facts.</param>
    /// <param name="options">The zone and as-of settings; see <see cref="EvaluateAll{TFact, TKey}(ReadOnlySpan{TFact}, EvaluationOptions{TFact}, ReadOnlySpan{Metric{TFact, TKey}})"/>.</param>
    /// <param name="metrics">The metrics.</param>
    /// <returns>One table per metric, in the order given.</returns>
    /// <remarks>Immediate. The stream is read in chunks into one reused buffer.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is null, <paramref name="metrics"/> holds a null metric, or <paramref name="options"/> is null but a metric needs a zone.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value, or options lack a needed as-of instant.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <example>
    /// <code>
    /// KpiTable&lt;int&gt;[] lines = Metric.EvaluateAll(ReadActivities(file), zone, weeklyCalls, weeklyEmails);
    /// </code>
    /// </example>
    public static KpiTable<TKey>[] EvaluateAll<TFact, TKey>(IEnumerable<TFact> facts, EvaluationOptions<TFact>? options, params ReadOnlySpan<Metric<TFact, TKey>> metrics)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(facts);
        var pass = new FusedPass<TFact, TKey>(metrics, options);
        FactBatches.Feed(facts, pass);
        return pass.ToTables();
    }

    /// <summary>
    /// Evaluates several metrics over contiguous partitions of the facts in parallel, each partition in one shared pass
    /// as in <see cref="EvaluateAll{TFact, TKey}(ReadOnlySpan{TFact}, EvaluationOptions{TFact}, ReadOnlySpan{Metric{TFact, TKey}})"/>,
    /// and merges the partitions' states.
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type, common to the metrics.</typeparam>
    /// <param name="facts">The facts.</param>
    /// <param name="options">The zone and as-of settings, common to the metrics; required when one of them needs a zone.</param>
    /// <param name="partitions">
    /// How many partitions. 0 uses the processor count, fewer for small inputs (at least 16,384 facts each); a positive
    /// count is used as given, at most one partition per fact.
    /// </param>
    /// <param name="metrics">The metrics; a metric may appear more than once.</param>
    /// <returns>
    /// One table per metric, in the order given; each equal to what the metric's own <c>Evaluate</c> returns (exactly for
    /// counts and decimals; means, rates and other doubles to rounding, as the partitions' sums are added in another order).
    /// </returns>
    /// <remarks>
    /// Immediate. The delegates of the metrics are called from several threads at once, so they must be pure. Each
    /// partition keeps its own states until the merge, so the memory of the states grows with the partitions.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitions"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> holds a null metric (the message gives its position), or <paramref name="options"/> is null but a metric needs a zone.</exception>
    /// <exception cref="ArgumentException">A selector returned an invalid value (the error of the earliest such fact, as the sequential evaluation gives).</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed.</exception>
    /// <exception cref="OverflowException">An integer or decimal sum overflowed while merging.</exception>
    /// <example>
    /// <code>
    /// KpiTable&lt;RepId&gt;[] lines = Metric.EvaluateAllParallel(activities, options, 0, weeklyCalls, weeklyEmails, weeklyMeetings);
    /// </code>
    /// </example>
    public static KpiTable<TKey>[] EvaluateAllParallel<TFact, TKey>(ReadOnlyMemory<TFact> facts, EvaluationOptions<TFact>? options, int partitions, params ReadOnlySpan<Metric<TFact, TKey>> metrics)
        where TKey : notnull
    {
        int count = PartitionCount(partitions, facts.Length);
        var passes = new FusedPass<TFact, TKey>[count];
        for (int i = 0; i < count; i++)
        {
            passes[i] = new FusedPass<TFact, TKey>(metrics, options);
        }

        ForEachPartition(facts, count, (i, partition) => passes[i].Add(partition));
        for (int i = 1; i < count; i++)
        {
            passes[0].MergeFrom(passes[i]);
        }

        return passes[0].ToTables();
    }

    /// <summary>
    /// Runs <paramref name="add"/> on each of <paramref name="count"/> contiguous partitions of the facts in parallel.
    /// When partitions fail, the error of the first failing partition is rethrown as it was: it comes from the earliest
    /// failing fact, so a parallel evaluation throws what the sequential evaluation throws.
    /// </summary>
    internal static void ForEachPartition<TFact>(ReadOnlyMemory<TFact> facts, int count, Action<int, ReadOnlySpan<TFact>> add)
    {
        var errors = new Exception?[count];
        Parallel.For(0, count, i =>
        {
            int start = (int)((long)facts.Length * i / count);
            int end = (int)((long)facts.Length * (i + 1) / count);
            try
            {
                add(i, facts.Span[start..end]);
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        });

        foreach (var error in errors)
        {
            if (error is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }
        }
    }

    /// <summary>The number of partitions of a parallel evaluation: as requested, or for 0 the processor count limited to one partition per 16,384 facts.</summary>
    internal static int PartitionCount(int requested, int facts)
    {
        const int MinimumPartition = 16_384;
        ArgumentOutOfRangeException.ThrowIfNegative(requested, "partitions");
        int count = requested == 0 ? Math.Min(Environment.ProcessorCount, facts / MinimumPartition) : Math.Min(requested, facts);
        return Math.Max(1, count);
    }
}
