using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace SalesKpi;

/// <summary>Something that takes facts a batch at a time (a state, a fused evaluation).</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
internal interface IBatchTarget<TFact>
{
    void Add(ReadOnlySpan<TFact> facts);
}

/// <summary>Feeds a sequence of facts to a batch target: arrays and lists whole, other sequences through one reused buffer.</summary>
internal static class FactBatches
{
    private const int BufferSize = 4096;

    public static void Feed<TFact>(IEnumerable<TFact> facts, IBatchTarget<TFact> target)
    {
        switch (facts)
        {
            case TFact[] array:
                target.Add(array);
                return;
            case List<TFact> list:
                target.Add(CollectionsMarshal.AsSpan(list));
                return;
        }

        var buffer = new TFact[BufferSize];
        int n = 0;
        foreach (var fact in facts)
        {
            buffer[n++] = fact;
            if (n == buffer.Length)
            {
                target.Add(buffer);
                n = 0;
            }
        }

        target.Add(buffer.AsSpan(0, n));
    }
}
