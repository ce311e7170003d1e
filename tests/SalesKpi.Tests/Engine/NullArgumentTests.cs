using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// Every public method of the engine's entry points, called with null for one non-nullable reference parameter at a
/// time (all others valid), throws <see cref="ArgumentNullException"/> naming that parameter — before any deferred work.
/// </summary>
public sealed class NullArgumentTests
{
    private static readonly Dictionary<Type, object> Samples = BuildSamples();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var (method, index) in Targets())
        {
            data.Add(Describe(method, index));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_null_argument_is_rejected_with_its_name(string testCase)
    {
        var (method, index) = Targets().Single(t => Describe(t.Method, t.Index) == testCase);
        var parameters = method.GetParameters();
        var args = parameters.Select((p, i) => i == index ? null : Sample(p.ParameterType)).ToArray();
        object? target = method.IsStatic ? null : Sample(method.DeclaringType!);
        var ex = Assert.Throws<TargetInvocationException>(() => method.Invoke(target, args));
        var inner = Assert.IsType<ArgumentNullException>(ex.InnerException);
        Assert.Equal(parameters[index].Name, inner.ParamName);
    }

    private static string Describe(MethodInfo method, int index) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => ShortName(p.ParameterType)))}) #{method.GetParameters()[index].Name}";

    private static string ShortName(Type type) =>
        type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(",", type.GetGenericArguments().Select(ShortName)) + ">"
            : type.Name;

    private static IEnumerable<(MethodInfo Method, int Index)> Targets()
    {
        var nullability = new NullabilityInfoContext();
        var methods = typeof(Metric).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(Close)
            .Concat(typeof(Metric<Act, int>).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Concat(typeof(KpiState<Act, int>).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Concat(typeof(KpiTable<int>).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition);
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            for (int i = 0; i < parameters.Length; i++)
            {
                var p = parameters[i];
                if (p.ParameterType.IsValueType || p.ParameterType.IsByRef || nullability.Create(p).WriteState == NullabilityState.Nullable)
                {
                    continue;
                }

                yield return (method, i);
            }
        }
    }

    private static MethodInfo Close(MethodInfo method)
    {
        if (!method.IsGenericMethodDefinition)
        {
            return method;
        }

        var types = method.GetGenericArguments().Select(a => a.Name switch
        {
            "TFact" => typeof(Act),
            "TEvent" => typeof(Step),
            "TNew" => typeof(string),
            _ => typeof(int),
        }).ToArray();
        return method.MakeGenericMethod(types);
    }

    private static object? Sample(Type type)
    {
        if (Samples.TryGetValue(type, out var value))
        {
            return value;
        }

        return type.IsValueType ? Activator.CreateInstance(type) : throw new InvalidOperationException("No sample for " + type);
    }

    private static Dictionary<Type, object> BuildSamples()
    {
        var perDay = Metric.Count<Act>().By(a => a.Rep).PerPeriod(PeriodKind.Day, a => a.At);
        var table = Metric.Count<Act>().By(a => a.Rep).Evaluate(Array.Empty<Act>());
        return new Dictionary<Type, object>
        {
            [typeof(Metric<Act, Ungrouped>)] = Metric.Count<Act>(),
            [typeof(Metric<Act, int>)] = perDay,
            [typeof(KpiState<Act, int>)] = perDay.CreateState(T.Utc),
            [typeof(KpiTable<int>)] = table,
            [typeof(KpiSnapshot<int>)] = perDay.CreateState(T.Utc).ToSnapshot(),
            [typeof(EvaluationOptions<Act>)] = EvaluationOptions<Act>.InZone(T.Utc),
            [typeof(ReportingCalendar)] = ReportingCalendar.Iso,
            [typeof(DateTimeZone)] = T.Utc,
            [typeof(DateInterval)] = new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 2)),
            [typeof(string)] = "name",
            [typeof(Act[])] = Array.Empty<Act>(),
            [typeof(IEnumerable<Act>)] = new List<Act>(),
            [typeof(IEnumerable<int>)] = new[] { 1 },
            [typeof(Func<Act, bool>)] = new Func<Act, bool>(_ => true),
            [typeof(Func<Act, int>)] = new Func<Act, int>(a => a.Rep),
            [typeof(Func<Act, long>)] = new Func<Act, long>(a => a.Seconds),
            [typeof(Func<Act, decimal>)] = new Func<Act, decimal>(a => a.Amount),
            [typeof(Func<Act, double>)] = new Func<Act, double>(a => a.Seconds),
            [typeof(Func<Act, Instant>)] = new Func<Act, Instant>(a => a.At),
            [typeof(Func<Act, LocalDate>)] = new Func<Act, LocalDate>(a => a.At.InUtc().Date),
            [typeof(Func<Act, IReadOnlyList<Step>>)] = new Func<Act, IReadOnlyList<Step>>(_ => []),
            [typeof(Func<Step, Instant>)] = new Func<Step, Instant>(s => s.At),
            [typeof(Func<Step, bool>)] = new Func<Step, bool>(_ => true),
            [typeof(Func<KpiValue, bool>)] = new Func<KpiValue, bool>(_ => true),
            [typeof(Func<KpiValue, KpiValue, KpiValue>)] = new Func<KpiValue, KpiValue, KpiValue>((a, _) => a),
            [typeof(Func<int, ReportingPeriod?, decimal?>)] = new Func<int, ReportingPeriod?, decimal?>((_, _) => 1m),
            [typeof(Func<int, string>)] = new Func<int, string>(k => "x"),
            [typeof(Func<Act, Ungrouped>)] = new Func<Act, Ungrouped>(_ => Ungrouped.All),
        };
    }
}
