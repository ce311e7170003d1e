using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class EmployeeBandTests
{
    [Theory]
    [InlineData(1, "1-10")]
    [InlineData(10, "1-10")]
    [InlineData(11, "11-50")]
    [InlineData(50, "11-50")]
    [InlineData(51, "51-200")]
    [InlineData(200, "51-200")]
    [InlineData(201, "201-500")]
    [InlineData(500, "201-500")]
    [InlineData(501, "501-1000")]
    [InlineData(1000, "501-1000")]
    [InlineData(1001, "1001-5000")]
    [InlineData(5000, "1001-5000")]
    [InlineData(5001, "5001+")]
    [InlineData(int.MaxValue, "5001+")]
    public void Standard_bands_follow_the_spec_at_every_edge(int employees, string band) =>
        Assert.Equal(band, EmployeeBandSet.Standard.BandOf(employees).ToString());

    [Fact]
    public void Counts_below_the_first_band_are_rejected()
    {
        ArgumentAssert.Rejects("employeeCount", "0", () => EmployeeBandSet.Standard.BandOf(0));
        Assert.False(EmployeeBandSet.FromLowerBounds(10, 100).TryGetBand(9, out _));
    }

    [Fact]
    public void Custom_band_sets_are_contiguous_and_open_above()
    {
        EmployeeBandSet coarse = EmployeeBandSet.FromLowerBounds(1, 100, 1000);
        Assert.Equal("1-99, 100-999, 1000+", coarse.ToString());
        Assert.Equal(new EmployeeBand(100, 999), coarse.BandOf(100));
    }

    [Fact]
    public void Bad_lower_bounds_are_rejected_naming_the_values()
    {
        ArgumentAssert.Rejects("lowerBounds", "none", () => EmployeeBandSet.FromLowerBounds());
        ArgumentAssert.Rejects("lowerBounds", "0", () => EmployeeBandSet.FromLowerBounds(0, 10));
        ArgumentAssert.Rejects("lowerBounds", "10 follows 50", () => EmployeeBandSet.FromLowerBounds(1, 50, 10));
        ArgumentAssert.Rejects("lowerBounds", "11 follows 11", () => EmployeeBandSet.FromLowerBounds(1, 11, 11));
    }

    [Fact]
    public void A_band_validates_its_bounds()
    {
        ArgumentAssert.Rejects("min", "0", () => new EmployeeBand(0, 10));
        ArgumentAssert.Rejects("max", "4", () => new EmployeeBand(5, 4));
        Assert.True(new EmployeeBand(5, 5).Contains(5));
        Assert.False(new EmployeeBand(5, 5).Contains(6));
        Assert.True(new EmployeeBand(5, null).Contains(int.MaxValue));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(new EmployeeBand(11, 50), new EmployeeBand(11, 50), new EmployeeBand(11, 51), new EmployeeBand(11, null), new EmployeeBand(1, 50));

    [Fact]
    public void Bands_order_by_lower_then_upper_bound_with_unbounded_last() =>
        EqualityContract.AssertOrdering(new EmployeeBand(1, 10), new EmployeeBand(1, int.MaxValue), new EmployeeBand(1, null), new EmployeeBand(11, 50));

    [Property]
    public Property Every_count_falls_in_exactly_one_band_of_any_set(PositiveInt count, PositiveInt[] bounds)
    {
        int[] lower = [.. bounds.Select(b => b.Get).Append(1).Distinct().Order()];
        EmployeeBandSet set = EmployeeBandSet.FromLowerBounds(lower);
        int containing = set.Bands.Count(b => b.Contains(count.Get));
        return (containing == 1 && set.BandOf(count.Get).Contains(count.Get)).Label($"{count.Get} in {set}");
    }
}
