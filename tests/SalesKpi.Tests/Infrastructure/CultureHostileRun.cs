using System.Globalization;
using System.Runtime.CompilerServices;

namespace SalesKpi.Tests.Infrastructure;

/// <summary>
/// Runs the whole test assembly under a culture that formats and parses numbers and text differently from the
/// invariant culture (decimal comma, dotted/dotless i), so any culture-implicit parse or format in the library fails.
/// </summary>
internal static class CultureHostileRun
{
    internal static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("tr-TR");

    [ModuleInitializer]
    internal static void SetHostileCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = Culture;
    }
}
