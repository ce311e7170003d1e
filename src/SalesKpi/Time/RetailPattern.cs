namespace SalesKpi;

/// <summary>The number of weeks in the three months of each quarter of a retail (4-4-5 family) calendar.</summary>
/// <remarks>
/// Every quarter has 13 weeks; in a 53-week year the extra week is added to the last month of the fourth
/// quarter (month <c>P12</c>), so that quarter has 14 weeks.
/// </remarks>
public enum RetailPattern
{
    /// <summary>Months of 4, 4 and 5 weeks.</summary>
    FourFourFive = 1,

    /// <summary>Months of 4, 5 and 4 weeks (the NRF calendar).</summary>
    FourFiveFour = 2,

    /// <summary>Months of 5, 4 and 4 weeks.</summary>
    FiveFourFour = 3,
}
