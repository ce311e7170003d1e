namespace SalesKpi;

/// <summary>How often a subscription is billed; the value is the number of months in the interval.</summary>
public enum BillingInterval
{
    /// <summary>Billed every month.</summary>
    Monthly = 1,

    /// <summary>Billed every three months.</summary>
    Quarterly = 3,

    /// <summary>Billed every six months.</summary>
    SemiAnnual = 6,

    /// <summary>Billed every twelve months.</summary>
    Annual = 12,
}
