using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Host.Health;
using PracticeBot.Host.Tests.TestSupport;
using Xunit.Abstractions;

namespace PracticeBot.Host.Tests.Hosting;

/// <summary>
/// The host on PostgreSQL through a <see cref="CuttableProxy"/>: while the database is gone, requests that need it
/// answer 503 with Retry-After within seconds (never a 500, a stack trace or a 30 s hang), <c>/healthz</c> is 503 and
/// chat says PracticeBot is temporarily unavailable; when it is back, the same process recovers by itself: healthy
/// again, the refused review accepted, its card delivered by the outbox worker that lived through the outage.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "outage-webhook-secret";
    private static readonly ConversationReference Channel = new(Platforms.Slack, SlackTestData.TeamId, SlackTestData.ChannelId);
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabaseAsync(_database);
    }

    /// <summary>
    /// <c>reset</c>: the server restarts (connections reset, new ones refused), on the default timeouts.
    /// <c>blackhole</c>: the network drops everything; the answer then takes the configured timeouts (2 s / 3 s here).
    /// </summary>
    [PostgresTheory]
    [InlineData("reset")]
    [InlineData("blackhole")]
    public async Task Requests_DatabaseCutThenBack_503QuicklyThenRecoverWithoutRestart(string outage)
    {
        // Arrange
        var target = new NpgsqlConnectionStringBuilder(_database);
        await using var proxy = new CuttableProxy(target.Host!, target.Port);
        var proxied = new NpgsqlConnectionStringBuilder(_database) { Host = "127.0.0.1", Port = proxy.Port, Pooling = true };
        var timeouts = outage == "blackhole"
            ? new[] { ("Database:ConnectTimeout", (string?)"00:00:02"), ("Database:CommandTimeout", (string?)"00:00:03") }
            : [];
        // A delivery the cut interrupts between its claim and its outcome keeps its lease until the lease ends, and the
        // messages behind it in its conversation wait (then it is looked up as in doubt): a short lease, so the card
        // after the outage is not held for the default 2 minutes when the cut happens to fall on a delivery.
        await using var factory = new BotFactory(BotFactory.Postgres(proxied.ConnectionString,
            [("Demo:Enabled", "false"), ("Sources:Webhook:Secret", Secret),
             ("Slack:SigningSecret", SlackTestData.SigningSecret), ("Outbox:BaseDelay", "00:00:00.500"), ("Outbox:LeaseDuration", "00:00:05"), .. timeouts]));
        using var http = factory.CreateClient();
        await Eventually.TrueAsync(async () => (await http.GetAsync(HealthApi.Path)).StatusCode == HttpStatusCode.OK, "the host to be healthy");
        var dispatcher = factory.Services.GetRequiredService<BotDispatcher>();
        await dispatcher.DispatchAsync(new CommandReceived(Channel, new ChatUser(SlackTestData.ManagerId, "Ann"), "practice", "setup \"Sunrise Family Medicine\" America/Chicago"));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(SignedRequests.Webhook("http://localhost", Review("before"), Secret))).StatusCode);
        var limit = TimeSpan.FromSeconds(outage == "blackhole" ? 8 : 4);

        // Act: the database goes away
        if (outage == "blackhole")
        {
            proxy.Blackhole();
        }
        else
        {
            proxy.Reset();
        }

        var (health, healthTime) = await TimeAsync(() => http.GetAsync(HealthApi.Path));
        var (refused, refusedTime) = await TimeAsync(() => http.SendAsync(SignedRequests.Webhook("http://localhost", Review("during"), Secret)));
        var (slackEvent, eventTime) = await TimeAsync(() => http.SendAsync(SignedRequests.Slack("http://localhost",
            SlackPayloads.EventCallback("Ev0OUTAGE1", SlackPayloads.AppMention("<@U0PRACTBOT> review")), "application/json")));
        var (command, commandTime) = await TimeAsync(() => http.SendAsync(SignedRequests.SlashCommand("http://localhost", "/review", "", "http://127.0.0.1:9/unused")));
        var chat = await dispatcher.DispatchAsync(new CommandReceived(Channel, new ChatUser(SlackTestData.ManagerId, "Ann"), "review", ""));

        output.WriteLine($"{outage}: /healthz {healthTime.TotalSeconds:F1} s, webhook {refusedTime.TotalSeconds:F1} s, Slack event {eventTime.TotalSeconds:F1} s, slash command ack {commandTime.TotalSeconds:F1} s");

        // Assert: quick, honest refusals
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("unhealthy", JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.True(healthTime < TimeSpan.FromSeconds(6), $"/healthz took {healthTime}");

        foreach (var (response, took, what) in new[] { (refused, refusedTime, "webhook"), (slackEvent, eventTime, "Slack event") })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode} {body}");
            Assert.True(response.Headers.RetryAfter is not null, $"{what}: no Retry-After");
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.True(took < limit, $"{what} took {took}");
        }

        Assert.Equal(HttpStatusCode.OK, command.StatusCode); // Slack is acknowledged in time either way
        Assert.True(commandTime < TimeSpan.FromSeconds(3.5), $"the slash command's ack took {commandTime}");
        if (outage == "reset")
        {
            Assert.Contains("temporarily unavailable", await command.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("temporarily unavailable", string.Join("\n", chat.Replies.Select(r => PlainTextRenderer.Render(r.Message))), StringComparison.Ordinal);

        // Act: the database is back; Assert: the same process recovers by itself
        proxy.Restore();
        var back = Stopwatch.StartNew();
        await Eventually.TrueAsync(async () => (await http.GetAsync(HealthApi.Path)).StatusCode == HttpStatusCode.OK, "the host to be healthy again");
        output.WriteLine($"{outage}: healthy again {back.Elapsed.TotalSeconds:F1} s after the database came back");
        var retried = await http.SendAsync(SignedRequests.Webhook("http://localhost", Review("during"), Secret));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement.GetProperty("created").GetInt32());
        await Eventually.TrueAsync(() => Task.FromResult(factory.Slack.Sent.Any(s => s.Message.CardKey == "review:2")), "the outbox to deliver the card of the review sent after the outage");
    }

    private static string Review(string id) =>
        $$"""{"practice": "sunrise-family-medicine", "source": "healthgrades", "externalId": "{{id}}", "rating": 4, "author": "J. D.", "text": "Kind staff.", "createdAt": "2026-11-20T14:03:00Z"}""";

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimeAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        return (response, clock.Elapsed);
    }
}
