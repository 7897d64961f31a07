using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Telemetry;

/// <summary>The Prometheus scrape endpoint (loopback only unless allowed) and <c>/healthz/ready</c> with its outbox lag.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly TempDatabaseFile _file = new();

    [Fact]
    public async Task Metrics_PrometheusOnAndALocalTurn_ScrapeFromLoopbackShowsTheTurnCounter()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path, ("Metrics:Prometheus", "true")));
        using var client = factory.CreateClient();
        (await client.PostAsync(new Uri("/api/local/chat", UriKind.Relative), new StringContent("help"))).EnsureSuccessStatusCode();

        var scrape = await ScrapeUntilAsync(client, "practicebot_turns_total{");

        Assert.Contains("kind=\"message\"", scrape, StringComparison.Ordinal);
        Assert.Contains("practicebot_turn_duration_seconds_bucket{", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ThroughAProxy_RefusedWithWhatToSet()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path, ("Metrics:Prometheus", "true")));
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Metrics:PrometheusAllowRemote", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_NotConfigured_NoEndpoint()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Ready_ReportsDatabaseSchedulerAndOutboxSeparately_LiveCheckLeavesTheOutboxOut()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path));
        using var client = factory.CreateClient();
        await StartedAsync(client);

        var ready = await GetJsonAsync(client, "/healthz/ready", HttpStatusCode.OK);
        var live = await GetJsonAsync(client, "/healthz", HttpStatusCode.OK);

        var checks = ready.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("outbox").GetProperty("status").GetString());
        Assert.False(live.GetProperty("checks").TryGetProperty("outbox", out _));
    }

    [Fact]
    public async Task Ready_OldestUnsentMessageOverTheLimit_OutboxDegradedAndStill200()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path, ("Health:OutboxLagLimit", "00:01:00")));
        using var client = factory.CreateClient();
        await StartedAsync(client);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            var row = scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(
                null, MessageTarget.Channel(new ConversationReference(Platforms.Slack, "T1", "C1")), OutboundMessage.Plain("waiting"));
            // Written ten minutes ago and held back by a retry far ahead: it waits, and the lag grows.
            row.CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
            row.NextAttemptAt = DateTimeOffset.UtcNow.AddDays(1);
            await db.SaveChangesAsync();
        }

        var ready = await GetJsonAsync(client, "/healthz/ready", HttpStatusCode.OK);
        var live = await GetJsonAsync(client, "/healthz", HttpStatusCode.OK);

        Assert.True(ready.GetProperty("status").GetString() == "degraded", ready.ToString());
        var outbox = ready.GetProperty("checks").GetProperty("outbox");
        Assert.Equal("degraded", outbox.GetProperty("status").GetString());
        Assert.Contains("over the 60 s limit", outbox.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Health:OutboxLagLimit", outbox.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("healthy", live.GetProperty("status").GetString());
    }

    public void Dispose() => _file.Dispose();

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The scheduler starts after the host answers its first request: wait for the live check.</summary>
    private static Task StartedAsync(HttpClient client) => Eventually.TrueAsync(async () =>
    {
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK;
    }, "/healthz to answer 200");

    /// <summary>The exporter collects on scrape; a turn counted just before may need one more scrape to show.</summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient client, string needle)
    {
        var text = "";
        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            return text.Contains(needle, StringComparison.Ordinal);
        }, $"{needle} in the scrape");
        return text;
    }
}
