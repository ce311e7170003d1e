using System;
using System.Globalization;
using NodaTime;
using SalesKpi.SampleData;

namespace SalesKpi.Tests.SampleData;

/// <summary>
/// A stable 64-bit FNV-1a hash over a canonical, culture-invariant text form of every generated fact (every field of
/// every rep, team, lead, deal, account, activity, session, feature usage, ticket and conversation), the quotas, the
/// weekend work and the holidays of every working calendar.
/// </summary>
/// <remarks>
/// Independent of <see cref="object.GetHashCode"/> (randomised per process) and of the current culture: numbers are
/// written with the invariant culture, instants as Unix ticks, dates as ISO text, decimals with their scale.
/// </remarks>
internal sealed class SampleFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private ulong _hash = OffsetBasis;

    internal ulong Value => _hash;

    internal static ulong Of(SampleOrganisation sample)
    {
        var f = new SampleFingerprint();
        SalesFacts facts = sample.Facts;
        f.Text("reps");
        foreach (Rep rep in facts.Reps)
        {
            f.Number(rep.Id.Value).Text(rep.Name).Text(rep.HomeZone.Id).Text(rep.WorkingCalendar.Name);
            foreach (RepAssignment a in rep.Assignments)
            {
                f.Date(a.Start).Date(a.End).Number((int)a.Role).Number(a.Team.Value);
            }
        }

        f.Text("teams");
        foreach (Team team in facts.Teams)
        {
            f.Number(team.Id.Value).Text(team.Name).Number(team.Parent.Value);
        }

        f.Text("leads");
        foreach (Lead lead in facts.Leads)
        {
            f.Number(lead.Id.Value).Instant(lead.Created).Text(lead.Source).Text(lead.ContactJobTitle).Text(lead.ContactEmail)
                .Profile(lead.Profile).Number(lead.Owner.Value);
            foreach (StageChange<LeadStage> change in lead.StageHistory)
            {
                f.Instant(change.At).Number((int)change.Stage);
            }
        }

        f.Text("deals");
        foreach (Deal deal in facts.Deals)
        {
            f.Number(deal.Id.Value).Number(deal.Owner.Value).Number(deal.Account.Value).Money(deal.Amount).Instant(deal.Created)
                .Date(deal.ExpectedClose).Number((int)deal.ForecastCategory).Number((int)deal.Outcome.Status)
                .Instant(deal.Outcome.ClosedAt).Text(deal.Outcome.LossReason).Text(deal.Name);
            foreach (StageChange<DealStage> change in deal.StageHistory)
            {
                f.Instant(change.At).Text(change.Stage.Name).Number(change.Stage.Order);
            }

            foreach (ValueChange<LocalDate> change in deal.CloseDateHistory)
            {
                f.Instant(change.At).Date(change.From).Date(change.To);
            }

            foreach (ValueChange<Money> change in deal.AmountHistory)
            {
                f.Instant(change.At).Money(change.From).Money(change.To);
            }
        }

        f.Text("accounts");
        foreach (Account account in facts.Accounts)
        {
            f.Number(account.Id.Value).Text(account.Name).Profile(account.Profile).Number(account.Owner.Value);
            foreach (SubscriptionChange change in account.SubscriptionHistory)
            {
                f.Date(change.EffectiveDate).Money(change.Amount).Number((int)change.Interval);
            }
        }

        f.Text("activities");
        foreach (ref readonly SalesActivity a in facts.Activities.Span)
        {
            f.Number(a.Id.Value).Number(a.Rep.Value).Instant(a.Timestamp).Number(a.Kind.Code).Number((int)a.Outcome)
                .Number(a.Duration is { } d ? (long)d.TotalSeconds : -1).Number(a.Lead.Value).Number(a.Deal.Value).Number(a.Account.Value);
        }

        f.Text("sessions");
        foreach (ref readonly UsageSession s in facts.Sessions.Span)
        {
            f.Number(s.Account.Value).Number(s.User.Value).Instant(s.Start).Number(s.Duration.BclCompatibleTicks);
        }

        f.Text("features");
        foreach (ref readonly FeatureUsage u in facts.FeatureUsage.Span)
        {
            f.Number(u.Account.Value).Number(u.User.Value).Text(u.Feature).Instant(u.At).Number(u.Count);
        }

        f.Text("tickets");
        foreach (ref readonly SupportTicket t in facts.Tickets.Span)
        {
            f.Number(t.Id.Value).Number(t.Account.Value).Instant(t.Opened).Instant(t.Closed).Number(t.User.Value);
        }

        f.Text("conversations");
        foreach (ref readonly Conversation c in facts.Conversations.Span)
        {
            f.Number(c.Account.Value).Number(c.Rep.Value).Instant(c.At).Number((int)c.Channel);
        }

        f.Text("quotas");
        foreach (RepQuota q in sample.Quotas)
        {
            f.Number(q.Rep.Value).Text(q.Month.Label).Number((int)q.Measure).Text(q.Target.ToString(CultureInfo.InvariantCulture));
        }

        f.Text("weekend");
        foreach (RepDay day in sample.WeekendWork)
        {
            f.Number(day.Rep.Value).Date(day.Date);
        }

        f.Text("calendars");
        foreach ((WorkingCalendarId id, WorkingCalendar calendar) in sample.WorkingCalendars)
        {
            f.Text(id.Name);
            foreach (LocalDate holiday in calendar.Holidays)
            {
                f.Date(holiday);
            }
        }

        return f.Value;
    }

    /// <summary>Returns the plain FNV-1a 64 hash of <paramref name="bytes"/> (for checking the hash against published values).</summary>
    internal static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var f = new SampleFingerprint();
        foreach (byte b in bytes)
        {
            f.Byte(b);
        }

        return f.Value;
    }

    internal SampleFingerprint Text(string? text)
    {
        if (text is null)
        {
            return Byte(0xFF);
        }

        foreach (char c in text)
        {
            Byte((byte)c).Byte((byte)(c >> 8));
        }

        return Byte(0);
    }

    internal SampleFingerprint Number(long value) => Text(value.ToString(CultureInfo.InvariantCulture));

    private SampleFingerprint Instant(Instant? instant) => instant is { } i ? Number(i.ToUnixTimeTicks()) : Text(null);

    private SampleFingerprint Date(LocalDate? date) => date is { } d ? Text(d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)) : Text(null);

    private SampleFingerprint Money(Money? money) => money is { } m ? Text(m.Amount.ToString(CultureInfo.InvariantCulture)).Text(m.Currency.Code) : Text(null);

    private SampleFingerprint Profile(IcpProfile profile) =>
        Text(profile.Industry).Number(profile.EmployeeCount ?? -1).Text(profile.Country).Text(profile.Region);

    private SampleFingerprint Byte(byte b)
    {
        _hash = unchecked((_hash ^ b) * Prime);
        return this;
    }
}
