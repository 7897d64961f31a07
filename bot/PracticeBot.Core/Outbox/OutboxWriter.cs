using System.Diagnostics;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Outbox;

/// <summary>
/// How handlers send anything that is not a direct reply: the row joins the turn's unit of work, so it is
/// committed with the state change that caused it, and delivered afterwards by the delivery worker.
/// </summary>
public sealed class OutboxWriter(PracticeBotDb db, TimeProvider time)
{
    public OutboxMessage Enqueue(long? practiceId, MessageTarget target, OutboundMessage message)
    {
        var now = time.GetUtcNow();
        var row = new OutboxMessage
        {
            PracticeId = practiceId,
            Platform = target.Conversation.Platform,
            Target = target,
            Message = message,
            CardKey = message.CardKey,
            ConversationKey = OutboxConversation.KeyOf(target),
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = CurrentTraceParent(),
        };
        db.Outbox.Add(row);
        return row;
    }

    /// <summary>The traced turn's W3C <c>traceparent</c>, when there is one (a listener is recording it).</summary>
    private static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Recorded: true, Id: { Length: <= 64 } id } ? id : null;
}
