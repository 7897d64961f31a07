namespace PracticeBot.Core.Conversation.Routing;

/// <summary>What a turn answered. Everything else it caused is already in the outbox.</summary>
public sealed record TurnResult(IReadOnlyList<TurnReply> Replies, string CorrelationId);
