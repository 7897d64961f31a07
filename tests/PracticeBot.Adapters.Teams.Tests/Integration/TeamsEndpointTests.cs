using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Storage;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Tests.Integration;

/// <summary>The real host, authenticated activities in, the loopback fake connector recording what goes out.</summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class TeamsEndpointTests : IAsyncLifetime
{
    private readonly TempDatabaseFile _database = new();
    private BotFrameworkFake _fake = null!;
    private TeamsBotFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await BotFrameworkFake.StartAsync();
        _factory = new TeamsBotFactory(_fake, _database.Path, s => s.AddBotRoutes(b => b
            .OnSchedule<TestNudge>(TestNudge.ScheduleId)
            .OnSchedule<TestPostReviewCard>(TestPostReviewCard.ScheduleId)));
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _database.Dispose();
    }

    private string Token() => TestTokens.Create(_fake, _fake.ServiceUrl);

    private async Task<HttpResponseMessage> SendAsync(JsonObject activity, string? token = "")
    {
        using var request = Activities.Post(activity, token == "" ? Token() : token);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Post_HelpMessage_RepliesToTheActivity()
    {
        var message = Activities.Message(_fake.ServiceUrl, "<at>PracticeBot</at> help");
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>PracticeBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "PracticeBot" },
        });

        var response = await SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replyPath = $"/v3/conversations/{Uri.EscapeDataString(Activities.Channel)}/activities/{message["id"]}";
        await _factory.OutboxDrainedAsync();
        var reply = Assert.Single(_fake.CallsTo("POST", replyPath));
        Assert.Equal("Bearer connector-token", reply.Authorization);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)reply.Json!["attachments"]![0]!["contentType"]);
        Assert.Contains("PracticeBot help", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NoToken_Returns401AndSendsNothing()
    {
        var response = await SendAsync(Activities.Message(_fake.ServiceUrl, "help"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task Post_ServiceUrlNotInToken_Returns401AndSendsNothing()
    {
        var response = await SendAsync(Activities.Message(_fake.ServiceUrl, "help"), TestTokens.Create(_fake, "https://smba.example/other/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{\"type\": \"message\", ", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", Token());

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Found by the endpoint fuzzer: a card action whose data held invalid UTF-8 or a lone surrogate was a 500.</summary>
    [Theory]
    [InlineData("invalid UTF-8")]
    [InlineData("lone surrogate")]
    public async Task Post_CardActionWithUnreadableText_Returns400(string damage)
    {
        var json = Activities.CardAction(_fake.ServiceUrl, "review.claim", "1", "act-1").ToJsonString()
            .Replace("\"value\":\"1\"", "\"value\":\"1\",\"note\":\"__TEXT__\"", StringComparison.Ordinal);
        var bytes = System.Text.Encoding.UTF8.GetBytes(json).ToList();
        var at = json.IndexOf("__TEXT__", StringComparison.Ordinal);
        bytes.RemoveRange(at, "__TEXT__".Length);
        bytes.InsertRange(at, damage == "invalid UTF-8" ? [0xC3, 0x28] : "\\uD800"u8.ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent([.. bytes]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = new("Bearer", Token());

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>
    /// Found by the endpoint fuzzer once replies went through the outbox: an id no connector URL can hold (414) became
    /// a dead-lettered reply row. Such an activity is refused at the door instead, saying which limit it broke.
    /// </summary>
    [Theory]
    [InlineData("id", 600)]
    [InlineData("id", 200)] // 200 characters of "é" are 1,200 once URL-encoded
    [InlineData("replyToId", 600)]
    [InlineData("conversation", 3000)]
    public async Task Post_IdTooLongForAConnectorUrl_Returns400AndAnswersNothing(string field, int length)
    {
        var message = Activities.Message(_fake.ServiceUrl, "help");
        var id = new string(length == 200 ? 'é' : 'a', length);
        if (field == "conversation")
        {
            message["conversation"]!["id"] = id;
        }
        else
        {
            message[field] = id;
        }

        var response = await SendAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Outbox.AnyAsync());
        Assert.Empty(_fake.Calls);
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200AndIgnoresIt()
    {
        var typing = Activities.Message(_fake.ServiceUrl, "help");
        typing["type"] = "typing";

        var response = await SendAsync(typing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_fake.Calls);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task GetOrHead_Endpoint_Returns200(string method)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Install_ThenScheduledNudge_StoresReferenceAndReachesUserThroughCreateConversation()
    {
        var install = await SendAsync(Activities.BotAdded(_fake.ServiceUrl));
        await SendAsync(Activities.Message(_fake.ServiceUrl, "practice setup \"Sunrise Family Medicine\" America/Chicago"));

        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        await _factory.OutboxDrainedAsync();
        long practiceId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            var stored = await db.TeamsConversations.SingleAsync();
            Assert.Equal((Activities.Channel, Activities.Tenant, Activities.Team, _fake.ServiceUrl, Activities.BotId), (stored.ConversationId, stored.TenantId, stored.TeamId, stored.ServiceUrl, stored.BotId));
            practiceId = (await db.Practices.SingleAsync()).Id;
        }

        var welcome = Assert.Single(_fake.CallsTo("POST", $"/v3/conversations/{Uri.EscapeDataString(Activities.Channel)}/activities"), c => c.Body.Contains("practice setup", StringComparison.Ordinal) && !c.Path.Contains("/activities/", StringComparison.Ordinal));
        Assert.NotNull(welcome);

        var dispatcher = _factory.Services.GetRequiredService<BotDispatcher>();
        await dispatcher.DispatchAsync(new ScheduleFired(TestNudge.ScheduleId, practiceId, TimeProvider.System.GetUtcNow(),
            new Dictionary<string, string> { ["tenant"] = Activities.Tenant, ["user"] = Activities.AnnId }));

        await Eventually.TrueAsync(() => _fake.CallsTo("POST", "/v3/conversations/a%3Adm-chat-1/activities").Any(c => c.Body.Contains("Friendly nudge", StringComparison.Ordinal)), "the nudge in the 1:1 chat");
        // The first 1:1 chat opened carried the setup guide to whoever added the bot; the nudge opens it again.
        var create = _fake.Calls.Last(c => c is { Method: "POST", Path: "/v3/conversations" });
        Assert.Equal(Activities.AnnId, (string?)create.Json!["members"]![0]!["id"]);
        Assert.Equal(Activities.Tenant, (string?)create.Json["tenantId"]);
        Assert.Equal(Activities.BotId, (string?)create.Json["bot"]!["id"]);
        Assert.Contains(_fake.CallsTo("POST", "/v3/conversations/a%3Adm-chat-1/activities"), c => c.Body.Contains("Friendly nudge", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CardAction_Claim_ReturnsRefreshedCardAndUpdatesChannelCardInPlace()
    {
        await SendAsync(Activities.BotAdded(_fake.ServiceUrl));
        await SendAsync(Activities.Message(_fake.ServiceUrl, "practice setup \"Sunrise Family Medicine\" America/Chicago"));
        long practiceId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            practiceId = (await db.Practices.SingleAsync()).Id;
            var now = TimeProvider.System.GetUtcNow();
            db.Reviews.Add(new Review
            {
                PracticeId = practiceId, Number = 1, Source = "google", ExternalId = "g-1", Rating = 2, Author = "Maria G.",
                Text = "Waited an hour.", CreatedAt = now, ReceivedAt = now, Status = ReviewStatus.New,
            });
            await db.SaveChangesAsync();
        }

        var dispatcher = _factory.Services.GetRequiredService<BotDispatcher>();
        await dispatcher.DispatchAsync(ScheduleFired.Create(TestPostReviewCard.ScheduleId, practiceId, TimeProvider.System.GetUtcNow()));
        var channelActivities = $"/v3/conversations/{Uri.EscapeDataString(Activities.Channel)}/activities";
        await Eventually.TrueAsync(() => _fake.CallsTo("POST", channelActivities).Any(c => c.Body.Contains("review.claim", StringComparison.Ordinal)), "the review card in the channel");
        var posted = _fake.CallsTo("POST", channelActivities).Last(c => c.Body.Contains("review.claim", StringComparison.Ordinal));
        var postedId = await PostedActivityIdAsync(practiceId);

        var response = await SendAsync(Activities.CardAction(_fake.ServiceUrl, ReviewActions.Claim, "1", postedId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
        Assert.Contains(ReviewActions.Release, body["value"]!.ToJsonString(), StringComparison.Ordinal);
        await Eventually.TrueAsync(() => _fake.CallsTo("PUT", $"{channelActivities}/{postedId}").Any(), "the channel card updated in place");
        var put = _fake.CallsTo("PUT", $"{channelActivities}/{postedId}").Single();
        Assert.Contains(ReviewActions.Release, put.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(ReviewActions.Claim + "\"", put.Body, StringComparison.Ordinal);
        Assert.NotNull(posted);
    }

    private async Task<string> PostedActivityIdAsync(long practiceId)
    {
        string? id = null;
        await Eventually.TrueAsync(() =>
        {
            using var scope = _factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            id = db.Outbox.Where(o => o.PracticeId == practiceId && o.CardKey == ReviewActions.CardKey(1) && o.PlatformMessageId != null)
                .Select(o => o.PlatformMessageId).FirstOrDefault();
            return id is not null;
        }, "the outbox to record the card's activity id");
        return id!;
    }
}
