using System;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>The outcome of one trial: the entry, the conversion that converts it (or −1), and whether it is censored.</summary>
internal readonly record struct ConversionOutcome(int Entry, int Conversion, bool Censored);

/// <summary>
/// The matching rule of every conversion, for one entity whose entry (A) and conversion (B) instants are sorted:
/// unique entities take the first entry as the only trial; all conversions take every entry. A trial at t_A converts
/// by the first B with t_A ≤ t_B ≤ t_A + W (and, counting all conversions, before the next entry). A trial not converted
/// whose window is still open at as-of (t_A + W &gt; as-of) and that no later entry supersedes is censored.
/// </summary>
internal static class ConversionMatcher
{
    /// <summary>Writes the outcome of each trial to <paramref name="outcomes"/> (at least as long as <paramref name="entries"/>) and returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Match(ReadOnlySpan<Instant> entries, ReadOnlySpan<Instant> conversions, Duration window, Instant asOf, ConversionCounting counting, Span<ConversionOutcome> outcomes)
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
            outcomes[i] = new ConversionOutcome(i, converted, converted < 0 && windowEnd > asOf && !hasNext);
        }

        return trials;
    }

    /// <summary>Adds one trial's outcome to its cells: cohort basis all in the entry's cell; period basis the conversion in its own cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RecordConversion(ref ConversionAccumulator conversionCell)
    {
        conversionCell.N = checked(conversionCell.N + 1);
        conversionCell.Successes = checked(conversionCell.Successes + 1);
    }

    /// <summary>Returns the index of the first instant of <paramref name="sorted"/> at or after <paramref name="value"/>.</summary>
    public static int LowerBound(ReadOnlySpan<Instant> sorted, Instant value)
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
