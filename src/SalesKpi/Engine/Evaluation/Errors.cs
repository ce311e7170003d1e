using System;

namespace SalesKpi;

/// <summary>Builds argument exceptions for errors found during evaluation, naming the public parameter at fault.</summary>
internal static class Errors
{
    public static ArgumentException Argument(string message, string paramName) => new(message, paramName);

    public static ArgumentException Argument(string message, string paramName, Exception inner) => new(message, paramName, inner);

    public static ArgumentOutOfRangeException OutOfRange(string paramName, object actualValue, string message) => new(paramName, actualValue, message);

    public static CurrencyMismatchException CurrencyMismatch(Currency expected, Currency actual, string paramName) => new(expected, actual, paramName);
}
