namespace SalesKpi;

/// <summary>A stage of a lead's lifecycle.</summary>
/// <remarks>
/// The usual path is <see cref="Lead"/> → <see cref="Mql"/> → <see cref="Sal"/> → <see cref="Sql"/> →
/// <see cref="Opportunity"/> → <see cref="Customer"/>; a lead can leave it as <see cref="Disqualified"/> or be
/// <see cref="Recycled"/> and enter stages again. The numeric order follows that path.
/// </remarks>
public enum LeadStage
{
    /// <summary>A new, unqualified lead (the default).</summary>
    Lead = 0,

    /// <summary>Marketing-qualified lead.</summary>
    Mql = 1,

    /// <summary>Sales-accepted lead.</summary>
    Sal = 2,

    /// <summary>Sales-qualified lead.</summary>
    Sql = 3,

    /// <summary>An opportunity (a deal) was opened.</summary>
    Opportunity = 4,

    /// <summary>The lead became a paying customer.</summary>
    Customer = 5,

    /// <summary>The lead was disqualified.</summary>
    Disqualified = 6,

    /// <summary>The lead was sent back to marketing for nurturing and may re-enter the funnel.</summary>
    Recycled = 7,
}
