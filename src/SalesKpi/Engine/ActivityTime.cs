namespace SalesKpi;

/// <summary>
/// The timestamp of a <see cref="SalesActivity"/> as a value-type time selector: read as the ticks the activity stores,
/// with no <see cref="NodaTime.Instant"/> built per fact. Pass <see cref="Timestamp"/> to
/// <see cref="Metric.PerPeriod{TFact, TKey, TTime}(Metric{TFact, TKey}, ReportingCalendar, PeriodKind, TTime)"/>.
/// </summary>
/// <remarks>Equivalent to the lambda <c>a => a.Timestamp</c>.</remarks>
/// <example>
/// <code>
/// var dailyByRep = Metric.Count&lt;SalesActivity&gt;().By(a => a.Rep)
///     .PerPeriod(ReportingCalendar.Iso, PeriodKind.Day, ActivityTime.Timestamp);
/// </code>
/// </example>
public readonly struct ActivityTime : IFactTime<SalesActivity>
{
    /// <summary>Gets the selector of <see cref="SalesActivity.Timestamp"/>.</summary>
    public static ActivityTime Timestamp => default;

    /// <inheritdoc/>
    public long UnixTicks(in SalesActivity fact) => fact.UnixTicks;

    /// <summary>Returns <c>timestamp</c>.</summary>
    /// <returns>The name of the selected instant.</returns>
    public override string ToString() => "timestamp";
}
