namespace PracticeBot.Core.Conversation.Messages;

/// <summary>Who sees a message.</summary>
public enum MessageVisibility
{
    /// <summary>Everyone in the conversation.</summary>
    InChannel,
    /// <summary>Only <see cref="MessageTarget.UserId"/>, inside the conversation (Slack ephemeral; Teams falls back to a direct message).</summary>
    Ephemeral,
    /// <summary>A one-to-one conversation with <see cref="MessageTarget.UserId"/>, opened if needed.</summary>
    Direct,
    /// <summary>
    /// <see cref="MessageTarget.UserId"/>'s home (the Slack App Home), published afresh from the current data when the
    /// row is delivered: the message only says that it changed. A later pending refresh of the same home supersedes it.
    /// </summary>
    Home,
}

/// <summary>Where a message goes.</summary>
/// <param name="Conversation">For <see cref="MessageVisibility.Direct"/>, only its platform, workspace and service url matter.</param>
public sealed record MessageTarget(MessageVisibility Visibility, ConversationReference Conversation, string? UserId = null)
{
    public static MessageTarget Channel(ConversationReference conversation) => new(MessageVisibility.InChannel, conversation);

    public static MessageTarget EphemeralTo(ConversationReference conversation, string userId) =>
        new(MessageVisibility.Ephemeral, conversation, userId);

    public static MessageTarget HomeOf(ConversationReference anyConversationOfTheWorkspace, string userId) =>
        new(MessageVisibility.Home, anyConversationOfTheWorkspace with { ChannelId = "", ThreadId = null }, userId);

    public static MessageTarget DirectTo(ConversationReference anyConversationOfTheWorkspace, string userId) =>
        new(MessageVisibility.Direct, anyConversationOfTheWorkspace with { ChannelId = "", ThreadId = null }, userId);
}
