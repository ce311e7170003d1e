using System.Collections.Generic;
using NodaTime;

namespace SalesKpi.SampleData;

/// <summary>
/// Rule-based public holidays of the sample's three working calendars: the United States (federal holidays plus
/// the day after Thanksgiving, with the usual weekend observance), Berlin (Germany's national holidays plus
/// International Women's Day) and New South Wales (with its Monday substitutes).
/// </summary>
/// <remarks>
/// Good enough to make sample data realistic; not an authoritative holiday calendar (one-off holidays proclaimed
/// by governments are not included). Easter is computed with the anonymous Gregorian algorithm.
/// </remarks>
internal static class HolidayRules
{
    /// <summary>Returns the holidays of <paramref name="calendar"/> (0 US, 1 DE-BE, 2 AU-NSW) in the given years, each once, ascending.</summary>
    internal static LocalDate[] For(int calendar, int firstYear, int lastYear)
    {
        var set = new SortedSet<LocalDate>();
        for (int year = firstYear; year <= lastYear; year++)
        {
            switch (calendar)
            {
                case 0:
                    AddUnitedStates(set, year);
                    break;
                case 1:
                    AddBerlin(set, year);
                    break;
                default:
                    AddNewSouthWales(set, year);
                    break;
            }
        }

        return [.. set];
    }

    /// <summary>Returns Easter Sunday of <paramref name="year"/> (Gregorian computus).</summary>
    internal static LocalDate EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>Returns the <paramref name="n"/>-th <paramref name="weekday"/> of a month (n = 1..4), or the last one for n = -1.</summary>
    internal static LocalDate NthWeekday(int year, int month, IsoDayOfWeek weekday, int n)
    {
        if (n < 0)
        {
            var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
            while (last.DayOfWeek != weekday)
            {
                last = last.PlusDays(-1);
            }

            return last;
        }

        var date = new LocalDate(year, month, 1);
        while (date.DayOfWeek != weekday)
        {
            date = date.PlusDays(1);
        }

        return date.PlusWeeks(n - 1);
    }

    private static void AddUnitedStates(SortedSet<LocalDate> set, int year)
    {
        AddWithObserved(set, new LocalDate(year, 1, 1), ObservedUs);
        set.Add(NthWeekday(year, 1, IsoDayOfWeek.Monday, 3));
        set.Add(NthWeekday(year, 2, IsoDayOfWeek.Monday, 3));
        set.Add(NthWeekday(year, 5, IsoDayOfWeek.Monday, -1));
        AddWithObserved(set, new LocalDate(year, 6, 19), ObservedUs);
        AddWithObserved(set, new LocalDate(year, 7, 4), ObservedUs);
        set.Add(NthWeekday(year, 9, IsoDayOfWeek.Monday, 1));
        LocalDate thanksgiving = NthWeekday(year, 11, IsoDayOfWeek.Thursday, 4);
        set.Add(thanksgiving);
        set.Add(thanksgiving.PlusDays(1));
        AddWithObserved(set, new LocalDate(year, 12, 25), ObservedUs);
    }

    private static void AddWithObserved(SortedSet<LocalDate> set, LocalDate date, System.Func<LocalDate, LocalDate> observe)
    {
        set.Add(date);
        set.Add(observe(date));
    }

    private static LocalDate ObservedUs(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date.PlusDays(-1),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

    private static void AddBerlin(SortedSet<LocalDate> set, int year)
    {
        LocalDate easter = EasterSunday(year);
        set.Add(new LocalDate(year, 1, 1));
        set.Add(new LocalDate(year, 3, 8));
        set.Add(easter.PlusDays(-2));
        set.Add(easter.PlusDays(1));
        set.Add(new LocalDate(year, 5, 1));
        set.Add(easter.PlusDays(39));
        set.Add(easter.PlusDays(50));
        set.Add(new LocalDate(year, 10, 3));
        set.Add(new LocalDate(year, 12, 25));
        set.Add(new LocalDate(year, 12, 26));
    }

    private static void AddNewSouthWales(SortedSet<LocalDate> set, int year)
    {
        LocalDate easter = EasterSunday(year);
        AddWithObserved(set, new LocalDate(year, 1, 1), MondayIfWeekend);
        AddWithObserved(set, new LocalDate(year, 1, 26), MondayIfWeekend);
        set.Add(easter.PlusDays(-2));
        set.Add(easter.PlusDays(1));
        set.Add(new LocalDate(year, 4, 25));
        set.Add(NthWeekday(year, 6, IsoDayOfWeek.Monday, 2));
        set.Add(NthWeekday(year, 10, IsoDayOfWeek.Monday, 1));

        // Christmas and Boxing Day, each moved to the next free weekday when it falls on a weekend.
        var christmas = new LocalDate(year, 12, 25);
        var boxing = new LocalDate(year, 12, 26);
        LocalDate christmasObserved = christmas.DayOfWeek >= IsoDayOfWeek.Saturday ? new LocalDate(year, 12, 27) : christmas;
        LocalDate boxingObserved = boxing.DayOfWeek >= IsoDayOfWeek.Saturday || boxing.PlusDays(-1) == christmasObserved
            ? NextFreeWeekday(boxing, christmasObserved)
            : boxing;
        set.Add(christmas);
        set.Add(boxing);
        set.Add(christmasObserved);
        set.Add(boxingObserved);
    }

    private static LocalDate MondayIfWeekend(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date.PlusDays(2),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

    private static LocalDate NextFreeWeekday(LocalDate from, LocalDate taken)
    {
        LocalDate date = from;
        while (date.DayOfWeek >= IsoDayOfWeek.Saturday || date <= taken)
        {
            date = date.PlusDays(1);
        }

        return date;
    }
}
