namespace PracticeBot.Core.Conversation.Events;

/// <summary>A command typed by a person: <c>/review claim 12</c> in Slack, <c>review claim 12</c> to the bot in Teams.</summary>
/// <param name="Name">The command word without a slash: <c>review</c>, <c>posting</c>, <c>practice</c>, <c>help</c>.</param>
/// <param name="Text">Everything after the command word, mentions already normalised to <c>&lt;@id|name&gt;</c>.</param>
public sealed record CommandReceived(ConversationReference Conversation, ChatUser User, string Name, string Text)
    : ChatEvent(Conversation, User);
