namespace PracticeBot.Core.Inbox;

/// <summary>
/// One inbound delivery whose handling comes after its acknowledgement (a Slack event, button press or submission, a
/// slow command): written in the same transaction as its "seen" mark, before the platform is acknowledged, and
/// handled afterwards by the inbox worker of any instance. The turn it runs marks the row done in its own
/// transaction, so a delivery is handled exactly once, even across a crash.
/// </summary>
public sealed class InboxMessage
{
    public long Id { get; set; }

    /// <summary>One of <see cref="Conversation.Platforms"/>: which <see cref="IInboxHandler"/> handles it.</summary>
    public required string Platform { get; set; }

    /// <summary>The platform's id of the delivery (Slack <c>event_id</c>), or one made up for deliveries without one; unique per platform.</summary>
    public required string DedupKey { get; set; }

    /// <summary>What the handler needs, as its adapter wrote it (JSON). Cleared once the row is done: it may quote people.</summary>
    public required string Payload { get; set; }

    public InboxStatus Status { get; set; }

    /// <summary>Every attempt, counted when the row is claimed for it.</summary>
    public int Attempts { get; set; }

    /// <summary>Which worker holds the row, and until when; an expired lease (its worker died) may be taken by another.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Why the last attempt failed: an exception type or the turn's failure and correlation id, never content.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
