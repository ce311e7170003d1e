namespace SalesKpi;

/// <summary>How a fiscal or retail year that does not coincide with a calendar year is named.</summary>
/// <remarks>
/// There is no default: every fiscal and retail calendar states its naming, because both conventions are common
/// and a wrong guess shifts every label by a year. A fiscal year from 1 February 2026 to 31 January 2027 is
/// <c>FY2026</c> under <see cref="StartYear"/> and <c>FY2027</c> under <see cref="EndYear"/>. When the fiscal
/// year starts in January both namings give the same name.
/// </remarks>
public enum FiscalYearNaming
{
    /// <summary>The fiscal year is named after the calendar year in which it starts (the NRF retail convention).</summary>
    StartYear = 1,

    /// <summary>The fiscal year is named after the calendar year in which it ends (the US federal convention).</summary>
    EndYear = 2,
}
