using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Conversation;

/// <summary>
/// Issue #18 item 6: a Teams turn's replies are outbox rows committed with the turn, so neither a connector that fails
/// the send nor a process that stops between the commit and the send loses them, and a redelivered activity is not
/// answered twice. On the real host, SQLite and PostgreSQL.
/// </summary>
public sealed class TeamsReplyDurabilityTests
{
    private const string Setup = "practice setup \"Sunrise Family Medicine\" America/Chicago";

    /// <summary>Retries close together, so a test waits for them in well under a second each.</summary>
    private static readonly (string, string?)[] Retries = [("Outbox:BaseDelay", "00:00:00.200"), ("Outbox:MaxDelay", "00:00:01")];

    [Fact]
    public async Task Reply_ConnectorDownWhenTheTurnEnds_OutboxSendsItOnceTheConnectorIsBack()
    {
        using var file = new TempDatabaseFile();
        await ConnectorDownAsync(BotFactory.Sqlite(file.Path, Retries));
    }

    [PostgresFact]
    public async Task Reply_ConnectorDownWhenTheTurnEndsOnPostgres_OutboxSendsItOnceTheConnectorIsBack()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await ConnectorDownAsync(BotFactory.Postgres(database, Retries));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Reply_ProcessStopsBetweenTheCommitAndTheSend_NextProcessSendsItOnceAndTheRedeliveryIsNotAnswered()
    {
        using var file = new TempDatabaseFile();
        await StoppedBeforeSendAsync(BotFactory.Sqlite(file.Path));
    }

    [PostgresFact]
    public async Task Reply_ProcessStopsBetweenTheCommitAndTheSendOnPostgres_NextProcessSendsItOnceAndTheRedeliveryIsNotAnswered()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await StoppedBeforeSendAsync(BotFactory.Postgres(database));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>The connector answers 503 to everything while the turn commits; its reply goes out once it is back.</summary>
    private static async Task ConnectorDownAsync(IReadOnlyDictionary<string, string?> database)
    {
        // Arrange
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var factory = Teams(fake, database);
        using var http = factory.CreateClient();
        await PostAsync(http, fake, Activities.Message(fake.ServiceUrl, Setup));
        await factory.OutboxDrainedAsync();
        fake.Down = true;
        var help = Activities.Message(fake.ServiceUrl, "help");

        // Act: the turn commits while the connector is down; it comes back after the reply's first attempt failed.
        var response = await PostAsync(http, fake, help);
        await Eventually.TrueAsync(() => fake.CallsTo("POST", ReplyPath(help)).Any(c => !c.Succeeded), "the reply's first attempt to fail");
        fake.Down = false;
        await factory.OutboxDrainedAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = Assert.Single(fake.CallsTo("POST", ReplyPath(help)), c => c.Succeeded);
        Assert.Contains("PracticeBot help", delivered.Body, StringComparison.Ordinal);
        var row = await ReplyRowAsync(factory, help);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.True(row.Attempts >= 2, $"the reply was sent in {row.Attempts} attempt(s)");
    }

    /// <summary>
    /// The turn commits and the process stops before its worker sends the reply; the Bot Framework, which had no answer,
    /// delivers the activity again to the next process. That one sends the committed reply, once, and does not handle
    /// the activity again.
    /// </summary>
    private static async Task StoppedBeforeSendAsync(IReadOnlyDictionary<string, string?> database)
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        var message = Activities.Message(fake.ServiceUrl, Setup);
        await using (var first = Teams(fake, database))
        {
            using var http = first.CreateClient();
            await first.Services.GetServices<IHostedService>().OfType<OutboxDeliveryWorker>().Single().StopAsync(CancellationToken.None);

            var response = await PostAsync(http, fake, message);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(fake.CallsTo("POST", ReplyPath(message)));
            Assert.Equal(OutboxStatus.Pending, (await ReplyRowAsync(first, message)).Status);
        }

        await using var second = Teams(fake, database);
        using var secondHttp = second.CreateClient();

        var redelivered = await PostAsync(secondHttp, fake, message);
        await second.OutboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var reply = Assert.Single(fake.CallsTo("POST", ReplyPath(message)));
        Assert.Contains("Sunrise Family Medicine", reply.Body, StringComparison.Ordinal);
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        Assert.Equal(1, await db.Practices.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "practice.setup"));
        Assert.Equal(1, await db.InboundEvents.CountAsync(e => e.Platform == Platforms.Teams));
        Assert.Equal(OutboxStatus.Sent, (await ReplyRowAsync(second, message)).Status);
    }

    /// <summary>The one outbox row that answers the activity (a reply to it, in its conversation).</summary>
    private static async Task<OutboxMessage> ReplyRowAsync(BotFactory factory, JsonObject activity)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        var rows = await db.Outbox.AsNoTracking().Where(o => o.Platform == Platforms.Teams).ToListAsync();
        return Assert.Single(rows, r => r.Target.Conversation.ThreadId == (string?)activity["id"]);
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

    private static string ReplyPath(JsonObject activity) =>
        $"/v3/conversations/{Uri.EscapeDataString(Activities.Channel)}/activities/{activity["id"]}";
}
