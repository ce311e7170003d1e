using System.Globalization;

namespace SalesKpi;

/// <summary>Culture-invariant formatting of KPI numbers for <c>ToString</c> and plain-text tables.</summary>
internal static class KpiFormat
{
    internal const string UndefinedText = "undefined";

    internal static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    internal static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    internal static string Value(KpiValue value, bool withParts)
    {
        string main = value.IsUndefined
            ? UndefinedText
            : value.ExactValue is decimal exact ? Number(exact) : Number(value.RawValue);
        if (!withParts || value.Numerator is not double)
        {
            return main;
        }

        return main + " (" + Parts(value) + ")";
    }

    internal static string Parts(KpiValue value)
    {
        if (value.Numerator is not double numerator || value.Denominator is not double denominator)
        {
            return string.Empty;
        }

        string n = value.ExactNumerator is decimal en ? Number(en) : Number(numerator);
        string d = value.ExactDenominator is decimal ed ? Number(ed) : Number(denominator);
        return n + "/" + d;
    }
}
