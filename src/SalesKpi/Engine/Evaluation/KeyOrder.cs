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
