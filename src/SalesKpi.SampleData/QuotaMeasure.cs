namespace SalesKpi.SampleData;

/// <summary>What a <see cref="RepQuota"/> measures.</summary>
public enum QuotaMeasure
{
    /// <summary>Sales-accepted leads passed by an SDR: the count of the SDR's leads entering <see cref="LeadStage.Sal"/> in the month.</summary>
    LeadsPassed = 0,

    /// <summary>New-business bookings of an AE: the amount (organisation currency) of the AE's new-business deals won in the month.</summary>
    NewBusinessBookings = 1,

    /// <summary>Expansion bookings of an account manager: the amount (organisation currency) of the manager's expansion deals won in the month.</summary>
    ExpansionBookings = 2,
}
