using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// The algebra of every accumulator, checked by FsCheck: Merge is associative with Empty (default) as identity on
/// both sides; accumulating the parts of any split and merging equals accumulating the whole; the order of the inputs
/// does not matter; counts never decrease when inputs are added; the plain-data snapshot restores the same state.
/// Exact accumulators must agree exactly; double ones to 1e-9 relative.
/// </summary>
public sealed class AccumulatorLawTests
{
    private static readonly Spec[] Specs =
    [
        new Spec<CountAccumulator>("count", (ref CountAccumulator a, int x) => a.Add(), (a, b) => a.N == b.N, a => a.N),
        new Spec<Int64SumAccumulator>("sum:long", (ref Int64SumAccumulator a, int x) => a.Add(x), (a, b) => a.N == b.N && a.Sum == b.Sum, a => a.Sum),
        new Spec<DecimalSumAccumulator>("sum:decimal", (ref DecimalSumAccumulator a, int x) => a.Add(x / 100m), (a, b) => a.N == b.N && a.Sum == b.Sum, a => a.Sum),
        new Spec<DoubleSumAccumulator>("sum:double", (ref DoubleSumAccumulator a, int x) => a.Add(x / 7.0), (a, b) => a.N == b.N && Close(a.Total, b.Total), a => (decimal)a.Total),
        new Spec<ExtremaAccumulator>("extrema:double", (ref ExtremaAccumulator a, int x) => a.Add(x / 3.0), (a, b) => a.N == b.N && (a.N == 0 || (a.Min == b.Min && a.Max == b.Max)), a => a.N == 0 ? 0 : (decimal)a.Max),
        new Spec<DecimalExtremaAccumulator>("extrema:decimal", (ref DecimalExtremaAccumulator a, int x) => a.Add(x / 100m), (a, b) => a.N == b.N && (a.N == 0 || (a.Min == b.Min && a.Max == b.Max)), a => a.N == 0 ? 0 : (decimal)a.Max),
        new Spec<DistinctAccumulator>("distinct", (ref DistinctAccumulator a, int x) => a.Add(x % 13), (a, b) => a.N == b.N && a.Distinct == b.Distinct && (a.Members ?? []).SetEquals(b.Members ?? []), a => a.Distinct),
        new Spec<SampleAccumulator>("samples", (ref SampleAccumulator a, int x) => a.Add(x / 4.0), (a, b) => a.SortedValues().SequenceEqual(b.SortedValues()), a => a.Length),
        new Spec<RatioAccumulator>("ratio:double", (ref RatioAccumulator a, int x) => a.Add(x / 5.0, ((x % 4) + 1) / 2.0), (a, b) => a.Count == b.Count && Close(a.Numerator.Total, b.Numerator.Total) && Close(a.Denominator.Total, b.Denominator.Total), a => a.Count),
        new Spec<DecimalRatioAccumulator>("ratio:decimal", (ref DecimalRatioAccumulator a, int x) => a.Add(x / 100m, x % 3), (a, b) => a.N == b.N && a.Numerator == b.Numerator && a.Denominator == b.Denominator, a => a.N),
        new Spec<PairCountAccumulator>("pair", (ref PairCountAccumulator a, int x) => a.Add(x % 2 == 0, x % 3 == 0), (a, b) => a.N == b.N && a.Numerator == b.Numerator && a.Denominator == b.Denominator, a => a.Numerator),
        new Spec<ConversionAccumulator>("conversion", AddConversion, (a, b) => a.N == b.N && a.Trials == b.Trials && a.Successes == b.Successes && a.Censored == b.Censored, a => a.Trials),
        new Spec<LastValueAccumulator>("last", (ref LastValueAccumulator a, int x) => a.Add(x % 5, (x * 7) % 11, x), SameLast, a => a.N),
    ];

    private delegate void Adder<TAcc>(ref TAcc acc, int x);

    [Property]
    public void Merge_is_associative(int[] xs, int[] ys, int[] zs)
    {
        foreach (var spec in Specs)
        {
            Assert.True(spec.Associative(xs, ys, zs), spec.Name);
        }
    }

    [Property]
    public void Empty_is_the_identity_of_merge(int[] xs)
    {
        foreach (var spec in Specs)
        {
            Assert.True(spec.Identity(xs), spec.Name);
        }
    }

    [Property]
    public void Merging_the_parts_of_a_split_equals_the_whole(int[] xs, int cut)
    {
        foreach (var spec in Specs)
        {
            Assert.True(spec.Partition(xs, cut), spec.Name);
        }
    }

    [Property]
    public void The_order_of_inputs_does_not_matter(int[] xs, int seed)
    {
        foreach (var spec in Specs)
        {
            Assert.True(spec.Permutation(xs, seed), spec.Name);
        }
    }

    [Property]
    public void Counts_never_decrease_when_inputs_are_added(int[] xs, int[] ys)
    {
        foreach (var spec in Specs)
        {
            Assert.True(spec.CountMonotone(xs, ys), spec.Name);
        }
    }

    [Property]
    public void Counts_distinct_counts_and_sums_of_non_negative_values_are_monotone(int[] xs, int[] ys)
    {
        var abs = xs.Select(x => x == int.MinValue ? 0 : Math.Abs(x)).ToArray();
        var more = ys.Select(x => x == int.MinValue ? 0 : Math.Abs(x)).ToArray();
        foreach (var spec in Specs.Where(s => s.Name is "count" or "sum:long" or "sum:decimal" or "distinct" or "pair" or "conversion"))
        {
            Assert.True(spec.ValueMonotone(abs, more), spec.Name);
        }
    }

    [Property]
    public void The_snapshot_restores_the_same_state(int[] xs)
    {
        foreach (var spec in Specs)
        {
            Assert.True(spec.RoundTrip(xs), spec.Name);
        }
    }

    [Fact]
    public void Merge_never_shares_payload_with_its_argument()
    {
        var a = default(DistinctAccumulator);
        var b = default(DistinctAccumulator);
        b.Add(1);
        a.Merge(b);
        b.Add(2);
        Assert.Equal(1, a.Distinct);
        var s = default(SampleAccumulator);
        var t = default(SampleAccumulator);
        t.Add(1);
        s.Merge(t);
        t.Add(2);
        Assert.Equal(1, s.Length);
    }

    private static void AddConversion(ref ConversionAccumulator acc, int x)
    {
        var one = new ConversionAccumulator { N = 1, Trials = 1, Successes = x % 2 == 0 ? 1 : 0, Censored = x % 2 != 0 && x % 3 == 0 ? 1 : 0 };
        acc.Merge(one);
    }

    private static bool SameLast(LastValueAccumulator a, LastValueAccumulator b)
    {
        var x = a.Latest ?? [];
        var y = b.Latest ?? [];
        return a.N == b.N && x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var q) && q == p.Value);
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private abstract class Spec(string name)
    {
        public string Name { get; } = name;

        public abstract bool Associative(int[] xs, int[] ys, int[] zs);

        public abstract bool Identity(int[] xs);

        public abstract bool Partition(int[] xs, int cut);

        public abstract bool Permutation(int[] xs, int seed);

        public abstract bool CountMonotone(int[] xs, int[] ys);

        public abstract bool ValueMonotone(int[] xs, int[] ys);

        public abstract bool RoundTrip(int[] xs);
    }

    private sealed class Spec<TAcc>(string name, Adder<TAcc> add, Func<TAcc, TAcc, bool> same, Func<TAcc, decimal> value) : Spec(name)
        where TAcc : struct, IAccumulator<TAcc>
    {
        public override bool Associative(int[] xs, int[] ys, int[] zs)
        {
            TAcc a = Build(xs), b = Build(ys), c = Build(zs);
            return same(Merge(Merge(a, b), c), Merge(a, Merge(b, c)));
        }

        public override bool Identity(int[] xs)
        {
            var a = Build(xs);
            return same(Merge(default, a), a) && same(Merge(a, default), a);
        }

        public override bool Partition(int[] xs, int cut)
        {
            int at = xs.Length == 0 ? 0 : Math.Abs(cut % (xs.Length + 1));
            return same(Merge(Build(xs[..at]), Build(xs[at..])), Build(xs));
        }

        public override bool Permutation(int[] xs, int seed)
        {
            var shuffled = (int[])xs.Clone();
            new Random(seed).Shuffle(shuffled);
            return same(Build(shuffled), Build(xs));
        }

        public override bool CountMonotone(int[] xs, int[] ys) => Build([.. xs, .. ys]).Count >= Build(xs).Count;

        public override bool ValueMonotone(int[] xs, int[] ys) => value(Build([.. xs, .. ys])) >= value(Build(xs));

        public override bool RoundTrip(int[] xs)
        {
            var a = Build(xs);
            return same(TAcc.FromState(a.ToState()), a);
        }

        private static TAcc Merge(TAcc a, TAcc b)
        {
            var c = a.Clone();
            c.Merge(b);
            return c;
        }

        private TAcc Build(int[] xs)
        {
            var acc = default(TAcc);
            foreach (int x in xs)
            {
                add(ref acc, x);
            }

            return acc;
        }
    }
}
