using NodaTime;

namespace SalesKpi.Tests.Domain;

/// <summary>Readable instant arithmetic for domain tests.</summary>
internal static class DomainTestTime
{
    internal static Instant PlusHours(this Instant instant, double hours) => instant + Duration.FromHours(hours);

    internal static Instant PlusDays(this Instant instant, int days) => instant + Duration.FromDays(days);
}
