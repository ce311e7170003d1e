namespace SalesKpi.Forecasting;

/// <summary>Why a deal was left out of a pipeline snapshot or forecast.</summary>
public enum PipelineExclusionReason
{
    /// <summary>The deal has no amount at the snapshot instant.</summary>
    MissingAmount = 1,

    /// <summary>The deal's amount is in another currency than the snapshot's, and no exchange-rate table was given.</summary>
    OtherCurrency,

    /// <summary>The deal's amount is negative.</summary>
    NegativeAmount,

    /// <summary>The deal has no expected close date at the snapshot instant.</summary>
    MissingExpectedClose,

    /// <summary>The deal had entered no stage by the snapshot instant.</summary>
    NoStage,

    /// <summary>The deal is won or lost but has no close instant, so whether it was open at the snapshot is unknown.</summary>
    ClosedWithoutCloseTime,

    /// <summary>The deal's stage has no win probability (none supplied, or no closed deal passed through it in the look-back).</summary>
    NoStageProbability,

    /// <summary>The deal's amount is in another currency and the exchange-rate table has no rate for it on the rate date.</summary>
    NoExchangeRate,
}
