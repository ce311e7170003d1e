namespace SalesKpi;

/// <summary>The kind of fact a <see cref="DataQualityIssue"/> is about, naming the collection of <see cref="SalesFacts"/> it sits in.</summary>
public enum FactKind
{
    /// <summary>A <see cref="SalesKpi.Rep"/> in <see cref="SalesFacts.Reps"/>.</summary>
    Rep = 0,

    /// <summary>A <see cref="SalesKpi.Team"/> in <see cref="SalesFacts.Teams"/>.</summary>
    Team = 1,

    /// <summary>A <see cref="SalesKpi.Lead"/> in <see cref="SalesFacts.Leads"/>.</summary>
    Lead = 2,

    /// <summary>A <see cref="SalesKpi.Deal"/> in <see cref="SalesFacts.Deals"/>.</summary>
    Deal = 3,

    /// <summary>An <see cref="SalesKpi.Account"/> in <see cref="SalesFacts.Accounts"/>.</summary>
    Account = 4,

    /// <summary>A <see cref="SalesActivity"/> in <see cref="SalesFacts.Activities"/>.</summary>
    Activity = 5,

    /// <summary>A <see cref="UsageSession"/> in <see cref="SalesFacts.Sessions"/>.</summary>
    Session = 6,

    /// <summary>A <see cref="SalesKpi.FeatureUsage"/> in <see cref="SalesFacts.FeatureUsage"/>.</summary>
    FeatureUsage = 7,

    /// <summary>A <see cref="SupportTicket"/> in <see cref="SalesFacts.Tickets"/>.</summary>
    Ticket = 8,

    /// <summary>A <see cref="SalesKpi.Conversation"/> in <see cref="SalesFacts.Conversations"/>.</summary>
    Conversation = 9,
}
