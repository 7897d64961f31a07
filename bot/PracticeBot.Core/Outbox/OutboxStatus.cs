namespace PracticeBot.Core.Outbox;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (or to be retried at <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,
    Sent,
    /// <summary>Given up: a permanent error, or too many attempts. <see cref="OutboxMessage.LastError"/> says why.</summary>
    Dead,
}
