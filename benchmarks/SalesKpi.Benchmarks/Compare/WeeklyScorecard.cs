using System;
using System.Globalization;

namespace SalesKpi.Benchmarks.Compare;

/// <summary>One scorecard line: points per unit = weight × 100 ÷ target; units below the gate score 0; points are capped.</summary>
internal sealed record ScorecardLine(string Name, double Target, double Weight, double MinimumUnits, double MaximumPoints)
{
    public double PointsPerUnit => Weight * 100 / Target;

    public double Points(double units)
    {
        if (units < MinimumUnits)
        {
            return 0;
        }

        double points = units * PointsPerUnit;
        return points > MaximumPoints ? MaximumPoints : points;
    }

    /// <summary>The same rule as a SQL expression over a DOUBLE units expression.</summary>
    public string Sql(string units)
    {
        string points = string.Create(CultureInfo.InvariantCulture, $"({units}) * {PointsPerUnit:R}");
        string capped = double.IsPositiveInfinity(MaximumPoints)
            ? points
            : string.Create(CultureInfo.InvariantCulture, $"least({points}, {MaximumPoints:R})");
        return string.Create(CultureInfo.InvariantCulture, $"CASE WHEN ({units}) < {MinimumUnits:R} THEN 0.0 ELSE {capped} END");
    }
}

/// <summary>
/// The weekly rep scorecard of W5 (Ambition-style): four activity lines and two objective lines; the score is the sum
/// of the line points, uncapped. All engines use these definitions.
/// </summary>
internal static class WeeklyScorecard
{
    public static readonly ScorecardLine Calls = new("calls", Target: 250, Weight: 0.15, MinimumUnits: 100, MaximumPoints: 22.5);
    public static readonly ScorecardLine ConnectedCalls = new("connected_calls", Target: 50, Weight: 0.15, MinimumUnits: 0, MaximumPoints: 22.5);
    public static readonly ScorecardLine Emails = new("emails", Target: 150, Weight: 0.10, MinimumUnits: 0, MaximumPoints: 15);
    public static readonly ScorecardLine MeetingsHeld = new("meetings_held", Target: 8, Weight: 0.20, MinimumUnits: 0, MaximumPoints: 40);
    public static readonly ScorecardLine DealsWon = new("deals_won", Target: 1, Weight: 0.15, MinimumUnits: 0, MaximumPoints: double.PositiveInfinity);
    public static readonly ScorecardLine WonAmount = new("won_amount", Target: 25_000, Weight: 0.25, MinimumUnits: 0, MaximumPoints: double.PositiveInfinity);

    public static readonly ScorecardLine[] Lines = [Calls, ConnectedCalls, Emails, MeetingsHeld, DealsWon, WonAmount];

    /// <summary>The line points and the score, in line order then the score.</summary>
    public static void Score(long calls, long connected, long emails, long meetings, long dealsWon, decimal wonAmount, Span<double> points)
    {
        points[0] = Calls.Points(calls);
        points[1] = ConnectedCalls.Points(connected);
        points[2] = Emails.Points(emails);
        points[3] = MeetingsHeld.Points(meetings);
        points[4] = DealsWon.Points(dealsWon);
        points[5] = WonAmount.Points((double)wonAmount);
        points[6] = points[0] + points[1] + points[2] + points[3] + points[4] + points[5];
    }
}
