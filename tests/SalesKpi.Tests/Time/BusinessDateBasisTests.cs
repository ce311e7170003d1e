using System;
using System.Collections.Generic;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Time;

public sealed class BusinessDateBasisTests
{
    private static readonly Dictionary<string, DateTimeZone> HomeZones = new()
    {
        ["ana"] = DateTimeZoneProviders.Tzdb["America/New_York"],
        ["ben"] = DateTimeZoneProviders.Tzdb["Europe/Berlin"],
        ["cem"] = DateTimeZoneProviders.Tzdb["Europe/Berlin"],
    };

    // 03:30 UTC on 27 Nov 2026: 22:30 on the 26th in New York, 04:30 on the 27th in Berlin.
    private static readonly Instant NearMidnight = Instant.FromUtc(2026, 11, 27, 3, 30);

    [Fact]
    public void Home_zone_basis_dates_each_rep_in_their_own_zone()
    {
        var basis = BusinessDateBasis<string>.RepHomeZone(rep => HomeZones[rep]);
        Assert.Equal(BusinessDateBasisKind.RepHomeZone, basis.Kind);
        Assert.Equal(new LocalDate(2026, 11, 26), basis.DateOf("ana", NearMidnight));
        Assert.Equal(new LocalDate(2026, 11, 27), basis.DateOf("ben", NearMidnight));
        Assert.Same(basis.MapperFor("ben"), basis.MapperFor("cem"));
        Assert.NotSame(basis.MapperFor("ana"), basis.MapperFor("ben"));
    }

    [Fact]
    public void Organisation_zone_basis_dates_everybody_in_one_zone()
    {
        var basis = BusinessDateBasis<string>.OrganisationZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        Assert.Equal(BusinessDateBasisKind.OrganisationZone, basis.Kind);
        Assert.Equal(new LocalDate(2026, 11, 27), basis.DateOf("ana", NearMidnight));
        Assert.Equal(new LocalDate(2026, 11, 27), basis.DateOf("ben", NearMidnight));
        Assert.Equal("Europe/Berlin", basis.ZoneFor("ana").Id);
        Assert.Equal("organisation zone Europe/Berlin", basis.ToString());
    }

    [Fact]
    public void A_home_zone_function_returning_null_is_reported_with_the_rep()
    {
        var basis = BusinessDateBasis<string>.RepHomeZone(_ => null!);
        var error = Assert.Throws<ArgumentException>(() => basis.DateOf("dan", NearMidnight));
        Assert.Equal("rep", error.ParamName);
        Assert.Contains("dan", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => BusinessDateBasis<string>.RepHomeZone(null!));
        Assert.Throws<ArgumentNullException>(() => BusinessDateBasis<string>.OrganisationZone(null!));
    }
}
