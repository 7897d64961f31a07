using System.Text.Json;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>An interactivity payload: <c>block_actions</c>, <c>view_submission</c>, <c>view_closed</c>, …</summary>
public sealed record SlackInteraction(string Type, JsonElement Payload) : SlackRequest;
