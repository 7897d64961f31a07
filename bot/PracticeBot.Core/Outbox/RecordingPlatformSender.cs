using System.Collections.Concurrent;

namespace PracticeBot.Core.Outbox;

/// <summary>
/// An in-memory platform: records what would have been sent and answers like a platform that accepted it.
/// Local mode uses it for the loopback chat; tests use it to assert on outbound messages.
/// </summary>
public sealed class RecordingPlatformSender(string platform) : IPlatformSender
{
    private readonly ConcurrentQueue<OutboundDelivery> _sent = new();
    private long _nextId;

    public string Platform { get; } = platform;

    public IReadOnlyCollection<OutboundDelivery> Sent => _sent;

    public Task<DeliveryResult> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        _sent.Enqueue(delivery);
        var channel = delivery.Replace?.ChannelId
            ?? (delivery.Target.Conversation.ChannelId is { Length: > 0 } id ? id : $"dm-{delivery.Target.UserId}");
        var messageId = delivery.Replace?.MessageId ?? $"{Platform}-{Interlocked.Increment(ref _nextId)}";
        return Task.FromResult(DeliveryResult.Delivered(channel, messageId));
    }
}
