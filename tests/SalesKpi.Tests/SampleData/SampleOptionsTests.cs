using System;
using System.Globalization;
using NodaTime;
using SalesKpi.SampleData;
using Xunit;

namespace SalesKpi.Tests.SampleData;

public sealed class SampleOptionsTests
{
    public static TheoryData<string, SampleOptions, string> BadOptions => new()
    {
        { "Activities", new SampleOptions { Activities = 999 }, "999" },
        { "Activities", new SampleOptions { Activities = 10_000_001 }, "10000001" },
        { "Activities", new SampleOptions { Activities = -5 }, "-5" },
        { "Leads", new SampleOptions { Leads = 9 }, "9" },
        { "Leads", new SampleOptions { Leads = 10_000_001 }, "10000001" },
        { "Deals", new SampleOptions { Deals = 0 }, "0" },
        { "Accounts", new SampleOptions { Accounts = -1 }, "-1" },
        { "Reps", new SampleOptions { Reps = 11 }, "11" },
        { "Reps", new SampleOptions { Reps = 10_001 }, "10001" },
        { "Sessions", new SampleOptions { Sessions = -3 }, "-3" },
        { "Months", new SampleOptions { Months = 0 }, "0" },
        { "Months", new SampleOptions { Months = 61 }, "61" },
        { "FiscalYearStartMonth", new SampleOptions { FiscalYearStartMonth = 13 }, "13" },
        { "Start", new SampleOptions { Start = new LocalDate(1900, 1, 1) }, "1900-01-01" },
        { "Start", new SampleOptions { Start = new LocalDate(2026, 1, 1, CalendarSystem.Julian) }, "2026-01-01" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Generate_rejects_each_bad_option_naming_it_and_its_value(string name, SampleOptions options, string value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SampleOrganisation.Generate(options));
        Assert.Equal(name, error.ParamName);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_the_defaults_and_the_boundaries()
    {
        new SampleOptions().Validate();
        new SampleOptions
        {
            Activities = SampleOptions.MaxActivities,
            Leads = SampleOptions.MaxEntities,
            Deals = 10,
            Accounts = 10,
            Reps = SampleOptions.MinReps,
            Sessions = 0,
            Months = SampleOptions.MaxMonths,
            FiscalYearStartMonth = 12,
            Start = new LocalDate(2090, 12, 31),
        }.Validate();
        new SampleOptions { Activities = SampleOptions.MinActivities, Reps = SampleOptions.MaxReps, Start = new LocalDate(1910, 1, 1), Months = 1 }.Validate();
    }

    [Fact]
    public void Defaults_are_documented_values()
    {
        var options = new SampleOptions();
        Assert.Equal(1, options.Seed);
        Assert.Equal(100_000, options.Activities);
        Assert.Null(options.Leads);
        Assert.Null(options.Deals);
        Assert.Null(options.Accounts);
        Assert.Null(options.Reps);
        Assert.Null(options.Sessions);
        Assert.Equal(new LocalDate(2026, 1, 1), options.Start);
        Assert.Equal(12, options.Months);
        Assert.Equal(2, options.FiscalYearStartMonth);
    }

    [Fact]
    public void Generate_rejects_null_options()
    {
        Assert.Throws<ArgumentNullException>("options", () => SampleOrganisation.Generate(null!));
    }

    [Fact]
    public void Error_messages_use_invariant_digits_under_a_hostile_culture()
    {
        Assert.Equal("tr-TR", CultureInfo.CurrentCulture.Name);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SampleOptions { Activities = 12_345_678 }.Validate());
        Assert.Contains("between 1000 and 10000000, but was 12345678", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_values_that_with_expressions_copy()
    {
        var options = new SampleOptions { Seed = 9 };
        SampleOptions other = options with { Activities = 2_000 };
        Assert.Equal(9, other.Seed);
        Assert.Equal(2_000, other.Activities);
        Assert.Equal(options with { Activities = 2_000 }, other);
        Assert.NotEqual(options, other);
    }
}
