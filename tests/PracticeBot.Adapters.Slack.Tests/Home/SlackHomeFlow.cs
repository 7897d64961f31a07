using System.Text.Json.Nodes;
using PracticeBot.Adapters.Slack.Tests.TestSupport;

namespace PracticeBot.Adapters.Slack.Tests.Home;

/// <summary>What the App Home and first-week tests share: people, commands with their answers, and the texts Slack was sent.</summary>
internal static class SlackHomeFlow
{
    public const string Ann = "U0ANN00001";
    public const string Bob = "U0BOB00001";

    /// <summary>Runs a slash command and returns its answer, from the HTTP response or (when the turn was slow) response_url.</summary>
    public static async Task<string> AnswerAsync(SlackEnvironment env, string command, string text, string user, string id, string expect)
    {
        using var response = await env.Host.SlashCommandAsync(command, text, user, env.Slack.ResponseUrl(id));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        var immediate = body.StartsWith('{') ? Texts(JsonNode.Parse(body)) : body;
        string Answer() => string.Join("\n", [immediate, .. env.Slack.CallsTo($"response_url:{id}").Select(c => Texts(c.Body))]);
        await Eventually.TrueAsync(() => Answer().Contains(expect, StringComparison.Ordinal), $"the answer to {command} {text} to say “{expect}”");
        return Answer();
    }

    /// <summary>Every text of a Slack body (message text, blocks, view), joined by lines.</summary>
    public static string Texts(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : Texts(p.Value)).Where(t => t.Length > 0)),
        JsonArray a => string.Join("\n", a.Select(Texts).Where(t => t.Length > 0)),
        _ => "",
    };

    /// <summary>The views.publish calls for one person, oldest first.</summary>
    public static List<RecordedCall> HomesOf(SlackEnvironment env, string user) =>
        [.. env.Slack.CallsTo("views.publish").Where(c => c.Get("user_id") == user)];

    /// <summary>The buttons of a published view: (action_id, value).</summary>
    public static List<(string ActionId, string Value)> Buttons(RecordedCall publish) =>
        [.. publish.Body["view"]!["blocks"]!.AsArray()
            .Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => ((string)e!["action_id"]!, (string?)e["value"] ?? ""))];

    /// <summary>A button pressed on the App Home, as Slack sends it: a view container, no channel and no response_url.</summary>
    public static string HomeBlockAction(string actionId, string value, string userId) => new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = "ann", ["name"] = "ann", ["team_id"] = SlackTestData.TeamId },
        ["api_app_id"] = "A0FAKE",
        ["token"] = "9s8d9as89d8as9d8as989",
        ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME0001" },
        ["trigger_id"] = "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
        ["team"] = new JsonObject { ["id"] = SlackTestData.TeamId, ["domain"] = "sunrise" },
        ["view"] = new JsonObject { ["id"] = "V0HOME0001", ["type"] = "home", ["team_id"] = SlackTestData.TeamId },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId, ["block_id"] = "actions-1", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Done" },
            ["value"] = value, ["type"] = "button", ["action_ts"] = "1548426417.840180",
        }),
    }.ToJsonString();

    public static string HomeOpened(string eventId, string user) => SlackPayloads.EventCallback(eventId, new JsonObject
    {
        ["type"] = "app_home_opened", ["user"] = user, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1700000000.000100",
    });
}
