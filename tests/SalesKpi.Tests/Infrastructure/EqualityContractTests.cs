using System;
using Xunit;
using Xunit.Sdk;

namespace SalesKpi.Tests.Infrastructure;

public sealed class EqualityContractTests
{
    [Fact]
    public void A_consistent_type_passes() =>
        EqualityContract.AssertEquality(new Good(1), new Good(1), new Good(2));

    [Fact]
    public void An_inconsistent_hash_code_fails() =>
        Assert.Throws<TrueException>(() => EqualityContract.AssertEquality(new BadHash(1), new BadHash(1), new BadHash(2)));

    [Fact]
    public void An_equality_operator_that_disagrees_with_Equals_fails() =>
        Assert.Throws<TrueException>(() => EqualityContract.AssertEquality(new BadOperator(1), new BadOperator(1), new BadOperator(2)));

    [Fact]
    public void A_wrong_ordering_fails() =>
        Assert.Throws<TrueException>(() => EqualityContract.AssertOrdering(new Good(2), new Good(1)));

    [Fact]
    public void A_less_than_operator_that_disagrees_with_CompareTo_fails() =>
        Assert.Throws<TrueException>(() => EqualityContract.AssertOrdering(new BadOperator(1), new BadOperator(2)));

    public sealed class Good(int value) : IEquatable<Good>, IComparable<Good>
    {
        public int Value { get; } = value;

        public bool Equals(Good? other) => other is not null && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as Good);

        public override int GetHashCode() => Value;

        public int CompareTo(Good? other) => other is null ? 1 : Value.CompareTo(other.Value);

        public static bool operator ==(Good? left, Good? right) => left is null ? right is null : left.Equals(right);

        public static bool operator !=(Good? left, Good? right) => !(left == right);

        public static bool operator <(Good left, Good right) => left.CompareTo(right) < 0;

        public static bool operator >(Good left, Good right) => left.CompareTo(right) > 0;

        public static bool operator <=(Good left, Good right) => left.CompareTo(right) <= 0;

        public static bool operator >=(Good left, Good right) => left.CompareTo(right) >= 0;
    }

    public sealed class BadHash(int value) : IEquatable<BadHash>
    {
        private static int _counter;
        private readonly int _salt = ++_counter;

        public int Value { get; } = value;

        public bool Equals(BadHash? other) => other is not null && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as BadHash);

        public override int GetHashCode() => HashCode.Combine(Value, _salt);
    }

    public sealed class BadOperator(int value) : IEquatable<BadOperator>, IComparable<BadOperator>
    {
        public int Value { get; } = value;

        public bool Equals(BadOperator? other) => other is not null && other.Value == Value;

        public override bool Equals(object? obj) => Equals(obj as BadOperator);

        public override int GetHashCode() => Value;

        public int CompareTo(BadOperator? other) => other is null ? 1 : Value.CompareTo(other.Value);

        public static bool operator ==(BadOperator? left, BadOperator? right) => ReferenceEquals(left, right);

        public static bool operator !=(BadOperator? left, BadOperator? right) => !ReferenceEquals(left, right);

        public static bool operator <(BadOperator left, BadOperator right) => left.Value > right.Value;

        public static bool operator >(BadOperator left, BadOperator right) => left.Value < right.Value;

        public static bool operator <=(BadOperator left, BadOperator right) => left.Value >= right.Value;

        public static bool operator >=(BadOperator left, BadOperator right) => left.Value <= right.Value;
    }
}
