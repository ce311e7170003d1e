using System;
using System.Globalization;
using NodaTime;
using SalesKpi;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var asOf = new LocalDate(2026, 11, 27);
Console.WriteLine("SalesKpi quick start");
Console.WriteLine($"Calendar month of {asOf:uuuu-MM-dd}: {ReportingCalendar.Iso.GetPeriod(asOf, PeriodKind.Month)}");
