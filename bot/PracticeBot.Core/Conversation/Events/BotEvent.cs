namespace PracticeBot.Core.Conversation.Events;

/// <summary>Everything that enters the core: chat turns and scheduled work alike go through one router.</summary>
public abstract record BotEvent;
