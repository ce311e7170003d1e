using SalesKpi.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class IcpProfileTests
{
    [Fact]
    public void Attributes_read_back_and_the_band_follows_the_count()
    {
        var p = new IcpProfile("Software", 120, "DE", "EMEA");
        Assert.Equal("Software", p.Industry);
        Assert.Equal(120, p.EmployeeCount);
        Assert.Equal("DE", p.Country);
        Assert.Equal("EMEA", p.Region);
        Assert.Equal(new EmployeeBand(51, 200), p.EmployeeBand);
        Assert.Equal(new EmployeeBand(100, 999), p.BandIn(EmployeeBandSet.FromLowerBounds(1, 100, 1000)));
        Assert.Equal("Software, 120 employees (51-200), DE, EMEA", p.ToString());
    }

    [Fact]
    public void Unknown_attributes_stay_unknown()
    {
        Assert.Null(IcpProfile.Unknown.EmployeeBand);
        Assert.Null(new IcpProfile(employeeCount: 5).BandIn(EmployeeBandSet.FromLowerBounds(10)));
        Assert.Equal("?, ? employees, ?, ?", IcpProfile.Unknown.ToString());
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("industry", "' '", () => new IcpProfile(industry: " "));
        ArgumentAssert.Rejects("employeeCount", "0", () => new IcpProfile(employeeCount: 0));
        ArgumentAssert.Rejects("country", "'de'", () => new IcpProfile(country: "de"));
        ArgumentAssert.Rejects("country", "'DEU'", () => new IcpProfile(country: "DEU"));
        ArgumentAssert.Rejects("region", "''", () => new IcpProfile(region: ""));
    }

    [Fact]
    public void Pseudo_mutators_change_one_attribute()
    {
        var p = new IcpProfile("Software", 120, "DE", "EMEA");
        Assert.Equal(new IcpProfile("Retail", 120, "DE", "EMEA"), p.WithIndustry("Retail"));
        Assert.Equal(new IcpProfile("Software", 9, "DE", "EMEA"), p.WithEmployeeCount(9));
        Assert.Equal(new IcpProfile("Software", 120, "BR", null), p.WithLocation("BR", null));
        Assert.Equal(new IcpProfile("Software", 120, "DE", "EMEA"), p);
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new IcpProfile("Software", 120, "DE", "EMEA"),
            new IcpProfile("Software", 120, "DE", "EMEA"),
            new IcpProfile("software", 120, "DE", "EMEA"),
            new IcpProfile("Software", 121, "DE", "EMEA"),
            new IcpProfile("Software", 120, "AT", "EMEA"),
            new IcpProfile("Software", 120, "DE", null),
            IcpProfile.Unknown);

    [Property]
    public bool The_band_always_contains_the_count(PositiveInt count) =>
        new IcpProfile(employeeCount: count.Get).EmployeeBand!.Value.Contains(count.Get);
}
