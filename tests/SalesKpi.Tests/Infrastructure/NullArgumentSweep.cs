using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;
using NodaTime;

namespace SalesKpi.Tests.Infrastructure;

/// <summary>
/// A reflective sweep over every public constructor and method (including property accessors and operators) of
/// public types: for each parameter that is a reference type declared non-nullable, it passes <see langword="null"/>
/// with valid dummies for the other parameters and expects an <see cref="ArgumentNullException"/> whose
/// <see cref="ArgumentException.ParamName"/> is that parameter's name, thrown eagerly (not deferred until a result
/// is enumerated).
/// </summary>
/// <remarks>
/// <para>
/// Dummies: <see cref="Dummies"/> first (add an entry when a type of yours cannot be built automatically), then
/// <see langword="null"/> for nullable parameters, then enums (first value), arrays and collection interfaces (one
/// element), delegates (returning a dummy), then the type's own public static factories, public constructors,
/// public static properties and fields, and for abstract classes a subclass emitted at run time. Generic
/// definitions are closed with the first of <see cref="GenericArgumentCandidates"/> that fits the constraints.
/// </para>
/// <para>
/// What the sweep cannot reach: a member whose parameters include a by-ref-like type (<see cref="Span{T}"/>,
/// <see cref="ReadOnlySpan{T}"/>) cannot be invoked by reflection and is skipped; a parameter typed as a
/// generic parameter is skipped (its nullability depends on the type argument). Everything else that cannot be
/// exercised is reported as unreachable, so a new type that needs a dummy shows up instead of silently escaping.
/// </para>
/// </remarks>
public static class NullArgumentSweep
{
    /// <summary>Explicit dummies, tried first. Each is a valid, ordinary value of its type.</summary>
    public static readonly IReadOnlyDictionary<Type, Func<object>> Dummies = new Dictionary<Type, Func<object>>
    {
        [typeof(string)] = () => "x",
        [typeof(object)] = () => new object(),
        [typeof(int)] = () => 1,
        [typeof(long)] = () => 1L,
        [typeof(short)] = () => (short)1,
        [typeof(byte)] = () => (byte)1,
        [typeof(double)] = () => 0.5,
        [typeof(float)] = () => 0.5f,
        [typeof(decimal)] = () => 1m,
        [typeof(bool)] = () => true,
        [typeof(char)] = () => 'x',
        [typeof(Instant)] = () => Instant.FromUtc(2026, 1, 5, 9, 0),
        [typeof(LocalDate)] = () => new LocalDate(2026, 1, 5),
        [typeof(LocalDateTime)] = () => new LocalDateTime(2026, 1, 5, 9, 0),
        [typeof(Duration)] = () => Duration.FromMinutes(5),
        [typeof(Period)] = () => Period.FromDays(1),
        [typeof(DateTimeZone)] = () => DateTimeZone.Utc,
        [typeof(DateInterval)] = () => new DateInterval(new LocalDate(2026, 1, 5), new LocalDate(2026, 1, 9)),
        [typeof(CultureInfo)] = () => CultureInfo.InvariantCulture,
        [typeof(IFormatProvider)] = () => CultureInfo.InvariantCulture,
        [typeof(TextWriter)] = () => new StringWriter(CultureInfo.InvariantCulture),
        [typeof(IEqualityComparer<string>)] = () => StringComparer.Ordinal,
        [typeof(IComparer<string>)] = () => StringComparer.Ordinal,
        [typeof(Currency)] = () => Currency.Usd,
        [typeof(Money)] = () => Money.Of(100m, Currency.Usd),
        [typeof(SalesActivityKind)] = () => SalesActivityKind.Call,
        [typeof(DealStage)] = () => DealStage.Of("Discovery", 0),
        [typeof(WorkingCalendarId)] = () => WorkingCalendarId.Of("x"),
        [typeof(KpiSnapshot)] = () => new KpiSnapshot<int>("count", 0, [], null, []),
        [typeof(SalesKpi.Forecasting.Forecast)] = () => new SalesKpi.Forecasting.Forecast("x", new[] { 1.0 }, Array.Empty<SalesKpi.Forecasting.PredictionInterval>()),
        [typeof(SalesKpi.Forecasting.EtsMethod)] = () => SalesKpi.Forecasting.ExponentialSmoothing.Ses(),
        [typeof(SalesKpi.Forecasting.AutoEtsMethod)] = () => SalesKpi.Forecasting.ExponentialSmoothing.AutoEts(),
        [typeof(SalesKpi.Forecasting.HoltWintersSseMethod)] = () => SalesKpi.Forecasting.ExponentialSmoothing.HoltWintersSse(SalesKpi.Forecasting.EtsSeason.Additive),
        [typeof(SalesKpi.Forecasting.PipelineMarkovChain)] = () => SalesKpi.Forecasting.PipelineMarkovChain.Learn(
            [new Deal(DealId.Of(1), RepId.Of(1), AccountId.None, null, Instant.FromUtc(2026, 1, 1, 9, 0), null, [new StageChange<DealStage>(Instant.FromUtc(2026, 1, 1, 9, 0), DealStage.Of("Discovery", 0))], outcome: DealOutcome.Won(Instant.FromUtc(2026, 1, 20, 9, 0)))],
            [Instant.FromUtc(2026, 1, 5, 9, 0), Instant.FromUtc(2026, 2, 5, 9, 0)]),
        [typeof(Metric<RepId, Ungrouped>)] = () => Metric.Count<RepId>(),
        [typeof(Metric<RepId, RepId>)] = () => Metric.Count<RepId>().By(r => r),
        [typeof(Metric<SalesActivity, RepId>)] = () => Metric.Count<SalesActivity>().By(a => a.Rep),
        [typeof(KpiState<RepId, RepId>)] = () => Metric.Count<RepId>().By(r => r).CreateState(),
        [typeof(KpiTable<RepId>)] = () => Metric.Count<RepId>().By(r => r).Evaluate(Array.Empty<RepId>()),
        [typeof(FactKey<RepId, RepId>)] = () => FactKey<RepId, RepId>.Of(default(RepIdentityKey), "rep"),
    };

    /// <summary>Type arguments tried, in order, to close a generic type or method definition.</summary>
    public static readonly IReadOnlyList<Type> GenericArgumentCandidates = [typeof(RepId), typeof(string), typeof(int), typeof(object)];

    /// <summary>Further arguments tried in combination when no single candidate closes a generic method.</summary>
    public static readonly IReadOnlyList<Type> MixedGenericArgumentCandidates = [typeof(SalesActivity), typeof(ActivityFilter), typeof(ActivityTime), typeof(RepIdentityKey), typeof(RepIdDate)];

    private const int MaxDepth = 5;

    /// <summary>Sweeps every public type of <paramref name="assembly"/>.</summary>
    public static SweepResult Run(Assembly assembly) => Run(assembly.GetExportedTypes());

    /// <summary>Sweeps <paramref name="types"/>.</summary>
    public static SweepResult Run(IEnumerable<Type> types)
    {
        var result = new SweepResult();
        foreach (Type open in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (open.IsInterface || open.IsEnum || typeof(Delegate).IsAssignableFrom(open))
            {
                continue;
            }

            Type? type = open.IsGenericTypeDefinition ? Close(open) : open;
            if (type is null)
            {
                result.Unreachable.Add($"{Name(open)}: no generic arguments fit its constraints");
                continue;
            }

            foreach (MethodBase openMember in Members(open))
            {
                SweepMember(type, openMember, result);
            }
        }

        return result;
    }

    private static IEnumerable<MethodBase> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (ConstructorInfo ctor in type.GetConstructors(flags))
        {
            yield return ctor;
        }

        foreach (MethodInfo method in type.GetMethods(flags))
        {
            if (!method.IsAbstract)
            {
                yield return method;
            }
        }
    }

    private static void SweepMember(Type type, MethodBase openMember, SweepResult result)
    {
        ParameterInfo[] openParameters = openMember.GetParameters();
        var nullability = new NullabilityInfoContext();
        int[] targets = [.. Enumerable.Range(0, openParameters.Length).Where(i => IsNonNullableReference(openParameters[i], nullability))];
        if (targets.Length == 0)
        {
            return;
        }

        string label = $"{Name(type)}.{Signature(openMember)}";
        if (openParameters.Any(p => p.ParameterType.IsByRefLike || (p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsByRefLike)))
        {
            result.SkippedByRefLike.Add(label);
            return;
        }

        MethodBase? member = Bind(type, openMember);
        if (member is null)
        {
            result.Unreachable.Add($"{label}: no generic arguments fit its constraints");
            return;
        }

        ParameterInfo[] parameters = member.GetParameters();
        object? instance = null;
        if (!member.IsStatic && member is not ConstructorInfo)
        {
            if (!TryCreate(type, 0, out instance))
            {
                result.Unreachable.Add($"{label}: cannot build an instance of {Name(type)}");
                return;
            }
        }

        var args = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            if (!TryArgument(openParameters[i], parameters[i], nullability, out args[i]))
            {
                result.Unreachable.Add($"{label}: cannot build a {Name(parameters[i].ParameterType)} for '{parameters[i].Name}'");
                return;
            }
        }

        foreach (int target in targets)
        {
            object?[] call = (object?[])args.Clone();
            call[target] = null;
            string expected = parameters[target].Name!;
            result.Checked.Add($"{label} [{expected}]");
            try
            {
                object? returned = Invoke(type, member, instance, call);
                result.Failures.Add($"{label}: null for '{expected}' was accepted{(returned is IEnumerable and not string ? " (validation deferred?)" : string.Empty)}");
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentNullException ane)
            {
                if (ane.ParamName != expected)
                {
                    result.Failures.Add($"{label}: null for '{expected}' threw ArgumentNullException naming '{ane.ParamName}'");
                }
            }
            catch (TargetInvocationException e)
            {
                result.Failures.Add($"{label}: null for '{expected}' threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
            }
        }
    }

    private static object? Invoke(Type type, MethodBase member, object? instance, object?[] args)
    {
        if (member is ConstructorInfo ctor)
        {
            if (type.IsAbstract)
            {
                Type derived = AbstractSubclasses.For(type) ?? throw new InvalidOperationException($"Cannot derive from {Name(type)}.");
                ConstructorInfo forwarding = derived.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [.. ctor.GetParameters().Select(p => p.ParameterType)])!;
                return forwarding.Invoke(args);
            }

            return ctor.Invoke(args);
        }

        return member.Invoke(instance, args);
    }

    private static bool IsNonNullableReference(ParameterInfo parameter, NullabilityInfoContext context)
    {
        Type type = parameter.ParameterType;
        if (parameter.IsOut || type.IsByRef || type.IsValueType || type.IsGenericParameter || type.ContainsGenericParameters && type.IsGenericParameter)
        {
            return false;
        }

        if (type.IsPointer)
        {
            return false;
        }

        return context.Create(parameter).WriteState == NullabilityState.NotNull;
    }

    private static bool TryArgument(ParameterInfo openParameter, ParameterInfo parameter, NullabilityInfoContext context, out object? value)
    {
        Type type = parameter.ParameterType;
        if (type.IsByRef)
        {
            type = type.GetElementType()!;
        }

        if (Nullable.GetUnderlyingType(type) is not null)
        {
            value = null;
            return true;
        }

        if (!type.IsValueType && !openParameter.ParameterType.IsGenericParameter && context.Create(openParameter).WriteState == NullabilityState.Nullable)
        {
            value = null;
            return true;
        }

        return TryCreate(type, 0, out value);
    }

    /// <summary>Builds an ordinary, valid value of <paramref name="type"/> (see the class remarks for the order tried).</summary>
    public static bool TryCreate(Type type, int depth, out object? value)
    {
        value = null;
        if (depth > MaxDepth)
        {
            return false;
        }

        if (Dummies.TryGetValue(type, out Func<object>? factory))
        {
            value = factory();
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TryCreate(underlying, depth + 1, out value);
        }

        if (type.IsEnum)
        {
            Array values = Enum.GetValues(type);
            value = values.Length > 0 ? values.GetValue(0) : Activator.CreateInstance(type);
            return true;
        }

        if (type.IsArray)
        {
            Type element = type.GetElementType()!;
            Array array = Array.CreateInstance(element, TryCreate(element, depth + 1, out object? item) ? 1 : 0);
            if (array.Length == 1)
            {
                array.SetValue(item, 0);
            }

            value = array;
            return true;
        }

        if (type.IsGenericType)
        {
            Type definition = type.GetGenericTypeDefinition();
            Type[] arguments = type.GetGenericArguments();
            if (definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
                || definition == typeof(IList<>) || definition == typeof(ICollection<>))
            {
                return TryCreate(arguments[0].MakeArrayType(), depth + 1, out value);
            }

            if (definition == typeof(ReadOnlyMemory<>) || definition == typeof(Memory<>))
            {
                TryCreate(arguments[0].MakeArrayType(), depth + 1, out object? array);
                value = Activator.CreateInstance(type, array);
                return true;
            }

            if (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                if (TryCreate(arguments[0], depth + 1, out object? key) && key is not null && TryCreate(arguments[1], depth + 1, out object? item))
                {
                    dictionary.Add(key, item);
                }

                value = dictionary;
                return true;
            }

            if (definition == typeof(List<>))
            {
                var list = (IList)Activator.CreateInstance(type)!;
                if (TryCreate(arguments[0], depth + 1, out object? item))
                {
                    list.Add(item);
                }

                value = list;
                return true;
            }
        }

        if (typeof(Delegate).IsAssignableFrom(type) && type != typeof(Delegate) && type != typeof(MulticastDelegate))
        {
            MethodInfo invoke = type.GetMethod("Invoke")!;
            ParameterExpression[] parameters = [.. invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name))];
            Expression body = invoke.ReturnType == typeof(void)
                ? Expression.Empty()
                : TryCreate(invoke.ReturnType, depth + 1, out object? result)
                    ? Expression.Constant(result, invoke.ReturnType)
                    : Expression.Default(invoke.ReturnType);
            value = Expression.Lambda(type, body, parameters).Compile();
            return true;
        }

        if (type.IsInterface || type.IsGenericTypeDefinition || type.ContainsGenericParameters)
        {
            return TryFromImplementations(type, depth, out value);
        }

        return TryFromStaticFactories(type, depth, out value)
            || TryFromConstructors(type, depth, out value)
            || TryFromStaticMembers(type, out value)
            || TryFromImplementations(type, depth, out value)
            || TryDefault(type, out value);
    }

    private static bool TryFromStaticFactories(Type type, int depth, out object? value)
    {
        IEnumerable<MethodInfo> factories = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == type && !m.IsSpecialName && !m.IsGenericMethodDefinition)
            .OrderBy(m => m.Name is "Of" or "Create" || m.Name.StartsWith("From", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(m => m.GetParameters().Length);
        foreach (MethodInfo factory in factories)
        {
            if (TryCall(factory, null, depth, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    private static bool TryFromConstructors(Type type, int depth, out object? value)
    {
        value = null;
        if (type.IsAbstract)
        {
            return false;
        }

        foreach (ConstructorInfo ctor in type.GetConstructors().OrderBy(c => c.GetParameters().Length))
        {
            if (TryCall(ctor, null, depth, out value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryFromStaticMembers(Type type, out object? value)
    {
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type && p.GetIndexParameters().Length == 0))
        {
            value = property.GetValue(null);
            if (value is not null)
            {
                return true;
            }
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == type))
        {
            value = field.GetValue(null);
            if (value is not null)
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    private static bool TryFromImplementations(Type type, int depth, out object? value)
    {
        value = null;
        if (!type.IsInterface && !type.IsAbstract)
        {
            return false;
        }

        foreach (Type candidate in type.Assembly.GetExportedTypes().Where(t => !t.IsAbstract && !t.IsInterface && !t.ContainsGenericParameters && type.IsAssignableFrom(t)))
        {
            if (TryCreate(candidate, depth + 1, out value))
            {
                return true;
            }
        }

        if (type.IsAbstract && !type.IsInterface && AbstractSubclasses.For(type) is { } derived)
        {
            foreach (ConstructorInfo ctor in derived.GetConstructors().OrderBy(c => c.GetParameters().Length))
            {
                if (TryCall(ctor, null, depth, out value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryDefault(Type type, out object? value)
    {
        value = type.IsValueType ? Activator.CreateInstance(type) : null;
        return type.IsValueType;
    }

    private static bool TryCall(MethodBase member, object? instance, int depth, out object? value)
    {
        value = null;
        ParameterInfo[] parameters = member.GetParameters();
        if (parameters.Any(p => p.ParameterType.IsByRef || p.ParameterType.IsByRefLike || p.ParameterType.IsPointer))
        {
            return false;
        }

        var args = new object?[parameters.Length];
        var nullability = new NullabilityInfoContext();
        for (int i = 0; i < parameters.Length; i++)
        {
            Type p = parameters[i].ParameterType;
            if (Nullable.GetUnderlyingType(p) is not null
                || (!p.IsValueType && nullability.Create(parameters[i]).WriteState == NullabilityState.Nullable))
            {
                args[i] = null;
            }
            else if (!TryCreate(p, depth + 1, out args[i]))
            {
                return false;
            }
        }

        try
        {
            value = member is ConstructorInfo ctor ? ctor.Invoke(args) : member.Invoke(instance, args);
            return value is not null;
        }
        catch (TargetInvocationException)
        {
            return false;
        }
    }

    private static Type? Close(Type definition)
    {
        Type[] parameters = definition.GetGenericArguments();
        var arguments = new Type[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            Type? fit = null;
            foreach (Type candidate in GenericArgumentCandidates)
            {
                Type[] trial = [.. arguments.Take(i).Append(candidate).Concat(Enumerable.Repeat(candidate, parameters.Length - i - 1))];
                try
                {
                    definition.MakeGenericType(trial);
                    fit = candidate;
                    break;
                }
                catch (ArgumentException)
                {
                }
            }

            if (fit is null)
            {
                return null;
            }

            arguments[i] = fit;
        }

        return definition.MakeGenericType(arguments);
    }

    private static MethodBase? Bind(Type closedType, MethodBase openMember)
    {
        MethodBase member = closedType == openMember.DeclaringType ? openMember : (MethodBase)closedType.GetMemberWithSameMetadataDefinitionAs(openMember);
        if (member is MethodInfo { IsGenericMethodDefinition: true } generic)
        {
            Type[] parameters = generic.GetGenericArguments();
            foreach (Type candidate in GenericArgumentCandidates)
            {
                try
                {
                    return generic.MakeGenericMethod([.. Enumerable.Repeat(candidate, parameters.Length)]);
                }
                catch (ArgumentException)
                {
                }
            }

            // Mixed arguments, for methods whose parameters constrain each other (a predicate type over a fact type).
            Type[] pool = [.. GenericArgumentCandidates, .. MixedGenericArgumentCandidates];
            if (parameters.Length <= 3)
            {
                foreach (Type[] trial in Combinations(pool, parameters.Length))
                {
                    try
                    {
                        return generic.MakeGenericMethod(trial);
                    }
                    catch (ArgumentException)
                    {
                    }
                }
            }

            return null;
        }

        return member;
    }

    private static IEnumerable<Type[]> Combinations(Type[] pool, int length)
    {
        if (length == 0)
        {
            yield return [];
            yield break;
        }

        foreach (Type[] rest in Combinations(pool, length - 1))
        {
            foreach (Type candidate in pool)
            {
                yield return [.. rest, candidate];
            }
        }
    }

    private static string Signature(MethodBase member) =>
        $"{(member is ConstructorInfo ? ".ctor" : member.Name)}({string.Join(", ", member.GetParameters().Select(p => Name(p.ParameterType)))})";

    private static string Name(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
            : type.Name;

    /// <summary>Subclasses of abstract classes emitted at run time: every abstract member throws, every accessible constructor forwards.</summary>
    private static class AbstractSubclasses
    {
        private static readonly ModuleBuilder Module =
            AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("NullArgumentSweep.Derived"), AssemblyBuilderAccess.Run).DefineDynamicModule("Derived");

        private static readonly Dictionary<Type, Type?> Cache = [];
        private static readonly object Gate = new();

        internal static Type? For(Type baseType)
        {
            lock (Gate)
            {
                if (!Cache.TryGetValue(baseType, out Type? derived))
                {
                    derived = TryEmit(baseType);
                    Cache.Add(baseType, derived);
                }

                return derived;
            }
        }

        private static Type? TryEmit(Type baseType)
        {
            if (baseType.IsSealed || !baseType.IsAbstract || baseType.ContainsGenericParameters)
            {
                return null;
            }

            ConstructorInfo[] ctors = [.. baseType.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Where(c => c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly)];
            if (ctors.Length == 0)
            {
                return null;
            }

            IEnumerable<MethodInfo> abstracts = AllAbstractMethods(baseType);
            if (abstracts.Any(m => m.IsAssembly || m.IsFamilyAndAssembly))
            {
                return null;
            }

            TypeBuilder builder = Module.DefineType($"Derived{Cache.Count}_{baseType.Name}", TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed, baseType);
            foreach (ConstructorInfo ctor in ctors)
            {
                Type[] parameterTypes = [.. ctor.GetParameters().Select(p => p.ParameterType)];
                ConstructorBuilder forward = builder.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, parameterTypes);
                ILGenerator il = forward.GetILGenerator();
                il.Emit(OpCodes.Ldarg_0);
                for (int i = 0; i < parameterTypes.Length; i++)
                {
                    il.Emit(OpCodes.Ldarg, i + 1);
                }

                il.Emit(OpCodes.Call, ctor);
                il.Emit(OpCodes.Ret);
            }

            foreach (MethodInfo method in abstracts)
            {
                MethodAttributes visibility = method.IsPublic ? MethodAttributes.Public : MethodAttributes.Family;
                MethodBuilder stub = builder.DefineMethod(
                    method.Name,
                    visibility | MethodAttributes.Virtual | MethodAttributes.HideBySig,
                    method.ReturnType,
                    [.. method.GetParameters().Select(p => p.ParameterType)]);
                ILGenerator il = stub.GetILGenerator();
                il.Emit(OpCodes.Newobj, typeof(NotSupportedException).GetConstructor(Type.EmptyTypes)!);
                il.Emit(OpCodes.Throw);
                builder.DefineMethodOverride(stub, method);
            }

            try
            {
                return builder.CreateType();
            }
            catch (TypeLoadException)
            {
                return null;
            }
        }

        private static IEnumerable<MethodInfo> AllAbstractMethods(Type type)
        {
            var seen = new HashSet<MethodInfo>();
            for (Type? t = type; t is not null && t.IsAbstract; t = t.BaseType)
            {
                foreach (MethodInfo method in t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    if (method.IsAbstract)
                    {
                        MethodInfo definition = method.GetBaseDefinition();
                        MethodInfo? implemented = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                            .FirstOrDefault(m => m.GetBaseDefinition() == definition && !m.IsAbstract);
                        if (implemented is null && seen.Add(definition))
                        {
                            yield return method;
                        }
                    }
                }
            }
        }
    }
}

/// <summary>What a <see cref="NullArgumentSweep"/> found.</summary>
public sealed class SweepResult
{
    /// <summary>Gets every (member, parameter) pair that was called with null.</summary>
    public List<string> Checked { get; } = [];

    /// <summary>Gets the pairs that did not throw an eager <see cref="ArgumentNullException"/> naming the parameter.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Gets the members that could not be exercised because no dummy could be built.</summary>
    public List<string> Unreachable { get; } = [];

    /// <summary>Gets the members skipped because reflection cannot pass their by-ref-like parameters.</summary>
    public List<string> SkippedByRefLike { get; } = [];
}

/// <summary>A value-type key selector over rep ids (the fact is its own key), for closing generic members in the sweep.</summary>
internal readonly struct RepIdentityKey : IFactKey<RepId, RepId>
{
    public RepId KeyOf(in RepId fact) => fact;
}

/// <summary>A value-type date selector over rep ids (every rep on 2026-01-05), for closing generic members in the sweep.</summary>
internal readonly struct RepIdDate : IFactDate<RepId>
{
    public int EpochDayOf(in RepId fact) => 20458;
}
