using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SalesKpi.Tests.Infrastructure;

public sealed class NullArgumentSweepTests
{
    /// <summary>
    /// Members the sweep may not hold to the rule, each with the reason. Keep this list empty unless it is
    /// unavoidable, and remove an entry as soon as its member is fixed.
    /// </summary>
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal)
    {
    };

    private static readonly Lazy<SweepResult> LibrarySweep = new(() => NullArgumentSweep.Run(typeof(Money).Assembly));

    [Fact]
    public void Every_public_member_of_the_library_rejects_null_for_each_non_nullable_reference_parameter()
    {
        SweepResult sweep = LibrarySweep.Value;
        TestContext.Current.TestOutputHelper?.WriteLine($"Checked {sweep.Checked.Count} (member, parameter) pairs; skipped {sweep.SkippedByRefLike.Count} members with span parameters: {string.Join("; ", sweep.SkippedByRefLike)}");
        string[] failures = [.. sweep.Failures.Where(f => !IsExcluded(f))];
        Assert.True(failures.Length == 0, "Members that do not throw ArgumentNullException naming the parameter:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_public_member_of_the_library_with_reference_parameters_is_reachable_by_the_sweep()
    {
        string[] unreachable = [.. LibrarySweep.Value.Unreachable.Where(u => !IsExcluded(u))];
        Assert.True(unreachable.Length == 0, "Add a dummy to NullArgumentSweep.Dummies for:\n" + string.Join("\n", unreachable));
    }

    [Fact]
    public void The_sweep_covers_the_domain_types()
    {
        List<string> checkedPairs = LibrarySweep.Value.Checked;
        Assert.Contains(checkedPairs, c => c.StartsWith("Lead..ctor(", StringComparison.Ordinal) && c.EndsWith("[stageHistory]", StringComparison.Ordinal));
        Assert.Contains(checkedPairs, c => c.StartsWith("IdentityMap<RepId>.GetOrAdd(", StringComparison.Ordinal));
        Assert.Contains(checkedPairs, c => c.StartsWith("Money.Sum(", StringComparison.Ordinal));
        Assert.Contains(checkedPairs, c => c.StartsWith("DataQualityCheck.Apply(", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sweep_reports_a_member_that_accepts_null()
    {
        SweepResult result = NullArgumentSweep.Run([typeof(AcceptsNull)]);
        Assert.Contains(result.Failures, f => f.Contains("AcceptsNull.Take(String)", StringComparison.Ordinal) && f.Contains("accepted", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sweep_reports_a_wrong_parameter_name()
    {
        SweepResult result = NullArgumentSweep.Run([typeof(NamesWrongParameter)]);
        Assert.Contains(result.Failures, f => f.Contains("naming 'other'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sweep_reports_deferred_validation()
    {
        SweepResult result = NullArgumentSweep.Run([typeof(DefersValidation)]);
        Assert.Contains(result.Failures, f => f.Contains("deferred", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sweep_accepts_correct_members_and_ignores_nullable_parameters()
    {
        SweepResult result = NullArgumentSweep.Run([typeof(Correct)]);
        Assert.Empty(result.Failures);
        Assert.Empty(result.Unreachable);
        Assert.Equal(["Correct..ctor(String) [name]", "Correct.Join(String, String) [first]"], result.Checked);
    }

    [Fact]
    public void The_sweep_reaches_abstract_classes_through_an_emitted_subclass()
    {
        SweepResult result = NullArgumentSweep.Run([typeof(AbstractBase)]);
        Assert.Empty(result.Unreachable);
        Assert.Contains(result.Failures, f => f.Contains("AbstractBase.Use(String)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures, f => f.Contains(".ctor", StringComparison.Ordinal));
    }

    private static bool IsExcluded(string entry) => Exclusions.Keys.Any(key => entry.StartsWith(key, StringComparison.Ordinal));

    public sealed class AcceptsNull
    {
        public static int Take(string value) => value?.Length ?? 0;
    }

    public sealed class NamesWrongParameter
    {
        public static void Take(string value, string other)
        {
            ArgumentNullException.ThrowIfNull(other);
            ArgumentNullException.ThrowIfNull(value, nameof(other));
        }
    }

    public sealed class DefersValidation
    {
        public static IEnumerable<int> Lazy(string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            yield return value.Length;
        }
    }

    public sealed class Correct
    {
        public Correct(string name) => Name = name ?? throw new ArgumentNullException(nameof(name));

        public string Name { get; }

        public static string Join(string first, string? second)
        {
            ArgumentNullException.ThrowIfNull(first);
            return first + second;
        }
    }

    public abstract class AbstractBase
    {
        protected AbstractBase(string name) => Name = name ?? throw new ArgumentNullException(nameof(name));

        public string Name { get; }

        public abstract int Compute(int x);

        public int Use(string value) => value.Length + Compute(1);
    }
}
