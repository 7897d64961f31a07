using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Adapters.Slack.Tests.Events;

/// <summary><c>POST /slack/events</c> through the real host, signed like Slack signs, against a fake Slack Web API.</summary>
public sealed class SlackEventsEndpointTests
{
    [Fact]
    public async Task UrlVerification_Signed_EchoesChallenge()
    {
        await using var env = await SlackEnvironment.StartAsync();
        var body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

        using var response = await env.Host.PostSignedAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)json["challenge"]);
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("tampered")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("garbage")]
    public async Task Post_BadSignature_Returns401WithoutDetail(string how)
    {
        await using var env = await SlackEnvironment.StartAsync();
        var body = """{"token":"x","challenge":"abc","type":"url_verification"}""";
        using var client = env.Host.CreateClient();
        HttpResponseMessage response;
        switch (how)
        {
            case "unsigned":
                response = await client.PostAsync("/slack/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                break;
            case "tampered":
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                var signature = env.Host.Signer.Sign(now, System.Text.Encoding.UTF8.GetBytes(body));
                response = await env.Host.PostSignedAsync(body.Replace("abc", "abd", StringComparison.Ordinal), "application/json", signature: signature);
                break;
            case "stale":
                response = await env.Host.PostSignedAsync(body, "application/json", at: DateTimeOffset.UtcNow.AddMinutes(-6));
                break;
            case "future":
                response = await env.Host.PostSignedAsync(body, "application/json", at: DateTimeOffset.UtcNow.AddMinutes(6));
                break;
            default:
                response = await env.Host.PostSignedAsync(body, "application/json", signature: "v0=not-hex");
                break;
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("application/json", "{not json")]
    [InlineData("application/json", "[1,2,3]")]
    [InlineData("application/json", """{"type":"event_callback","event_id":"Ev1"}""")]
    [InlineData("application/json", """{"type":"url_verification"}""")]
    [InlineData("application/json", "")]
    [InlineData("application/x-www-form-urlencoded", "payload=%7Bnot%20json")]
    [InlineData("application/x-www-form-urlencoded", "payload=%7B%22no_type%22%3A1%7D")]
    [InlineData("application/x-www-form-urlencoded", "command=%2Freview&text=")]
    [InlineData("application/x-www-form-urlencoded", "just=some&form=fields")]
    [InlineData("text/plain", "hello")]
    public async Task Post_MalformedBody_Returns400(string contentType, string body)
    {
        await using var env = await SlackEnvironment.StartAsync();

        using var response = await env.Host.PostSignedAsync(body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SlashCommand_Review_ListsReviewsEphemerally()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        await env.AddReviewAsync(2, "The wait was long.");
        await env.AddReviewAsync(5, "Lovely staff.");

        using var response = await env.Host.SlashCommandAsync("/review", "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)json["response_type"]);
        Assert.Equal("2 open reviews", (string?)json["text"]);
        var buttons = json["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => (Action: (string?)e!["action_id"], Value: (string?)e["value"])).ToList();
        Assert.Equal([("review.claim", "2"), ("review.claim", "1")], buttons);
    }

    [Fact]
    public async Task BlockAction_Claim_UpdatesPostedCardThroughChatUpdate()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        var review = await env.AddReviewAsync(1, "Nobody called me back.");
        var posted = await env.EnqueueAsync(ReviewCards.Card(review, null, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(posted)).PlatformMessageId is not null, "the card to be posted");
        var ts = (await env.OutboxRowAsync(posted)).PlatformMessageId!;

        using var response = await env.Host.InteractionAsync(
            SlackPayloads.BlockAction(ReviewActions.Claim, review.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), ts, env.Slack.ResponseUrl("claim")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => env.Slack.CallsTo("chat.update").Count > 0, "chat.update of the posted card");
        var update = env.Slack.CallsTo("chat.update").Single();
        Assert.Equal(SlackTestData.ChannelId, update.Get("channel"));
        Assert.Equal(ts, update.Get("ts"));
        Assert.Contains("Claimed by", update.Json, StringComparison.OrdinalIgnoreCase);
        var status = await env.Host.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == review.Id).Select(r => r.Status).SingleAsync());
        Assert.Equal(ReviewStatus.Claimed, status);
    }

    [Fact]
    public async Task ViewSubmission_DraftForm_StoresDraft()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        var review = await env.AddReviewAsync(2, "Front desk was rude.");

        // `/review reply 1` with no text answers with a form: it opens as a modal on the command's trigger.
        using (var command = await env.Host.SlashCommandAsync("/review", $"reply {review.Number}", triggerId: "1337.42.abcd"))
        {
            Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        }

        var open = Assert.Single(env.Slack.CallsTo("views.open"));
        Assert.Equal("1337.42.abcd", open.Get("trigger_id"));
        var view = open.Body["view"]!;
        Assert.Equal("modal", (string?)view["type"]);
        var metadata = (string)view["private_metadata"]!;

        const string Draft = "Thank you for the feedback. Please call our office manager so we can make this right.";
        using var response = await env.Host.InteractionAsync(SlackPayloads.ViewSubmission(metadata, ReviewActions.DraftInput, Draft));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(
            () => env.Host.WithDbAsync(db => db.ReviewReplies.AnyAsync(r => r.ReviewId == review.Id && r.Text == Draft && r.Status == ReplyStatus.Draft)),
            "the draft to be stored");
        await Eventually.TrueAsync(() => env.Slack.CallsTo("chat.postEphemeral").Any(c => c.Json.Contains("Draft saved", StringComparison.Ordinal)),
            "the confirmation to reach the person privately");
    }

    [Fact]
    public async Task EventCallback_Retried_ProcessedOnce()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        var body = SlackPayloads.EventCallback("Ev0RETRY01", SlackPayloads.AppMention($"<@{SlackTestData.BotUserId}> help"));

        using var first = await env.Host.PostSignedAsync(body, "application/json");
        await Eventually.TrueAsync(() => env.Slack.CallsTo("chat.postEphemeral").Count == 1, "the mention to be answered");
        using var retry = await env.Host.PostSignedAsync(body, "application/json", retryNum: 1);
        using var again = await env.Host.PostSignedAsync(body, "application/json", retryNum: 2);
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = Assert.Single(env.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(SlackTestData.ManagerId, answer.Get("user"));
        Assert.Equal(1, await env.Host.WithDbAsync(db => db.InboundEvents.CountAsync(e => e.EventId == "Ev0RETRY01")));
    }
}
