using System.Text.Json;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// One request from Slack, whichever transport delivered it (HTTP or a Socket Mode envelope). Routing never knows
/// the transport: both produce one of these.
/// </summary>
public abstract record SlackRequest;

/// <summary>The Events API's one-time check of the request URL: answered with its challenge.</summary>
public sealed record UrlVerification(string Challenge) : SlackRequest;

/// <summary>A slash command (<c>/review claim 12</c>).</summary>
/// <param name="Command">The command word without its slash: <c>review</c>.</param>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string? UserName,
    string TeamId,
    string? EnterpriseId,
    string ChannelId,
    string? ResponseUrl,
    string? TriggerId) : SlackRequest;

/// <summary>An interactivity payload: <c>block_actions</c>, <c>view_submission</c>, <c>view_closed</c>, …</summary>
public sealed record SlackInteraction(string Type, JsonElement Payload) : SlackRequest;

/// <summary>An Events API <c>event_callback</c>: the outer envelope with <c>event_id</c>, and the inner event.</summary>
public sealed record SlackEventCallback(string EventId, string EventType, string TeamId, JsonElement Body) : SlackRequest
{
    public JsonElement Event => Body.GetProperty("event");
}
