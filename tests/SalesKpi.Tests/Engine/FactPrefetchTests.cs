using System;
using System.Linq;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Engine;

public sealed class FactPrefetchTests
{
    private sealed record Box(int Group, int Value);

    [Fact]
    public void A_hint_for_a_missing_or_null_fact_does_nothing()
    {
        var facts = new Box?[] { new(1, 2), null, new(3, 4) };
        foreach (int index in new[] { -1, 0, 1, 2, 3, int.MaxValue, int.MinValue })
        {
            FactPrefetch.Ahead<Box?>(facts, index);
        }

        FactPrefetch.Ahead<Box?>([], 0);
        FactPrefetch.Ahead<int>([1, 2, 3], 1);
        FactPrefetch.Ahead<int?>([1, null, 3], 2);
        FactPrefetch.Ahead<(string, int)>([("a", 1)], 0);
        Assert.Equal(new Box(3, 4), facts[2]);
    }

    [Property]
    public void Sums_over_objects_agree_with_linq_at_every_length_around_the_hint_distance(byte extra, int seed)
    {
        // Lengths below, at and past the distance the loops look ahead, and selections of every other fact.
        int length = extra % (4 * FactPrefetch.Distance);
        var random = new Random(seed);
        var facts = Enumerable.Range(0, length).Select(_ => new Box(random.Next(5), random.Next(-100, 100))).ToArray();
        var table = Metric.Sum<Box>(b => b.Value).Where(b => b.Value % 2 == 0).By(b => b.Group).Evaluate(facts);
        var expected = facts.Where(b => b.Value % 2 == 0).GroupBy(b => b.Group).ToDictionary(g => g.Key, g => (decimal)g.Sum(b => b.Value));
        Assert.Equal(expected.Count, table.Count);
        foreach (var (group, sum) in expected)
        {
            Assert.Equal(sum, table[group].ExactValue);
        }
    }
}
