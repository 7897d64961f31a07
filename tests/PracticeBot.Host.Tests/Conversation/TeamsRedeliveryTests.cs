using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Inbound;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Conversation;

/// <summary>
/// The Bot Framework redelivers an activity with the same id when the bot was slow, possibly to another instance: the
/// real host takes each (conversation, activity id) once, through the unique index of <c>inbound_events</c>.
/// </summary>
public sealed class TeamsRedeliveryTests
{
    private const string Setup = "practice setup \"Sunrise Family Medicine\" America/Chicago";

    [Fact]
    public async Task Post_SameMessageTwice_HandledOnce()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        using var file = new TempDatabaseFile();
        await using var factory = Teams(fake, BotFactory.Sqlite(file.Path));
        using var http = factory.CreateClient();
        var message = Activities.Message(fake.ServiceUrl, Setup);

        var first = await PostAsync(http, fake, message);
        var second = await PostAsync(http, fake, message);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        await AssertHandledOnceAsync(factory, fake, message);
    }

    [Fact]
    public async Task Post_SameMessageTwiceAtOnce_HandledOnce()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        using var file = new TempDatabaseFile();
        await using var factory = Teams(fake, BotFactory.Sqlite(file.Path));
        using var http = factory.CreateClient();
        var message = Activities.Message(fake.ServiceUrl, Setup);

        var responses = await Task.WhenAll(PostAsync(http, fake, message), PostAsync(http, fake, message));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await AssertHandledOnceAsync(factory, fake, message);
    }

    [PostgresFact]
    public async Task Post_SameMessageToTwoInstancesAtOnceOnPostgres_HandledOnce()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var fake = await BotFrameworkFake.StartAsync();
            await using var a = Teams(fake, BotFactory.Postgres(database));
            using var httpA = a.CreateClient();
            await using var b = Teams(fake, BotFactory.Postgres(database));
            using var httpB = b.CreateClient();
            var message = Activities.Message(fake.ServiceUrl, Setup);

            var responses = await Task.WhenAll(PostAsync(httpA, fake, message), PostAsync(httpB, fake, message));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            await AssertHandledOnceAsync(a, fake, message);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Post_SameActivityIdInAnotherConversation_HandledInBoth()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        using var file = new TempDatabaseFile();
        await using var factory = Teams(fake, BotFactory.Sqlite(file.Path));
        using var http = factory.CreateClient();
        var inChannel = Activities.Message(fake.ServiceUrl, "help");
        var inChat = Activities.Message(fake.ServiceUrl, "help");
        inChat["id"] = inChannel["id"]!.GetValue<string>();
        inChat["conversation"]!["id"] = "a:personal-chat-ann";
        inChat["conversation"]!["conversationType"] = "personal";

        await PostAsync(http, fake, inChannel);
        await PostAsync(http, fake, inChat);

        await factory.OutboxDrainedAsync();
        Assert.Single(fake.CallsTo("POST", ReplyPath(Activities.Channel, inChannel)));
        Assert.Single(fake.CallsTo("POST", ReplyPath("a:personal-chat-ann", inChat)));
    }

    [Fact]
    public async Task CardAction_SameInvokeTwice_ClaimsOnceAndTheRedeliveryIsToldItIsDone()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        using var file = new TempDatabaseFile();
        await using var factory = Teams(fake, BotFactory.Sqlite(file.Path));
        using var http = factory.CreateClient();
        await PostAsync(http, fake, Activities.Message(fake.ServiceUrl, Setup));
        await AddReviewAsync(factory);
        var claim = Activities.CardAction(fake.ServiceUrl, ReviewActions.Claim, "1", "card-activity-1");

        var first = JsonNode.Parse(await (await PostAsync(http, fake, claim)).Content.ReadAsStringAsync())!;
        var second = JsonNode.Parse(await (await PostAsync(http, fake, claim)).Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)first["type"]);
        Assert.Equal(("application/vnd.microsoft.activity.message", "Already done: that action was taken."), ((string?)second["type"], (string?)second["value"]));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "review.claimed"));
        Assert.Equal(1, await db.InboundEvents.CountAsync(e => e.Platform == Platforms.Teams && e.EventId == ActivityLog.KeyOf(Activities.Channel, (string)claim["id"]!)));
    }

    [Fact]
    public async Task CardAction_FirstDeliveryFails_TheRedeliveryIsHandled()
    {
        // Arrange: the claim's save fails once, as a full disk would.
        await using var fake = await BotFrameworkFake.StartAsync();
        using var file = new TempDatabaseFile();
        await using var factory = Teams(fake, BotFactory.Sqlite(file.Path));
        using var http = factory.CreateClient();
        await PostAsync(http, fake, Activities.Message(fake.ServiceUrl, Setup));
        await AddReviewAsync(factory);
        await ExecuteAsync(factory,
            "CREATE TRIGGER refuse_claim BEFORE INSERT ON audit_entries WHEN NEW.Action = 'review.claimed' " +
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
        var claim = Activities.CardAction(fake.ServiceUrl, ReviewActions.Claim, "1", "card-activity-1");

        // Act: the first delivery fails; the Bot Framework delivers the same activity again.
        var failed = JsonNode.Parse(await (await PostAsync(http, fake, claim)).Content.ReadAsStringAsync())!;
        await ExecuteAsync(factory, "DROP TRIGGER refuse_claim;");
        var redelivered = JsonNode.Parse(await (await PostAsync(http, fake, claim)).Content.ReadAsStringAsync())!;

        // Assert: the failure left no "seen" mark, so the redelivery claimed the review (not "Already done").
        Assert.Contains("something went wrong", (string?)failed["value"], StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)redelivered["type"]);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "review.claimed"));
        Assert.Equal(ReviewStatus.Claimed, (await db.Reviews.SingleAsync()).Status);
        Assert.Equal(1, await db.InboundEvents.CountAsync(e => e.Platform == Platforms.Teams && e.EventId == ActivityLog.KeyOf(Activities.Channel, (string)claim["id"]!)));
    }

    private static async Task ExecuteAsync(BotFactory factory, string sql)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Database.ExecuteSqlRawAsync(sql);
    }

    private static BotFactory Teams(BotFrameworkFake fake, IReadOnlyDictionary<string, string?> database) =>
        new(new Dictionary<string, string?>(database)
        {
            ["Demo:Enabled"] = "false",
            ["Teams:AppId"] = TestTokens.AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["Teams:TokenEndpoint"] = fake.TokenUrl,
        });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, BotFrameworkFake fake, JsonObject activity)
    {
        using var request = Activities.Post(activity, TestTokens.Create(fake, fake.ServiceUrl));
        return await http.SendAsync(request);
    }

    private static string ReplyPath(string conversationId, JsonObject activity) =>
        $"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{activity["id"]}";

    /// <summary>One practice set up, one reply to the activity, one row for it in the inbound log.</summary>
    private static async Task AssertHandledOnceAsync(BotFactory factory, BotFrameworkFake fake, JsonObject message)
    {
        await factory.OutboxDrainedAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        Assert.Equal(1, await db.Practices.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "practice.setup"));
        Assert.Equal(1, await db.InboundEvents.CountAsync(e => e.Platform == Platforms.Teams));
        Assert.Single(fake.CallsTo("POST", ReplyPath(Activities.Channel, message)));
    }

    private static async Task AddReviewAsync(BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var practiceId = (await db.Practices.SingleAsync()).Id;
        var now = TimeProvider.System.GetUtcNow();
        db.Reviews.Add(new Review
        {
            PracticeId = practiceId, Number = 1, Source = "google", ExternalId = "g-1", Rating = 2, Author = "Maria G.",
            Text = "Waited an hour.", CreatedAt = now, ReceivedAt = now, Status = ReviewStatus.New,
        });
        await db.SaveChangesAsync();
    }
}
