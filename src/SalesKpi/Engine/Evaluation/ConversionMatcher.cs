using System;
using NodaTime;

namespace SalesKpi;

/// <summary>Receives the outcome of each trial of one entity's conversion.</summary>
internal interface IConversionSink
{
    /// <summary>Entry <paramref name="entry"/> is a trial, converted by conversion <paramref name="conversion"/> (or −1), censored or not.</summary>
    void Outcome(int entry, int conversion, bool censored);
}

/// <summary>
/// The matching rule of every conversion, for one entity whose entry (A) and conversion (B) instants are sorted:
/// unique entities take the first entry as the only trial; all conversions take every entry. A trial at t_A converts
/// by the first B with t_A ≤ t_B ≤ t_A + W (and, counting all conversions, before the next entry). A trial not converted
/// whose window is still open at as-of (t_A + W &gt; as-of) and that no later entry supersedes is censored.
/// </summary>
internal static class ConversionMatcher
{
    public static void Match<TSink>(ReadOnlySpan<Instant> entries, ReadOnlySpan<Instant> conversions, Duration window, Instant asOf, ConversionCounting counting, ref TSink sink)
        where TSink : struct, IConversionSink
    {
        bool all = counting == ConversionCounting.AllConversions;
        int trials = all ? entries.Length : Math.Min(1, entries.Length);
        for (int i = 0; i < trials; i++)
        {
            var entry = entries[i];
            var windowEnd = entry + window;
            bool hasNext = all && i + 1 < entries.Length;
            var next = hasNext ? entries[i + 1] : Instant.MaxValue;

            // The first B at or after the entry, inside the window, and before the next entry (all-conversions mode).
            int j = LowerBound(conversions, entry);
            int converted = j < conversions.Length && conversions[j] <= windowEnd && conversions[j] < next ? j : -1;
            sink.Outcome(i, converted, converted < 0 && windowEnd > asOf && !hasNext);
        }
    }

    /// <summary>Adds one trial's outcome to its cells: cohort basis all in the entry's cell; period basis the conversion in its own cell.</summary>
    public static void Record(ref ConversionAccumulator entryCell, bool converted, bool censored, ConversionBasis basis)
    {
        entryCell.N = checked(entryCell.N + 1);
        entryCell.Trials = checked(entryCell.Trials + 1);
        if (basis == ConversionBasis.Cohort)
        {
            if (converted)
            {
                entryCell.Successes = checked(entryCell.Successes + 1);
            }
            else if (censored)
            {
                entryCell.Censored = checked(entryCell.Censored + 1);
            }
        }
    }

    /// <summary>Adds a conversion to its own cell (period basis).</summary>
    public static void RecordConversion(ref ConversionAccumulator conversionCell)
    {
        conversionCell.N = checked(conversionCell.N + 1);
        conversionCell.Successes = checked(conversionCell.Successes + 1);
    }

    private static int LowerBound(ReadOnlySpan<Instant> sorted, Instant value)
    {
        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
