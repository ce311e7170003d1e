using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SalesKpi;

/// <summary>The result of a <see cref="DataQualityCheck"/>: every issue found, in a stable order.</summary>
/// <remarks>
/// Issues are ordered by <see cref="FactKind"/>, then by index in the collection, then by rule, so the same facts
/// always give the same report. Immutable.
/// </remarks>
public sealed class DataQualityReport
{
    private readonly DataQualityIssue[] _issues;

    /// <summary>Creates a report from <paramref name="issues"/> (copied and sorted).</summary>
    /// <param name="issues">The issues.</param>
    /// <exception cref="ArgumentNullException"><paramref name="issues"/> is or contains <see langword="null"/>.</exception>
    public DataQualityReport(IEnumerable<DataQualityIssue> issues)
    {
        _issues = Facts.Copy(issues, nameof(issues));
        foreach (DataQualityIssue issue in _issues)
        {
            if (issue is null)
            {
                throw new ArgumentNullException(nameof(issues), "The issues contain null.");
            }
        }

        Array.Sort(_issues, static (a, b) =>
        {
            int c = a.Kind.CompareTo(b.Kind);
            if (c == 0)
            {
                c = a.Index.CompareTo(b.Index);
            }

            if (c == 0)
            {
                c = a.Rule.CompareTo(b.Rule);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Reason, b.Reason);
        });
    }

    /// <summary>Gets the report with no issues.</summary>
    public static DataQualityReport Clean { get; } = new([]);

    /// <summary>Gets every issue, ordered by kind, index and rule.</summary>
    public IReadOnlyList<DataQualityIssue> Issues => _issues;

    /// <summary>Gets a value indicating whether no issue was found.</summary>
    public bool IsClean => _issues.Length == 0;

    /// <summary>Returns the issues about facts of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind of fact.</param>
    /// <returns>The issues, in report order.</returns>
    public IReadOnlyList<DataQualityIssue> IssuesOf(FactKind kind) => Array.FindAll(_issues, issue => issue.Kind == kind);

    /// <summary>Returns the issues breaking <paramref name="rule"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The issues, in report order.</returns>
    public IReadOnlyList<DataQualityIssue> IssuesOf(DataQualityRule rule) => Array.FindAll(_issues, issue => issue.Rule == rule);

    /// <summary>Throws a <see cref="DataQualityException"/> listing every issue, unless the report is clean.</summary>
    /// <exception cref="DataQualityException">The report has at least one issue.</exception>
    public void ThrowIfAny()
    {
        if (!IsClean)
        {
            throw new DataQualityException(this, "facts");
        }
    }

    /// <summary>Lists the issues, one per line, after a count line.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{_issues.Length} data-quality issue(s)");
        foreach (DataQualityIssue issue in _issues)
        {
            text.Append('\n').Append(issue.ToString());
        }

        return text.ToString();
    }
}
