using System.Collections.Concurrent;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

/// <summary>A platform that answers each send as the test scripts it, and remembers every send per row.</summary>
public sealed class ScriptedSender(Func<OutboundDelivery, int, CancellationToken, Task<DeliveryResult>> respond, string platform = Platforms.Local)
    : IPlatformSender
{
    private readonly ConcurrentQueue<OutboundDelivery> _calls = new();
    private readonly ConcurrentDictionary<long, int> _perRow = new();

    public ScriptedSender(Func<OutboundDelivery, int, DeliveryResult> respond, string platform = Platforms.Local)
        : this((d, call, _) => Task.FromResult(respond(d, call)), platform)
    {
    }

    public string Platform { get; } = platform;

    public IReadOnlyCollection<OutboundDelivery> Calls => _calls;

    /// <summary>The answer of a platform that accepted the message.</summary>
    public static DeliveryResult Accept(OutboundDelivery delivery) =>
        DeliveryResult.Delivered(delivery.Replace?.ChannelId ?? delivery.Target.Conversation.ChannelId, delivery.Replace?.MessageId ?? $"ts-{delivery.OutboxId}");

    public int SendsOf(long outboxId) => _perRow.GetValueOrDefault(outboxId);

    public Task<DeliveryResult> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        _calls.Enqueue(delivery);
        var call = _perRow.AddOrUpdate(delivery.OutboxId, 1, (_, n) => n + 1);
        return respond(delivery, call, cancellationToken);
    }
}
