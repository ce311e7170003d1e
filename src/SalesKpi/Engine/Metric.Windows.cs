using System;
using System.Globalization;

namespace SalesKpi;

public static partial class Metric
{
    /// <summary>Replaces each period's value by the value over all periods up to and including it (a running total).</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <returns>The cumulative metric.</returns>
    /// <remarks>
    /// Deferred. Windows merge accumulators, so a cumulative rate is Σ successes ÷ Σ trials and a cumulative distinct
    /// count counts each member once. Each key gets a cell for every period from its first period with facts to the
    /// table's last period (periods without facts carry the running value).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentException">The metric is not per period, already windowed, or already compared or targeted.</exception>
    /// <example>
    /// <code>
    /// var bookingsToDate = Metric.Sum&lt;Deal&gt;(d => d.Amount).PerPeriod(PeriodKind.Month, d => d.ClosedAt).Cumulative();
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Cumulative<TFact, TKey>(this Metric<TFact, TKey> metric)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        CheckWindowable(metric);
        return new Metric<TFact, TKey>(metric) { Window = new WindowSpec(WindowKind.Cumulative, 0, default), Description = metric.Description + " | cumulative" };
    }

    /// <summary>Replaces each period's value by the value over a window of the last <paramref name="periods"/> periods, the current one included.</summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period.</param>
    /// <param name="periods">The window length in periods, at least 1.</param>
    /// <returns>The rolling metric.</returns>
    /// <remarks>
    /// Deferred. The window of period t covers periods t − n + 1 … t (shorter at the start of the data). Accumulators
    /// are merged: a 7-day rolling distinct count of daily users is a weekly active-user count. Windows with no facts
    /// have no cell (see <c>FillEmpty</c>).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The metric is not per period, already windowed, or already compared or targeted.</exception>
    /// <example>
    /// <code>
    /// var weeklyActive = Metric.DistinctCount&lt;Login&gt;(l => l.UserId).PerPeriod(PeriodKind.Day, l => l.At).Rolling(7);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> Rolling<TFact, TKey>(this Metric<TFact, TKey> metric, int periods)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        CheckWindowable(metric);
        return new Metric<TFact, TKey>(metric)
        {
            Window = new WindowSpec(WindowKind.Rolling, periods, default),
            Description = metric.Description + string.Create(CultureInfo.InvariantCulture, $" | rolling {periods}"),
        };
    }

    /// <summary>
    /// Replaces each period's value by the value from the start of its enclosing <paramref name="grain"/> period up to and
    /// including it (month-to-date on days, quarter-to-date on months, year-to-date …).
    /// </summary>
    /// <typeparam name="TFact">The fact type.</typeparam>
    /// <typeparam name="TKey">The group key type.</typeparam>
    /// <param name="metric">A metric per period finer than <paramref name="grain"/>.</param>
    /// <param name="grain">The enclosing period kind at whose start the running value resets.</param>
    /// <returns>The to-date metric.</returns>
    /// <remarks>
    /// Deferred. A period belongs to the grain period containing its start date (a week straddling two months counts
    /// in the month it starts in). Read the cell of the period containing the as-of date for the to-date value "now".
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grain"/> is not coarser than the metric's periods.</exception>
    /// <exception cref="ArgumentException">The metric is not per period, already windowed, or already compared or targeted.</exception>
    /// <example>
    /// <code>
    /// var monthToDate = Metric.Count&lt;Activity&gt;().PerPeriod(PeriodKind.Day, a => a.Timestamp).ToDate(PeriodKind.Month);
    /// </code>
    /// </example>
    public static Metric<TFact, TKey> ToDate<TFact, TKey>(this Metric<TFact, TKey> metric, PeriodKind grain)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(metric);
        CheckWindowable(metric);
        if (!Enum.IsDefined(grain) || grain <= metric.Period!.Kind)
        {
            throw new ArgumentOutOfRangeException(nameof(grain), grain, $"The grain must be coarser than the metric's {metric.Period!.Kind} periods.");
        }

        return new Metric<TFact, TKey>(metric)
        {
            Window = new WindowSpec(WindowKind.ToDate, 0, grain),
            Description = metric.Description + " | " + grain + " to date",
        };
    }

    private static void CheckWindowable<TFact, TKey>(Metric<TFact, TKey> metric)
        where TKey : notnull
    {
        if (metric.Period is null)
        {
            throw Misuse("A window needs a metric per period: call PerPeriod first.");
        }

        if (metric.Window is not null)
        {
            throw Misuse("The metric already has a window.");
        }

        if (metric.Stages.Length > 0)
        {
            throw Misuse("Windows apply to accumulators: add them before comparisons and targets.");
        }
    }
}
