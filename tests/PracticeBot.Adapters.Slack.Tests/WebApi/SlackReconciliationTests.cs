using System.Globalization;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Adapters.Slack.Tests.WebApi;

/// <summary>
/// A row whose earlier attempt may have reached Slack (it never recorded an outcome, or timed out) is looked up by its
/// message metadata before it is posted again, through the real host's worker and the fake Web API.
/// </summary>
public sealed class SlackReconciliationTests
{
    [Fact]
    public async Task Deliver_Post_CarriesItsOutboxIdAsMessageMetadata()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();

        var id = await env.EnqueueAsync(OutboundMessage.Plain("A new review arrived."));

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the row to be sent");
        var post = Assert.Single(env.Slack.CallsTo("chat.postMessage"), c => c.Get("text") == "A new review arrived.");
        Assert.Equal("practicebot_outbox", post.Body["metadata"]!["event_type"]!.GetValue<string>());
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), FakeSlackApi.OutboxIdOf(post));
        Assert.Empty(env.Slack.CallsTo("conversations.history")); // nothing in doubt, nothing looked up
    }

    [Fact]
    public async Task Deliver_UnfinishedAttemptThatDidReachSlack_IsFoundInHistoryAndNotPostedAgain()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        var id = await env.EnqueueAsync(OutboundMessage.Plain("Review #7: 2 stars on Google"));
        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the first send");
        var posted = Assert.Single(env.Slack.CallsTo("chat.postMessage"), c => FakeSlackApi.OutboxIdOf(c) == $"{id}");
        var ts = (await env.OutboxRowAsync(id)).PlatformMessageId;

        // What a worker killed between Slack's answer and our write leaves behind: claimed, started, nothing recorded.
        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-30);
        await env.UpdateOutboxRowAsync(id, row =>
        {
            row.Status = OutboxStatus.Pending;
            row.SentAt = null;
            row.PlatformChannelId = null;
            row.PlatformMessageId = null;
            row.AttemptStartedAt = startedAt;
            row.FirstAttemptAt = startedAt;
            row.LeaseOwner = "worker-that-died";
            row.LeaseExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        });

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the row to be reconciled");
        var row = await env.OutboxRowAsync(id);
        Assert.Equal(ts, row.PlatformMessageId);
        Assert.Equal(SlackTestData.ChannelId, row.PlatformChannelId);
        Assert.Equal(1, row.UnfinishedAttempts);
        Assert.Single(env.Slack.CallsTo("chat.postMessage"), c => FakeSlackApi.OutboxIdOf(c) == $"{id}");
        var lookup = Assert.Single(env.Slack.CallsTo("conversations.history"));
        Assert.Equal(SlackTestData.ChannelId, lookup.Get("channel"));
        Assert.Equal("true", lookup.Get("include_all_metadata"));
        var oldest = decimal.Parse(lookup.Get("oldest")!, CultureInfo.InvariantCulture);
        Assert.Equal((startedAt - SlackOutboxMetadata.ClockSkew).ToUnixTimeSeconds(), (long)oldest);
        Assert.True(posted.At < lookup.At);
    }

    [Fact]
    public async Task Deliver_InDoubtRowThatNeverReachedSlack_IsPostedOnce()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        // Another message in the channel, with another outbox id, must not be taken for this one.
        var other = await env.EnqueueAsync(OutboundMessage.Plain("Someone else's message"));
        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(other)).Status == OutboxStatus.Sent, "the other message");

        var id = await env.EnqueueAsync(OutboundMessage.Plain("Reply approved."), state: row =>
        {
            row.Attempts = 1;
            row.FirstAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-2);
            row.InDoubt = true; // the first attempt timed out
        });

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the row to be sent");
        Assert.Single(env.Slack.CallsTo("conversations.history"));
        Assert.Single(env.Slack.CallsTo("chat.postMessage"), c => FakeSlackApi.OutboxIdOf(c) == $"{id}");
        var row = await env.OutboxRowAsync(id);
        Assert.Equal(2, row.Attempts);
        Assert.False(row.InDoubt);
    }

    [Fact]
    public async Task Deliver_InDoubtRowAndNoHistoryScope_IsPostedRatherThanLost()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        env.Slack.FailNext("conversations.history", "missing_scope"); // installed before the history scopes were asked for

        var id = await env.EnqueueAsync(OutboundMessage.Plain("Reply approved."), state: row =>
        {
            row.Attempts = 1;
            row.FirstAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-2);
            row.InDoubt = true;
        });

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the row to be sent");
        Assert.Single(env.Slack.CallsTo("chat.postMessage"), c => FakeSlackApi.OutboxIdOf(c) == $"{id}");
    }

    [Fact]
    public async Task Deliver_InDoubtDirectMessageAlreadySent_IsLookedUpInTheDirectMessageChannel()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        var target = MessageTarget.DirectTo(SlackEnvironment.Channel, SlackTestData.ManagerId);
        var id = await env.EnqueueAsync(OutboundMessage.Plain("Please approve the reply to review #7."), target);
        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the first send");
        var ts = (await env.OutboxRowAsync(id)).PlatformMessageId;
        await env.UpdateOutboxRowAsync(id, row =>
        {
            row.Status = OutboxStatus.Pending;
            row.SentAt = null;
            row.PlatformMessageId = null;
            row.InDoubt = true;
            row.FirstAttemptAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        });

        await Eventually.TrueAsync(async () => (await env.OutboxRowAsync(id)).Status == OutboxStatus.Sent, "the row to be reconciled");
        Assert.Equal(ts, (await env.OutboxRowAsync(id)).PlatformMessageId);
        Assert.Equal("D" + SlackTestData.ManagerId, Assert.Single(env.Slack.CallsTo("conversations.history")).Get("channel"));
        Assert.Single(env.Slack.CallsTo("chat.postMessage"), c => FakeSlackApi.OutboxIdOf(c) == $"{id}");
    }

    [Fact]
    public async Task Deliver_SlackDownWith503sAndCutConnections_EverythingArrivesOnceAndInOrderPerChannel()
    {
        await using var env = await SlackEnvironment.StartAsync(("Outbox:MaxDelay", "00:00:01"));
        await env.Host.SetUpPracticeAsync();
        var channels = new[] { SlackTestData.ChannelId, "C0SECOND" };
        var written = new List<(long Id, string Channel, string Text)>();
        env.Slack.HangFor = TimeSpan.FromMilliseconds(200);
        env.Slack.Down = SlackOutage.Mixed;

        for (var i = 0; i < 20; i++)
        {
            var channel = channels[i % 2];
            var text = $"message {i:D2} to {channel}";
            var target = MessageTarget.Channel(SlackEnvironment.Channel with { ChannelId = channel });
            written.Add((await env.EnqueueAsync(OutboundMessage.Plain(text), target), channel, text));
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var failedDuringOutage = env.Slack.Calls.Count(c => !c.Succeeded);
        env.Slack.Down = null;

        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var w in written)
                {
                    if ((await env.OutboxRowAsync(w.Id)).Status != OutboxStatus.Sent)
                    {
                        return false;
                    }
                }

                return true;
            },
            "every row to be sent after the outage",
            seconds: 30);
        Assert.True(failedDuringOutage > 4, $"only {failedDuringOutage} calls failed during the outage");
        foreach (var channel in channels)
        {
            Assert.Equal(
                written.Where(w => w.Channel == channel).Select(w => w.Text),
                env.Slack.History(channel).Select(m => m["text"]!.GetValue<string>()).Where(t => t.StartsWith("message ", StringComparison.Ordinal)));
        }

        var posted = env.Slack.CallsTo("chat.postMessage").Where(c => c.Succeeded).Select(FakeSlackApi.OutboxIdOf).ToList();
        Assert.Equal(written.Select(w => $"{w.Id}").Order(), posted.Order());
    }
}
