namespace SalesKpi;

/// <summary>
/// The instant of a fact as a value type, for
/// <see cref="Metric.PerPeriod{TFact, TKey, TTime}(Metric{TFact, TKey}, ReportingCalendar, PeriodKind, TTime)"/>: the
/// evaluation loop is compiled for the selector's type, so reading the instant is inlined, and the instant is handed over
/// as Unix ticks (the form the engine converts to business dates) rather than built as an <see cref="NodaTime.Instant"/>.
/// </summary>
/// <remarks>
/// Use it for per-period metrics evaluated over millions of facts that keep their time as ticks, such as
/// <see cref="SalesActivity"/> (see <see cref="ActivityTime"/>); a lambda returning an <see cref="NodaTime.Instant"/>
/// gives the same results. The selector must be pure and return ticks of an instant NodaTime can represent.
/// </remarks>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <example>
/// <code>
/// readonly struct CallStart : IFactTime&lt;Call&gt;
/// {
///     public long UnixTicks(in Call call) => call.StartedAt.ToUnixTimeTicks();
/// }
///
/// var callsPerDay = Metric.Count&lt;Call&gt;().PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, new CallStart());
/// </code>
/// </example>
public interface IFactTime<TFact>
{
    /// <summary>Returns the fact's instant as ticks (100 ns) since the Unix epoch, as <see cref="NodaTime.Instant.ToUnixTimeTicks"/> gives.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The Unix ticks.</returns>
    long UnixTicks(in TFact fact);
}
