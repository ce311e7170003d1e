using System;
using Xunit;

namespace SalesKpi.Tests.Infrastructure;

/// <summary>Asserts the library's rule for bad input: an <see cref="ArgumentException"/> (or subclass) naming the parameter and quoting the offending value.</summary>
public static class ArgumentAssert
{
    /// <summary>
    /// Asserts that <paramref name="action"/> throws an <see cref="ArgumentException"/> or subclass whose
    /// <see cref="ArgumentException.ParamName"/> is <paramref name="paramName"/> and whose message contains
    /// <paramref name="valueText"/> (the offending value as the library prints it, invariantly).
    /// </summary>
    public static ArgumentException Rejects(string paramName, string valueText, Action action)
    {
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(paramName, e.ParamName);
        Assert.Contains(valueText, e.Message, StringComparison.Ordinal);
        return e;
    }

    /// <summary>As <see cref="Rejects(string, string, Action)"/> for a function whose result is discarded.</summary>
    public static ArgumentException Rejects<T>(string paramName, string valueText, Func<T> func) =>
        Rejects(paramName, valueText, () => { _ = func(); });
}
