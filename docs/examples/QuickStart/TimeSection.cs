using System.Globalization;
using System.IO;
using NodaTime;
using SalesKpi;

/// <summary>Quick start: the fiscal quarter containing a date and the working days left in it.</summary>
internal static class TimeSection
{
    public static void Print(TextWriter output, LocalDate asOf)
    {
        // The sample organisation's fiscal year starts on 1 February and is named by the year it ends in:
        // FY2027 runs from 1 February 2026 to 31 January 2027.
        var calendar = ReportingCalendar.Fiscal(startMonth: 2, FiscalYearNaming.EndYear);

        // US federal holidays (observed dates) for 2026 and 2027, Saturday and Sunday weekends.
        var workingDays = WorkingCalendar.Create(
        [
            new(2026, 1, 1), new(2026, 1, 19), new(2026, 2, 16), new(2026, 5, 25), new(2026, 6, 19), new(2026, 7, 3),
            new(2026, 9, 7), new(2026, 10, 12), new(2026, 11, 11), new(2026, 11, 26), new(2026, 12, 25),
            new(2027, 1, 1), new(2027, 1, 18), new(2027, 2, 15), new(2027, 5, 31), new(2027, 6, 18), new(2027, 7, 5),
            new(2027, 9, 6), new(2027, 10, 11), new(2027, 11, 11), new(2027, 11, 25), new(2027, 12, 24),
        ]);

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
