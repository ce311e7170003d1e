using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace SalesKpi;

/// <summary>
/// Asks the processor to start loading a fact object a few facts ahead of the one being evaluated. Facts of a reference
/// type (deals, leads) are separate objects: without the hint, a loop that does real work per fact reaches each
/// object's first field only when it gets there and waits for memory every time.
/// </summary>
internal static class FactPrefetch
{
    /// <summary>How many facts ahead the loops ask for.</summary>
    public const int Distance = 16;

    /// <summary>Hints the first cache lines of the object at <paramref name="index"/>; nothing for value-type facts,
    /// on processors without the instruction, or past the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Ahead<TFact>(ReadOnlySpan<TFact> facts, int index)
    {
        // Constants per fact type: a reference is a pointer-sized value with a reference whose default is null (which a
        // nullable value type, the other type whose default is null, is not).
        if (default(TFact) is null && Unsafe.SizeOf<TFact>() == IntPtr.Size && RuntimeHelpers.IsReferenceOrContainsReferences<TFact>()
            && Sse.IsSupported && (uint)index < (uint)facts.Length)
        {
            // The reference's bits as an address: a hint only, so an object the collector moves meanwhile costs nothing.
            byte* address = (byte*)Unsafe.As<TFact, nint>(ref Unsafe.AsRef(in facts[index]));
            Sse.Prefetch0(address);
            Sse.Prefetch0(address + 64);
            Sse.Prefetch0(address + 128);
            Sse.Prefetch0(address + 192);
        }
    }
}
