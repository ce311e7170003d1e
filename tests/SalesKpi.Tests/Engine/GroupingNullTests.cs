using System;
using System.Linq;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>An optional attribute as an added grouping dimension.</summary>
public sealed class GroupingNullTests
{
    private sealed record Prospect(int Rep, string? Industry, bool Converted);

    private static readonly Prospect[] Prospects =
    [
        new(1, "Retail", true),
        new(1, null, false),
        new(1, null, true),
        new(2, "Retail", false),
        new(2, null, true),
    ];

    [Fact]
    public void Facts_without_a_value_of_the_added_dimension_form_one_group()
    {
        var table = Metric.Rate<Prospect>(p => p.Converted).By(p => p.Rep).ThenBy(p => p.Industry).Evaluate(Prospects);

        Assert.Equal(4, table.Count);
        var none = table[(1, null)];
        Assert.Equal(1m, none.ExactNumerator);
        Assert.Equal(2m, none.ExactDenominator);
        Assert.Equal(1m, table[(2, null)].ExactNumerator);
        Assert.Equal(1m, table[(1, "Retail")].ExactNumerator);
        Assert.Equal(0m, table[(2, "Retail")].ExactNumerator);
        Assert.Contains(table.Keys, k => k.Item2 is null);
    }

    [Fact]
    public void Null_groups_survive_a_snapshot_a_merge_and_a_roll_up()
    {
        var metric = Metric.Count<Prospect>().By(p => p.Rep).ThenBy(p => p.Industry);
        var first = metric.CreateState().Add(Prospects.AsSpan(0, 2));
        var second = metric.Restore(metric.CreateState().Add(Prospects.AsSpan(2)).ToSnapshot());
        first.Merge(second);
        var merged = first.ToTable();
        Assert.Equal(metric.Evaluate(Prospects).Cells, merged.Cells);
        var byIndustry = first.RollUp(k => k.Item2 ?? "(none)");
        Assert.Equal(3m, byIndustry["(none)"].ExactValue);
        Assert.Equal(2m, byIndustry["Retail"].ExactValue);
        Assert.Contains("(none)", byIndustry.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_first_dimension_is_still_rejected_naming_the_facts()
    {
        var error = Assert.Throws<ArgumentException>(() => Metric.Count<Prospect>().By(p => p.Industry!).Evaluate(Prospects));
        Assert.Equal("facts", error.ParamName);
    }
}
