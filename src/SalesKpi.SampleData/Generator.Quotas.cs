using System;
using System.Collections.Generic;
using NodaTime;

namespace SalesKpi.SampleData;

internal sealed partial class Generator
{
    /// <summary>
    /// Sets one monthly target per role: the organisation's average monthly result per full-time rep of that role
    /// (hand-offs for SDRs, won new business for AEs, won expansion for account managers) plus 15%, rounded, then
    /// prorated by working days for each rep's active part of the month.
    /// </summary>
    private RepQuota[] BuildQuotas()
    {
        IReadOnlyList<ReportingPeriod> months = _reporting.Periods(PeriodKind.Month, _time.StartDate, _time.EndDate);
        var results = new decimal[3];
        var repMonths = new decimal[3];
        foreach (RepPlan rep in _reps)
        {
            foreach ((long ticks, _) in _handOffs[rep.Index])
            {
                int day = _time.DayOf(rep.Zone, ticks);
                if (day >= _time.StartDay && day < _time.EndDay && rep.RoleOn(day) == RepRole.Sdr)
                {
                    results[0]++;
                }
            }
        }

        for (int d = 0; d < _deals.Length; d++)
        {
            if (_dealWonAmount[d] > 0)
            {
                RepPlan owner = _reps[_dealOwner[d]];
                int day = _time.DayOf(owner.Zone, _dealClosed[d]);
                if (day >= _time.StartDay && day < _time.EndDay)
                {
                    results[_dealExpansion[d] ? 2 : 1] += _dealWonAmount[d];
                }
            }
        }

        foreach (RepPlan rep in _reps)
        {
            WorkingCalendar calendar = _time.Calendars[rep.Calendar];
            foreach (AssignmentPlan a in rep.Assignments)
            {
                foreach (ReportingPeriod month in months)
                {
                    repMonths[RoleIndex(a.Role)] += Fraction(calendar, month, a);
                }
            }
        }

        var targets = new decimal[3];
        for (int r = 0; r < 3; r++)
        {
            decimal perMonth = repMonths[r] == 0m ? 0m : results[r] / repMonths[r] * 1.15m;
            targets[r] = r == 0 ? Math.Max(1m, Math.Round(perMonth)) : Math.Max(1000m, Math.Round(perMonth / 1000m) * 1000m);
        }

        var quotas = new List<RepQuota>();
        foreach (RepPlan rep in _reps)
        {
            WorkingCalendar calendar = _time.Calendars[rep.Calendar];
            foreach (ReportingPeriod month in months)
            {
                foreach (AssignmentPlan a in rep.Assignments)
                {
                    decimal fraction = Fraction(calendar, month, a);
                    if (fraction > 0m)
                    {
                        int role = RoleIndex(a.Role);
                        var measure = (QuotaMeasure)role;
                        quotas.Add(new RepQuota(RepId.Of(rep.Index), month, measure, Math.Round(targets[role] * fraction)));
                    }
                }
            }
        }

        return [.. quotas];
    }

    private decimal Fraction(WorkingCalendar calendar, ReportingPeriod month, AssignmentPlan a)
    {
        LocalDate start = _time.Date(a.StartDay);
        LocalDate? end = a.EndDay == int.MaxValue ? null : _time.Date(a.EndDay);
        LocalDate from = start > _time.StartDate ? start : _time.StartDate;
        LocalDate to = end is { } e && e < _time.EndDate ? e : _time.EndDate;
        return to > from ? calendar.Prorate(1m, month, from, to) : 0m;
    }
}
