using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SalesKpi.Tests.Infrastructure;
using Xunit;

namespace SalesKpi.Tests.Domain;

public sealed class UsageSessionTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 5, 9, 0);

    [Fact]
    public void A_session_knows_its_end()
    {
        var s = new UsageSession(AccountId.Of(1), UserId.Of(3), At, Duration.FromMinutes(25));
        Assert.Equal(At + Duration.FromMinutes(25), s.End);
        Assert.Equal("Session of user 3 (account 1) at 2026-01-05T09:00:00Z for 0:00:25:00", s.ToString());
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("account", "None", () => new UsageSession(AccountId.None, UserId.Of(1), At, Duration.Zero));
        ArgumentAssert.Rejects("user", "None", () => new UsageSession(AccountId.Of(1), UserId.None, At, Duration.Zero));
        ArgumentAssert.Rejects("duration", "-0:00:01:00", () => new UsageSession(AccountId.Of(1), UserId.Of(1), At, Duration.FromMinutes(-1)));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new UsageSession(AccountId.Of(1), UserId.Of(3), At, Duration.FromMinutes(25)),
            new UsageSession(AccountId.Of(1), UserId.Of(3), At, Duration.FromSeconds(1500)),
            new UsageSession(AccountId.Of(2), UserId.Of(3), At, Duration.FromMinutes(25)),
            new UsageSession(AccountId.Of(1), UserId.Of(4), At, Duration.FromMinutes(25)),
            new UsageSession(AccountId.Of(1), UserId.Of(3), At, Duration.FromMinutes(26)));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool End_minus_start_is_the_duration(Instant start, Duration duration) =>
        new UsageSession(AccountId.Of(1), UserId.Of(1), start, duration).End - start == duration;
}

public sealed class FeatureUsageTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 5, 9, 0);

    [Fact]
    public void Attributes_read_back()
    {
        var f = new FeatureUsage(AccountId.Of(1), UserId.Of(4), "reports.export", At, 3);
        Assert.Equal("reports.export", f.Feature);
        Assert.Equal(3, f.Count);
        Assert.Equal("reports.export x3 by user 4 (account 1) at 2026-01-05T09:00:00Z", f.ToString());
        Assert.True(new FeatureUsage(AccountId.Of(1), UserId.None, "api", At).User.IsNone);
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("account", "None", () => new FeatureUsage(AccountId.None, UserId.Of(1), "x", At));
        ArgumentAssert.Rejects("feature", "' '", () => new FeatureUsage(AccountId.Of(1), UserId.Of(1), " ", At));
        ArgumentAssert.Rejects("count", "0", () => new FeatureUsage(AccountId.Of(1), UserId.Of(1), "x", At, 0));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new FeatureUsage(AccountId.Of(1), UserId.Of(4), "reports.export", At, 3),
            new FeatureUsage(AccountId.Of(1), UserId.Of(4), string.Concat("reports.", "export"), At, 3),
            new FeatureUsage(AccountId.Of(1), UserId.Of(4), "Reports.export", At, 3),
            new FeatureUsage(AccountId.Of(1), UserId.Of(4), "reports.export", At, 4),
            new FeatureUsage(AccountId.Of(1), UserId.None, "reports.export", At, 3));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Counts_from_one_up_are_kept(PositiveInt count, Instant at) =>
        new FeatureUsage(AccountId.Of(1), UserId.Of(1), "f", at, count.Get).Count == count.Get;
}

public sealed class SupportTicketTests
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 1, 5, 9, 0);

    [Fact]
    public void Open_and_closed_tickets()
    {
        var open = new SupportTicket(TicketId.Of(8), AccountId.Of(1), Opened);
        Assert.True(open.IsOpen);
        Assert.Equal("Ticket 8 (account 1) opened 2026-01-05T09:00:00Z, closed none", open.ToString());
        var closed = new SupportTicket(TicketId.Of(8), AccountId.Of(1), Opened, Opened + Duration.FromHours(4), UserId.Of(2));
        Assert.False(closed.IsOpen);
        Assert.Equal(UserId.Of(2), closed.User);
    }

    [Fact]
    public void Closed_before_opened_is_accepted_here_and_left_to_the_data_quality_check() =>
        Assert.False(new SupportTicket(TicketId.Of(1), AccountId.Of(1), Opened, Opened - Duration.FromHours(1)).IsOpen);

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("id", "None", () => new SupportTicket(TicketId.None, AccountId.Of(1), Opened));
        ArgumentAssert.Rejects("account", "None", () => new SupportTicket(TicketId.Of(1), AccountId.None, Opened));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new SupportTicket(TicketId.Of(8), AccountId.Of(1), Opened),
            new SupportTicket(TicketId.Of(8), AccountId.Of(1), Opened, null, UserId.None),
            new SupportTicket(TicketId.Of(9), AccountId.Of(1), Opened),
            new SupportTicket(TicketId.Of(8), AccountId.Of(1), Opened, Opened),
            new SupportTicket(TicketId.Of(8), AccountId.Of(1), Opened, null, UserId.Of(0)));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool A_ticket_is_open_exactly_when_it_has_no_close(Instant opened, Instant closed, bool isClosed) =>
        new SupportTicket(TicketId.Of(1), AccountId.Of(1), opened, isClosed ? closed : null).IsOpen == !isClosed;
}

public sealed class ConversationTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 5, 9, 0);

    [Fact]
    public void Attributes_read_back()
    {
        var c = new Conversation(AccountId.Of(1), RepId.Of(2), At, ConversationChannel.Call);
        Assert.Equal(ConversationChannel.Call, c.Channel);
        Assert.Equal("Call with account 1 by rep 2 at 2026-01-05T09:00:00Z", c.ToString());
        Assert.Equal(ConversationChannel.Other, new Conversation(AccountId.Of(1), RepId.None, At).Channel);
    }

    [Fact]
    public void Each_bad_value_is_rejected_naming_the_parameter_and_the_value()
    {
        ArgumentAssert.Rejects("account", "None", () => new Conversation(AccountId.None, RepId.Of(1), At));
        ArgumentAssert.Rejects("channel", "99", () => new Conversation(AccountId.Of(1), RepId.Of(1), At, (ConversationChannel)99));
    }

    [Fact]
    public void Equality_contract_holds() =>
        EqualityContract.AssertEquality(
            new Conversation(AccountId.Of(1), RepId.Of(2), At, ConversationChannel.Call),
            new Conversation(AccountId.Of(1), RepId.Of(2), At, ConversationChannel.Call),
            new Conversation(AccountId.Of(1), RepId.Of(2), At, ConversationChannel.Email),
            new Conversation(AccountId.Of(1), RepId.None, At, ConversationChannel.Call),
            new Conversation(AccountId.Of(1), RepId.Of(2), At + Duration.FromTicks(1), ConversationChannel.Call));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Every_valid_conversation_reads_back(PositiveInt account, Instant at) =>
        new Conversation(AccountId.Of(account.Get - 1), RepId.None, at) is var c && c.Account.Value == account.Get - 1 && c.At == at;
}
