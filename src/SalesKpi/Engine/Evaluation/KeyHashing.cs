using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SalesKpi;

/// <summary>
/// Hashes and compares group keys for a <see cref="KeyMap{TKey}"/> whose default comparer is slow for them: text keys
/// (an industry, a country, a job title) and pairs with a text part (<c>ThenBy</c>). Equality is the default equality
/// of the key type (ordinal for text); only the hash differs, a fast one of the characters instead of the randomised
/// one, and the map falls back to the default comparer if a probe ever runs long (see <see cref="KeyMap{TKey}"/>).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal abstract class KeyHashing<TKey>
{
    /// <summary>Gets the hashing the key type needs by itself: text keys, otherwise none (the default comparer).</summary>
    /// <remarks>A test of the type, not a static field: a field would give every key type a class initialiser of its
    /// own in a Native AOT image.</remarks>
    public static KeyHashing<TKey>? ForType
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(TKey) == typeof(string) ? (KeyHashing<TKey>)(object)TextHashing.Instance : null;
    }

    public abstract int Hash(TKey key);

    public abstract bool Same(TKey a, TKey b);
}

/// <summary>Text keys: a multiply-and-mix hash of the UTF-16 code units, eight bytes at a time; ordinal equality.</summary>
internal sealed class TextHashing : KeyHashing<string>
{
    public static TextHashing Instance { get; } = new();

    public override int Hash(string key) => Of(key);

    public override bool Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>Returns the hash of the code units of <paramref name="text"/> (not randomised: equal text, equal hash).</summary>
    public static int Of(string text)
    {
        var bytes = MemoryMarshal.AsBytes(text.AsSpan());
        ulong h = unchecked((ulong)bytes.Length * 0x9E3779B97F4A7C15ul);
        while (bytes.Length >= 8)
        {
            h = Mix(h ^ MemoryMarshal.Read<ulong>(bytes));
            bytes = bytes[8..];
        }

        // The rest is 0, 2, 4 or 6 bytes (whole code units).
        if (!bytes.IsEmpty)
        {
            ulong tail = 0;
            if (bytes.Length >= 4)
            {
                tail = MemoryMarshal.Read<uint>(bytes);
                bytes = bytes[4..];
            }

            if (!bytes.IsEmpty)
            {
                tail |= (ulong)MemoryMarshal.Read<ushort>(bytes) << 32;
            }

            h = Mix(h ^ tail);
        }

        return unchecked((int)(h ^ (h >> 32)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h)
    {
        h = unchecked(h * 0xFF51AFD7ED558CCDul);
        return h ^ (h >> 29);
    }
}

/// <summary>Pairs (<c>ThenBy</c>) of which a part has a hashing of its own; the other part uses its default comparer.</summary>
/// <typeparam name="T1">The first part's type.</typeparam>
/// <typeparam name="T2">The second part's type.</typeparam>
internal sealed class PairHashing<T1, T2> : KeyHashing<(T1, T2)>
{
    private readonly KeyHashing<T1>? _first;
    private readonly KeyHashing<T2>? _second;

    private PairHashing(KeyHashing<T1>? first, KeyHashing<T2>? second)
    {
        _first = first;
        _second = second;
    }

    /// <summary>Returns the hashing of pairs with these parts' hashings, or <see langword="null"/> when neither part has one.</summary>
    public static PairHashing<T1, T2>? Of(KeyHashing<T1>? first, KeyHashing<T2>? second) =>
        first is null && second is null ? null : new(first, second);

    public override int Hash((T1, T2) key) =>
        unchecked((PartHash(key.Item1, _first) * -1_640_531_535) ^ PartHash(key.Item2, _second));

    public override bool Same((T1, T2) a, (T1, T2) b) => PartSame(a.Item1, b.Item1, _first) && PartSame(a.Item2, b.Item2, _second);

    private static int PartHash<T>(T part, KeyHashing<T>? hashing) =>
        part is null ? 0 : hashing is null ? EqualityComparer<T>.Default.GetHashCode(part) : hashing.Hash(part);

    private static bool PartSame<T>(T a, T b, KeyHashing<T>? hashing)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return hashing is null ? EqualityComparer<T>.Default.Equals(a, b) : hashing.Same(a, b);
    }
}
