using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>
/// The message metadata every outbox post carries, <c>{"event_type": "practicebot_outbox", "event_payload":
/// {"outbox_id": "42"}}</c>, so that a post whose answer was lost can be found in the conversation's history.
/// </summary>
public static class SlackOutboxMetadata
{
    public const string EventType = "practicebot_outbox";

    /// <summary>How far before the first attempt the history is searched: our clock and Slack's may disagree a little.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Pages of 200 messages searched at most; a conversation busier than that since the first attempt is posted to again.</summary>
    public const int MaxHistoryPages = 10;

    public static JsonObject For(long outboxId) => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new JsonObject { ["outbox_id"] = outboxId.ToString(CultureInfo.InvariantCulture) },
    };

    /// <summary>Whether a message of <c>conversations.history</c> carries the metadata of <paramref name="outboxId"/>.</summary>
    public static bool Names(JsonElement message, long outboxId) =>
        message.ValueKind == JsonValueKind.Object
        && message.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("event_type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == EventType
        && metadata.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty("outbox_id", out var id)
        && (id.ValueKind == JsonValueKind.String ? id.GetString() : id.ValueKind == JsonValueKind.Number ? id.GetRawText() : null)
            == outboxId.ToString(CultureInfo.InvariantCulture);
}
