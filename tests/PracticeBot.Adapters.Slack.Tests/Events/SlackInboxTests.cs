using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Inbox;

namespace PracticeBot.Adapters.Slack.Tests.Events;

/// <summary>
/// What Slack was acknowledged for is not lost when the process goes away before handling it: the inbox row is
/// committed before the ack, and the next host on the same database handles it, once.
/// </summary>
public sealed class SlackInboxTests
{
    [Fact]
    public async Task EventCallback_HostStopsAfterTheAckBeforeHandlingIt_HandledOnceByTheNextHost()
    {
        // Arrange: a practice set up; the event's handling will hang on auth.test (the callback names no bot user).
        var folder = Directory.CreateTempSubdirectory("practicebot-inbox-").FullName;
        var database = ("ConnectionStrings:PracticeBot", (string?)$"Data Source={Path.Combine(folder, "practicebot.db")}");
        // Should the stopping host not give its row back, the next one takes it over when this lease runs out.
        var lease = ("Inbox:LeaseDuration", (string?)"00:00:03");
        await using var slack = await FakeSlackApi.StartAsync();
        var body = JsonNode.Parse(SlackPayloads.EventCallback("Ev0CRASH01", SlackPayloads.AppMention($"<@{SlackTestData.BotUserId}> help")))!.AsObject();
        body.Remove("authorizations");
        var authTestCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HttpStatusCode acked;
        try
        {
            await using (var doomed = new SlackHost(slack, ShortShutdown, database, lease))
            {
                await doomed.SetUpPracticeAsync();
                slack.Latency = TimeSpan.FromSeconds(15);
                slack.Recorded = call =>
                {
                    if (call.Method == "auth.test")
                    {
                        authTestCalled.TrySetResult();
                    }
                };

                // Act 1: Slack is acknowledged, the handling starts and hangs; then the host goes away.
                using var response = await doomed.PostSignedAsync(body.ToJsonString(), "application/json");
                acked = response.StatusCode;
                await authTestCalled.Task.WaitAsync(TimeSpan.FromSeconds(20));
            }

            Assert.Empty(slack.CallsTo("chat.postEphemeral"));
            slack.Latency = TimeSpan.Zero;
            slack.Recorded = null;

            // Act 2: the next host on the same database.
            await using var next = new SlackHost(slack, database, lease);
            _ = next.Server;
            await Eventually.TrueAsync(() => slack.CallsTo("chat.postEphemeral").Count > 0, "the mention to be answered by the next host");
            await Task.Delay(TimeSpan.FromSeconds(1)); // a second answer would follow within a few polls

            // Assert
            Assert.Equal(HttpStatusCode.OK, acked);
            var answer = Assert.Single(slack.CallsTo("chat.postEphemeral"));
            Assert.Equal(SlackTestData.ManagerId, answer.Get("user"));
            var row = await next.WithDbAsync(db => db.Inbox.SingleAsync(m => m.DedupKey == "Ev0CRASH01"));
            Assert.Equal((InboxStatus.Done, 2), (row.Status, row.Attempts));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The first host waits only a moment for the hanging turn when it stops.</summary>
    private static void ShortShutdown(IServiceCollection services) =>
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
}
