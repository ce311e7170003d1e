namespace SalesKpi.SampleData;

/// <summary>The generator's working view of one rep: region, zone, calendar, skill and role history by day index.</summary>
internal sealed class RepPlan
{
    internal RepPlan(int index, int region, int zone, double skill, RepRole cellRole, string name, AssignmentPlan[] assignments)
    {
        Index = index;
        Region = region;
        Zone = zone;
        Calendar = Catalog.ZoneCalendar[zone];
        Skill = skill;
        CellRole = cellRole;
        Name = name;
        Assignments = assignments;
    }

    internal int Index { get; }

    internal int Region { get; }

    internal int Zone { get; }

    internal int Calendar { get; }

    /// <summary>Gets the skill multiplier (about 0.6 to 1.6, median 1).</summary>
    internal double Skill { get; }

    /// <summary>Gets the role the rep was hired into (the cell of the region/role grid).</summary>
    internal RepRole CellRole { get; }

    internal string Name { get; }

    internal AssignmentPlan[] Assignments { get; set; }

    /// <summary>Gets the day indexes of the weekend days this rep works (quarter-end pushes), ascending.</summary>
    internal int[] WeekendDays { get; set; } = [];

    /// <summary>Returns the role held on <paramref name="day"/>, or <see cref="RepRole.Other"/> when not employed.</summary>
    internal RepRole RoleOn(int day)
    {
        foreach (AssignmentPlan a in Assignments)
        {
            if (day >= a.StartDay && day < a.EndDay)
            {
                return a.Role;
            }
        }

        return RepRole.Other;
    }

    internal bool WorksWeekendDay(int day) => System.Array.BinarySearch(WeekendDays, day) >= 0;
}

/// <summary>One assignment of a <see cref="RepPlan"/>: role and team over day indexes <c>[StartDay, EndDay)</c>.</summary>
internal readonly record struct AssignmentPlan(int StartDay, int EndDay, RepRole Role, int Team);
