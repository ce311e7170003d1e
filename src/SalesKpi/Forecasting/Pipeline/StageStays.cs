using System.Collections.Generic;
using NodaTime;

namespace SalesKpi.Forecasting;

/// <summary>A deal's latest stay in each stage it entered, the unit the pipeline learners measure.</summary>
internal static class StageStays
{
    /// <summary>
    /// For each distinct stage entered at or before <paramref name="end"/>, its latest stay: the first of the last run of
    /// consecutive entries of that stage (entries after <paramref name="end"/> ignored, as
    /// <see cref="Deal.StageAt"/> ignores them), and when it ended: the next entry of another stage, or <paramref name="end"/>.
    /// </summary>
    internal static List<(int Start, Instant Left)> Latest(IReadOnlyList<StageChange<DealStage>> history, Instant end)
    {
        var kept = new List<int>(history.Count);
        for (int i = 0; i < history.Count; i++)
        {
            if (history[i].At <= end)
            {
                kept.Add(i);
            }
        }

        var stays = new List<(int Start, Instant Left)>();
        var seen = new HashSet<DealStage>();
        for (int m = kept.Count - 1; m >= 0; m--)
        {
            var stage = history[kept[m]].Stage;
            if (!seen.Add(stage))
            {
                continue;
            }

            int last = m;
            while (m > 0 && history[kept[m - 1]].Stage == stage)
            {
                m--;
            }

            var left = last + 1 < kept.Count ? history[kept[last + 1]].At : end;
            stays.Add((kept[m], left));
        }

        return stays;
    }
}
