using System.Text.Json.Nodes;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Fuzzing;

/// <summary>
/// The real requests the fuzzer starts from: the golden payloads under <c>tests/*/Payloads/</c>, made to address the
/// host's own workspace, team and fakes (so an intact one is accepted and handled), plus commands that exercise the
/// handlers behind authentication.
/// </summary>
public sealed class FuzzCorpus
{
    private static readonly string[] Commands =
    [
        "/review|", "/review|open", "/review|all", "/review|1", "/review|claim 1", "/review|release 1", "/review|reply 1 Thank you, please call us.",
        "/review|reply 2", "/review|approve 1", "/review|reject 1 too long", "/review|publish 1", "/review|cancel 1", "/review|escalate 2 wait",
        "/review|resolve 3 done", "/review|claim 99999999999999999999", "/review|claim -1", "/review|claim <@U0ANN|ann>", "/posting|plan 3/week",
        "/posting|volunteer", "/posting|optout", "/posting|away 2026-12-01 2026-12-05", "/posting|done https://example.invalid/p", "/posting|skip",
        "/posting|swap <@U0ANN|ann>", "/posting|schedule", "/posting|ideas", "/practice|settings", "/practice|help", "/practice|role <@U0ANN|ann> responder",
        "/practice|sources", "/practice|settings approval 3", "/help|", "/review|help",
    ];

    private FuzzCorpus(HostileHost host)
    {
        var root = Path.Combine(RepoPaths.Root, "tests");
        string Fix(string json) => json
            .Replace("T061EG9R6", SlackTestData.TeamId, StringComparison.Ordinal)
            .Replace("T3MDE4ZAP", SlackTestData.TeamId, StringComparison.Ordinal)
            .Replace("\"T0001\"", $"\"{SlackTestData.TeamId}\"", StringComparison.Ordinal)
            .Replace("https://hooks.slack.com/", host.Slack.BaseUrl + "/hooks/", StringComparison.Ordinal)
            .Replace("https://smba.trafficmanager.net/amer/", host.Teams.ServiceUrl, StringComparison.Ordinal);

        var slack = Directory.GetFiles(Path.Combine(root, "PracticeBot.Adapters.Slack.Tests", "Payloads", "inbound"), "*.json")
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Json: Fix(File.ReadAllText(f))))
            .ToList();

        // Over HTTP a slash command is a form, interactivity a form with payload=, the Events API JSON.
        SlackForms = [.. slack.Where(p => p.Name.StartsWith("slash_", StringComparison.Ordinal)).Select(p => ToForm(JsonNode.Parse(p.Json)!.AsObject(), host))];
        SlackForms.AddRange(Commands.Select(c => c.Split('|')).Select(c =>
            SlackPayloads.SlashCommand(c[0], c[1], SlackTestData.ManagerId, host.Slack.ResponseUrl("fuzz"))));
        SlackInteractions = [.. slack.Where(p => p.Name.StartsWith("block_", StringComparison.Ordinal) || p.Name.StartsWith("view_", StringComparison.Ordinal)).Select(p => p.Json)];
        SlackInteractions.Add(SlackPayloads.BlockAction("review.claim", "1", "1700000000.000100", host.Slack.ResponseUrl("fuzz")));
        SlackInteractions.Add(SlackPayloads.ViewSubmission("{\"team\":\"" + SlackTestData.TeamId + "\",\"channel\":\"" + SlackTestData.ChannelId +
            "\",\"thread\":null,\"action\":\"review.draft.submit\",\"value\":\"1\"}", "reply_text", "Thank you for telling us."));
        SlackEvents = [.. slack.Where(p => p.Name.StartsWith("app_", StringComparison.Ordinal) || p.Name.StartsWith("member_", StringComparison.Ordinal)).Select(p => p.Json)];
        SlackEvents.Add(SlackPayloads.EventCallback("Ev0FUZZ", SlackPayloads.AppMention("<@U0PRACTBOT> review")));
        SlackEvents.Add(new JsonObject { ["token"] = "x", ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ["type"] = "url_verification" }.ToJsonString());

        TeamsActivities = [.. Directory.GetFiles(Path.Combine(root, "PracticeBot.Adapters.Teams.Tests", "Payloads", "Activities"), "*.json")
            .Order(StringComparer.Ordinal).Select(f => Fix(File.ReadAllText(f)))];
        var serviceUrl = host.Teams.ServiceUrl;
        TeamsActivities.AddRange(Commands.Select(c => Activities.Message(serviceUrl, (c.Split('|')[0].TrimStart('/') + " " + c.Split('|')[1]).Trim()).ToJsonString()));
        TeamsActivities.Add(Activities.CardAction(serviceUrl, "review.claim", "1", "act-1").ToJsonString());
        TeamsActivities.Add(Activities.CardAction(serviceUrl, "review.draft.submit", "1", "act-1").ToJsonString());
        TeamsActivities.Add(Activities.BotAdded(serviceUrl).ToJsonString());

        WebhookBodies =
        [
            HostileHost.Review("fz-1"),
            HostileHost.Review("fz-2", 5),
            HostileHost.Review("fz-3", 1, HostileHost.TeamsPractice),
            $"[{HostileHost.Review("fz-4")},{HostileHost.Review("fz-5", 4)}]",
            $"[{HostileHost.Review("fz-6")},{HostileHost.Review("fz-7", 3, HostileHost.TeamsPractice)}]",
            new JsonObject
            {
                ["practice"] = HostileHost.SlackPractice, ["source"] = "vitals", ["externalId"] = "fz-8", ["recommendation"] = "negative",
                ["text"] = "Nobody called back.", ["createdAt"] = "2026-11-21T10:00:00Z", ["updatedAt"] = "2026-11-22T10:00:00Z", ["replied"] = false,
            }.ToJsonString(),
            new JsonObject
            {
                // The markup cases: everything the review brings is chat markup (MarkupChecks).
                ["practice"] = HostileHost.SlackPractice, ["source"] = "yelp", ["externalId"] = "fz-9", ["rating"] = 1, ["author"] = "<@U123>",
                ["text"] = string.Join(" ", MarkupChecks.Cases), ["createdAt"] = "2026-11-21T10:00:00Z", ["location"] = "[Main St](https://evil.example)",
            }.ToJsonString(),
            new JsonObject
            {
                ["practice"] = HostileHost.TeamsPractice, ["source"] = "google", ["externalId"] = "fz-10", ["rating"] = 2, ["author"] = "[Ann](https://evil.example)",
                ["text"] = string.Join("\n", MarkupChecks.Cases), ["createdAt"] = "2026-11-21T10:00:00Z",
            }.ToJsonString(),
        ];
    }

    public List<string> SlackForms { get; }
    public List<string> SlackInteractions { get; }
    public List<string> SlackEvents { get; }
    public List<string> TeamsActivities { get; }
    public List<string> WebhookBodies { get; }

    public static FuzzCorpus For(HostileHost host) => new(host);

    private static string ToForm(JsonObject fields, HostileHost host)
    {
        fields["channel_id"] = SlackTestData.ChannelId;
        fields["user_id"] = SlackTestData.ManagerId;
        fields["response_url"] = host.Slack.ResponseUrl("fuzz");
        return string.Join('&', fields.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value?.ToString() ?? "")}"));
    }
}
