using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Adapters.Slack.Interaction;
using PracticeBot.Adapters.Slack.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Isolation;

/// <summary>
/// Sends attempts as Slack does, signed with the app's signing secret, from one workspace and channel: slash commands,
/// <c>block_actions</c> button presses, and <c>view_submission</c>s whose <c>private_metadata</c> points at practice B.
/// </summary>
public sealed class SlackAttacker(IsolationHost host, HttpClient client)
{
    public const string Button = "button";
    public const string Modal = "modal";

    /// <summary>A command typed as an @mention of the bot in the channel (an <c>app_mention</c> event).</summary>
    public const string Mention = "mention";

    private readonly SlackSignature _signer = new(SlackTestData.SigningSecret, TimeProvider.System);
    private int _counter;

    public async Task<AttemptOutcome> SendAsync(
        Attempt attempt, string delivery, BTargets b, string team, string channel, string userId, string userName = "attacker")
    {
        var id = $"attempt-{Interlocked.Increment(ref _counter)}";
        var responseUrl = host.Slack.ResponseUrl(id);
        var mark = host.Slack.Calls.Count;
        string? ack;
        // Each way a turn's answer reaches this person: its own response_url, a form, or (a modal has no channel) a DM.
        // An @mention has no response_url: its answers are ephemeral messages (or posts) in the channel.
        bool Answered(IReadOnlyList<RecordedCall> calls) => calls.Any(c =>
            c.Method == $"response_url:{id}" || c.Method == "views.open" && c.Get("trigger_id") == $"trigger-{id}"
            || c.Method == "chat.postMessage" && c.Get("channel") == userId
            || delivery == Mention && (c.Method == "chat.postEphemeral" && c.Get("user") == userId || c.Method == "chat.postMessage" && c.Get("channel") == channel));

        if (attempt.IsCommand && delivery == Mention)
        {
            ack = await PostAsync(AppMention(Mentions(attempt.Line!(b)), team, channel, userId, id).ToJsonString(), "application/json");
        }
        else if (attempt.IsCommand)
        {
            var (command, text) = SlashOf(Mentions(attempt.Line!(b)));
            ack = await PostAsync(Form(
                ("token", "verification-token"), ("team_id", team), ("team_domain", "clinic"), ("channel_id", channel), ("channel_name", "reviews"),
                ("user_id", userId), ("user_name", userName), ("command", command), ("text", text), ("api_app_id", "A0FAKE"),
                ("response_url", responseUrl), ("trigger_id", $"trigger-{id}")), "application/x-www-form-urlencoded");
        }
        else
        {
            var payload = delivery == Modal
                ? ViewSubmission(attempt, b, team, userId)
                : BlockAction(attempt, b, team, channel, userId, responseUrl, id);
            ack = await PostAsync("payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");
        }

        // A quick command answers in the acknowledgement; everything else answers afterwards, through the fake.
        var clock = Stopwatch.StartNew();
        while (string.IsNullOrEmpty(ack) && !Answered(host.Slack.Calls.Skip(mark).ToList()))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                Assert.Fail($"Slack: no answer to `{attempt.Name}` ({delivery}) within 15 s.");
            }

            await Task.Delay(10);
        }

        var sent = new List<string>();
        if (!string.IsNullOrEmpty(ack))
        {
            sent.Add(ack);
        }

        sent.AddRange(host.Slack.Calls.Skip(mark).Select(c => $"{c.Method} {c.Json}"));
        return new AttemptOutcome(sent);
    }

    /// <summary><c>{@mgr}</c> → a Slack mention of B's person <c>mgr</c>, as Slack escapes it in a slash command's text.</summary>
    private static string Mentions(string line)
    {
        foreach (var (key, _, _) in TwoPractices.BPeople)
        {
            line = line.Replace($"{{@{key}}}", $"<@{TwoPractices.SlackUser('b', key)}>", StringComparison.Ordinal);
        }

        return line;
    }

    /// <summary><c>review claim 4</c> → <c>/review</c> with <c>claim 4</c>; help is asked as <c>/practice help</c>.</summary>
    private static (string Command, string Text) SlashOf(string line)
    {
        var parts = line.Split(' ', 2);
        return parts[0] == "help" ? ("/practice", line) : ("/" + parts[0], parts.Length > 1 ? parts[1] : "");
    }

    /// <summary>The bot mentioned in a channel message, as the Events API delivers it.</summary>
    private static JsonObject AppMention(string line, string team, string channel, string userId, string id) => new()
    {
        ["token"] = "verification-token",
        ["team_id"] = team,
        ["api_app_id"] = "A0FAKE",
        ["type"] = "event_callback",
        ["event_id"] = $"Ev{id.Replace("-", "", StringComparison.Ordinal)}",
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = userId,
            ["text"] = $"<@{SlackTestData.BotUserId}> {line}",
            ["ts"] = $"1700000001.{id.Split('-')[^1].PadLeft(6, '0')}",
            ["channel"] = channel,
            ["event_ts"] = "1700000001.000001",
        },
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null, ["team_id"] = team, ["user_id"] = SlackTestData.BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false,
        }),
    };

    private static JsonObject BlockAction(Attempt attempt, BTargets b, string team, string channel, string userId, string responseUrl, string id) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = "attacker", ["name"] = "attacker", ["team_id"] = team },
        ["api_app_id"] = "A0FAKE",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = $"trigger-{id}",
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "clinic" },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "reviews" },
        ["response_url"] = responseUrl,
        ["state"] = State(attempt),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = attempt.ActionId, ["block_id"] = "actions-1", ["value"] = attempt.Value!(b), ["type"] = "button",
            ["action_ts"] = "1700000000.000200",
        }),
    };

    /// <summary>A form submitted in A's workspace whose metadata claims it was opened in B's workspace and channel.</summary>
    private static JsonObject ViewSubmission(Attempt attempt, BTargets b, string team, string userId) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "clinic" },
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = "attacker", ["name"] = "attacker", ["team_id"] = team },
        ["api_app_id"] = "A0FAKE",
        ["view"] = new JsonObject
        {
            ["id"] = "V0ATTACK",
            ["type"] = "modal",
            ["callback_id"] = attempt.ActionId,
            ["private_metadata"] = new ModalMetadata(TwoPractices.BSlackTeam, TwoPractices.BSlackChannel, null, attempt.ActionId!, attempt.Value!(b)).Serialize(),
            ["state"] = State(attempt),
        },
        ["response_urls"] = new JsonArray(),
    };

    private static JsonObject State(Attempt attempt)
    {
        var values = new JsonObject();
        foreach (var (input, value) in attempt.Inputs ?? new Dictionary<string, string>())
        {
            values[input] = new JsonObject { [input] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        return new JsonObject { ["values"] = values };
    }

    private static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));

    private async Task<string> PostAsync(string body, string contentType)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, SlackEventsApi.Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, _signer.Sign(timestamp, bytes));
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Slack request answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
