namespace SalesKpi;

/// <summary>
/// The business date a fact carries, as a value type, for
/// <see cref="Metric.PerPeriodByDate{TFact, TKey, TDate}(Metric{TFact, TKey}, ReportingCalendar, PeriodKind, TDate)"/>:
/// the evaluation loop is compiled for the selector's type, so reading the date is inlined, and the date is handed over
/// as an epoch day (see <see cref="EpochDay"/>), so no zone is consulted and no <see cref="NodaTime.LocalDate"/> is built
/// per fact.
/// </summary>
/// <remarks>
/// <para>
/// Use it for facts whose business date is already known: a date the source system stores (an expected close date, a
/// booking date), or a date resolved once in the zone of the evaluation's basis when the facts were projected into a
/// compact form that many metrics then read (see the engine guide's section on compact facts). The date is the business
/// date itself; the evaluation's zone and basis are not applied to it.
/// </para>
/// <para>
/// The selector must be pure. It must return the epoch day of a date from 0001-01-01 to 9999-12-31 (epoch days −719,162
/// to 2,932,896); another value stops the evaluation with an <see cref="System.ArgumentOutOfRangeException"/> naming the
/// parameter <c>date</c> and the value. The period of the date must end by 9999-12-31 too (a period's exclusive end is a
/// date): the calendar reports a date in the last period of its kind, such as 9999-12-31 itself, the same way.
/// </para>
/// </remarks>
/// <typeparam name="TFact">The fact type.</typeparam>
/// <example>
/// <code>
/// // A won deal projected once, its close date resolved in its owner's zone at projection.
/// readonly record struct WonDeal(RepId Owner, int CloseDay, decimal Amount);
///
/// readonly struct CloseDay : IFactDate&lt;WonDeal&gt;
/// {
///     public int EpochDayOf(in WonDeal deal) => deal.CloseDay;
/// }
///
/// var wonPerMonth = Metric.Sum&lt;WonDeal&gt;(d => d.Amount).By(d => d.Owner)
///     .PerPeriodByDate(ReportingCalendar.Iso, PeriodKind.Month, new CloseDay());
/// </code>
/// </example>
public interface IFactDate<TFact>
{
    /// <summary>Returns the fact's business date as days since 1970-01-01, as <see cref="EpochDay.FromDate"/> gives.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The epoch day.</returns>
    int EpochDayOf(in TFact fact);
}
