namespace SalesKpi;

/// <summary>What <see cref="DataQualityCheck.Apply"/> does when facts contradict each other.</summary>
public enum DataQualityPolicy
{
    /// <summary>Throw a <see cref="DataQualityException"/> listing every issue (the default).</summary>
    Reject = 0,

    /// <summary>Leave out every offending fact, and everything that then refers to a left-out fact, and report each one.</summary>
    SkipAndReport = 1,
}
