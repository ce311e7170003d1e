using System;

namespace SalesKpi.SampleData;

/// <summary>Draws an index with probability proportional to fixed integer weights.</summary>
internal sealed class WeightedChoice
{
    private readonly int[] _cumulative;

    internal WeightedChoice(ReadOnlySpan<int> weights)
    {
        _cumulative = new int[weights.Length];
        int total = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            total = checked(total + weights[i]);
            _cumulative[i] = total;
        }

        Total = total;
    }

    internal int Total { get; }

    internal int Sample(ref Xoshiro256 rng)
    {
        int x = rng.NextInt(Total);
        int[] cumulative = _cumulative;
        for (int i = 0; i < cumulative.Length; i++)
        {
            if (x < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
