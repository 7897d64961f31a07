namespace PracticeBot.Core.Conversation.Events;

/// <summary>An event that a person caused in a conversation.</summary>
public abstract record ChatEvent(ConversationReference Conversation, ChatUser User) : BotEvent;
