namespace SalesKpi;

/// <summary>Whether a conversion counts entities or every entry of an entity that enters stage A more than once.</summary>
public enum ConversionCounting
{
    /// <summary>
    /// Unique entities (default): only an entity's first entry into A is a trial; it converts if the entity reaches B
    /// within the window after that first entry. Repeated entries into A or B count once.
    /// </summary>
    UniqueEntities = 0,

    /// <summary>
    /// All conversions: every entry into A is a trial; it converts if B happens within its window and before the
    /// entity's next entry into A (a B is credited to the latest entry at or before it, never to two entries).
    /// </summary>
    AllConversions = 1,
}
