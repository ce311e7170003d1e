using System;

namespace SalesKpi;

/// <summary>The outcome of <see cref="DataQualityCheck.Apply"/>: the facts to use and the report of what was left out.</summary>
public sealed class DataQualityResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="facts">The facts to use.</param>
    /// <param name="report">Every issue found; every fact left out of <paramref name="facts"/> has at least one.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DataQualityResult(SalesFacts facts, DataQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(report);
        Facts = facts;
        Report = report;
    }

    /// <summary>Gets the facts to use: the input with every offending fact left out.</summary>
    public SalesFacts Facts { get; }

    /// <summary>Gets the report; its indexes refer to the input facts.</summary>
    public DataQualityReport Report { get; }
}
