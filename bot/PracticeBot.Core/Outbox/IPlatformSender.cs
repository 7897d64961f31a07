namespace PracticeBot.Core.Outbox;

/// <summary>
/// Sends one outbox row on one platform. Implemented by each adapter (Slack Web API, Bot Framework connector)
/// and by <see cref="RecordingPlatformSender"/> for local mode and tests. Never throws for a platform's answer:
/// it classifies it.
/// </summary>
public interface IPlatformSender
{
    /// <summary>One of <see cref="Conversation.Platforms"/>.</summary>
    string Platform { get; }

    Task<DeliveryResult> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken);
}
