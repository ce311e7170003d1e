namespace SalesKpi;

/// <summary>The optional outcome of a <see cref="SalesActivity"/>.</summary>
/// <remarks>Stored in one byte. Which outcomes make sense depends on the kind (a call connects, an email bounces).</remarks>
public enum SalesActivityOutcome : byte
{
    /// <summary>No outcome recorded (the default).</summary>
    None = 0,

    /// <summary>A call reached a person.</summary>
    Connected = 1,

    /// <summary>A call was not answered.</summary>
    NoAnswer = 2,

    /// <summary>A call went to voicemail (a message may have been left).</summary>
    Voicemail = 3,

    /// <summary>A call met a busy line.</summary>
    Busy = 4,

    /// <summary>A call reached the wrong number.</summary>
    WrongNumber = 5,

    /// <summary>An email bounced.</summary>
    Bounced = 6,

    /// <summary>A meeting was booked (scheduled).</summary>
    Booked = 7,

    /// <summary>A meeting took place.</summary>
    Held = 8,

    /// <summary>The prospect did not show up to a meeting.</summary>
    NoShow = 9,

    /// <summary>A meeting was cancelled.</summary>
    Cancelled = 10,

    /// <summary>A meeting was moved to another time.</summary>
    Rescheduled = 11,
}
