using System;

namespace SalesKpi;

/// <summary>Thrown when facts that contradict each other are rejected; the message lists every issue.</summary>
public sealed class DataQualityException : ArgumentException
{
    /// <summary>Creates an exception with a default message and a clean report.</summary>
    public DataQualityException()
        : base("The facts contradict each other.")
    {
        Report = DataQualityReport.Clean;
    }

    /// <summary>Creates an exception with <paramref name="message"/> and a clean report.</summary>
    /// <param name="message">The message.</param>
    public DataQualityException(string? message)
        : base(message)
    {
        Report = DataQualityReport.Clean;
    }

    /// <summary>Creates an exception with <paramref name="message"/>, an inner exception and a clean report.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataQualityException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Report = DataQualityReport.Clean;
    }

    /// <summary>Creates an exception whose message lists every issue of <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="paramName">The name of the parameter that carried the facts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public DataQualityException(DataQualityReport report, string? paramName)
        : base((report ?? throw new ArgumentNullException(nameof(report))).ToString(), paramName)
    {
        Report = report;
    }

    /// <summary>Gets the report with every issue.</summary>
    public DataQualityReport Report { get; }
}
