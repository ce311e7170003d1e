using System;
using System.Globalization;

namespace SalesKpi;

/// <summary>
/// The firmographic attributes used for ideal-customer-profile (ICP) analysis of a lead or an account: industry,
/// employee count (and so its size band), country and region. Every attribute is optional.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Country"/> is an ISO 3166-1 alpha-2 code (two upper-case ASCII letters) so that grouping by country
/// is reliable; <see cref="Industry"/> and <see cref="Region"/> are free text compared ordinally (normalise them
/// before loading if your CRM spells them inconsistently).
/// </para>
/// <para>Immutable; equal when all four attributes are equal (ordinal text comparison).</para>
/// </remarks>
public sealed class IcpProfile : IEquatable<IcpProfile>
{
    /// <summary>Creates a profile.</summary>
    /// <param name="industry">The industry, or <see langword="null"/> when unknown; not blank.</param>
    /// <param name="employeeCount">The number of employees, at least 1, or <see langword="null"/> when unknown.</param>
    /// <param name="country">The ISO 3166-1 alpha-2 country code such as <c>DE</c>, or <see langword="null"/>.</param>
    /// <param name="region">The region (for example <c>EMEA</c> or a state), or <see langword="null"/>; not blank.</param>
    /// <exception cref="ArgumentException">A text attribute is blank, or <paramref name="country"/> is not two upper-case ASCII letters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="employeeCount"/> is below 1.</exception>
    public IcpProfile(string? industry = null, int? employeeCount = null, string? country = null, string? region = null)
    {
        Industry = Facts.OptionalText(industry, nameof(industry));
        if (employeeCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(employeeCount), employeeCount, string.Create(CultureInfo.InvariantCulture, $"An employee count must be at least 1 (use null when unknown), but was {employeeCount}."));
        }

        EmployeeCount = employeeCount;
        if (country is not null && (country.Length != 2 || country[0] is < 'A' or > 'Z' || country[1] is < 'A' or > 'Z'))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A country must be an ISO 3166-1 alpha-2 code (two upper-case ASCII letters), but was '{country}'."), nameof(country));
        }

        Country = country;
        Region = Facts.OptionalText(region, nameof(region));
    }

    /// <summary>Gets the profile with every attribute unknown.</summary>
    public static IcpProfile Unknown { get; } = new();

    /// <summary>Gets the industry, or <see langword="null"/> when unknown.</summary>
    public string? Industry { get; }

    /// <summary>Gets the number of employees, or <see langword="null"/> when unknown.</summary>
    public int? EmployeeCount { get; }

    /// <summary>Gets the ISO 3166-1 alpha-2 country code, or <see langword="null"/> when unknown.</summary>
    public string? Country { get; }

    /// <summary>Gets the region, or <see langword="null"/> when unknown.</summary>
    public string? Region { get; }

    /// <summary>Gets the band of <see cref="EmployeeCount"/> in <see cref="EmployeeBandSet.Standard"/>, or <see langword="null"/> when the count is unknown.</summary>
    public EmployeeBand? EmployeeBand => BandIn(EmployeeBandSet.Standard);

    /// <summary>Returns the band of <see cref="EmployeeCount"/> in <paramref name="bands"/>.</summary>
    /// <param name="bands">The band set.</param>
    /// <returns>The band, or <see langword="null"/> when the count is unknown or below the first band.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bands"/> is <see langword="null"/>.</exception>
    public EmployeeBand? BandIn(EmployeeBandSet bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return EmployeeCount is { } count && bands.TryGetBand(count, out EmployeeBand band) ? band : null;
    }

    /// <summary>Returns a copy with another industry.</summary>
    /// <param name="industry">The industry, or <see langword="null"/>.</param>
    /// <returns>The new profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="industry"/> is blank.</exception>
    public IcpProfile WithIndustry(string? industry) => new(industry, EmployeeCount, Country, Region);

    /// <summary>Returns a copy with another employee count.</summary>
    /// <param name="employeeCount">The count, at least 1, or <see langword="null"/>.</param>
    /// <returns>The new profile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="employeeCount"/> is below 1.</exception>
    public IcpProfile WithEmployeeCount(int? employeeCount) => new(Industry, employeeCount, Country, Region);

    /// <summary>Returns a copy with another country and region.</summary>
    /// <param name="country">The ISO 3166-1 alpha-2 code, or <see langword="null"/>.</param>
    /// <param name="region">The region, or <see langword="null"/>.</param>
    /// <returns>The new profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="country"/> is malformed or <paramref name="region"/> is blank.</exception>
    public IcpProfile WithLocation(string? country, string? region) => new(Industry, EmployeeCount, country, region);

    /// <inheritdoc/>
    public bool Equals(IcpProfile? other) =>
        other is not null
        && string.Equals(Industry, other.Industry, StringComparison.Ordinal)
        && EmployeeCount == other.EmployeeCount
        && string.Equals(Country, other.Country, StringComparison.Ordinal)
        && string.Equals(Region, other.Region, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as IcpProfile);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        Industry is null ? 0 : StringComparer.Ordinal.GetHashCode(Industry),
        EmployeeCount,
        Country is null ? 0 : StringComparer.Ordinal.GetHashCode(Country),
        Region is null ? 0 : StringComparer.Ordinal.GetHashCode(Region));

    /// <summary>Formats the attributes, for example <c>Software, 120 employees (51-200), DE, EMEA</c>; unknown ones print as <c>?</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Industry ?? "?"}, {(EmployeeCount is { } n ? string.Create(CultureInfo.InvariantCulture, $"{n} employees ({EmployeeBand})") : "? employees")}, {Country ?? "?"}, {Region ?? "?"}");

    /// <summary>Returns whether two profiles are equal.</summary>
    /// <param name="left">The left profile.</param>
    /// <param name="right">The right profile.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator ==(IcpProfile? left, IcpProfile? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether two profiles differ.</summary>
    /// <param name="left">The left profile.</param>
    /// <param name="right">The right profile.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator !=(IcpProfile? left, IcpProfile? right) => !(left == right);
}
