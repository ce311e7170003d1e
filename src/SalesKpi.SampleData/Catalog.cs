using System;

namespace SalesKpi.SampleData;

/// <summary>
/// The fixed vocabulary and the behavioural parameters of the sample organisation: zones, calendars, regions,
/// countries, industries, job titles, lead sources, activity mixes and the multipliers that make conversion differ by
/// segment. Weights are relative integers; factors multiply a base probability or rate.
/// </summary>
internal static class Catalog
{
    internal const int RegionCount = 3;

    /// <summary>Rep roles that do sales work, in cell order.</summary>
    internal static readonly RepRole[] WorkingRoles = [RepRole.Sdr, RepRole.Ae, RepRole.AccountManager];

    internal static ReadOnlySpan<int> RegionWeights => [45, 35, 20];

    internal static ReadOnlySpan<int> RoleWeights => [40, 35, 25];

    /// <summary>The smallest number of reps per (region, role) cell: three Americas SDRs (one promoted, one leaving) and two Americas AEs (one joining).</summary>
    internal static ReadOnlySpan<int> MinimumCell => [3, 2, 1, 1, 1, 1, 1, 1, 1];

    internal static ReadOnlySpan<int> RegionPrimaryZone => [0, 2, 3];

    internal static ReadOnlySpan<int> ZoneCalendar => [0, 0, 1, 2];

    internal static ReadOnlySpan<int> IndustryWeights => [18, 14, 12, 14, 12, 8, 14, 8];

    /// <summary>How much an industry converts relative to the average (applied to qualification, opportunity and win).</summary>
    internal static ReadOnlySpan<double> IndustryFactor => [1.35, 1.2, 0.95, 0.85, 0.75, 0.6, 1.1, 0.85];

    /// <summary>Lower bounds of the standard employee bands (KPI-SPEC §3).</summary>
    internal static ReadOnlySpan<int> BandLowerBounds => [1, 11, 51, 201, 501, 1001, 5001];

    internal static ReadOnlySpan<double> BandFactor => [0.55, 0.8, 1.1, 1.25, 1.2, 1.0, 0.85];

    /// <summary>Median deal amount (USD) relative to 18,000 by employee band.</summary>
    internal static ReadOnlySpan<double> BandDealSize => [0.3, 0.5, 1.0, 1.6, 2.2, 3.5, 6.0];

    /// <summary>Median monthly recurring revenue relative to 900 USD by employee band.</summary>
    internal static ReadOnlySpan<double> BandMrr => [0.3, 0.5, 1.0, 1.7, 2.4, 4.0, 7.0];

    internal static ReadOnlySpan<int> TitleWeights => [3, 2, 2, 2, 6, 5, 4, 8, 5, 12, 10, 8, 12, 11, 10];

    /// <summary>How much a contact's job title converts relative to the average: buyers of sales tooling convert best.</summary>
    internal static ReadOnlySpan<double> TitleFactor => [0.9, 1.5, 0.6, 0.7, 1.6, 1.1, 1.7, 1.45, 1.5, 1.15, 0.8, 0.6, 0.65, 0.5, 0.45];

    internal static ReadOnlySpan<int> SourceWeights => [28, 15, 10, 25, 7, 8, 7];

    internal static ReadOnlySpan<double> SourceFactor => [1.0, 0.75, 0.95, 0.7, 1.6, 1.15, 0.85];

    /// <summary>Activity weights per weekday, Monday first, in percent.</summary>
    internal static ReadOnlySpan<int> WeekdayPercent => [95, 105, 105, 100, 85, 35, 30];

    /// <summary>Relative local-hour weights of rep activities for hours 7 to 19, SDRs.</summary>
    internal static ReadOnlySpan<int> SdrHourWeights => [2, 7, 11, 12, 10, 4, 7, 11, 11, 9, 5, 2, 1];

    /// <summary>Relative local-hour weights of rep activities for hours 7 to 19, AEs and account managers.</summary>
    internal static ReadOnlySpan<int> CloserHourWeights => [1, 5, 9, 11, 11, 6, 8, 11, 11, 10, 6, 3, 1];

    /// <summary>Relative local-hour weights of inbound lead creation for hours 6 to 22.</summary>
    internal static ReadOnlySpan<int> InboundHourWeights => [1, 3, 6, 9, 10, 10, 8, 8, 9, 9, 8, 6, 4, 3, 3, 2, 1];

    /// <summary>Relative local-hour weights of product sessions for hours 7 to 19.</summary>
    internal static ReadOnlySpan<int> UsageHourWeights => [3, 8, 12, 12, 11, 7, 9, 11, 10, 9, 6, 3, 2];

    /// <summary>Kinds (codes) and weights of SDR activities; lead hand-offs are generated from the funnel, not drawn.</summary>
    internal static ReadOnlySpan<int> SdrKinds => [1, 2, 9, 3, 4, 6, 7];

    internal static ReadOnlySpan<int> SdrKindWeights => [480, 300, 50, 60, 25, 60, 25];

    internal static ReadOnlySpan<int> AeKinds => [1, 2, 3, 4, 10, 6, 7];

    internal static ReadOnlySpan<int> AeKindWeights => [220, 280, 90, 150, 50, 130, 80];

    internal static ReadOnlySpan<int> AmKinds => [1, 2, 3, 4, 6, 7, 8];

    internal static ReadOnlySpan<int> AmKindWeights => [180, 320, 110, 140, 150, 80, 20];

    /// <summary>Daily activity rate per role (SDR, AE, account manager) before skill and seasonality.</summary>
    internal static ReadOnlySpan<double> RoleDailyRate => [80.0, 35.0, 22.0];

    /// <summary>Deal stage lag medians in days (Discovery, Demo, Proposal, Negotiation) for a deal of median size.</summary>
    internal static ReadOnlySpan<double> StageLagDays => [8.0, 10.0, 12.0, 9.0];

    /// <summary>Probabilities of advancing from Discovery, Demo and Proposal for an average deal.</summary>
    internal static ReadOnlySpan<double> StageAdvance => [0.65, 0.7, 0.75];

    internal static ReadOnlySpan<int> LossReasonWeights => [22, 20, 25, 12, 10, 5, 3, 3];

    internal static ReadOnlySpan<int> FeatureWeights => [30, 14, 18, 12, 10, 6, 6, 4];

    internal static readonly string[] ZoneIds = ["America/New_York", "America/Los_Angeles", "Europe/Berlin", "Australia/Sydney"];

    internal static readonly string[] CalendarNames = ["US", "DE-BE", "AU-NSW"];

    internal static readonly string[] RegionNames = ["Americas", "EMEA", "APAC"];

    internal static readonly string[] RegionCodes = ["AMER", "EMEA", "APAC"];

    internal static readonly string[][] Countries =
    [
        ["US", "CA", "BR", "MX"],
        ["DE", "GB", "FR", "NL", "SE", "ES"],
        ["AU", "SG", "JP", "IN", "NZ"],
    ];

    internal static readonly int[][] CountryWeights =
    [
        [70, 12, 10, 8],
        [28, 26, 16, 12, 8, 10],
        [40, 20, 18, 14, 8],
    ];

    internal static readonly string[][] LegalForms =
    [
        ["Inc.", "Ltd.", "Ltda.", "S.A. de C.V."],
        ["GmbH", "Ltd", "SAS", "B.V.", "AB", "S.L."],
        ["Pty Ltd", "Pte. Ltd.", "K.K.", "Pvt. Ltd.", "Limited"],
    ];

    internal static readonly string[] Industries =
    [
        "Software", "Financial Services", "Healthcare", "Manufacturing", "Retail", "Education", "Professional Services", "Media",
    ];

    internal static readonly string[] JobTitles =
    [
        "Chief Executive Officer", "Chief Revenue Officer", "Chief Financial Officer", "Chief Technology Officer",
        "VP of Sales", "VP of Marketing", "Head of Revenue Operations", "Director of Sales", "Director of Sales Operations",
        "Sales Manager", "Marketing Manager", "IT Manager", "Account Executive", "Sales Development Representative",
        "Marketing Coordinator",
    ];

    internal static readonly string[] Sources =
    [
        "Inbound Web", "Content Download", "Webinar", "Outbound", "Referral", "Event", "Paid Search",
    ];

    internal static readonly string[] LossReasons =
    [
        "Price", "Competitor", "No decision", "Timing", "Budget", "Champion left", "Duplicate", "Bad fit",
    ];

    internal static readonly string[] Features =
    [
        "dashboards.view", "reports.export", "pipeline.edit", "forecast.view", "leaderboard.view", "scorecards.edit",
        "integrations.sync", "alerts.configure",
    ];

    internal static readonly string[] StageNames = ["Discovery", "Demo", "Proposal", "Negotiation"];

    internal static readonly string[] FirstNames =
    [
        "Ana", "Ben", "Chloe", "Daniel", "Emma", "Farid", "Grace", "Hiro", "Isabel", "Jonas", "Kavya", "Liam", "Maya",
        "Noah", "Olivia", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe",
        "Lena", "Mateo", "Priya", "Oskar",
    ];

    internal static readonly string[] LastNames =
    [
        "Lima", "Becker", "Nguyen", "Okafor", "Schmidt", "Tanaka", "Rossi", "Kowalski", "Haddad", "Fischer", "Silva",
        "Johansson", "Patel", "Murphy", "Dubois", "Kim", "Moreau", "Novak", "Garcia", "Walsh", "Ito", "Costa", "Meyer",
        "Singh", "Brennan", "Larsen", "Ortiz", "Chen", "Weber", "Adeyemi",
    ];

    internal static readonly string[] CompanyWords =
    [
        "North", "Blue", "Silver", "Bright", "Summit", "Harbor", "Granite", "Cedar", "Falcon", "Meridian", "Pioneer",
        "Vertex", "Aurora", "Atlas", "Beacon", "Crescent", "Delta", "Evergreen", "Frontier", "Keystone",
    ];

    internal static readonly string[] CompanyNouns =
    [
        "Logistics", "Analytics", "Health", "Robotics", "Foods", "Learning", "Partners", "Media", "Systems", "Capital",
        "Labs", "Networks", "Energy", "Works", "Retail", "Software", "Consulting", "Bank", "Studios", "Dynamics",
    ];
}
