using System.Globalization;

namespace SalesKpi.SampleData;

/// <summary>A rep's monthly target: in fiscal <see cref="Month"/> the rep should reach <see cref="Target"/> of <see cref="Measure"/>.</summary>
/// <remarks>
/// The sample sets one target per role and month, a little above the organisation's average result so that
/// attainment spreads around 85–90%, and prorates it by working days (the rep's own working calendar) for a rep who
/// joins, leaves or changes role during the month. Amounts are in the organisation currency. Equal when all components are equal.
/// </remarks>
/// <param name="Rep">The rep.</param>
/// <param name="Month">The fiscal month of the sample's reporting calendar.</param>
/// <param name="Measure">What is measured.</param>
/// <param name="Target">The target: a count for <see cref="QuotaMeasure.LeadsPassed"/>, an amount otherwise.</param>
public readonly record struct RepQuota(RepId Rep, ReportingPeriod Month, QuotaMeasure Measure, decimal Target)
{
    /// <summary>Formats the quota, for example <c>rep 3 FY2027 M01 NewBusinessBookings 42000</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"rep {Rep} {Month.Label} {Measure} {Target}");
}
