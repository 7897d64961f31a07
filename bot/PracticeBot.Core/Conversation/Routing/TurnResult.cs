namespace PracticeBot.Core.Conversation.Routing;

/// <summary>What a turn answered. Everything else it caused is already in the outbox.</summary>
/// <param name="Failure">Set when the turn failed and was rolled back; <see cref="Replies"/> then tell the person so.</param>
public sealed record TurnResult(IReadOnlyList<TurnReply> Replies, string CorrelationId, TurnFailure? Failure = null);
