using System.Text.Json.Nodes;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// How a request is acknowledged: an HTTP 200 with an optional JSON body, or the same body as a Socket Mode
/// envelope's <c>payload</c>.
/// </summary>
public sealed record SlackAck(JsonObject? Body)
{
    public static readonly SlackAck Empty = new((JsonObject?)null);
}
