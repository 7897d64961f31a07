namespace PracticeBot.Core.Conversation.Events;

/// <summary>Free text addressed to the bot (a Teams message, a Slack mention) that is not a slash command.</summary>
public sealed record MessageReceived(ConversationReference Conversation, ChatUser User, string Text)
    : ChatEvent(Conversation, User);
