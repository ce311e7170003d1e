using System;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>
/// A deal projected into a 32-byte value (owner, status, close instant as Unix ticks, amount in US dollars), as a user
/// would project their deals once to evaluate many metrics over them: the deal workloads' struct-array engines
/// (<c>saleskpi</c>, <c>saleskpi_serial</c>, <c>handloop</c>) read an array of these, laid out like a DuckDB table's
/// columns read row by row, instead of a million deal objects.
/// </summary>
/// <param name="Owner">The deal's owner.</param>
/// <param name="Status">Open, won or lost.</param>
/// <param name="ClosedTicks">The close instant as Unix ticks; 0 for an open deal.</param>
/// <param name="Amount">The amount in US dollars; 0 for an open or lost deal without an amount.</param>
internal readonly record struct DealRow(RepId Owner, DealStatus Status, long ClosedTicks, decimal Amount)
{
    /// <summary>Projects the deals; every amount must be in US dollars, as the workloads sum them in US dollars.</summary>
    public static DealRow[] From(Deal[] deals)
    {
        var rows = new DealRow[deals.Length];
        for (int i = 0; i < deals.Length; i++)
        {
            var deal = deals[i];
            if (deal.Amount is { } amount && amount.Currency != Currency.Usd)
            {
                throw new InvalidOperationException($"Deal {deal.Id} is in {amount.Currency}; the projection holds US dollars only.");
            }

            if (deal.IsWon && deal.Amount is null)
            {
                throw new InvalidOperationException($"Deal {deal.Id} is won without an amount; the workloads sum won amounts.");
            }

            rows[i] = new DealRow(deal.Owner, deal.Outcome.Status, deal.Outcome.ClosedAt?.ToUnixTimeTicks() ?? 0, deal.Amount?.Amount ?? 0m);
        }

        return rows;
    }
}

/// <summary>Value-type selectors over <see cref="DealRow"/>, compiled into the library's evaluation loop.</summary>
internal static class DealRowSelectors
{
    /// <summary>The owner, as the group key and as the rep of the business-date basis.</summary>
    public static readonly FactKey<DealRow, RepId> Owner = FactKey<DealRow, RepId>.Of(default(OwnerKey), "owner");

    public readonly struct Won : IFactPredicate<DealRow>
    {
        public bool Test(in DealRow fact) => fact.Status == DealStatus.Won;
    }

    public readonly struct Closed : IFactTime<DealRow>
    {
        public long UnixTicks(in DealRow fact) => fact.ClosedTicks;
    }

    private readonly struct OwnerKey : IFactKey<DealRow, RepId>
    {
        public RepId KeyOf(in DealRow fact) => fact.Owner;
    }
}

/// <summary>
/// A deal projected into a 32-byte value with its close date resolved once in its owner's home zone, as DuckDB's loader
/// fills the <c>closed_day</c> column of its <c>deals</c> table with <c>--duckdb-dates load</c>: owner, status, close
/// date, amount in US dollars. The deal workloads' struct-array engines read these when business dates are computed at
/// load.
/// </summary>
/// <param name="Owner">The deal's owner.</param>
/// <param name="Status">Open, won or lost.</param>
/// <param name="ClosedDay">The close date in the owner's home zone as days since 1970-01-01; 0 for an open deal.</param>
/// <param name="Amount">The amount in US dollars; 0 for an open or lost deal without an amount.</param>
internal readonly record struct DealDayRow(RepId Owner, DealStatus Status, int ClosedDay, decimal Amount)
{
    /// <summary>Projects the deals, checking as <see cref="DealRow.From"/> does and resolving close dates in the owners' zones.</summary>
    public static DealDayRow[] From(Dataset data)
    {
        var timed = DealRow.From(data.Deals);
        var rows = new DealDayRow[timed.Length];
        var zoneDays = new ZoneDays(data.Zones);
        var zoneOfRep = data.ZoneIndexOfRep;
        for (int i = 0; i < timed.Length; i++)
        {
            var deal = timed[i];
            int day = deal.Status == DealStatus.Open ? 0 : zoneDays.UnixDay(zoneOfRep[deal.Owner.Value], deal.ClosedTicks);
            rows[i] = new DealDayRow(deal.Owner, deal.Status, day, deal.Amount);
        }

        return rows;
    }
}

/// <summary>Value-type selectors over <see cref="DealDayRow"/>, compiled into the library's evaluation loop.</summary>
internal static class DealDayRowSelectors
{
    /// <summary>The owner.</summary>
    public static readonly FactKey<DealDayRow, RepId> Owner = FactKey<DealDayRow, RepId>.Of(default(OwnerKey), "owner");

    public readonly struct Won : IFactPredicate<DealDayRow>
    {
        public bool Test(in DealDayRow fact) => fact.Status == DealStatus.Won;
    }

    public readonly struct ClosedDay : IFactDate<DealDayRow>
    {
        public int EpochDayOf(in DealDayRow fact) => fact.ClosedDay;
    }

    private readonly struct OwnerKey : IFactKey<DealDayRow, RepId>
    {
        public RepId KeyOf(in DealDayRow fact) => fact.Owner;
    }
}
