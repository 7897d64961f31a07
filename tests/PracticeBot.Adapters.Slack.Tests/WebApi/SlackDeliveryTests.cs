using Microsoft.EntityFrameworkCore;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Adapters.Slack.Tests.WebApi;

/// <summary>The outbox delivering on Slack through the real host's delivery worker and the fake Web API.</summary>
public sealed class SlackDeliveryTests
{
    [Fact]
    public async Task Deliver_RateLimitedThenOk_SentOnceAfterRetryAfter()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        env.Slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 2);

        var id = await env.EnqueueAsync(OutboundMessage.Plain("Weekly check-in is ready."));

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the row to be sent");
        var calls = env.Slack.CallsTo("chat.postMessage").Where(c => c.Get("text") == "Weekly check-in is ready.").ToList();
        Assert.Equal(2, calls.Count);
        Assert.False(calls[0].Succeeded);
        Assert.True(calls[1].Succeeded);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {calls[1].At - calls[0].At}, before Retry-After");
        var row = await env.OutboxRowAsync(id);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(SlackTestData.ChannelId, row.PlatformChannelId);
        Assert.False(string.IsNullOrEmpty(row.PlatformMessageId));
        Assert.Equal($"Bearer {SlackTestData.BotToken}", calls[1].Authorization);
    }

    [Fact]
    public async Task Deliver_ChannelNotFound_DeadLetteredAndManagerTold()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        env.Slack.FailNext("chat.postMessage", "channel_not_found");

        var id = await env.EnqueueAsync(OutboundMessage.Plain("A new review arrived."));

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Dead, "the row to be dead-lettered");
        Assert.Equal("channel_not_found", (await env.OutboxRowAsync(id)).LastError);
        await Eventually.TrueAsync(
            () => env.Slack.CallsTo("chat.postMessage").Any(c => c.Succeeded && c.Get("channel") == "D" + SlackTestData.ManagerId
                && c.Get("text")!.Contains("channel_not_found", StringComparison.Ordinal)),
            "the manager's direct message");
        Assert.Contains(env.Slack.CallsTo("conversations.open"), c => c.Get("users") == SlackTestData.ManagerId);
        Assert.Equal(1, env.Slack.CallsTo("chat.postMessage").Count(c => c.Get("text") == "A new review arrived."));
        var dead = await env.Host.WithDbAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Dead));
        Assert.Equal(1, dead);
    }
}
