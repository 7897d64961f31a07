using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using PracticeBot.Adapters.Reviews.Tests.TestSupport;
using PracticeBot.Adapters.Reviews.Webhook;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;
using Activities = PracticeBot.Adapters.Teams.Tests.TestSupport.Activities;
using BotFrameworkFake = PracticeBot.Adapters.Teams.Tests.TestSupport.BotFrameworkFake;
using TestTokens = PracticeBot.Adapters.Teams.Tests.TestSupport.TestTokens;

namespace PracticeBot.Host.Tests.Security;

/// <summary>
/// The acceptance check for "never written to logs": the real host as a process, every log category at Debug (HTTP
/// clients at Trace), configured with distinctive secrets, taking reviews with distinctive texts and authors from the
/// webhook and a Google poll, Slack commands that claim, draft, approve and publish a reply, a Teams message, and the
/// outbox delivering to a fake Slack. Nothing the process wrote may contain any of those values, in clear, URL-encoded
/// or JSON-escaped.
/// </summary>
public sealed class LogScanTests
{
    private const string Practice = "sunrise-family-medicine";
    private const string Location = "accounts/7/locations/9";
    private const string Manager = SlackTestData.ManagerId;
    private const string Responder = "U0RESPOND1";

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["Slack signing secret"] = "sss-Kq7vXw2Lm9Rt4Zp1",
        ["Slack bot token"] = "xoxb-4417-Bt9Qm2Vn8Lc3",
        ["Teams app password"] = "tap~Hx5Jr8Wd2Ks6Gy0",
        ["webhook secret"] = "whs-Pf3Nc7Ub1Ye9Ma4",
        ["Google client secret"] = "gcs-Dv6Tq0Lw3Rz8Jh5",
        ["Google refresh token"] = "1//grt-Mk2Xs9Fb4Np7Qc",
        ["Google access token"] = "ya29.gat-Wy8Hd1Ve5Ju3",
        ["Bot Framework connector token"] = "connector-token",
    };

    private static readonly Dictionary<string, string> Private = new()
    {
        ["Google review text"] = "Quibbleworth lobby smelled of burnt marmalade for an hour",
        ["Google review author"] = "Philippa Oxenhart-Vale",
        ["webhook review text"] = "The receptionist Grimsditch lost my zanzibar paperwork twice",
        ["webhook review author"] = "Barnaby Quillfeather",
        ["second webhook review text"] = "Parking near the velvetine clinic wing was impossible",
        ["second webhook review author"] = "Wilhelmina Thistlewood",
        ["reply draft"] = "We are sorry about the paperwork mixup at the front desk and would welcome a call about the marzipan procedure",
    };

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Hooks = [];

    /// <summary>Secrets the bot made during the run and showed a manager: the practice's webhook secret, the calendar token.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentBag<(string What, string Value)> Issued = [];

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Run_EveryCategoryAtDebug_NoReviewTextDraftOrSecretInTheOutput()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("practicebot-logscan-").FullName;
        try
        {
            await using var slack = await FakeSlackApi.StartAsync();
            await using var teams = await BotFrameworkFake.StartAsync();
            await using var google = await FakeGoogleAsync();
            await using var host = HostProcess.Start(folder, Settings(folder, slack, teams, google), "logscan");
            await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

            // Act
            await SlashAsync(http, host, slack, Manager, "/practice", "setup \"Sunrise Family Medicine\" America/Chicago", "set up");
            await SlashAsync(http, host, slack, Manager, "/practice", $"role <@{Responder}|rhea> responder", "responder");
            await Eventually.TrueAsync(() => Task.FromResult(Cards(slack).Count >= 1), "the polled Google review's card", seconds: 30);
            using (var webhook = Webhook(host, $"[{ReviewJson("hg-1", 2, "webhook review")}, {ReviewJson("hg-2", 3, "second webhook review")}]"))
            {
                using var stored = await http.SendAsync(webhook);
                Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
            }

            await Eventually.TrueAsync(() => Task.FromResult(Cards(slack).Count >= 3), "three review cards delivered to Slack", seconds: 30);
            await SlashAsync(http, host, slack, Responder, "/review", "claim 2", "#2");
            await SlashAsync(http, host, slack, Responder, "/review", "reply 2 " + Private["reply draft"], "#2");
            await SlashAsync(http, host, slack, Responder, "/review", "publish 2", "#2");
            await SlashAsync(http, host, slack, Manager, "/review", "approve 2", "Approved the reply to review #2");
            await SlashAsync(http, host, slack, Manager, "/review", "2", "#2");
            using (var toTeams = new HttpClient { BaseAddress = new Uri(host.Url) })
            using (var message = Activities.Post(Activities.Message(teams.ServiceUrl, "help"), TestTokens.Create(teams, teams.ServiceUrl)))
            {
                using var answered = await toTeams.SendAsync(message);
                Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            }

            await Eventually.TrueAsync(() => Task.FromResult(teams.Calls.Any(c => c.Method == "POST")), "the Teams reply at the fake connector", seconds: 20);
            var settings = await SlashAsync(http, host, slack, Manager, "/practice", "settings", "X-PracticeBot-Signature");
            var practiceSecret = Regex.Match(settings, "pbw_[0-9a-f]{48}");
            Assert.True(practiceSecret.Success, $"no webhook secret in the settings: {settings}");
            Issued.Add(("practice webhook secret", practiceSecret.Value));
            await SlashAsync(http, host, slack, Manager, "/posting", "plan 2/week facebook", "");
            var schedule = await SlashAsync(http, host, slack, Manager, "/posting", "schedule", "posting.ics?token=");
            var feed = Regex.Match(schedule, @"(/practice/\d+/posting\.ics)\?token=([0-9a-f]{40})");
            Assert.True(feed.Success, $"no calendar feed in the schedule: {schedule}");
            Issued.Add(("calendar feed token", feed.Groups[2].Value));
            using (var calendar = await http.GetAsync(new Uri($"{host.Url}{feed.Groups[1].Value}?token={feed.Groups[2].Value}")))
            {
                Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
            }

            await Task.Delay(TimeSpan.FromSeconds(1)); // the last deliveries' log lines
            await host.KillAsync();

            // Assert: the run did what it says, with Debug logging really on.
            var output = host.Output + string.Concat(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith("practicebot.db", StringComparison.Ordinal))
                .Select(File.ReadAllText));
            Assert.Contains(google.Requests, r => r.Path == "/token");
            Assert.Contains("dbug: Microsoft.EntityFrameworkCore", output, StringComparison.Ordinal);
            Assert.Contains("System.Net.Http.HttpClient", output, StringComparison.Ordinal);
            Assert.Contains("dbug: Quartz", output, StringComparison.Ordinal);
            Assert.Contains("dbug: Microsoft.AspNetCore", output, StringComparison.Ordinal);
            var failures = output.Split('\n').Where(line =>
                line.StartsWith("fail: PracticeBot", StringComparison.Ordinal) || line.StartsWith("fail: Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)
                || line.StartsWith("crit: ", StringComparison.Ordinal)).ToList();
            Assert.True(failures.Count == 0, $"errors were logged:\n{string.Join("\n", failures)}");
            var leaks = Secrets.Concat(Private).Concat(Hooks.Select(h => KeyValuePair.Create("Slack response_url", h)))
                .Concat(Issued.Select(i => KeyValuePair.Create(i.What, i.Value)))
                .SelectMany(v => Forms(v.Value).Select(form => (v.Key, Form: form)))
                .SelectMany(v => output.Split('\n').Where(line => line.Contains(v.Form, StringComparison.OrdinalIgnoreCase)).Take(3).Select(line => $"{v.Key}: {line.Trim()}"))
                .Distinct()
                .ToList();
            Assert.True(leaks.Count == 0, $"{leaks.Count} line(s) of the host's output hold what must never be logged:\n{string.Join("\n", leaks)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Settings(string folder, FakeSlackApi slack, BotFrameworkFake teams, FakeApi google) => new()
    {
        ["Database__Provider"] = "sqlite",
        ["ConnectionStrings__PracticeBot"] = $"Data Source={Path.Combine(folder, "practicebot.db")}",
        ["Demo__Enabled"] = "false",
        ["Outbox__PollInterval"] = "00:00:00.200",
        ["Outbox__BaseDelay"] = "00:00:00.500",
        ["Logging__LogLevel__Default"] = "Debug",
        ["Logging__LogLevel__Microsoft"] = "Debug",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Debug",
        ["Logging__LogLevel__System.Net.Http"] = "Trace",
        ["Logging__LogLevel__Quartz"] = "Debug",
        ["Slack__SigningSecret"] = Secrets["Slack signing secret"],
        ["Slack__BotToken"] = Secrets["Slack bot token"],
        ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl,
        ["Teams__AppId"] = TestTokens.AppId,
        ["Teams__AppPassword"] = Secrets["Teams app password"],
        ["Teams__OpenIdMetadataUrl"] = teams.MetadataUrl,
        ["Teams__TokenEndpoint"] = teams.TokenUrl,
        ["Sources__Webhook__Secret"] = Secrets["webhook secret"],
        ["Sources__Google__BaseUrl"] = google.Url + "/",
        ["Sources__Google__TokenEndpoint"] = google.Url + "/token",
        ["Sources__Google__ClientId"] = "logscan-client",
        ["Sources__Google__ClientSecret"] = Secrets["Google client secret"],
        ["Sources__Google__RefreshToken"] = Secrets["Google refresh token"],
        [$"Sources__Google__Practices__{Practice}__0__Name"] = Location,
        [$"Sources__Workspaces__{Practice}"] = $"slack:{SlackTestData.TeamId}",
    };

    /// <summary>A value as it could appear in a log line: as is, URL-encoded (both ways) and JSON-escaped.</summary>
    private static IEnumerable<string> Forms(string value) => new[]
    {
        value,
        Uri.EscapeDataString(value),
        WebUtility.UrlEncode(value),
        JsonSerializer.Serialize(value)[1..^1],
        JsonSerializer.Serialize(value, RelaxedJson)[1..^1],
    }.Distinct();

    /// <summary>Sends a signed slash command and checks its answer says <paramref name="expected"/>, so the run did what it claims.</summary>
    private static async Task<string> SlashAsync(HttpClient http, HostProcess host, FakeSlackApi slack, string user, string command, string text, string expected)
    {
        // A response_url lets whoever holds it post to the channel for half an hour: as secret as a token.
        var hook = "hook" + Guid.NewGuid().ToString("N");
        Hooks.Add(hook);
        var body = SlackPayloads.SlashCommand(command, text, user, slack.ResponseUrl(hook));
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Url + SlackEventsApi.Path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, new SlackSignature(Secrets["Slack signing secret"], TimeProvider.System).Sign(timestamp, bytes));
        using var response = await http.SendAsync(request);
        var inline = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(
            () => Task.FromResult(inline.Contains(expected, StringComparison.Ordinal)
                || slack.CallsTo($"response_url:{hook}").Any(c => c.Json.Contains(expected, StringComparison.Ordinal))),
            $"'{expected}' in the answer to {command} {text[..Math.Min(text.Length, 12)]}…");
        return inline.Contains(expected, StringComparison.Ordinal)
            ? inline
            : slack.CallsTo($"response_url:{hook}").First(c => c.Json.Contains(expected, StringComparison.Ordinal)).Json;
    }

    private static HttpRequestMessage Webhook(HostProcess host, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Url + ReviewWebhookApi.Path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(bytes, Secrets["webhook secret"]));
        return request;
    }

    private static string ReviewJson(string id, int rating, string which) => JsonSerializer.Serialize(new
    {
        practice = Practice,
        source = "healthgrades",
        externalId = id,
        rating,
        author = Private[$"{which} author"],
        text = Private[$"{which} text"],
        createdAt = "2026-11-20T14:03:00Z",
    });

    private static List<RecordedCall> Cards(FakeSlackApi slack) =>
        slack.CallsTo("chat.postMessage").Where(c => c.Json.Contains("review.claim", StringComparison.Ordinal)).ToList();

    private static Task<FakeApi> FakeGoogleAsync() => FakeApi.StartAsync(async (context, request) =>
    {
        switch (request.Method, request.Path)
        {
            case ("POST", "/token"):
                await context.Response.WriteAsJsonAsync(new { access_token = Secrets["Google access token"], expires_in = 3600, token_type = "Bearer" });
                break;
            case ("GET", "/v4/" + Location + "/reviews"):
                await context.Response.WriteAsJsonAsync(new JsonObject
                {
                    ["reviews"] = new JsonArray(new JsonObject
                    {
                        ["name"] = Location + "/reviews/r1", ["reviewId"] = "r1",
                        ["reviewer"] = new JsonObject { ["displayName"] = Private["Google review author"], ["isAnonymous"] = false },
                        ["starRating"] = "TWO", ["comment"] = Private["Google review text"],
                        ["createTime"] = "2026-11-23T14:00:00Z", ["updateTime"] = "2026-11-23T14:00:00Z",
                    }),
                    ["totalReviewCount"] = 1,
                });
                break;
            default:
                context.Response.StatusCode = (int)HttpStatusCode.NotFound;
                break;
        }
    });
}
