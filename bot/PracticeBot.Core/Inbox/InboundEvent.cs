namespace PracticeBot.Core.Inbox;

/// <summary>
/// An inbound platform event already taken in (Slack <c>event_id</c>). The unique index on
/// (<see cref="Platform"/>, <see cref="EventId"/>) is what makes a retried delivery a no-op, across instances.
/// </summary>
public sealed class InboundEvent
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    public required string EventId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
