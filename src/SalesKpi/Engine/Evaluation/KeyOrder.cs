using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// The order of group keys in results and snapshots: the key type's natural order when it has one
/// (<see cref="IComparable{T}"/>, including value tuples of comparable parts), otherwise the ordinal order of the
/// invariant text of the keys.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal static class KeyOrder<TKey>
{
    public static readonly IComparer<TKey> Comparer = Create();

    /// <summary>Returns the rank of each slot's key in this order (slot → rank).</summary>
    public static int[] Ranks(KeyMap<TKey> keys)
    {
        var keyArray = new TKey[keys.Count];
        var slots = new int[keys.Count];
        for (int i = 0; i < slots.Length; i++)
        {
            keyArray[i] = keys[i];
            slots[i] = i;
        }

        Array.Sort(keyArray, slots, Comparer);
        var rank = new int[slots.Length];
        for (int i = 0; i < slots.Length; i++)
        {
            rank[slots[i]] = i;
        }

        return rank;
    }

    public static string Text(TKey key) => key switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? string.Empty,
    };

    private static IComparer<TKey> Create()
    {
        if (typeof(IComparable<TKey>).IsAssignableFrom(typeof(TKey)) || typeof(IComparable).IsAssignableFrom(typeof(TKey)))
        {
            try
            {
                // A value tuple is comparable only if its parts are; comparing two defaults finds out.
                Comparer<TKey>.Default.Compare(default!, default!);
                return Comparer<TKey>.Default;
            }
            catch (ArgumentException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }

        return new TextComparer();
    }

    private sealed class TextComparer : IComparer<TKey>
    {
        public int Compare(TKey? x, TKey? y) => string.CompareOrdinal(Text(x!), Text(y!));
    }
}
