using System;
using System.Linq;
using NodaTime;
using Xunit;

namespace SalesKpi.Tests.Engine;

/// <summary>The snapshot transfer example of <c>docs/engine.md</c>, as written there, on generated activities.</summary>
public sealed class SnapshotTransferExampleTests
{
    [Fact]
    public void A_days_snapshot_stored_field_by_field_and_rebuilt_merges_into_the_total()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var all = SalesKpi.SampleData.SampleOrganisation.Generate(new SalesKpi.SampleData.SampleOptions { Seed = 3, Activities = 5_000 }).Facts.Activities.ToArray();
        var todaysActivities = all[(all.Length / 2)..];
        var yesterdays = all[..(all.Length / 2)];

        var calls = Metric.Count<SalesActivity>()
            .Where(a => a.Kind == SalesActivityKind.Call)
            .By(a => a.Rep)
            .PerPeriod(PeriodKind.Day, a => a.Timestamp)
            .Named("calls");
        var options = EvaluationOptions<SalesActivity>.InZone(zone);
        var yesterdaysSnapshot = calls.CreateState(options).Add(yesterdays).ToSnapshot();

        // On the worker: the day's facts, then plain data.
        KpiSnapshot<RepId> day = calls.CreateState(options).Add(todaysActivities).ToSnapshot();
        (string metric, long facts, RepId[] keys, LocalDate[]? periods, CellState[] cells, string settings, string name) stored =
            (day.Metric, day.FactCount, [.. day.Keys], day.Periods?.ToArray(), [.. day.Cells], day.TimeSettings, day.MetricName);

        // On the keeper: the snapshot rebuilt from what was stored, checked whole, then merged.
        var received = new KpiSnapshot<RepId>(stored.metric, stored.facts, stored.keys, stored.periods, stored.cells)
        {
            TimeSettings = stored.settings,
            MetricName = stored.name,
        };
        KpiState<SalesActivity, RepId> total = calls.Restore(yesterdaysSnapshot, options).Merge(received);

        Assert.Equal(calls.Evaluate(all, options).Cells, total.ToTable().Cells);
        Assert.Equal(all.Length, total.FactCount);
        Assert.Equal("zone Europe/Berlin", stored.settings);
        Assert.Equal("calls", stored.name);
    }
}
