using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Telemetry;

/// <summary>Reviews pushed through the webhook are counted by source, with their lag from the review's own time.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class IngestionMetricsTests : IDisposable
{
    private const string Secret = "metrics-secret";
    private readonly TempDatabaseFile _file = new();
    private readonly ExportedItems<Metric> _metrics = [];

    [Fact]
    public async Task Webhook_TwoNewReviewsAndARepeat_TwoCountedWithTheirLag()
    {
        await using var factory = new BotFactory(
            BotFactory.Sqlite(_file.Path, ("Demo:Enabled", "false"), ("Sources:Webhook:Secret", Secret), ("Metrics:Enabled", "true")),
            s => s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics)));
        using var http = factory.CreateClient();
        await factory.Services.GetRequiredService<BotDispatcher>().DispatchAsync(new CommandReceived(
            new ConversationReference(Platforms.Slack, "T-sunrise", "C-reviews"), new ChatUser("U-owner", "Owner"),
            "practice", "setup \"Sunrise Family Medicine\" America/Chicago"));
        var createdAt = DateTimeOffset.UtcNow.AddHours(-2);

        foreach (var id in new[] { "m-1", "m-2", "m-1" })
        {
            using var response = await http.SendAsync(SignedRequests.Webhook("http://localhost", Review(id, createdAt), Secret));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "metrics flushed");
        var ingested = Point("practicebot.reviews.ingested");
        Assert.Equal(2, ingested.GetSumLong());
        var lag = Point("practicebot.reviews.ingest_lag");
        Assert.Equal(2, lag.GetHistogramCount());
        // Two reviews written two hours before they arrived: about 7,200 s each.
        Assert.InRange(lag.GetHistogramSum(), 2 * 7_150, 2 * 7_400);
    }

    public void Dispose() => _file.Dispose();

    private MetricPoint Point(string name)
    {
        var found = new List<MetricPoint>();
        foreach (var metric in _metrics.Now.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    if (tag is { Key: "source", Value: "healthgrades" })
                    {
                        found.Add(point);
                    }
                }
            }
        }

        return Assert.Single(found.DistinctBy(p => p.StartTime));
    }

    private static string Review(string id, DateTimeOffset createdAt) =>
        $$"""{"practice": "sunrise-family-medicine", "source": "healthgrades", "externalId": "{{id}}", "rating": 4, "author": "J. D.", "text": "Kind staff.", "createdAt": "{{createdAt:O}}"}""";
}
