namespace PracticeBot.Core.Conversation.Events;

/// <summary>Someone joined a conversation the bot is in, or the bot itself was added / the app installed.</summary>
/// <param name="BotWasAdded">True when the member who joined is the bot: the app was installed here.</param>
public sealed record MemberJoined(ConversationReference Conversation, ChatUser User, bool BotWasAdded)
    : ChatEvent(Conversation, User);
