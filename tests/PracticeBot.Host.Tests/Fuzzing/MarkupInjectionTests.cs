using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Fuzzing;

/// <summary>
/// The markup cases of the hostile-input suite, end to end: a webhook review whose text, author and location are
/// chat markup reaches the fake Slack Web API and the fake Bot Framework connector as text, never as a ping or a link.
/// </summary>
public sealed class MarkupInjectionTests(HostileHost host) : IClassFixture<HostileHost>
{
    [Fact]
    public async Task Webhook_ReviewWrittenAsChatMarkup_IsPostedAsTextToSlackAndTeams()
    {
        var marker = "mk-" + Guid.NewGuid().ToString("N")[..8];
        var text = marker + " " + string.Join(" ", MarkupChecks.Cases);
        var body = $"[{Hostile(HostileHost.SlackPractice, marker + "-s", text)},{Hostile(HostileHost.TeamsPractice, marker + "-t", text)}]";

        var (status, answer) = await host.SendAsync(new FuzzRequest(ReviewWebhookApi.Path, Encoding.UTF8.GetBytes(body), "application/json", FuzzAuth.Valid, "markup review"));

        Assert.True(status == StatusCodes.Status200OK, answer);
        await Eventually.TrueAsync(() => Task.FromResult(
            host.Slack.Calls.Any(c => c.Method == "chat.postMessage" && c.Json.Contains(marker, StringComparison.Ordinal)) &&
            host.Teams.Calls.Any(c => c.Body.Contains(marker, StringComparison.Ordinal))), "the review card on Slack and on Teams");
        var slackCard = host.Slack.Calls.First(c => c.Method == "chat.postMessage" && c.Json.Contains(marker, StringComparison.Ordinal));
        var section = slackCard.Body["blocks"]!.AsArray().First(b => (string?)b!["type"] == "section")!;
        Assert.StartsWith($"{marker} &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|Verify your listing&gt;", (string)section["text"]!["text"]!, StringComparison.Ordinal);
        Assert.Empty(MarkupChecks.SlackViolations(host));
        Assert.Empty(MarkupChecks.TeamsViolations(host));
        Assert.Contains(MarkupChecks.TeamsTexts(host), t => t.StartsWith(marker, StringComparison.Ordinal) && t.Contains(@"\[Verify\]\(https://evil.example\)", StringComparison.Ordinal));
    }

    private static string Hostile(string practice, string externalId, string text) => new JsonObject
    {
        ["practice"] = practice, ["source"] = "yelp", ["externalId"] = externalId, ["rating"] = 1, ["author"] = "<@U123>",
        ["text"] = text, ["createdAt"] = "2026-11-20T14:03:00Z", ["location"] = "[Main St](https://evil.example)",
    }.ToJsonString();
}
