using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NodaTime;

namespace SalesKpi;

/// <summary>The time selector of a per-period metric as a value type the evaluation loops are compiled for.</summary>
/// <typeparam name="TFact">The fact type.</typeparam>
internal abstract class TimeStage<TFact>
{
    public static TimeStage<TFact> Of(Func<TFact, Instant> instant) =>
        new TimeStage<TFact, DelegateTime<TFact>>(new DelegateTime<TFact>(instant));

    /// <summary>Whether <paramref name="other"/> reads the same instants: the same selector type and an equal selector (delegates by reference).</summary>
    public abstract bool SameAs(TimeStage<TFact>? other);

    /// <summary>Runs the single-pass loop of <paramref name="core"/> compiled for <typeparamref name="TFilter"/> and this stage's time type.</summary>
    public abstract void Run<TKey, TAcc, TKernel, TFilter, TSink>(KernelStateCore<TFact, TKey, TAcc, TKernel> core, ReadOnlySpan<TFact> facts, TFilter filter, ref TSink sink)
        where TKey : notnull
        where TAcc : struct, IAccumulator<TAcc>
        where TKernel : struct, IKernel<TFact, TAcc>
        where TFilter : struct, IFactPredicate<TFact>
        where TSink : struct, IFactSink;
}

internal sealed class TimeStage<TFact, TTime>(TTime time) : TimeStage<TFact>
    where TTime : struct, IFactTime<TFact>
{
    private readonly TTime _time = time;

    public override bool SameAs(TimeStage<TFact>? other) =>
        ReferenceEquals(this, other) || (other is TimeStage<TFact, TTime> same && EqualityComparer<TTime>.Default.Equals(_time, same._time));

    public override void Run<TKey, TAcc, TKernel, TFilter, TSink>(KernelStateCore<TFact, TKey, TAcc, TKernel> core, ReadOnlySpan<TFact> facts, TFilter filter, ref TSink sink) =>
        core.Run(facts, filter, _time, ref sink);
}

internal readonly struct DelegateTime<TFact>(Func<TFact, Instant> instant) : IFactTime<TFact>, IEquatable<DelegateTime<TFact>>
{
    private readonly Func<TFact, Instant> _instant = instant;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long UnixTicks(in TFact fact) => _instant(fact).ToUnixTimeTicks();

    public bool Equals(DelegateTime<TFact> other) => ReferenceEquals(_instant, other._instant);

    public override bool Equals(object? obj) => obj is DelegateTime<TFact> other && Equals(other);

    public override int GetHashCode() => _instant.GetHashCode();
}

/// <summary>
/// A business-date selector in the place of a time selector: its "ticks" are the fact's epoch day, read by the loop's
/// date mode (<see cref="PeriodSpec{TFact}.TimeIsDay"/>), never converted in a zone.
/// </summary>
internal readonly struct DayTime<TFact, TDate>(TDate date) : IFactTime<TFact>, IEquatable<DayTime<TFact, TDate>>
    where TDate : struct, IFactDate<TFact>
{
    private readonly TDate _date = date;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long UnixTicks(in TFact fact) => _date.EpochDayOf(in fact);

    public bool Equals(DayTime<TFact, TDate> other) => EqualityComparer<TDate>.Default.Equals(_date, other._date);

    public override bool Equals(object? obj) => obj is DayTime<TFact, TDate> other && Equals(other);

    public override int GetHashCode() => EqualityComparer<TDate>.Default.GetHashCode(_date);
}

/// <summary>The time of a metric without instants (no periods, or periods by date); never read.</summary>
internal readonly struct NoTime<TFact> : IFactTime<TFact>
{
    public long UnixTicks(in TFact fact) => 0;
}
