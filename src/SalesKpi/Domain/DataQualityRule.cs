namespace SalesKpi;

/// <summary>A rule of <see cref="DataQualityCheck"/>: one way in which facts can contradict each other.</summary>
public enum DataQualityRule
{
    /// <summary>Two facts of the same kind share an id (reps, teams, leads, deals, accounts, activities, tickets). Every copy is reported.</summary>
    DuplicateId = 0,

    /// <summary>A lead or deal entered a stage before it was created.</summary>
    StageChangeBeforeCreation = 1,

    /// <summary>A lead's or deal's stage history goes back in time (an entry earlier than the one before it).</summary>
    StageHistoryOutOfOrder = 2,

    /// <summary>A won or lost deal has no close instant.</summary>
    ClosedWithoutCloseTime = 3,

    /// <summary>A deal closed before it was created (a negative sales cycle).</summary>
    CloseBeforeCreation = 4,

    /// <summary>A deal's amount or expected close date changed before the deal was created.</summary>
    HistoryChangeBeforeCreation = 5,

    /// <summary>
    /// A deal's amount or close-date history does not chain: a change's old value differs from the previous change's
    /// new value, the changes go back in time, or the last new value differs from the current value.
    /// </summary>
    ChangeHistoryInconsistent = 6,

    /// <summary>A session lasted zero time, or a connected call or held meeting has a recorded duration of zero.</summary>
    ZeroDuration = 7,

    /// <summary>A support ticket was closed before it was opened (a negative resolution time).</summary>
    TicketClosedBeforeOpened = 8,

    /// <summary>A deal amount or a subscription amount (MRR) is negative.</summary>
    NegativeAmount = 9,

    /// <summary>An account's subscription history is not in effective-date order.</summary>
    SubscriptionHistoryOutOfOrder = 10,

    /// <summary>A fact refers to a rep that is not among the reps (or was skipped).</summary>
    UnknownRep = 11,

    /// <summary>A fact refers to a team that is not among the teams (or was skipped).</summary>
    UnknownTeam = 12,

    /// <summary>A fact refers to a lead that is not among the leads (or was skipped).</summary>
    UnknownLead = 13,

    /// <summary>A fact refers to a deal that is not among the deals (or was skipped).</summary>
    UnknownDeal = 14,

    /// <summary>A fact refers to an account that is not among the accounts (or was skipped).</summary>
    UnknownAccount = 15,

    /// <summary>A team is its own ancestor: following parents returns to it.</summary>
    TeamCycle = 16,
}
