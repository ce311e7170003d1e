using System.Globalization;
using System.IO;
using NodaTime;
using SalesKpi;

/// <summary>Quick start: the fiscal quarter containing a date and the working days left in it (asOf counts as elapsed).</summary>
internal static class TimeSection
{
    public static void Print(TextWriter output, ReportingCalendar calendar, WorkingCalendar workingDays, LocalDate asOf)
    {
        var quarter = calendar.GetPeriod(asOf, PeriodKind.Quarter);
        int total = workingDays.WorkingDaysIn(quarter);
        int left = workingDays.RemainingWorkingDays(quarter, asOf);
        var inclusiveEnd = quarter.End.PlusDays(-1);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Fiscal quarter of {asOf:uuuu-MM-dd}: {quarter.Label} ({quarter.Start:uuuu-MM-dd} to {inclusiveEnd:uuuu-MM-dd})"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Working days left after {asOf:uuuu-MM-dd}: {left} of {total} ({workingDays.RemainingShare(quarter, asOf) * 100:F0}% of the quarter)"));
    }
}
