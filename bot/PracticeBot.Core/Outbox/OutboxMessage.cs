using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Core.Outbox;

/// <summary>
/// One message to send, written in the same transaction as the state change that caused it, delivered later by
/// the delivery worker. A row is sent at most once: workers take it with a lease before sending, and a row whose
/// earlier attempt may have reached the platform is looked up there before it is sent again.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public long? PracticeId { get; set; }
    public required string Platform { get; set; }
    public required MessageTarget Target { get; set; }
    public required OutboundMessage Message { get; set; }
    /// <summary>Copied from the message so updates can find earlier sends of the same card.</summary>
    public string? CardKey { get; set; }
    /// <summary>
    /// Where the message goes, as one comparable string (<see cref="OutboxConversation.KeyOf"/>): a row is not sent while
    /// an earlier row with the same key is still pending, so each conversation gets its messages in order.
    /// </summary>
    public string ConversationKey { get; set; } = "";
    public OutboxStatus Status { get; set; }
    /// <summary>Every attempt, counted when the row is claimed for it (before the send), not when its outcome is known.</summary>
    public int Attempts { get; set; }
    /// <summary>Attempts that ended without an outcome: the process died or lost its lease during the send.</summary>
    public int UnfinishedAttempts { get; set; }
    /// <summary>The W3C <c>traceparent</c> of the turn that wrote the row, when it was traced: its delivery joins that trace.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>When the first attempt started: a copy that reached the platform cannot be older.</summary>
    public DateTimeOffset? FirstAttemptAt { get; set; }
    /// <summary>When the attempt under way started; cleared when its outcome is written. Still set at the next claim: unfinished.</summary>
    public DateTimeOffset? AttemptStartedAt { get; set; }
    /// <summary>
    /// An earlier attempt may have reached the platform without us knowing (it never finished, or timed out): the next
    /// one asks the platform before posting again.
    /// </summary>
    public bool InDoubt { get; set; }
    /// <summary>Which worker holds the row, and until when; an expired lease may be taken by another worker.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    /// <summary>The platform's id for what was sent: Slack <c>channel</c> + <c>ts</c>, Teams activity id.</summary>
    public string? PlatformChannelId { get; set; }
    public string? PlatformMessageId { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
