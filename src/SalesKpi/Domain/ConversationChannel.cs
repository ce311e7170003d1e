namespace SalesKpi;

/// <summary>The channel of a <see cref="Conversation"/> with a customer.</summary>
public enum ConversationChannel
{
    /// <summary>Another channel (the default).</summary>
    Other = 0,

    /// <summary>A phone or video call.</summary>
    Call = 1,

    /// <summary>An email thread.</summary>
    Email = 2,

    /// <summary>A meeting in person or online.</summary>
    Meeting = 3,

    /// <summary>A chat conversation.</summary>
    Chat = 4,
}
