namespace SalesKpi.Forecasting;

/// <summary>How the training data of a rolling-origin backtest moves with the origin.</summary>
public enum TrainingWindow
{
    /// <summary>Each origin trains on every observation before it (the training set grows).</summary>
    Expanding,

    /// <summary>Each origin trains on the same number of most recent observations (the window slides).</summary>
    Fixed,
}
