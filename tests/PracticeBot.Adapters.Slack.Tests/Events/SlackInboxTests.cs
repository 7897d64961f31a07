using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Reviews;

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

    [Theory]
    [InlineData("help", "review claim")]
    [InlineData("reply 1", "run the command again")]
    public async Task SlashCommand_HostStopsAfterTheAckOfASlowCommand_AnsweredOnceByTheNextHostThroughResponseUrl(string text, string answered)
    {
        // Arrange: a practice with a review; the doomed host's command turns hang until it stops.
        var folder = Directory.CreateTempSubdirectory("practicebot-inbox-").FullName;
        var database = ("ConnectionStrings:PracticeBot", (string?)$"Data Source={Path.Combine(folder, "practicebot.db")}");
        var lease = ("Inbox:LeaseDuration", (string?)"00:00:03");
        var budget = ("Slack:AckBudget", (string?)"00:00:00.300");
        await using var slack = await FakeSlackApi.StartAsync();
        var gate = new CommandGate();
        string ackBody;
        try
        {
            await using (var doomed = new SlackHost(slack, services => { ShortShutdown(services); gate.Register(services); }, database, lease, budget))
            {
                await doomed.SetUpPracticeAsync();
                await AddReviewAsync(doomed);
                gate.Armed = true;

                // Act 1: the command is acknowledged once the budget runs out; its turn still hangs; then the host goes away.
                using var response = await doomed.SlashCommandAsync("/review", text, responseUrl: slack.ResponseUrl("slow"), triggerId: "1337.42.abcd");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ackBody = await response.Content.ReadAsStringAsync();
                await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
            }

            Assert.Empty(slack.CallsTo("response_url:slow"));

            // Act 2: the next host on the same database.
            await using var next = new SlackHost(slack, database, lease);
            _ = next.Server;
            await Eventually.TrueAsync(() => slack.CallsTo("response_url:slow").Count > 0, "the command to be answered by the next host");
            await Task.Delay(TimeSpan.FromSeconds(1)); // a second answer would follow within a few polls

            // Assert: acknowledged empty, answered once through response_url, no modal (its trigger is long gone), done.
            Assert.Equal("", ackBody);
            var answer = Assert.Single(slack.CallsTo("response_url:slow"));
            Assert.Contains(answered, answer.Json, StringComparison.Ordinal);
            Assert.Equal("ephemeral", answer.Get("response_type"));
            Assert.Empty(slack.CallsTo("views.open"));
            var row = await next.WithDbAsync(db => db.Inbox.Where(m => m.DedupKey.StartsWith("command:")).OrderByDescending(m => m.Id).FirstAsync());
            Assert.Equal((InboxStatus.Done, 2, ""), (row.Status, row.Attempts, row.Payload));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SlashCommand_AnsweredWithinTheBudget_AnsweredInTheAckOnlyAndItsRowDone()
    {
        // Arrange
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();

        // Act
        using var response = await env.Host.SlashCommandAsync("/review", "help", responseUrl: env.Slack.ResponseUrl("fast"));
        var body = await response.Content.ReadAsStringAsync();
        await Eventually.TrueAsync(
            () => env.Host.WithDbAsync(db => db.Inbox.AnyAsync(m => m.DedupKey.StartsWith("command:") && m.Status == InboxStatus.Done && m.Attempts == 1 && m.Payload == "")),
            "the help command's row to be done");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second answer would follow within a few polls

        // Assert: the ack held the answer (a slow cold host answers through response_url instead: then that one alone).
        var throughResponseUrl = env.Slack.CallsTo("response_url:fast").Count;
        Assert.True(body.Contains("review claim", StringComparison.Ordinal) ? throughResponseUrl == 0 : throughResponseUrl == 1, $"answered in the ack: {body.Length > 0}; through response_url: {throughResponseUrl}");
        Assert.Empty(env.Slack.CallsTo("chat.postEphemeral"));
        var rows = await env.Host.WithDbAsync(db => db.Inbox.Where(m => m.DedupKey.StartsWith("command:")).Select(m => m.Status).ToListAsync());
        Assert.All(rows, status => Assert.Equal(InboxStatus.Done, status));
    }

    private static Task AddReviewAsync(SlackHost host) => host.WithDbAsync(async db =>
    {
        var practice = await db.Practices.SingleAsync(p => p.Slug == "sunrise-family-medicine");
        practice.LastReviewNumber++;
        db.Reviews.Add(new Review
        {
            PracticeId = practice.Id,
            Number = practice.LastReviewNumber,
            Source = "google",
            ExternalId = $"g-{practice.LastReviewNumber}",
            Rating = 2,
            Author = "J. D.",
            Text = "Front desk was rude.",
            CreatedAt = DateTimeOffset.UtcNow.AddHours(-3),
            ReceivedAt = DateTimeOffset.UtcNow.AddHours(-2),
            Status = ReviewStatus.New,
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>Once armed, makes every command turn hang until the host cancels it, and says when one started.</summary>
    public sealed class CommandGate
    {
        private volatile bool _armed;

        public bool Armed
        {
            get => _armed;
            set => _armed = value;
        }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Register(IServiceCollection services)
        {
            services.AddSingleton(this);
            services.AddBotRoutes(bot => bot.Use<HangingCommands>());
        }
    }

    public sealed class HangingCommands(CommandGate gate) : IBotMiddleware
    {
        public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
        {
            if (gate.Armed && turn.Command is not null)
            {
                gate.Entered.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            await next();
        }
    }

    /// <summary>The first host waits only a moment for the hanging turn when it stops.</summary>
    private static void ShortShutdown(IServiceCollection services) =>
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
}
