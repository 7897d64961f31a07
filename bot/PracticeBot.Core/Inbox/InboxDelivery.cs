using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Inbox;

/// <summary>One claimed inbox row, as its handler sees it.</summary>
/// <param name="Complete">
/// Pass to <see cref="BotDispatcher.DispatchAsync(Conversation.Events.BotEvent, Func{TurnContext, CancellationToken, Task}?, CancellationToken)"/>:
/// it marks the row done in the turn's transaction, so the turn's changes and the mark commit together or not at all.
/// It is null for a read-only command run without a row (nothing to mark).
/// </param>
/// <param name="LastAttempt">No retry follows a failure of this attempt: the handler tells the person now.</param>
public sealed record InboxDelivery(long Id, string Payload, int Attempt, bool LastAttempt, Func<TurnContext, CancellationToken, Task>? Complete);
