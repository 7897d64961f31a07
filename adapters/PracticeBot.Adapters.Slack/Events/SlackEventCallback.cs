using System.Text.Json;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>An Events API <c>event_callback</c>: the outer envelope with <c>event_id</c>, and the inner event.</summary>
public sealed record SlackEventCallback(string EventId, string EventType, string TeamId, JsonElement Body) : SlackRequest
{
    public JsonElement Event => Body.GetProperty("event");
}
