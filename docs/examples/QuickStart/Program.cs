using System;
using System.Globalization;
using NodaTime;
using SalesKpi.SampleData;

// The quick start: generate the sample organisation and print what SalesKpi computes from it.
// Nothing here reads the clock: the report is "as of" the last day of the generated period.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var sample = SampleOrganisation.Generate(new SampleOptions
{
    Seed = 42,
    Activities = 300_000,
    Start = new LocalDate(2023, 12, 1),
    Months = 36,
});
LocalDate asOf = sample.End.PlusDays(-1);
var output = Console.Out;

output.WriteLine($"SalesKpi quick start, as of {asOf:uuuu-MM-dd}");
output.WriteLine();
SampleDataSection.Print(output, sample);
output.WriteLine();
TimeSection.Print(output, sample.ReportingCalendar, sample.OrganisationWorkingCalendar, asOf);
output.WriteLine();
EngineSection.Print(output, sample);
output.WriteLine();
ForecastSection.Print(output, sample, asOf);
output.WriteLine();
PipelineSection.Print(output, sample, asOf);
