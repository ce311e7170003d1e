using System;
using System.Globalization;
using NodaTime;

// The quick start: generate the sample organisation and print what SalesKpi computes from it.
// Nothing here reads the clock: the report is "as of" a fixed date.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var asOf = new LocalDate(2026, 11, 27);
var output = Console.Out;

output.WriteLine($"SalesKpi quick start, as of {asOf:uuuu-MM-dd}");
output.WriteLine();
TimeSection.Print(output, asOf);
