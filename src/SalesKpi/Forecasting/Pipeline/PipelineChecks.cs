using System;

namespace SalesKpi.Forecasting;

internal static class PipelineChecks
{
    internal static void RequirePeriod(ReportingPeriod period, string paramName)
    {
        if (period == default)
        {
            throw new ArgumentException("The period is the default value, which has no dates.", paramName);
        }
    }
}
