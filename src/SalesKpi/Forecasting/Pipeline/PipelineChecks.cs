using System;
using System.Collections.Generic;
using System.Globalization;

namespace SalesKpi.Forecasting;

internal static class PipelineChecks
{
    internal static void RequirePeriod(ReportingPeriod period, string paramName)
    {
        if (period == default)
        {
            throw new ArgumentException("The period is the default value, which has no dates.", paramName);
        }
    }

    /// <summary>Throws when <paramref name="currency"/> is the default value, which names no currency.</summary>
    internal static void RequireCurrency(Currency currency, string paramName)
    {
        if (currency == default)
        {
            throw new ArgumentException("A currency is needed, but got the default (none).", paramName);
        }
    }

    /// <summary>Throws when the deal at <paramref name="index"/> is null or, with <paramref name="seen"/>, repeats an id.</summary>
    internal static void RequireDeal(Deal? deal, int index, HashSet<DealId>? seen, string paramName)
    {
        if (deal is null)
        {
            throw new ArgumentNullException(paramName, string.Create(CultureInfo.InvariantCulture, $"Deal at position {index} is null."));
        }

        if (seen is not null && !seen.Add(deal.Id))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Deal {deal.Id} appears more than once."), paramName);
        }
    }

    /// <summary>The index of the first element of <paramref name="sorted"/> not less than <paramref name="value"/>.</summary>
    internal static int LowerBound<T>(T[] sorted, T value)
        where T : IComparable<T>
    {
        int lo = 0;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].CompareTo(value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
