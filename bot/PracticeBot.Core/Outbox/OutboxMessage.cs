using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Core.Outbox;

/// <summary>
/// One message to send, written in the same transaction as the state change that caused it, delivered later by
/// the delivery worker. A row is sent at most once: workers take it with a lease before sending.
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
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Which worker holds the row, and until when; an expired lease may be taken by another worker.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    /// <summary>The platform's id for what was sent: Slack <c>channel</c> + <c>ts</c>, Teams activity id.</summary>
    public string? PlatformChannelId { get; set; }
    public string? PlatformMessageId { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
