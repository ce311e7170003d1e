using System;

namespace SalesKpi.SampleData;

/// <summary>
/// The xoshiro256** pseudo-random generator (Blackman and Vigna), seeded through SplitMix64: a small, fast generator
/// whose output depends only on its seed and stream number, on every runtime and machine.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Random"/> is not used because its algorithm is not a stable contract across .NET versions. Each
/// part of the sample (reps, leads, deals, one stream per rep for activities …) draws from its own stream, so that
/// changing one size leaves the other parts unchanged and streams can be consumed in parallel with identical results.
/// </para>
/// <para>
/// A mutable struct: pass it by <see langword="ref"/>; a copy continues the same sequence independently.
/// Floating-point helpers use only IEEE-exact operations and <see cref="DeterministicMath"/>.
/// </para>
/// </remarks>
internal struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates the generator of stream <paramref name="stream"/> for <paramref name="seed"/>.</summary>
    internal Xoshiro256(int seed, long stream)
    {
        ulong state = unchecked(((ulong)(uint)seed * 0xD1342543DE82EF95UL) ^ ((ulong)stream * 0x9E3779B97F4A7C15UL) ^ 0x5DEECE66DUL);
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 1;
        }
    }

    /// <summary>Returns a generator with the given raw state (not all zero), for checking against reference outputs.</summary>
    internal static Xoshiro256 FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        var rng = default(Xoshiro256);
        rng._s0 = s0;
        rng._s1 = s1;
        rng._s2 = s2;
        rng._s3 = s3;
        return rng;
    }

    /// <summary>Returns the next 64 random bits.</summary>
    internal ulong NextUInt64()
    {
        ulong result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns a uniform integer in <c>[0, n)</c> for <c>n ≥ 1</c> (multiply-shift; bias below 2^-32).</summary>
    internal int NextInt(int n) => (int)(((NextUInt64() >> 32) * (ulong)(uint)n) >> 32);

    /// <summary>Returns a uniform integer in <c>[min, max]</c>.</summary>
    internal int NextInt(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>Returns a uniform long in <c>[0, n)</c> for <c>n ≥ 1</c>.</summary>
    internal long NextLong(long n) => (long)Math.BigMul(NextUInt64(), (ulong)n, out _);

    /// <summary>Returns a uniform double in the open interval <c>(0, 1)</c>.</summary>
    internal double NextDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / 9007199254740992.0);

    /// <summary>Returns <see langword="true"/> with probability <paramref name="p"/>.</summary>
    internal bool Chance(double p) => NextDouble() < p;

    /// <summary>Returns a standard normal variate (Marsaglia's polar method).</summary>
    internal double NextNormal()
    {
        while (true)
        {
            double u = (2.0 * NextDouble()) - 1.0;
            double v = (2.0 * NextDouble()) - 1.0;
            double s = (u * u) + (v * v);
            if (s is > 0.0 and < 1.0)
            {
                return u * Math.Sqrt(-2.0 * DeterministicMath.Log(s) / s);
            }
        }
    }

    /// <summary>Returns a log-normal variate with the given median and log-scale standard deviation.</summary>
    internal double LogNormal(double median, double sigma) => median * DeterministicMath.Exp(sigma * NextNormal());

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
