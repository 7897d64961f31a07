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

    [Fact]
    public async Task Deliver_MessageWithAPng_PostsTheMessageAndUploadsExactlyThoseBytesToTheChannel()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 0, 255];
        var message = OutboundMessage.Plain("Sunrise — weekly check-in") with
        {
            Files = [new OutboundFile("checkin-2026-W48.png", "image/png", png, "Chart of the last 8 weeks")],
        };

        var id = await env.EnqueueAsync(message);

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the row to be sent");
        var posted = Assert.Single(env.Slack.CallsTo("chat.postMessage"), c => c.Get("text") == "Sunrise — weekly check-in");
        var ticket = Assert.Single(env.Slack.CallsTo("files.getUploadURLExternal"));
        Assert.Equal("checkin-2026-W48.png", ticket.Get("filename"));
        Assert.Equal(png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ticket.Get("length"));
        Assert.Equal($"Bearer {SlackTestData.BotToken}", ticket.Authorization);
        var (fileId, bytes) = Assert.Single(env.Slack.Uploads);
        Assert.Equal(png, bytes);
        var complete = Assert.Single(env.Slack.CallsTo("files.completeUploadExternal"));
        Assert.Equal(SlackTestData.ChannelId, complete.Get("channel_id"));
        var file = Assert.Single(complete.Body["files"]!.AsArray())!;
        Assert.Equal(fileId, file["id"]!.GetValue<string>());
        Assert.Equal("Chart of the last 8 weeks", file["title"]!.GetValue<string>());
        Assert.True(posted.At <= complete.At, "the message goes first, its chart after it");
        var calls = env.Slack.Calls.Select(c => c.Method).ToList();
        Assert.True(calls.IndexOf("files.getUploadURLExternal") < calls.IndexOf($"upload:{fileId}")
            && calls.IndexOf($"upload:{fileId}") < calls.IndexOf("files.completeUploadExternal"), string.Join(", ", calls));
    }
}
