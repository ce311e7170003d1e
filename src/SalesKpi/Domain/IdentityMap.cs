using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// Assigns dense identifiers (0, 1, 2 …) to external string keys in first-seen order, and maps them back.
/// </summary>
/// <typeparam name="TId">The identifier type, for example <see cref="RepId"/>.</typeparam>
/// <remarks>
/// <para>
/// Real CRMs identify records by strings ("0065g00000XyZ"); the engine indexes arrays by dense integers. Feed the
/// external keys through one map per entity kind while loading: the first key seen gets id 0, the next new key 1,
/// and so on, so the same input order always gives the same ids. Keys compare with the comparer given at
/// construction (ordinal by default; no culture-sensitive comparison).
/// </para>
/// <para>
/// An <see cref="IdentityMap{TId}"/> is a mutable loading aid and is not thread-safe for writes; concurrent reads
/// are safe once loading is done.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var reps = new IdentityMap&lt;RepId&gt;();
/// RepId alice = reps.GetOrAdd("005-ALICE"); // RepId 0
/// RepId bob = reps.GetOrAdd("005-BOB");     // RepId 1
/// string key = reps.GetKey(bob);            // "005-BOB"
/// </code>
/// </example>
public sealed class IdentityMap<TId>
    where TId : struct, IDenseId<TId>
{
    private readonly Dictionary<string, TId> _ids;
    private readonly List<string> _keys = [];

    /// <summary>Creates an empty map comparing keys ordinally.</summary>
    public IdentityMap()
        : this(StringComparer.Ordinal)
    {
    }

    /// <summary>Creates an empty map comparing keys with <paramref name="comparer"/>.</summary>
    /// <param name="comparer">The key comparer, for example <see cref="StringComparer.OrdinalIgnoreCase"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="comparer"/> is <see langword="null"/>.</exception>
    public IdentityMap(IEqualityComparer<string> comparer)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        _ids = new Dictionary<string, TId>(comparer);
    }

    /// <summary>Gets the number of keys mapped so far.</summary>
    public int Count => _keys.Count;

    /// <summary>Gets the keys in id order: <c>Keys[i]</c> is the key of the id with value <c>i</c>.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>Returns the id of <paramref name="key"/>, assigning the next free id when the key is new.</summary>
    /// <param name="key">The external key; must not be empty or white space.</param>
    /// <returns>The id of the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The map already holds the largest representable number of ids.</exception>
    public TId GetOrAdd(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (_ids.TryGetValue(key, out TId id))
        {
            return id;
        }

        if (_keys.Count == int.MaxValue - 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The identity map is full ({_keys.Count} ids); cannot add key '{key}'."));
        }

        id = TId.Of(_keys.Count);
        _ids.Add(key, id);
        _keys.Add(key);
        return id;
    }

    /// <summary>Looks up the id of <paramref name="key"/> without adding it.</summary>
    /// <param name="key">The external key.</param>
    /// <param name="id">The id when found; otherwise the <c>None</c> id.</param>
    /// <returns><see langword="true"/> when the key is mapped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetId(string key, out TId id)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _ids.TryGetValue(key, out id);
    }

    /// <summary>Returns the external key that was assigned <paramref name="id"/>.</summary>
    /// <param name="id">An id assigned by this map.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> was not assigned by this map (or is <c>None</c>).</exception>
    public string GetKey(TId id)
    {
        int value = id.Value;
        if (id.IsNone || value >= _keys.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, string.Create(CultureInfo.InvariantCulture, $"The id {id} was not assigned by this map, which holds {_keys.Count} ids."));
        }

        return _keys[value];
    }
}
