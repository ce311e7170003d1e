namespace SalesKpi.Forecasting;

/// <summary>How a deal moved a period's pipeline between two instants (see <see cref="PipelineFlow"/>).</summary>
public enum PipelineFlowKind
{
    /// <summary>In the period's pipeline at both instants with the same amount.</summary>
    Unchanged = 0,

    /// <summary>Created after the first instant and in the pipeline at the second: adds its amount.</summary>
    New,

    /// <summary>Open at the first instant but not in the period's pipeline then (expected elsewhere, or not placeable), in it at the second: adds its amount.</summary>
    PulledIn,

    /// <summary>In the pipeline at both instants with a larger amount at the second: adds the increase.</summary>
    AmountUp,

    /// <summary>In the pipeline at both instants with a smaller amount at the second: removes the decrease.</summary>
    AmountDown,

    /// <summary>In the pipeline at the first instant and won between the two: removes its first amount.</summary>
    Won,

    /// <summary>In the pipeline at the first instant and lost between the two: removes its first amount.</summary>
    Lost,

    /// <summary>In the pipeline at the first instant, still open at the second but expected after the period: removes its first amount.</summary>
    PushedOut,

    /// <summary>In the pipeline at the first instant, still open at the second but expected before the period: removes its first amount.</summary>
    PulledForward,

    /// <summary>In the pipeline at the first instant, not placeable at the second (amount or date removed, another currency): removes its first amount.</summary>
    Dropped,

    /// <summary>Created and won between the two instants with its close in the period: in neither pipeline, reported apart.</summary>
    CreatedAndWon,

    /// <summary>Created and lost between the two instants with its close in the period: in neither pipeline, reported apart.</summary>
    CreatedAndLost,
}
