using System;
using NodaTime;
using SalesKpi;

var period = ReportingCalendar.Iso.GetPeriod(new LocalDate(2026, 11, 27), PeriodKind.Quarter);
if (period.Label != "2026 Q4")
{
    Console.Error.WriteLine($"Unexpected period {period.Label}");
    return 1;
}

Console.WriteLine("AOT smoke passed");
return 0;
