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
/// <param name="MayHaveArrived">
/// A transient failure after which the platform may still have the message (a timeout, a connection cut after the
/// request went out): the next attempt is in doubt and looks it up before posting again.
/// </param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, SentMessageRef? Sent = null, string? Error = null, TimeSpan? RetryAfter = null, bool MayHaveArrived = false)
{
    public static DeliveryResult Delivered(string channelId, string messageId) => new(DeliveryOutcome.Sent, new SentMessageRef(channelId, messageId));

    public static DeliveryResult TryLater(string error, TimeSpan? retryAfter = null, bool mayHaveArrived = false) =>
        new(DeliveryOutcome.Transient, Error: error, RetryAfter: retryAfter, MayHaveArrived: mayHaveArrived);

    public static DeliveryResult GiveUp(string error) => new(DeliveryOutcome.Permanent, Error: error);
}
