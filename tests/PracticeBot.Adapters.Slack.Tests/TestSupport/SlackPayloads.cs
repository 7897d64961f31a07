using System.Text.Json.Nodes;

namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>Request bodies shaped like Slack's documented examples.</summary>
public static class SlackPayloads
{
    public static string SlashCommand(string command, string text, string userId, string responseUrl, string? triggerId = null) =>
        string.Join('&', new (string Key, string Value)[]
        {
            ("token", "gIkuvaNzQIHg97ATvDxqgjtO"),
            ("team_id", SlackTestData.TeamId),
            ("team_domain", "sunrise"),
            ("channel_id", SlackTestData.ChannelId),
            ("channel_name", "reviews"),
            ("user_id", userId),
            ("user_name", "ann"),
            ("command", command),
            ("text", text),
            ("api_app_id", "A0FAKE"),
            ("response_url", responseUrl),
            ("trigger_id", triggerId ?? "13345224609.738474920.8088930838d88f008e0"),
        }.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));

    public static string BlockAction(string actionId, string value, string messageTs, string responseUrl, string userId = SlackTestData.ManagerId) =>
        new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "ann", ["name"] = "ann", ["team_id"] = SlackTestData.TeamId },
            ["api_app_id"] = "A0FAKE",
            ["token"] = "9s8d9as89d8as9d8as989",
            ["container"] = new JsonObject
            {
                ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = SlackTestData.ChannelId, ["is_ephemeral"] = false,
            },
            ["trigger_id"] = "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
            ["team"] = new JsonObject { ["id"] = SlackTestData.TeamId, ["domain"] = "sunrise" },
            ["channel"] = new JsonObject { ["id"] = SlackTestData.ChannelId, ["name"] = "reviews" },
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = actionId, ["block_id"] = "actions-3", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Claim" },
                ["value"] = value, ["type"] = "button", ["action_ts"] = "1548426417.840180",
            }),
        }.ToJsonString();

    public static string ViewSubmission(string privateMetadata, string inputId, string text, string userId = SlackTestData.ManagerId) =>
        new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackTestData.TeamId, ["domain"] = "sunrise" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "ann", ["name"] = "ann", ["team_id"] = SlackTestData.TeamId },
            ["api_app_id"] = "A0FAKE",
            ["trigger_id"] = "12466734323.1395872398",
            ["view"] = new JsonObject
            {
                ["id"] = "VNHU13V36",
                ["type"] = "modal",
                ["callback_id"] = "review.draft.submit",
                ["private_metadata"] = privateMetadata,
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        [inputId] = new JsonObject { [inputId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text } },
                    },
                },
            },
            ["response_urls"] = new JsonArray(),
        }.ToJsonString();

    public static string EventCallback(string eventId, JsonObject inner) => new JsonObject
    {
        ["token"] = "XXYYZZ",
        ["team_id"] = SlackTestData.TeamId,
        ["api_app_id"] = "A0FAKE",
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null, ["team_id"] = SlackTestData.TeamId, ["user_id"] = SlackTestData.BotUserId, ["is_bot"] = true,
        }),
    }.ToJsonString();

    public static JsonObject AppMention(string text, string ts = "1700000001.000200") => new()
    {
        ["type"] = "app_mention",
        ["user"] = SlackTestData.ManagerId,
        ["text"] = text,
        ["ts"] = ts,
        ["channel"] = SlackTestData.ChannelId,
        ["event_ts"] = ts,
    };
}
