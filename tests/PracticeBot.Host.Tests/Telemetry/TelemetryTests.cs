using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Reviews;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Telemetry;

/// <summary>
/// One end-to-end Slack turn through the real host, exported with OpenTelemetry's in-memory exporters: the span chain
/// inbound request → turn → outbox delivery → platform call, and the <c>practicebot.</c> metrics it moves.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly ExportedItems<Activity> _spans = [];
    private readonly ExportedItems<Metric> _metrics = [];
    private SlackEnvironment _env = null!;
    private DateTime _claimedAt;

    public async Task InitializeAsync()
    {
        _env = await SlackEnvironment.StartAsync(
            services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
                services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
            },
            ("Metrics:Enabled", "true"), ("Metrics:OutboxSampleInterval", "00:00:01"));
        await _env.Host.SetUpPracticeAsync();
    }

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task SlackClaim_CardUpdateDelivered_OneTraceFromRequestThroughTurnAndOutboxToSlack()
    {
        var review = await PostedReviewAsync();

        _claimedAt = DateTime.UtcNow;
        using var response = await _env.Host.SlashCommandAsync("/review", $"claim {review}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => _env.Slack.CallsTo("chat.update").Count == 1, "the claimed card updated in Slack");
        // The attempt's span ends once its outcome is written, just after Slack has answered.
        await FlushedAsync(() => _spans.Now.Any(s => s.DisplayName == "outbox deliver" && s.GetTagItem("practicebot.outcome") is "sent" && s.StartTimeUtc > _claimedAt));

        // Setting the practice up was a command too: the claim is the last one.
        var spans = _spans.Now;
        var turn = spans.Where(s => s.DisplayName == "turn command").MaxBy(s => s.StartTimeUtc);
        Assert.NotNull(turn);
        var inbound = Assert.Single(spans, s => s.SpanId == turn.ParentSpanId);
        Assert.Equal(ActivityKind.Server, inbound.Kind);
        Assert.Contains("/slack/", inbound.GetTagItem("url.path") as string ?? "", StringComparison.Ordinal);
        Assert.Equal("ok", turn.GetTagItem("practicebot.outcome"));
        // The turn writes the card update and (the claimer's App Home changed) a home refresh: one delivery each.
        var deliveries = spans.Where(s => s.DisplayName == "outbox deliver" && s.ParentSpanId == turn.SpanId).ToList();
        Assert.NotEmpty(deliveries);
        var calls = deliveries.Select(d => (Delivery: d, Call: Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == d.SpanId))).ToList();
        var (delivery, _) = Assert.Single(calls, c => (c.Call.GetTagItem("url.full") as string ?? "").EndsWith("/api/chat.update", StringComparison.Ordinal));
        Assert.Equal(turn.TraceId, delivery.TraceId);
        Assert.Equal("sent", delivery.GetTagItem("practicebot.outcome"));
    }

    [Fact]
    public async Task SlackClaim_CountsTheTurnItsDurationTheDeliveryAndTheOutboxBacklog()
    {
        var review = await PostedReviewAsync();

        using var response = await _env.Host.SlashCommandAsync("/review", $"claim {review}");
        await Eventually.TrueAsync(() => _env.Slack.CallsTo("chat.update").Count == 1, "the claimed card updated in Slack");
        await Eventually.TrueAsync(OutboxSettledAsync, "the outbox to be empty");
        var sentRows = await _env.Host.WithDbAsync(db => db.Outbox.CountAsync(o => o.Platform == "slack" && o.Status == OutboxStatus.Sent));
        // Each attempt is counted once its outcome is written, just after Slack has answered.
        await FlushedAsync(() => Sum("practicebot.outbox.delivery_attempts", ("platform", "slack"), ("outcome", "sent")) >= sentRows);

        Assert.True(Sum("practicebot.turns", ("platform", "slack"), ("kind", "command"), ("outcome", "ok")) >= 1, "a counted Slack command turn");
        Assert.True(Count("practicebot.turn.duration", ("platform", "slack"), ("kind", "command")) >= 1, "a timed Slack command turn");
        // Every message sent (the card, its update after the claim, what setting up the practice sent) counted once.
        Assert.True(sentRows >= 2, $"{sentRows} sent rows");
        Assert.Equal(sentRows, Sum("practicebot.outbox.delivery_attempts", ("platform", "slack"), ("outcome", "sent")));
        Assert.Equal(0, Sum("practicebot.outbox.dead_letters", ("platform", "slack")));
        Assert.Contains(_metrics.Now, m => m.Name == "practicebot.outbox.depth");
        Assert.Contains(_metrics.Now, m => m.Name == "practicebot.outbox.oldest_unsent_age");
    }

    [Fact]
    public async Task SlackPermanentFailure_CountedAsADeadLetter()
    {
        _env.Slack.FailNext("chat.postMessage", "channel_not_found");
        var id = await _env.EnqueueAsync(OutboundMessage.Plain("hello"));
        await Eventually.TrueAsync(async () => (await _env.OutboxRowAsync(id)).Status == OutboxStatus.Dead, "the message dead-lettered");
        await FlushedAsync(() => Sum("practicebot.outbox.dead_letters", ("platform", "slack")) >= 1);

        Assert.Equal(1, Sum("practicebot.outbox.dead_letters", ("platform", "slack")));
        Assert.Equal(1, Sum("practicebot.outbox.delivery_attempts", ("platform", "slack"), ("outcome", "dead")));
    }

    /// <summary>A new review whose card was posted to the channel (so a claim updates it through the outbox).</summary>
    private async Task<int> PostedReviewAsync()
    {
        var review = await _env.AddReviewAsync(2, "The wait was long.");
        var card = await _env.EnqueueAsync(OutboundMessage.Plain("review card"), state: row => row.CardKey = ReviewActions.CardKey(review.Number));
        await Eventually.TrueAsync(async () => (await _env.OutboxRowAsync(card)).Status == OutboxStatus.Sent, "the review card posted");
        return review.Number;
    }

    /// <summary>Exports until <paramref name="done"/> holds (at most 10 s), then once more for what the assertions read.</summary>
    private async Task FlushedAsync(Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        Flush();
        while (!done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the telemetry awaited was not exported within 10 s");
            await Task.Delay(20);
            Flush();
        }
    }

    private Task<bool> OutboxSettledAsync() =>
        _env.Host.WithDbAsync(async db => !await db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending));

    private void Flush()
    {
        Assert.True(_env.Host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "traces flushed");
        Assert.True(_env.Host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "metrics flushed");
    }

    private IEnumerable<MetricPoint> Points(string name, (string Key, string Value)[] tags)
    {
        foreach (var metric in _metrics.Now.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var have = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    have[tag.Key] = tag.Value;
                }

                if (tags.All(t => Equals(have.GetValueOrDefault(t.Key), t.Value)))
                {
                    yield return point;
                }
            }
        }
    }

    private long Sum(string name, params (string Key, string Value)[] tags) =>
        Points(name, tags).Select(p => p.GetSumLong()).DefaultIfEmpty(0).Max();

    private long Count(string name, params (string Key, string Value)[] tags) =>
        Points(name, tags).Select(p => p.GetHistogramCount()).DefaultIfEmpty(0).Max();
}

/// <summary>The bot's meter and activity source are process-wide: these tests run alone so other hosts add nothing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
