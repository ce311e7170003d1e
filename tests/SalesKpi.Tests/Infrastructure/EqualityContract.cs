using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace SalesKpi.Tests.Infrastructure;

/// <summary>
/// Reusable checks that a type's equality and ordering members agree with each other: <c>Equals(T)</c>,
/// <c>Equals(object)</c>, <c>GetHashCode</c>, <c>==</c>, <c>!=</c>, <c>IComparable&lt;T&gt;.CompareTo</c>,
/// <c>IComparable.CompareTo</c> and the <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> operators, whichever the
/// type defines (operators are found by reflection).
/// </summary>
public static class EqualityContract
{
    /// <summary>
    /// Asserts that <paramref name="value"/> equals <paramref name="equalValue"/> (built separately, not the same
    /// reference) in every way the type offers, and differs from each of <paramref name="unequalValues"/>.
    /// </summary>
    public static void AssertEquality<T>(T value, T equalValue, params T[] unequalValues)
        where T : notnull
    {
        Assert.NotNull(unequalValues);
        Assert.NotEmpty(unequalValues);
        if (!typeof(T).IsValueType)
        {
            Assert.False(ReferenceEquals(value, equalValue), "Give an equal value that is a different instance.");
        }

        AssertEqualPair(value, value);
        AssertEqualPair(value, equalValue);
        AssertEqualPair(equalValue, value);
        Assert.False(value.Equals(null), $"{Describe(value)}.Equals(null) must be false.");
        Assert.False(value.Equals(new object()), $"{Describe(value)}.Equals(object) must be false for another type.");
        foreach (T other in unequalValues)
        {
            AssertUnequalPair(value, other);
            AssertUnequalPair(other, value);
        }

        if (value is IComparable<T>)
        {
            foreach (T other in unequalValues)
            {
                int forward = Compare(value, other);
                int backward = Compare(other, value);
                Assert.True(Math.Sign(forward) == -Math.Sign(backward), $"CompareTo must be antisymmetric for {Describe(value)} and {Describe(other)}: {forward} and {backward}.");
                AssertOperatorsMatch(value, other, forward);
                AssertOperatorsMatch(other, value, backward);
            }

            AssertOperatorsMatch(value, equalValue, 0);
        }

        if (value is IComparable comparable)
        {
            Assert.True(comparable.CompareTo(null) > 0, $"{Describe(value)}.CompareTo(null) must be positive.");
            Assert.ThrowsAny<ArgumentException>(() => comparable.CompareTo(new object()));
        }
    }

    /// <summary>
    /// Asserts that <paramref name="ascending"/> is strictly increasing under <c>CompareTo</c> and every comparison
    /// operator, for every pair (not only neighbours), and that distinct positions are unequal.
    /// </summary>
    public static void AssertOrdering<T>(params T[] ascending)
        where T : IComparable<T>
    {
        Assert.True(ascending.Length >= 2, "Give at least two values in ascending order.");
        for (int i = 0; i < ascending.Length; i++)
        {
            for (int j = 0; j < ascending.Length; j++)
            {
                int c = ascending[i].CompareTo(ascending[j]);
                int expected = i.CompareTo(j);
                Assert.True(Math.Sign(c) == expected, $"Expected {Describe(ascending[i])}.CompareTo({Describe(ascending[j])}) to have sign {expected}, but was {c}.");
                AssertOperatorsMatch(ascending[i], ascending[j], c);
                if (i != j)
                {
                    AssertUnequalPair(ascending[i], ascending[j]);
                }
            }
        }
    }

    private static void AssertEqualPair<T>(T left, T right)
        where T : notnull
    {
        Assert.True(left.Equals((object)right), $"{Describe(left)}.Equals((object){Describe(right)}) must be true.");
        if (left is IEquatable<T> equatable)
        {
            Assert.True(equatable.Equals(right), $"{Describe(left)}.Equals({Describe(right)}) must be true.");
        }

        Assert.True(left.GetHashCode() == right.GetHashCode(), $"Equal values {Describe(left)} and {Describe(right)} must hash alike.");
        AssertOperator("op_Equality", left, right, expected: true);
        AssertOperator("op_Inequality", left, right, expected: false);
        if (left is IComparable<T>)
        {
            Assert.True(Compare(left, right) == 0, $"Equal values {Describe(left)} and {Describe(right)} must compare as 0.");
        }
    }

    private static void AssertUnequalPair<T>(T left, T right)
        where T : notnull
    {
        Assert.False(left.Equals((object)right), $"{Describe(left)}.Equals((object){Describe(right)}) must be false.");
        if (left is IEquatable<T> equatable)
        {
            Assert.False(equatable.Equals(right), $"{Describe(left)}.Equals({Describe(right)}) must be false.");
        }

        AssertOperator("op_Equality", left, right, expected: false);
        AssertOperator("op_Inequality", left, right, expected: true);
        if (left is IComparable<T>)
        {
            Assert.True(Compare(left, right) != 0, $"Unequal values {Describe(left)} and {Describe(right)} must not compare as 0.");
        }
    }

    private static void AssertOperatorsMatch<T>(T left, T right, int comparison)
    {
        AssertOperator("op_LessThan", left, right, comparison < 0);
        AssertOperator("op_LessThanOrEqual", left, right, comparison <= 0);
        AssertOperator("op_GreaterThan", left, right, comparison > 0);
        AssertOperator("op_GreaterThanOrEqual", left, right, comparison >= 0);
    }

    private static void AssertOperator<T>(string name, T left, T right, bool expected)
    {
        MethodInfo? op = FindOperator<T>(name);
        if (op is null)
        {
            return;
        }

        bool actual = (bool)op.Invoke(null, [left, right])!;
        Assert.True(actual == expected, $"{name}({Describe(left)}, {Describe(right)}) should be {expected}.");
    }

    private static MethodInfo? FindOperator<T>(string name) =>
        typeof(T).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == name && m.GetParameters() is { Length: 2 } p && p.All(x => x.ParameterType == typeof(T)));

    private static int Compare<T>(T left, T right) => ((IComparable<T>)left!).CompareTo(right);

    private static string Describe<T>(T value) => value is null ? "null" : $"{typeof(T).Name}({value})";
}
