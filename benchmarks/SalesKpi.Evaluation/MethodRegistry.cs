using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using SalesKpi.Forecasting;

namespace SalesKpi.Evaluation;

/// <summary>
/// The evaluation's methods by name (case-insensitive). The exponential-smoothing family is looked up in the
/// library by type name, so the command builds and runs without it and reports what is missing.
/// </summary>
internal static class MethodRegistry
{
    /// <summary>The names, in the order they run when no method is given.</summary>
    internal static readonly string[] Names = ["naive2", "ses", "holt", "damped", "theta", "comb", "autoets", "autocomb", "thetaf", "naive", "snaive"];

    /// <summary>The methods run when no <c>--method</c> is given.</summary>
    internal static readonly string[] Default = ["naive2", "ses", "holt", "damped", "theta", "comb", "autoets", "autocomb"];

    /// <summary>Resolves a name to a method, or explains why it is not available.</summary>
    internal static ForecastMethod? Resolve(string name, out string? missing)
    {
        missing = null;
        switch (name.ToUpperInvariant())
        {
            case "NAIVE2":
                return new SeasonallyAdjusted(new Naive());
            case "NAIVE":
                return new Naive();
            case "SNAIVE":
                return new SeasonalNaive();
            case "THETA":
                return new SeasonallyAdjusted(new Theta(seasonalAdjustment: false));
            case "THETAF":
                return new Theta();
            case "SES":
                return Adjusted(Ses(), "SES", out missing);
            case "HOLT":
                return Adjusted(Holt(damped: false), "Holt", out missing);
            case "DAMPED":
                return Adjusted(Holt(damped: true), "damped Holt", out missing);
            case "COMB":
            {
                var ses = Ses();
                var holt = Holt(damped: false);
                var damped = Holt(damped: true);
                if (ses is null || holt is null || damped is null)
                {
                    missing = "comb needs SES, Holt and damped Holt from the exponential-smoothing family";
                    return null;
                }

                return new SeasonallyAdjusted(new Combination(ses, holt, damped));
            }

            case "AUTOETS":
            {
                var ets = AutoEts();
                missing = ets is null ? "automatic ETS is not in this build of the library" : null;
                return ets;
            }

            case "AUTOCOMB":
            {
                // Equal-weight automatic ETS and standard Theta (R thetaf): both select their own seasonality.
                var ets = AutoEts();
                if (ets is null)
                {
                    missing = "autocomb needs automatic ETS from the exponential-smoothing family";
                    return null;
                }

                return new Combination(ets, new Theta());
            }

            default:
                missing = $"unknown method '{name}'; known: {string.Join(", ", Names)}";
                return null;
        }
    }

    private static ForecastMethod? Adjusted(ForecastMethod? inner, string what, out string? missing)
    {
        missing = inner is null ? $"{what} is not in this build of the library" : null;
        return inner is null ? null : new SeasonallyAdjusted(inner);
    }

    private static ForecastMethod? Ses() => Factory("Ses") ?? Create(["SimpleExponentialSmoothing", "Ses"], null);

    private static ForecastMethod? Holt(bool damped) => damped
        ? Factory("DampedHolt") ?? Create(["DampedHolt", "DampedTrend", "Damped"], null) ?? Create(["Holt", "HoltLinear"], ("damped", true))
        : Factory("Holt") ?? Create(["Holt", "HoltLinear"], null);

    private static ForecastMethod? AutoEts() => Factory("AutoEts") ?? Create(["AutoEts", "AutoEtsMethod"], null);

    /// <summary>Calls a parameterless static factory of that name on a public static class of the library (for example <c>ExponentialSmoothing.Ses()</c>).</summary>
    private static ForecastMethod? Factory(string methodName)
    {
        foreach (var type in typeof(ForecastMethod).Assembly.GetExportedTypes())
        {
            if (!(type.IsAbstract && type.IsSealed))
            {
                continue;
            }

            var method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
            if (method is not null && typeof(ForecastMethod).IsAssignableFrom(method.ReturnType))
            {
                return (ForecastMethod?)method.Invoke(null, null);
            }
        }

        return null;
    }

    /// <summary>Creates the first library type found by one of the names through a constructor whose parameters are all optional.</summary>
    private static ForecastMethod? Create(string[] typeNames, (string Name, object Value)? argument)
    {
        var assembly = typeof(ForecastMethod).Assembly;
        foreach (string typeName in typeNames)
        {
            var type = assembly.GetTypes().FirstOrDefault(t =>
                t.IsPublic && !t.IsAbstract && typeof(ForecastMethod).IsAssignableFrom(t)
                && string.Equals(t.Name, typeName, StringComparison.OrdinalIgnoreCase));
            if (type is null)
            {
                continue;
            }

            foreach (var constructor in type.GetConstructors().OrderBy(c => c.GetParameters().Length))
            {
                var parameters = constructor.GetParameters();
                if (!parameters.All(p => p.IsOptional || (argument is { } a && string.Equals(p.Name, a.Name, StringComparison.OrdinalIgnoreCase))))
                {
                    continue;
                }

                if (argument is { } required && !parameters.Any(p => string.Equals(p.Name, required.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var values = parameters
                    .Select(p => argument is { } a && string.Equals(p.Name, a.Name, StringComparison.OrdinalIgnoreCase) ? a.Value : p.DefaultValue)
                    .ToArray();
                return (ForecastMethod)constructor.Invoke(values);
            }
        }

        return null;
    }
}
