using System;
using System.Globalization;
using NodaTime;

namespace SalesKpi.SampleData;

/// <summary>
/// What <see cref="SampleOrganisation.Generate(SampleOptions)"/> generates: the seed, the number of activities and,
/// optionally, explicit sizes of the other fact sets, and the period covered.
/// </summary>
/// <remarks>
/// <para>
/// An immutable record: derive variants with <c>with</c>, for example <c>options with { Seed = 7 }</c>. Values are
/// validated by <see cref="Validate"/>, which <see cref="SampleOrganisation.Generate(SampleOptions)"/> calls first;
/// each bad value throws an <see cref="ArgumentOutOfRangeException"/> whose parameter name is the property and
/// whose message contains the value.
/// </para>
/// <para>
/// Sizes left <see langword="null"/> are proportional to <see cref="Activities"/>: <see cref="Leads"/> one per 10
/// activities (at least 100), <see cref="Deals"/> one per 100 (at least 20), <see cref="Accounts"/> one per two deals
/// (at least 20), <see cref="Sessions"/> one per 4 activities, and <see cref="Reps"/> enough for about 50
/// activities per rep and working day (at least 12). The resolved sizes are the counts of <see cref="SampleOrganisation.Facts"/>.
/// </para>
/// </remarks>
public sealed record SampleOptions
{
    /// <summary>The smallest allowed <see cref="Activities"/>: 1,000.</summary>
    public const int MinActivities = 1_000;

    /// <summary>The largest allowed <see cref="Activities"/>: 10,000,000.</summary>
    public const int MaxActivities = 10_000_000;

    /// <summary>The largest allowed explicit <see cref="Leads"/>, <see cref="Deals"/> or <see cref="Accounts"/>: 10,000,000.</summary>
    public const int MaxEntities = 10_000_000;

    /// <summary>The smallest allowed explicit <see cref="Reps"/>: 12 (three regions with SDRs, AEs and account managers, a joiner, a leaver and a promotion).</summary>
    public const int MinReps = 12;

    /// <summary>The largest allowed explicit <see cref="Reps"/>: 10,000.</summary>
    public const int MaxReps = 10_000;

    /// <summary>The largest allowed <see cref="Months"/>: 60.</summary>
    public const int MaxMonths = 60;

    /// <summary>Gets the seed: the same seed and options give identical facts on every run and machine.</summary>
    /// <value>Any <see cref="int"/>; default 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the number of sales activities to generate (exactly this many).</summary>
    /// <value>From <see cref="MinActivities"/> to <see cref="MaxActivities"/>; default 100,000.</value>
    public int Activities { get; init; } = 100_000;

    /// <summary>Gets the number of leads, or <see langword="null"/> for one per 10 activities (at least 100).</summary>
    /// <value>10 to <see cref="MaxEntities"/>, or <see langword="null"/> (the default).</value>
    public int? Leads { get; init; }

    /// <summary>Gets the number of deals, or <see langword="null"/> for one per 100 activities (at least 20).</summary>
    /// <value>10 to <see cref="MaxEntities"/>, or <see langword="null"/> (the default).</value>
    public int? Deals { get; init; }

    /// <summary>Gets the number of accounts (prospects and customers), or <see langword="null"/> for one per two deals (at least 20).</summary>
    /// <value>10 to <see cref="MaxEntities"/>, or <see langword="null"/> (the default).</value>
    public int? Accounts { get; init; }

    /// <summary>Gets the number of reps, or <see langword="null"/> for about 50 activities per rep and working day (at least 12).</summary>
    /// <value><see cref="MinReps"/> to <see cref="MaxReps"/>, or <see langword="null"/> (the default).</value>
    public int? Reps { get; init; }

    /// <summary>Gets the number of product usage sessions of customer users, or <see langword="null"/> for one per 4 activities.</summary>
    /// <value>0 to 50,000,000, or <see langword="null"/> (the default).</value>
    public int? Sessions { get; init; }

    /// <summary>Gets the first date of the period covered.</summary>
    /// <value>An ISO-calendar date from 1910-01-01 to 2090-12-31; default 2026-01-01.</value>
    public LocalDate Start { get; init; } = new(2026, 1, 1);

    /// <summary>Gets the length of the period in months; the period is <c>[Start, Start + Months)</c>.</summary>
    /// <value>1 to <see cref="MaxMonths"/>; default 12.</value>
    public int Months { get; init; } = 12;

    /// <summary>Gets the first month of the fiscal year of the sample's reporting calendar (named by the year it ends in).</summary>
    /// <value>1 to 12; default 2 (February, so January 2026 is in FY2026 and February 2026 starts FY2027).</value>
    public int FiscalYearStartMonth { get; init; } = 2;

    /// <summary>Checks every value; immediate.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the parameter name is the property and the message contains the value.</exception>
    public void Validate()
    {
        Require(Activities is >= MinActivities and <= MaxActivities, nameof(Activities), Activities, $"between {MinActivities} and {MaxActivities}");
        RequireOptional(Leads, 10, MaxEntities, nameof(Leads));
        RequireOptional(Deals, 10, MaxEntities, nameof(Deals));
        RequireOptional(Accounts, 10, MaxEntities, nameof(Accounts));
        RequireOptional(Reps, MinReps, MaxReps, nameof(Reps));
        RequireOptional(Sessions, 0, 50_000_000, nameof(Sessions));
        if (Start.Calendar != CalendarSystem.Iso || Start.Year is < 1910 or > 2090)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Start),
                Start,
                string.Create(CultureInfo.InvariantCulture, $"Start must be an ISO-calendar date from 1910-01-01 to 2090-12-31, but was {Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} ({Start.Calendar.Id})."));
        }

        Require(Months is >= 1 and <= MaxMonths, nameof(Months), Months, $"between 1 and {MaxMonths}");
        Require(FiscalYearStartMonth is >= 1 and <= 12, nameof(FiscalYearStartMonth), FiscalYearStartMonth, "between 1 and 12");
    }

    internal int ResolvedLeads => Leads ?? Math.Max(100, Activities / 10);

    internal int ResolvedDeals => Deals ?? Math.Max(20, Activities / 100);

    internal int ResolvedAccounts => Accounts ?? Math.Max(20, ResolvedDeals / 2);

    internal int ResolvedSessions => Sessions ?? (Activities / 4);

    private static void Require(bool ok, string name, int value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be {range}, but was {value}."));
        }
    }

    private static void RequireOptional(int? value, int min, int max, string name)
    {
        if (value is { } v)
        {
            Require(v >= min && v <= max, name, v, string.Create(CultureInfo.InvariantCulture, $"between {min} and {max} (or null for the proportional default)"));
        }
    }
}
