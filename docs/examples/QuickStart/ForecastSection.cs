using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NodaTime;
using SalesKpi;
using SalesKpi.Forecasting;
using SalesKpi.SampleData;

/// <summary>Quick start: monthly bookings (won amount by fiscal month of close) and a 3-month forecast with intervals.</summary>
internal static class ForecastSection
{
    public static void Print(TextWriter output, SampleOrganisation sample, LocalDate asOf)
    {
        var calendar = sample.ReportingCalendar;
        var zone = sample.OrganisationZone;

        // Bookings per complete fiscal month before the month of asOf.
        var current = calendar.GetPeriod(asOf, PeriodKind.Month);
        var months = new List<ReportingPeriod>();
        for (var p = calendar.GetPeriod(sample.Start, PeriodKind.Month); p < current; p = calendar.Next(p))
        {
            months.Add(p);
        }

        var bookings = new decimal[months.Count];
        foreach (var deal in sample.Facts.Deals)
        {
            if (!deal.IsWon || deal.Amount is not { } amount || deal.Outcome.ClosedAt is not { } closedAt)
            {
                continue;
            }

            var date = closedAt.InZone(zone).Date;
            int index = months.BinarySearch(calendar.GetPeriod(date, PeriodKind.Month));
            if (index >= 0)
            {
                bookings[index] += amount.Amount;
            }
        }

        var values = new double[bookings.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (double)bookings[i];
        }

        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"Monthly bookings ({sample.Currency}), {months[0].Label} to {months[^1].Label}: last six months"));
        for (int i = Math.Max(0, months.Count - 6); i < months.Count; i++)
        {
            output.WriteLine(string.Create(invariant, $"  {months[i].Label,-12} {bookings[i],14:N0}"));
        }

        var series = TimeSeries.Of(values, seasonLength: 12);
        var model = ExponentialSmoothing.AutoEts().Fit(series);
        var forecast = model.Forecast(3, 80, 95);
        var p80 = forecast.Interval(80);
        var p95 = forecast.Interval(95);
        output.WriteLine(string.Create(invariant, $"Bookings forecast, {model.Method} selected by AICc over {series.Count} months:"));
        output.WriteLine("  month              point        80% interval                 95% interval");
        var month = current;
        for (int h = 0; h < forecast.Horizon; h++, month = calendar.Next(month))
        {
            output.WriteLine(string.Create(
                invariant,
                $"  {month.Label,-12} {forecast.Point[h],12:N0}   [{p80.Lower[h],11:N0}, {p80.Upper[h],11:N0}]   [{p95.Lower[h],11:N0}, {p95.Upper[h],11:N0}]"));
        }
    }
}
