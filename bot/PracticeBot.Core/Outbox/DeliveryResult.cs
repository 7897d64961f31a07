namespace PracticeBot.Core.Outbox;

public enum DeliveryOutcome
{
    Sent,
    /// <summary>Worth trying again later (rate limit, 5xx, timeout).</summary>
    Transient,
    /// <summary>Will never work (channel gone, bot removed, payload rejected): dead-letter it.</summary>
    Permanent,
}

/// <summary>How a send went.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, SentMessageRef? Sent = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Delivered(string channelId, string messageId) => new(DeliveryOutcome.Sent, new SentMessageRef(channelId, messageId));

    public static DeliveryResult TryLater(string error, TimeSpan? retryAfter = null) => new(DeliveryOutcome.Transient, Error: error, RetryAfter: retryAfter);

    public static DeliveryResult GiveUp(string error) => new(DeliveryOutcome.Permanent, Error: error);
}
