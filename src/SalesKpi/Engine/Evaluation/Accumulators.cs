using System;
using System.Collections.Generic;
using System.Numerics;

namespace SalesKpi;

/// <summary>Counts facts.</summary>
internal struct CountAccumulator : IAccumulator<CountAccumulator>
{
    public long N;

    public readonly long Count => N;

    public static CountAccumulator FromState(in CellState state)
    {
        if (state.Count < 0)
        {
            throw CellState.Invalid("negative count");
        }

        return new CountAccumulator { N = state.Count };
    }

    public void Add() => N = checked(N + 1);

    public void Merge(in CountAccumulator other) => N = checked(N + other.N);

    public readonly CountAccumulator Clone() => this;

    public readonly CellState ToState() => new() { Count = N };
}

/// <summary>Sums 64-bit integers with overflow checking.</summary>
internal struct Int64SumAccumulator : IAccumulator<Int64SumAccumulator>
{
    public long N;
    public long Sum;

    public readonly long Count => N;

    public static Int64SumAccumulator FromState(in CellState state)
    {
        if (state.Count < 0)
        {
            throw CellState.Invalid("negative count");
        }

        CellState.RequireZeroWhenEmpty(state.Count, state.Integer == 0);
        return new Int64SumAccumulator { N = state.Count, Sum = state.Integer };
    }

    public void Add(long value)
    {
        N = checked(N + 1);
        Sum = checked(Sum + value);
    }

    public void Merge(in Int64SumAccumulator other)
    {
        N = checked(N + other.N);
        Sum = checked(Sum + other.Sum);
    }

    public readonly Int64SumAccumulator Clone() => this;

    public readonly CellState ToState() => new() { Count = N, Integer = Sum };
}

/// <summary>Sums decimals exactly (overflow throws).</summary>
internal struct DecimalSumAccumulator : IAccumulator<DecimalSumAccumulator>
{
    public long N;
    public decimal Sum;

    public readonly long Count => N;

    public static DecimalSumAccumulator FromState(in CellState state)
    {
        if (state.Count < 0)
        {
            throw CellState.Invalid("negative count");
        }

        CellState.RequireZeroWhenEmpty(state.Count, state.Decimal == 0m);
        return new DecimalSumAccumulator { N = state.Count, Sum = state.Decimal };
    }

    public void Add(decimal value)
    {
        N = checked(N + 1);
        Sum += value;
    }

    public void Merge(in DecimalSumAccumulator other)
    {
        N = checked(N + other.N);
        Sum += other.Sum;
    }

    public readonly DecimalSumAccumulator Clone() => this;

    public readonly CellState ToState() => new() { Count = N, Decimal = Sum };
}

/// <summary>Sums doubles with Neumaier compensation, so the result barely depends on the order of the facts.</summary>
internal struct DoubleSumAccumulator : IAccumulator<DoubleSumAccumulator>
{
    public long N;
    public double Sum;
    public double Compensation;

    public readonly long Count => N;

    public readonly double Total => Sum + Compensation;

    public static DoubleSumAccumulator FromState(in CellState state)
    {
        if (state.Count < 0)
        {
            throw CellState.Invalid("negative count");
        }

        CellState.RequireFinite(state.Real, state.Real2);
        CellState.RequireZeroWhenEmpty(state.Count, state.Real == 0 && state.Real2 == 0);
        return new DoubleSumAccumulator { N = state.Count, Sum = state.Real, Compensation = state.Real2 };
    }

    public void Add(double value)
    {
        N = checked(N + 1);
        AddRaw(value);
    }

    public void Merge(in DoubleSumAccumulator other)
    {
        N = checked(N + other.N);
        AddRaw(other.Sum);
        Compensation += other.Compensation;
    }

    public readonly DoubleSumAccumulator Clone() => this;

    public readonly CellState ToState() => new() { Count = N, Real = Sum, Real2 = Compensation };

    private void AddRaw(double value)
    {
        double t = Sum + value;
        Compensation += Math.Abs(Sum) >= Math.Abs(value) ? (Sum - t) + value : (value - t) + Sum;
        Sum = t;
    }
}

/// <summary>The running minimum and maximum of a numeric type, with the number of values seen.</summary>
/// <typeparam name="T">The numeric type (double or decimal).</typeparam>
internal struct Extrema<T>
    where T : struct, INumber<T>
{
    public long N;
    public T Min;
    public T Max;

    public void Add(T value)
    {
        if (N == 0)
        {
            Min = value;
            Max = value;
        }
        else
        {
            if (value < Min)
            {
                Min = value;
            }

            if (value > Max)
            {
                Max = value;
            }
        }

        N = checked(N + 1);
    }

    public void Merge(in Extrema<T> other)
    {
        if (other.N == 0)
        {
            return;
        }

        if (N == 0)
        {
            this = other;
            return;
        }

        Min = T.Min(Min, other.Min);
        Max = T.Max(Max, other.Max);
        N = checked(N + other.N);
    }

    public static Extrema<T> FromState(long count, T min, T max)
    {
        if (count < 0)
        {
            throw CellState.Invalid("negative count");
        }

        if (count > 0 && min > max)
        {
            throw CellState.Invalid("the minimum exceeds the maximum");
        }

        return new Extrema<T> { N = count, Min = min, Max = max };
    }
}

/// <summary>Tracks the minimum and maximum of doubles.</summary>
internal struct ExtremaAccumulator : IAccumulator<ExtremaAccumulator>
{
    public Extrema<double> Range;

    public readonly long Count => Range.N;

    public readonly long N => Range.N;

    public readonly double Min => Range.Min;

    public readonly double Max => Range.Max;

    public static ExtremaAccumulator FromState(in CellState state)
    {
        CellState.RequireFinite(state.Real, state.Real2);
        return new() { Range = Extrema<double>.FromState(state.Count, state.Real, state.Real2) };
    }

    public void Add(double value) => Range.Add(value);

    public void Merge(in ExtremaAccumulator other) => Range.Merge(other.Range);

    public readonly ExtremaAccumulator Clone() => this;

    public readonly CellState ToState() => new() { Count = Range.N, Real = Range.Min, Real2 = Range.Max };
}

/// <summary>Tracks the minimum and maximum of decimals.</summary>
internal struct DecimalExtremaAccumulator : IAccumulator<DecimalExtremaAccumulator>
{
    public Extrema<decimal> Range;

    public readonly long Count => Range.N;

    public readonly long N => Range.N;

    public readonly decimal Min => Range.Min;

    public readonly decimal Max => Range.Max;

    public static DecimalExtremaAccumulator FromState(in CellState state) =>
        new() { Range = Extrema<decimal>.FromState(state.Count, state.Decimal, state.Decimal2) };

    public void Add(decimal value) => Range.Add(value);

    public void Merge(in DecimalExtremaAccumulator other) => Range.Merge(other.Range);

    public readonly DecimalExtremaAccumulator Clone() => this;

    public readonly CellState ToState() => new() { Count = Range.N, Decimal = Range.Min, Decimal2 = Range.Max };
}

/// <summary>Collects the distinct members (64-bit identities) of a cell.</summary>
internal struct DistinctAccumulator : IAccumulator<DistinctAccumulator>
{
    public long N;
    public HashSet<long>? Members;

    public readonly long Count => N;

    public readonly int Distinct => Members?.Count ?? 0;

    public static DistinctAccumulator FromState(in CellState state)
    {
        if (state.Count < 0)
        {
            throw CellState.Invalid("negative count");
        }

        var members = state.Integers;
        if (members is null || members.Length == 0)
        {
            return new DistinctAccumulator { N = state.Count };
        }

        if (members.Length > state.Count)
        {
            throw CellState.Invalid("more distinct members than facts");
        }

        CellState.RequireStrictlyAscending(members, 1, "the distinct members");

        return new DistinctAccumulator { N = state.Count, Members = new HashSet<long>(members) };
    }

    public void Add(long member)
    {
        Members ??= new HashSet<long>();
        Members.Add(member);
        N = checked(N + 1);
    }

    public void Merge(in DistinctAccumulator other)
    {
        if (other.N == 0)
        {
            return;
        }

        N = checked(N + other.N);
        if (other.Members is null)
        {
            return;
        }

        if (Members is null)
        {
            Members = new HashSet<long>(other.Members);
        }
        else
        {
            Members.UnionWith(other.Members);
        }
    }

    public readonly DistinctAccumulator Clone() =>
        new() { N = N, Members = Members is null ? null : new HashSet<long>(Members) };

    public readonly CellState ToState()
    {
        long[]? members = null;
        if (Members is { Count: > 0 })
        {
            members = new long[Members.Count];
            Members.CopyTo(members);
            Array.Sort(members);
        }

        return new CellState { Count = N, Integers = members };
    }
}

/// <summary>Keeps every value of a cell, for exact percentiles.</summary>
internal struct SampleAccumulator : IAccumulator<SampleAccumulator>
{
    public double[]? Values;
    public int Length;

    public readonly long Count => Length;

    public static SampleAccumulator FromState(in CellState state)
    {
        var values = state.Reals ?? Array.Empty<double>();
        if (state.Count != values.Length)
        {
            throw CellState.Invalid("the count differs from the number of values");
        }

        CellState.RequireFinite(values);

        return new SampleAccumulator { Values = values.Length == 0 ? null : (double[])values.Clone(), Length = values.Length };
    }

    public void Add(double value)
    {
        if (Values is null)
        {
            Values = new double[4];
        }
        else if (Length == Values.Length)
        {
            Array.Resize(ref Values, checked(Length * 2));
        }

        Values[Length++] = value;
    }

    public void Merge(in SampleAccumulator other)
    {
        if (other.Length == 0)
        {
            return;
        }

        int needed = checked(Length + other.Length);
        if (Values is null || Values.Length < needed)
        {
            Array.Resize(ref Values, Math.Max(needed, (Values?.Length ?? 0) * 2));
        }

        Array.Copy(other.Values!, 0, Values, Length, other.Length);
        Length = needed;
    }

    public readonly SampleAccumulator Clone() =>
        new() { Values = Values is null ? null : (double[])Values.Clone(), Length = Length };

    public readonly CellState ToState() => new() { Count = Length, Reals = SortedValues() };

    public readonly double[] SortedValues()
    {
        if (Length == 0)
        {
            return Array.Empty<double>();
        }

        var copy = Values.AsSpan(0, Length).ToArray();
        Array.Sort(copy);
        return copy;
    }
}

/// <summary>Sums a double numerator and denominator (compensated) for a ratio of sums.</summary>
internal struct RatioAccumulator : IAccumulator<RatioAccumulator>
{
    public DoubleSumAccumulator Numerator;
    public DoubleSumAccumulator Denominator;

    public readonly long Count => Numerator.N;

    public static RatioAccumulator FromState(in CellState state)
    {
        if (state.Count < 0 || state.Reals is not { Length: 2 })
        {
            throw CellState.Invalid("a ratio cell needs a count and two compensation terms");
        }

        CellState.RequireFinite(state.Real, state.Real2, state.Reals[0], state.Reals[1]);
        CellState.RequireZeroWhenEmpty(state.Count, state.Real == 0 && state.Real2 == 0 && state.Reals[0] == 0 && state.Reals[1] == 0);

        return new RatioAccumulator
        {
            Numerator = new DoubleSumAccumulator { N = state.Count, Sum = state.Real, Compensation = state.Reals[0] },
            Denominator = new DoubleSumAccumulator { N = state.Count, Sum = state.Real2, Compensation = state.Reals[1] },
        };
    }

    public void Add(double numerator, double denominator)
    {
        Numerator.Add(numerator);
        Denominator.Add(denominator);
    }

    public void Merge(in RatioAccumulator other)
    {
        Numerator.Merge(other.Numerator);
        Denominator.Merge(other.Denominator);
    }

    public readonly RatioAccumulator Clone() => this;

    public readonly CellState ToState() => new()
    {
        Count = Numerator.N,
        Real = Numerator.Sum,
        Real2 = Denominator.Sum,
        Reals = [Numerator.Compensation, Denominator.Compensation],
    };
}

/// <summary>Sums a decimal numerator and denominator exactly for a ratio of sums.</summary>
internal struct DecimalRatioAccumulator : IAccumulator<DecimalRatioAccumulator>
{
    public long N;
    public decimal Numerator;
    public decimal Denominator;

    public readonly long Count => N;

    public static DecimalRatioAccumulator FromState(in CellState state)
    {
        if (state.Count < 0)
        {
            throw CellState.Invalid("negative count");
        }

        CellState.RequireZeroWhenEmpty(state.Count, state.Decimal == 0m && state.Decimal2 == 0m);
        return new DecimalRatioAccumulator { N = state.Count, Numerator = state.Decimal, Denominator = state.Decimal2 };
    }

    public void Add(decimal numerator, decimal denominator)
    {
        N = checked(N + 1);
        Numerator += numerator;
        Denominator += denominator;
    }

    public void Merge(in DecimalRatioAccumulator other)
    {
        N = checked(N + other.N);
        Numerator += other.Numerator;
        Denominator += other.Denominator;
    }

    public readonly DecimalRatioAccumulator Clone() => this;

    public readonly CellState ToState() => new() { Count = N, Decimal = Numerator, Decimal2 = Denominator };
}

/// <summary>Counts a numerator and a denominator: successes and trials of a rate, or two counts of a count ratio.</summary>
internal struct PairCountAccumulator : IAccumulator<PairCountAccumulator>
{
    public long N;
    public long Numerator;
    public long Denominator;

    public readonly long Count => N;

    public static PairCountAccumulator FromState(in CellState state)
    {
        if (state.Count < 0 || state.Integer < 0 || state.Integer2 < 0)
        {
            throw CellState.Invalid("negative count");
        }

        // Each fact counts at most once in the numerator and once in the denominator.
        if (state.Integer > state.Count || state.Integer2 > state.Count)
        {
            throw CellState.Invalid("the numerator or the denominator counts more facts than the cell holds");
        }

        return new PairCountAccumulator { N = state.Count, Numerator = state.Integer, Denominator = state.Integer2 };
    }

    public void Add(bool numerator, bool denominator)
    {
        N = checked(N + 1);
        if (numerator)
        {
            Numerator = checked(Numerator + 1);
        }

        if (denominator)
        {
            Denominator = checked(Denominator + 1);
        }
    }

    public void Merge(in PairCountAccumulator other)
    {
        N = checked(N + other.N);
        Numerator = checked(Numerator + other.Numerator);
        Denominator = checked(Denominator + other.Denominator);
    }

    public readonly PairCountAccumulator Clone() => this;

    public readonly CellState ToState() => new() { Count = N, Integer = Numerator, Integer2 = Denominator };
}

/// <summary>Counts conversion trials, successes and censored trials.</summary>
internal struct ConversionAccumulator : IAccumulator<ConversionAccumulator>
{
    public long N;
    public long Successes;
    public long Trials;
    public long Censored;

    public readonly long Count => N;

    public static ConversionAccumulator FromState(in CellState state)
    {
        if (state.Count < 0 || state.Integer < 0 || state.Integer2 < 0 || state.Integer3 < 0)
        {
            throw CellState.Invalid("negative count");
        }

        // Each trial and each success counts a fact of the cell, and only trials are censored.
        if (state.Integer > state.Count || state.Integer2 > state.Count)
        {
            throw CellState.Invalid("more successes or trials than the cell holds facts");
        }

        if (state.Integer3 > state.Integer2)
        {
            throw CellState.Invalid("more censored trials than trials");
        }

        return new ConversionAccumulator { N = state.Count, Successes = state.Integer, Trials = state.Integer2, Censored = state.Integer3 };
    }

    public void Merge(in ConversionAccumulator other)
    {
        N = checked(N + other.N);
        Successes = checked(Successes + other.Successes);
        Trials = checked(Trials + other.Trials);
        Censored = checked(Censored + other.Censored);
    }

    public readonly ConversionAccumulator Clone() => this;

    public readonly CellState ToState() => new() { Count = N, Integer = Successes, Integer2 = Trials, Integer3 = Censored };
}

/// <summary>Keeps, per entity, the value of its latest observation (ties: the larger value).</summary>
internal struct LastValueAccumulator : IAccumulator<LastValueAccumulator>
{
    public long N;
    public Dictionary<long, (long Ticks, decimal Value)>? Latest;

    public readonly long Count => N;

    public static LastValueAccumulator FromState(in CellState state)
    {
        if (state.Count < 0)
        {
            throw CellState.Invalid("negative count");
        }

        var pairs = state.Integers ?? Array.Empty<long>();
        var values = state.Decimals ?? Array.Empty<decimal>();
        if (pairs.Length != 2 * values.Length)
        {
            throw CellState.Invalid("entity/time pairs and values differ in length");
        }

        if (values.Length > state.Count)
        {
            throw CellState.Invalid("more entities than facts");
        }

        CellState.RequireStrictlyAscending(pairs, 2, "the entities");

        var acc = new LastValueAccumulator { N = state.Count };
        if (values.Length > 0)
        {
            acc.Latest = new Dictionary<long, (long, decimal)>(values.Length);
            for (int i = 0; i < values.Length; i++)
            {
                acc.Latest[pairs[2 * i]] = (pairs[(2 * i) + 1], values[i]);
            }
        }

        return acc;
    }

    public void Add(long entity, long ticks, decimal value)
    {
        N = checked(N + 1);
        Latest ??= new Dictionary<long, (long, decimal)>();
        Offer(entity, ticks, value);
    }

    public void Merge(in LastValueAccumulator other)
    {
        if (other.N == 0)
        {
            return;
        }

        N = checked(N + other.N);
        if (other.Latest is null)
        {
            return;
        }

        Latest ??= new Dictionary<long, (long, decimal)>(other.Latest.Count);
        foreach (var pair in other.Latest)
        {
            Offer(pair.Key, pair.Value.Ticks, pair.Value.Value);
        }
    }

    public readonly LastValueAccumulator Clone() =>
        new() { N = N, Latest = Latest is null ? null : new Dictionary<long, (long, decimal)>(Latest) };

    public readonly decimal Total()
    {
        decimal total = 0;
        if (Latest is not null)
        {
            foreach (var pair in Latest)
            {
                total += pair.Value.Value;
            }
        }

        return total;
    }

    public readonly CellState ToState()
    {
        if (Latest is null || Latest.Count == 0)
        {
            return new CellState { Count = N };
        }

        var entities = new long[Latest.Count];
        Latest.Keys.CopyTo(entities, 0);
        Array.Sort(entities);
        var pairs = new long[entities.Length * 2];
        var values = new decimal[entities.Length];
        for (int i = 0; i < entities.Length; i++)
        {
            var (ticks, value) = Latest[entities[i]];
            pairs[2 * i] = entities[i];
            pairs[(2 * i) + 1] = ticks;
            values[i] = value;
        }

        return new CellState { Count = N, Integers = pairs, Decimals = values };
    }

    private readonly void Offer(long entity, long ticks, decimal value)
    {
        if (!Latest!.TryGetValue(entity, out var current) || ticks > current.Ticks || (ticks == current.Ticks && value > current.Value))
        {
            Latest[entity] = (ticks, value);
        }
    }
}
