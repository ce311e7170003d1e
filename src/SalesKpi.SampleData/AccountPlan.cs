using System.Collections.Generic;

namespace SalesKpi.SampleData;

/// <summary>The generator's working view of one account (prospect or customer).</summary>
internal sealed class AccountPlan
{
    internal int Region { get; init; }

    internal int Country { get; init; }

    internal int Industry { get; init; }

    internal int Employees { get; init; }

    internal int Band { get; init; }

    internal string Name { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the account was already a customer before the period.</summary>
    internal bool IsBaseCustomer { get; init; }

    /// <summary>Gets the product engagement multiplier (median 1); low engagement churns more and uses the product less.</summary>
    internal double Engagement { get; init; }

    /// <summary>Gets or sets the account manager (rep index), or -1.</summary>
    internal int Owner { get; set; } = -1;

    internal BillingInterval Interval { get; set; } = BillingInterval.Monthly;

    internal List<SubscriptionChange> Subscription { get; } = [];

    /// <summary>Gets the won deals to apply: (effective day, monthly amount in whole currency units, deal index).</summary>
    internal List<(int Day, long Mrr, int Deal)> WonDeals { get; } = [];

    /// <summary>Gets the live intervals as day-index pairs [start, end).</summary>
    internal List<int> Live { get; } = [];

    internal int Users { get; set; }

    internal int FirstUser { get; set; }

    internal bool IsLiveOn(int day)
    {
        for (int i = 0; i < Live.Count; i += 2)
        {
            if (day >= Live[i] && day < Live[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    internal bool EverCustomer => Live.Count > 0;
}
