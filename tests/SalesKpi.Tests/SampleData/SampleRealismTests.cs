using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SalesKpi.SampleData;
using Xunit;

namespace SalesKpi.Tests.SampleData;

/// <summary>Checks that the sample looks like a real sales organisation (on the 60,000-activity sample unless stated).</summary>
public sealed class SampleRealismTests
{
    private static SampleOrganisation Sample => Samples.Medium;

    private static SalesFacts Facts => Sample.Facts;

    [Fact]
    public void Reps_work_in_at_least_three_time_zones()
    {
        string[] zones = [.. Facts.Reps.Select(r => r.HomeZone.Id).Distinct().Order(StringComparer.Ordinal)];
        Assert.True(zones.Length >= 3, string.Join(", ", zones));
        Assert.Contains("Europe/Berlin", zones);
        Assert.Contains("Australia/Sydney", zones);
        Assert.Contains("America/New_York", zones);
    }

    [Fact]
    public void Each_region_has_SDR_AE_and_account_manager_teams_with_reps()
    {
        TeamHierarchy hierarchy = Facts.BuildTeamHierarchy();
        Assert.Single(hierarchy.Roots);
        IReadOnlyList<Team> regions = hierarchy.ChildrenOf(hierarchy.Roots[0].Id);
        Assert.Equal(3, regions.Count);
        foreach (Team region in regions)
        {
            foreach (RepRole role in new[] { RepRole.Sdr, RepRole.Ae, RepRole.AccountManager })
            {
                Assert.Contains(Facts.Reps, rep => rep.Assignments.Any(a => a.Role == role && hierarchy.IsWithin(a.Team, region.Id)));
            }
        }
    }

    [Fact]
    public void Skill_differs_between_reps_of_the_same_role()
    {
        // Skill shows in the connect rate: the best rep connects clearly more often than the weakest.
        var rates = new List<double>();
        foreach (Rep rep in Facts.Reps)
        {
            int calls = 0;
            int connected = 0;
            foreach (ref readonly SalesActivity a in Facts.Activities.Span)
            {
                if (a.Rep == rep.Id && a.Kind == SalesActivityKind.Call)
                {
                    calls++;
                    connected += a.Outcome == SalesActivityOutcome.Connected ? 1 : 0;
                }
            }

            rates.Add((double)connected / calls);
        }

        Assert.True(rates.Max() - rates.Min() > 0.02, string.Join(", ", rates));
    }

    [Fact]
    public void One_rep_joins_one_leaves_and_one_is_promoted_during_the_period()
    {
        Assert.Contains(Facts.Reps, r => r.FirstDay > Sample.Start && r.FirstDay < Sample.End);
        Assert.Contains(Facts.Reps, r => r.Assignments[^1].End is { } end && end > Sample.Start && end < Sample.End);
        Assert.Contains(Facts.Reps, r => r.Assignments.Count == 2 && r.Assignments[0].Role == RepRole.Sdr && r.Assignments[1].Role == RepRole.Ae);
    }

    [Fact]
    public void Activities_happen_only_on_working_days_of_the_rep_or_declared_weekend_days_and_never_on_holidays()
    {
        var declared = new HashSet<RepDay>(Sample.WeekendWork);
        Assert.NotEmpty(declared);
        int weekend = 0;
        foreach (ref readonly SalesActivity a in Facts.Activities.Span)
        {
            Rep rep = Facts.Reps[a.Rep.Value];
            LocalDateTime local = a.Timestamp.InZone(rep.HomeZone).LocalDateTime;
            WorkingCalendar calendar = Sample.WorkingCalendarOf(rep);
            Assert.False(calendar.IsHoliday(local.Date), $"{a} is on a holiday of {rep.WorkingCalendar}.");
            Assert.True(rep.IsActiveOn(local.Date), $"{a} is outside the rep's assignments.");
            if (!calendar.IsWorkingDay(local.Date))
            {
                weekend++;
                Assert.Contains(new RepDay(rep.Id, local.Date), declared);
            }

            Assert.InRange(local.Hour, 7, 19);
        }

        Assert.True(weekend > 0);
        foreach (RepDay day in declared)
        {
            Rep rep = Facts.Reps[day.Rep.Value];
            Assert.Equal(IsoDayOfWeek.Saturday, day.Date.DayOfWeek);
            Assert.False(Sample.WorkingCalendarOf(rep).IsHoliday(day.Date));
        }
    }

    [Fact]
    public void Every_event_lies_in_the_period_and_before_the_snapshot()
    {
        Instant start = Sample.Start.AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Australia/Sydney"]).ToInstant();
        foreach (ref readonly SalesActivity a in Facts.Activities.Span)
        {
            Assert.True(a.Timestamp >= start && a.Timestamp < Sample.AsOf, a.ToString());
        }

        Assert.All(Facts.Leads, l => Assert.True(l.Created >= start && l.Created < Sample.AsOf));
        Assert.All(Facts.Deals.SelectMany(d => d.StageHistory), c => Assert.True(c.At < Sample.AsOf));
        Assert.All(Facts.Deals.SelectMany(d => d.CloseDateHistory), c => Assert.True(c.At < Sample.AsOf));
        Assert.All(Facts.Deals.SelectMany(d => d.AmountHistory), c => Assert.True(c.At < Sample.AsOf));
        Assert.All(Facts.Accounts.SelectMany(a => a.SubscriptionHistory), c => Assert.True(c.EffectiveDate < Sample.End));
        Assert.All(Facts.Sessions.ToArray(), s => Assert.True(s.Start >= start && s.Start < Sample.AsOf));
        Assert.All(Facts.FeatureUsage.ToArray(), u => Assert.True(u.At >= start && u.At < Sample.AsOf));
        Assert.All(Facts.Tickets.ToArray(), t => Assert.True(t.Opened >= start && t.Opened < Sample.AsOf));
        Assert.All(Facts.Conversations.ToArray(), c => Assert.True(c.At >= start && c.At < Sample.AsOf));
    }

    [Fact]
    public void Known_holidays_of_2026_are_in_the_calendars()
    {
        Assert.True(Sample.WorkingCalendars[WorkingCalendarId.Of("US")].IsHoliday(new LocalDate(2026, 11, 26))); // Thanksgiving
        Assert.True(Sample.WorkingCalendars[WorkingCalendarId.Of("US")].IsHoliday(new LocalDate(2026, 7, 3))); // 4 July (a Saturday) observed on Friday
        Assert.True(Sample.WorkingCalendars[WorkingCalendarId.Of("DE-BE")].IsHoliday(new LocalDate(2026, 4, 3))); // Good Friday (Easter 5 April)
        Assert.True(Sample.WorkingCalendars[WorkingCalendarId.Of("DE-BE")].IsHoliday(new LocalDate(2026, 5, 14))); // Ascension
        Assert.True(Sample.WorkingCalendars[WorkingCalendarId.Of("AU-NSW")].IsHoliday(new LocalDate(2026, 1, 26))); // Australia Day (Monday)
        Assert.True(Sample.WorkingCalendars[WorkingCalendarId.Of("AU-NSW")].IsHoliday(new LocalDate(2026, 12, 28))); // Boxing Day (a Saturday) moved to Monday
        Assert.False(Sample.WorkingCalendars[WorkingCalendarId.Of("US")].IsHoliday(new LocalDate(2026, 5, 14)));
    }

    [Fact]
    public void Activities_follow_a_weekday_and_hour_pattern()
    {
        var byWeekday = new int[8];
        var byHour = new int[24];
        foreach (ref readonly SalesActivity a in Facts.Activities.Span)
        {
            LocalDateTime local = a.Timestamp.InZone(Facts.Reps[a.Rep.Value].HomeZone).LocalDateTime;
            byWeekday[(int)local.DayOfWeek]++;
            byHour[local.Hour]++;
        }

        Assert.True(byWeekday[(int)IsoDayOfWeek.Tuesday] > byWeekday[(int)IsoDayOfWeek.Friday]);
        Assert.True(byWeekday[(int)IsoDayOfWeek.Saturday] < byWeekday[(int)IsoDayOfWeek.Friday] / 20);
        Assert.True(byHour[10] > byHour[12]);
        Assert.True(byHour[10] > 4 * byHour[18]);
    }

    [Fact]
    public void The_activity_mix_and_call_outcomes_are_realistic()
    {
        var kinds = new Dictionary<SalesActivityKind, int>();
        int calls = 0;
        int connected = 0;
        foreach (ref readonly SalesActivity a in Facts.Activities.Span)
        {
            kinds[a.Kind] = kinds.GetValueOrDefault(a.Kind) + 1;
            if (a.Kind == SalesActivityKind.Call)
            {
                calls++;
                if (a.Outcome == SalesActivityOutcome.Connected)
                {
                    connected++;
                    Assert.InRange(a.Duration!.Value.TotalSeconds, 30, 5400);
                }

                Assert.NotNull(a.Duration);
            }

            if (a.Outcome == SalesActivityOutcome.Held)
            {
                Assert.True(a.Duration > Duration.Zero);
            }
        }

        double connectRate = (double)connected / calls;
        Assert.InRange(connectRate, 0.15, 0.25);
        foreach (SalesActivityKind kind in new[] { SalesActivityKind.Call, SalesActivityKind.Email, SalesActivityKind.Reply, SalesActivityKind.Meeting, SalesActivityKind.LeadPassed, SalesActivityKind.Note })
        {
            Assert.True(kinds.GetValueOrDefault(kind) > 0, kind.ToString());
        }

        Assert.True(kinds[SalesActivityKind.Call] > kinds[SalesActivityKind.Meeting]);
        Assert.True(kinds[SalesActivityKind.Email] > kinds[SalesActivityKind.Reply]);
    }

    [Fact]
    public void Activities_link_to_leads_deals_and_accounts_consistently()
    {
        int leadLinks = 0;
        int dealLinks = 0;
        int accountLinks = 0;
        foreach (ref readonly SalesActivity a in Facts.Activities.Span)
        {
            if (!a.Lead.IsNone)
            {
                leadLinks++;
                Lead lead = Facts.Leads[a.Lead.Value];
                Assert.True(lead.Created <= a.Timestamp);
                Assert.Equal(lead.Owner, a.Rep);
            }

            if (!a.Deal.IsNone)
            {
                dealLinks++;
                Deal deal = Facts.Deals[a.Deal.Value];
                Assert.True(deal.Created <= a.Timestamp && (deal.Outcome.ClosedAt is null || deal.Outcome.ClosedAt > a.Timestamp));
                Assert.Equal(deal.Account, a.Account);
                Assert.Equal(deal.Owner, a.Rep);
            }
            else if (!a.Account.IsNone)
            {
                accountLinks++;
                Account account = Facts.Accounts[a.Account.Value];
                Assert.Equal(account.Owner, a.Rep);
                LocalDate date = a.Timestamp.InZone(Facts.Reps[a.Rep.Value].HomeZone).Date;
                Assert.True(account.MrrOn(date)?.Amount > 0m, $"{a} is with an account that is not a customer on {date}.");
            }
        }

        Assert.True(leadLinks > Facts.Activities.Length / 10);
        Assert.True(dealLinks > Facts.Activities.Length / 20);
        Assert.True(accountLinks > Facts.Activities.Length / 50);
    }

    [Fact]
    public void Every_lead_hand_off_is_a_sales_acceptance_of_the_SDRs_lead()
    {
        int handOffs = 0;
        foreach (ref readonly SalesActivity a in Facts.Activities.Span)
        {
            if (a.Kind == SalesActivityKind.LeadPassed)
            {
                handOffs++;
                Lead lead = Facts.Leads[a.Lead.Value];
                Assert.Contains(a.Timestamp, lead.Entries(LeadStage.Sal));
                Assert.Equal(lead.Owner, a.Rep);
            }
        }

        Assert.True(handOffs > 100);
    }

    [Fact]
    public void Funnel_conversion_differs_by_industry_and_by_job_title()
    {
        static double ToOpportunity(IEnumerable<Lead> leads) =>
            leads.Count(l => l.FirstEntry(LeadStage.Opportunity) is not null) / (double)leads.Count();

        Lead[] leads = [.. Facts.Leads];
        double software = ToOpportunity(leads.Where(l => l.Profile.Industry == "Software"));
        double education = ToOpportunity(leads.Where(l => l.Profile.Industry == "Education"));
        Assert.True(software > 2 * education, $"Software {software:P1} vs Education {education:P1}");

        double vpSales = ToOpportunity(leads.Where(l => l.ContactJobTitle is "VP of Sales" or "Head of Revenue Operations" or "Director of Sales"));
        double juniors = ToOpportunity(leads.Where(l => l.ContactJobTitle is "Marketing Coordinator" or "Sales Development Representative"));
        Assert.True(vpSales > 2 * juniors, $"buyers {vpSales:P1} vs juniors {juniors:P1}");

        Assert.Equal(15, leads.Select(l => l.ContactJobTitle).Distinct().Count());
        Assert.Equal(8, leads.Select(l => l.Profile.Industry).Distinct().Count());
        Assert.True(leads.Select(l => l.Profile.EmployeeBand).Distinct().Count() >= 6);
        Assert.True(leads.Select(l => l.Profile.Country).Distinct().Count() >= 10);
    }

    [Fact]
    public void Lead_histories_follow_the_funnel_with_recycling_and_disqualification()
    {
        Lead[] leads = [.. Facts.Leads];
        Assert.Contains(leads, l => l.Entries(LeadStage.Mql).Count > 1 && l.StageHistory.Any(c => c.Stage == LeadStage.Recycled));
        Assert.Contains(leads, l => l.CurrentStage == LeadStage.Disqualified);
        Assert.Contains(leads, l => l.CurrentStage == LeadStage.Customer);
        Assert.Contains(leads, l => l.StageHistory.Count == 0);
        foreach (Lead lead in leads)
        {
            LeadStage previous = LeadStage.Lead;
            Instant last = lead.Created;
            foreach (StageChange<LeadStage> change in lead.StageHistory)
            {
                Assert.True(change.At >= last && change.At < Sample.AsOf);
                bool allowed = change.Stage switch
                {
                    LeadStage.Mql => previous is LeadStage.Lead or LeadStage.Recycled,
                    LeadStage.Sal => previous == LeadStage.Mql,
                    LeadStage.Sql => previous == LeadStage.Sal,
                    LeadStage.Opportunity => previous == LeadStage.Sql,
                    LeadStage.Customer => previous == LeadStage.Opportunity,
                    _ => true,
                };
                Assert.True(allowed, $"Lead {lead.Id}: {previous} -> {change.Stage}");
                previous = change.Stage;
                last = change.At;
            }
        }

        // About 1% of contacts repeat an earlier address in another letter case.
        int duplicates = leads.Length - leads.Select(l => l.ContactEmail!.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Count();
        Assert.InRange(duplicates, leads.Length / 300, leads.Length / 40);
    }

    [Fact]
    public void Deals_have_positive_log_normal_amounts_stage_histories_slips_and_outcomes()
    {
        Deal[] deals = [.. Facts.Deals];
        Assert.All(deals.Where(d => d.Amount is not null), d => Assert.True(d.Amount!.Value.Amount > 0m && d.Amount.Value.Currency == Currency.Usd));
        Assert.Contains(deals, d => d.Amount is null);
        decimal[] amounts = [.. deals.Where(d => d.Amount is not null).Select(d => d.Amount!.Value.Amount).Order()];
        decimal median = amounts[amounts.Length / 2];
        decimal mean = amounts.Average();
        Assert.True(mean > median, "Log-normal amounts are right-skewed: the mean exceeds the median.");
        Assert.True(amounts[^1] > 10 * median);

        Assert.All(deals, d =>
        {
            Assert.Equal("Discovery", d.StageHistory[0].Stage.Name);
            Assert.Equal(d.Created, d.StageHistory[0].At);
        });
        Assert.Contains(deals, d => d.StageHistory.Count(s => s.Stage.Name == "Demo") == 2);
        Assert.Contains(deals, d => d.CloseDateHistory.Any(c => c.To > c.From));
        Assert.Contains(deals, d => d.AmountHistory.Count > 0);
        Assert.Contains(deals, d => d.IsOpen && d.ExpectedClose < Sample.End);

        int won = deals.Count(d => d.IsWon);
        int lost = deals.Count(d => d.IsLost);
        int open = deals.Count(d => d.IsOpen);
        double winRate = won / (double)(won + lost);
        Assert.InRange(winRate, 0.15, 0.45);
        Assert.True(open > deals.Length / 20);
        Assert.True(deals.Where(d => d.IsLost).Select(d => d.Outcome.LossReason).Distinct().Count() >= 6);
        Assert.All(deals.Where(d => !d.IsOpen), d =>
        {
            Assert.True(d.Outcome.ClosedAt < Sample.AsOf);
            Assert.Equal(d.Outcome.ClosedAt!.Value.InZone(Facts.Reps[d.Owner.Value].HomeZone).Date, d.ExpectedClose);
        });
        Assert.All(deals.Where(d => d.IsWon), d => Assert.Equal(ForecastCategory.Closed, d.ForecastCategory));
        Assert.Contains(deals, d => d.IsOpen && d.ForecastCategory == ForecastCategory.Commit);
        Assert.Contains(deals, d => d.IsOpen && d.ForecastCategory == ForecastCategory.BestCase);
        Assert.Contains(deals, d => d.Created.InUtc().Year == 2025);
    }

    [Fact]
    public void Deals_are_owned_by_AEs_for_new_business_and_account_managers_for_expansion()
    {
        foreach (Deal deal in Facts.Deals)
        {
            Rep owner = Facts.Reps[deal.Owner.Value];
            LocalDate created = deal.Created.InZone(owner.HomeZone).Date;
            RepRole? role = owner.AssignmentOn(created)?.Role;
            Assert.True(deal.Name!.EndsWith("Expansion", StringComparison.Ordinal) ? role == RepRole.AccountManager : role == RepRole.Ae, $"{deal} created by a {role}");
        }
    }

    [Fact]
    public void Customer_accounts_show_every_kind_of_MRR_movement()
    {
        bool newBusiness = false, expansion = false, contraction = false, churn = false, reactivation = false;
        foreach (Account account in Facts.Accounts)
        {
            decimal previous = 0m;
            bool everLive = false;
            foreach (SubscriptionChange change in account.SubscriptionHistory)
            {
                decimal mrr = change.Mrr.Amount;
                Assert.True(mrr >= 0m);
                if (previous == 0m && mrr > 0m)
                {
                    if (everLive)
                    {
                        reactivation = true;
                    }
                    else
                    {
                        newBusiness |= change.EffectiveDate >= Sample.Start;
                    }

                    everLive = true;
                }
                else if (previous > 0m && mrr == 0m)
                {
                    churn = true;
                }
                else if (mrr > previous)
                {
                    expansion = true;
                }
                else if (mrr < previous)
                {
                    contraction = true;
                }

                previous = mrr;
            }
        }

        Assert.True(newBusiness && expansion && contraction && churn && reactivation, $"new {newBusiness}, expansion {expansion}, contraction {contraction}, churn {churn}, reactivation {reactivation}");
        Assert.Contains(Facts.Accounts, a => a.SubscriptionHistory.Count == 0);
        Assert.Contains(Facts.Accounts, a => a.SubscriptionHistory.Count > 0 && a.SubscriptionHistory[0].EffectiveDate < Sample.Start);
        Assert.All(Facts.Accounts.Where(a => a.SubscriptionHistory.Count > 0), a => Assert.False(a.Owner.IsNone));
    }

    [Fact]
    public void Customers_have_usage_tickets_and_conversations_while_they_are_live()
    {
        Assert.True(Facts.Sessions.Length > 0 && Facts.FeatureUsage.Length > 0 && Facts.Tickets.Length > 0 && Facts.Conversations.Length > 0);
        foreach (ref readonly UsageSession s in Facts.Sessions.Span)
        {
            Assert.True(s.Duration >= Duration.FromSeconds(30));
            Assert.True(s.Start < Sample.AsOf);
        }

        foreach (ref readonly SupportTicket t in Facts.Tickets.Span)
        {
            Assert.True(t.Closed is null || (t.Closed > t.Opened && t.Closed < Sample.AsOf));
        }

        Assert.Contains(Facts.Tickets.ToArray(), t => t.IsOpen);
        Assert.Equal(8, Facts.FeatureUsage.ToArray().Select(u => u.Feature).Distinct().Count());
        int users = Facts.Sessions.ToArray().Select(s => s.User).Distinct().Count();
        Assert.True(users > Facts.Accounts.Count / 2);
        Assert.Equal(4, Facts.Conversations.ToArray().Select(c => c.Channel).Append(ConversationChannel.Other).Distinct().Count());
    }

    [Fact]
    public void Quotas_cover_every_rep_month_and_are_prorated_for_the_joiner()
    {
        IReadOnlyList<ReportingPeriod> months = Sample.ReportingCalendar.Periods(PeriodKind.Month, Sample.Start, Sample.End);
        Rep joiner = Facts.Reps.Single(r => r.FirstDay > Sample.Start);
        RepQuota[] joinerQuotas = [.. Sample.Quotas.Where(q => q.Rep == joiner.Id)];
        Assert.All(joinerQuotas, q => Assert.Equal(QuotaMeasure.NewBusinessBookings, q.Measure));
        Assert.True(joinerQuotas[0].Month.Contains(joiner.FirstDay!.Value));
        Assert.True(joinerQuotas[0].Target < joinerQuotas[^1].Target);

        RepQuota full = joinerQuotas[^1];
        ReportingPeriod joinMonth = joinerQuotas[0].Month;
        decimal expected = Math.Round(Sample.WorkingCalendarOf(joiner).Prorate(full.Target, joinMonth, joiner.FirstDay.Value));
        Assert.Equal(expected, joinerQuotas[0].Target);

        Rep steady = Facts.Reps.First(r => r.Assignments.Count == 1 && r.Assignments[0].Start < Sample.Start && r.Assignments[0].End is null);
        Assert.Equal(months.Count, Sample.Quotas.Count(q => q.Rep == steady.Id));
        Assert.Equal(3, Sample.Quotas.Select(q => q.Measure).Distinct().Count());
        Assert.All(Sample.Quotas, q => Assert.True(q.Target > 0m));
    }
}
