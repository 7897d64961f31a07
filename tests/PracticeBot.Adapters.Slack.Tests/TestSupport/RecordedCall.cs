using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>One call the bot made to the fake.</summary>
public sealed record RecordedCall(string Method, JsonObject Body, string Authorization, DateTimeOffset At, bool Succeeded)
{
    public string? Get(string key) => Body[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string Json => Body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
