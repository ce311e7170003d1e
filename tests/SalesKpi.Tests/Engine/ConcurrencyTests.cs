using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// Definitions and options are immutable and shared: evaluating the same ones on several threads at once, from their
/// first use (when lazily built plans, shared passes and memoised zone mappers are made), gives the sequential tables.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 4;

    [Fact]
    public void The_same_definitions_evaluated_on_several_threads_at_once_equal_the_sequential_evaluation()
    {
        for (int round = 0; round < 20; round++)
        {
            var facts = T.RandomActs(2_000, seed: round, reps: 6, days: 60);

            // Fresh definitions and options each round, so that their first use happens on all threads at once.
            var homeZones = BusinessDateBasis<int>.RepHomeZone(rep => rep % 2 == 0 ? T.Paris : T.NewYork);
            var options = EvaluationOptions<Act>.InBasis(homeZones, a => a.Rep, T.Utc).WithAsOf(T.At(2026, 6, 1));
            var calls = Metric.Count<Act>().Where(a => a.Kind == Kind.Call).By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
            var seconds = Metric.Sum<Act>(a => a.Seconds).By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At).Rolling(2);
            var busyEmails = Metric.Count<Act>().Where(a => a.Kind == Kind.Email).By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At)
                .WhereEntity(a => a.Rep, Metric.Count<Act>().Where(a => a.Kind == Kind.Call), v => v.GetValueOrDefault(0) >= 3);
            var connected = Metric.Rate<Act>(a => a.Connected).By(a => a.Rep).PerPeriod(PeriodKind.Month, a => a.At);

            KpiCell<int>[][] Evaluate()
            {
                var together = Metric.EvaluateAll(facts, options, calls, seconds, connected);
                return [.. together.Select(t => t.Cells.ToArray()), busyEmails.Evaluate(facts, options).Cells.ToArray()];
            }

            using var start = new Barrier(Threads);
            var results = new KpiCell<int>[Threads][][];
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                results[i] = Evaluate();
            });

            var sequential = Evaluate();
            foreach (var result in results)
            {
                Assert.Equal(sequential.Length, result.Length);
                for (int m = 0; m < sequential.Length; m++)
                {
                    Assert.Equal(sequential[m], result[m]);
                }
            }
        }
    }

    [Fact]
    public void A_table_looked_up_by_key_on_several_threads_at_once_answers_as_one_thread_does()
    {
        // The table's index of keys is built on the first look-up; here four threads make it at once, twenty times.
        var facts = T.RandomActs(20_000, seed: 7, reps: 3_000, days: 30);
        var perRep = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Week, a => a.At);
        int[] reps = [.. facts.Select(a => a.Rep).Distinct().Order()];
        for (int round = 0; round < 20; round++)
        {
            var table = perRep.Evaluate(facts, T.InUtc<Act>());
            var expected = reps.Select(rep => table.Cells.Where(c => c.Key == rep).Sum(c => c.Value.ExactValue!.Value)).ToArray();
            table = perRep.Evaluate(facts, T.InUtc<Act>());
            using var start = new Barrier(Threads);
            var sums = new decimal[Threads][];
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                sums[i] = [.. reps.Select(rep => table.CellsOf(rep).Sum(c => c.Value.ExactValue!.Value))];
            });

            foreach (var sum in sums)
            {
                Assert.Equal(expected, sum);
            }

            Assert.Equal(facts.Length, expected.Sum());
        }
    }
}
