namespace SalesKpi;

/// <summary>
/// A mergeable accumulator: <c>default</c> is the Empty element, facts are added by the owning kernel, and
/// <see cref="Merge"/> combines two states.
/// </summary>
/// <remarks>
/// Laws (checked by property tests): Merge is associative, Empty is its identity on both sides, and adding the
/// facts of two partitions to two accumulators then merging equals adding all facts to one (exactly for counts and
/// decimals, to rounding for doubles). Merge never shares mutable payload with its argument.
/// </remarks>
/// <typeparam name="TSelf">The accumulator type.</typeparam>
internal interface IAccumulator<TSelf>
    where TSelf : struct, IAccumulator<TSelf>
{
    /// <summary>Gets the number of facts added.</summary>
    long Count { get; }

    static abstract TSelf FromState(in CellState state);

    /// <summary>Adds <paramref name="other"/> into this accumulator.</summary>
    void Merge(in TSelf other);

    /// <summary>Returns an independent deep copy.</summary>
    TSelf Clone();

    /// <summary>Returns the plain-data form.</summary>
    CellState ToState();
}
