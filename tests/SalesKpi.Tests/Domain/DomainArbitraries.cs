using System;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace SalesKpi.Tests.Domain;

/// <summary>Generators for domain values, registered with <c>[Property(Arbitrary = [typeof(DomainArbitraries)])]</c>.</summary>
public static class DomainArbitraries
{
    /// <summary>Instants between 1990 and 2040 with whole-tick precision (sub-second ticks included).</summary>
    public static Arbitrary<Instant> Instants() =>
        Gen.Choose(0, 50 * 366 * 24 * 60)
            .SelectMany(minute => Gen.Choose(0, 60 * 10_000_000 - 1).Select(tick => Instant.FromUtc(1990, 1, 1, 0, 0).PlusTicks((minute * 60L * 10_000_000L) + tick)))
            .ToArbitrary();

    /// <summary>Dates between 1990 and 2040.</summary>
    public static Arbitrary<LocalDate> Dates() =>
        Gen.Choose(0, 50 * 365).Select(d => new LocalDate(1990, 1, 1).PlusDays(d)).ToArbitrary();

    /// <summary>Money in cents up to ±10 billion, in one of three currencies.</summary>
    public static Arbitrary<Money> Money() =>
        Gen.Choose(-1_000_000, 1_000_000)
            .SelectMany(units => Gen.Choose(0, 9_999).Select(cents => (units * 10_000L) + cents))
            .SelectMany(cents => Gen.Elements(Currency.Usd, Currency.Eur, Currency.Brl).Select(c => SalesKpi.Money.Of(cents / 100m, c)))
            .ToArbitrary();

    /// <summary>Durations of 0 to 10 hours in whole seconds.</summary>
    public static Arbitrary<Duration> Durations() =>
        Gen.Choose(0, 36_000).Select(s => Duration.FromSeconds(s)).ToArbitrary();

    /// <summary>Well-known and custom activity kinds.</summary>
    public static Arbitrary<SalesActivityKind> Kinds() =>
        Gen.OneOf(
                Gen.Choose(1, 10).Select(SalesActivityKind.FromCode),
                Gen.Choose(SalesActivityKind.FirstCustomCode, int.MaxValue).Select(SalesActivityKind.Custom))
            .ToArbitrary();

    /// <summary>Defined activity outcomes.</summary>
    public static Arbitrary<SalesActivityOutcome> Outcomes() => Gen.Elements(Enum.GetValues<SalesActivityOutcome>()).ToArbitrary();

    /// <summary>Defined lead stages.</summary>
    public static Arbitrary<LeadStage> LeadStages() => Gen.Elements(Enum.GetValues<LeadStage>()).ToArbitrary();
}
