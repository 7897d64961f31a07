using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Tests.TestSupport;
using PracticeBot.Host.Scheduling;
using PracticeBot.Host.Tests.TestSupport;
using Quartz;

namespace PracticeBot.Host.Tests.Posting;

/// <summary>
/// Through the real host: a plan schedules the practice's Quartz triggers in its time zone, the weekly rotation
/// fills the calendar, and <c>GET /practice/{id}/posting.ics</c> serves it to the right token only.
/// </summary>
public abstract class PostingCalendarApiTests
{
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-sunrise", "C-general");

    protected abstract Task<(BotFactory Factory, Func<Task> Cleanup)> StartAsync();

    protected async Task Feed_PlanVolunteersRotation_ParsesBackAndSchedulesTriggers()
    {
        var (factory, cleanup) = await StartAsync();
        try
        {
            // Arrange
            var dispatcher = factory.Services.GetRequiredService<BotDispatcher>();
            await dispatcher.DispatchAsync(Command("U-owner", "practice", "setup \"Sunrise Family Medicine\" America/Los_Angeles"));
            await dispatcher.DispatchAsync(Command("U-owner", "posting", "plan 3/week facebook instagram"));
            foreach (var user in new[] { "U-ann", "U-bob" })
            {
                await dispatcher.DispatchAsync(Command(user, "posting", "volunteer"));
            }

            long practiceId;
            string token;
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
                var plan = await db.PostingPlans.SingleAsync();
                (practiceId, token) = (plan.PracticeId, scope.ServiceProvider.GetRequiredService<IPostingCalendarTokens>().Reveal(plan)!);
            }

            await dispatcher.DispatchAsync(ScheduleFired.Create(PostingSchedules.Rotate, practiceId, factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
            using var client = factory.CreateClient();

            // Act
            var feed = await client.GetAsync(new Uri($"/practice/{practiceId}/posting.ics?token={token}", UriKind.Relative));

            // Assert: the feed.
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
            var calendar = ICalendarReader.Read(await feed.Content.ReadAsStringAsync());
            var events = calendar.Events.ToList();
            Assert.Equal(3, events.Count);
            Assert.All(events, e => Assert.Matches("^Post on (Facebook|Instagram): U-(ann|bob)$", e.Get("SUMMARY")!));
            Assert.All(events, e => Assert.Equal(12, TimeZoneInfo.ConvertTime(ICalendarReader.ParseUtc(e.Get("DTSTART")!),
                TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).Hour));

            // Assert: the plan put the practice's triggers in Quartz, in its time zone.
            var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            foreach (var (id, expression) in new[] { (PostingSchedules.Rotate, "0 0 10 ? * FRI"), (PostingSchedules.Remind, "0 0 8 * * ?"), (PostingSchedules.Sweep, "0 0 12 * * ?") })
            {
                var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(BotSchedules.TriggerKeyFor(id, practiceId)));
                Assert.Equal(("America/Los_Angeles", expression), (trigger.TimeZone.Id, trigger.CronExpressionString));
            }
        }
        finally
        {
            await cleanup();
        }
    }

    protected async Task Feed_WrongMissingOrOtherPracticeToken_Is404()
    {
        var (factory, cleanup) = await StartAsync();
        try
        {
            // Arrange
            var dispatcher = factory.Services.GetRequiredService<BotDispatcher>();
            await dispatcher.DispatchAsync(Command("U-owner", "practice", "setup \"Sunrise Family Medicine\" America/Los_Angeles"));
            await dispatcher.DispatchAsync(Command("U-owner", "posting", "plan 1/week"));
            long practiceId;
            string token;
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var plan = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().PostingPlans.SingleAsync();
                (practiceId, token) = (plan.PracticeId, scope.ServiceProvider.GetRequiredService<IPostingCalendarTokens>().Reveal(plan)!);
            }

            using var client = factory.CreateClient();

            // Act
            var wrong = await client.GetAsync(new Uri($"/practice/{practiceId}/posting.ics?token={token[..^1]}x", UriKind.Relative));
            var missing = await client.GetAsync(new Uri($"/practice/{practiceId}/posting.ics", UriKind.Relative));
            var otherPractice = await client.GetAsync(new Uri($"/practice/{practiceId + 1}/posting.ics?token={token}", UriKind.Relative));
            var right = await client.GetAsync(new Uri($"/practice/{practiceId}/posting.ics?token={token}", UriKind.Relative));

            // Assert
            Assert.Equal(
                (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK),
                (wrong.StatusCode, missing.StatusCode, otherPractice.StatusCode, right.StatusCode));
            Assert.Equal(40, token.Length);
        }
        finally
        {
            await cleanup();
        }
    }

    private static CommandReceived Command(string user, string name, string text) => new(Channel, new ChatUser(user), name, text);
}

public sealed class SqlitePostingCalendarApiTests : PostingCalendarApiTests
{
    [Fact]
    public Task Feed_OnSqlite_ParsesBackAndSchedulesTriggers() => Feed_PlanVolunteersRotation_ParsesBackAndSchedulesTriggers();

    [Fact]
    public Task Feed_OnSqliteWrongToken_Is404() => Feed_WrongMissingOrOtherPracticeToken_Is404();

    protected override Task<(BotFactory, Func<Task>)> StartAsync()
    {
        var file = new TempDatabaseFile();
        var factory = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));
        _ = factory.Server;
        return Task.FromResult<(BotFactory, Func<Task>)>((factory, async () =>
        {
            await factory.DisposeAsync();
            file.Dispose();
        }));
    }
}

/// <summary>Triggers lost between a plan's commit and its scheduling come back when the host starts.</summary>
public sealed class PracticeScheduleSyncTests
{
    [Fact]
    public async Task Start_PlanWhoseTriggersWereLost_SchedulesThemAgain()
    {
        // Arrange
        using var file = new TempDatabaseFile();
        var settings = BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"));
        var channel = new ConversationReference(Platforms.Slack, "T-sunrise", "C-general");
        long practiceId;
        await using (var first = new BotFactory(settings))
        {
            _ = first.Server;
            var dispatcher = first.Services.GetRequiredService<BotDispatcher>();
            await dispatcher.DispatchAsync(new CommandReceived(channel, new ChatUser("U-owner"), "practice", "setup Sunrise Australia/Sydney"));
            await dispatcher.DispatchAsync(new CommandReceived(channel, new ChatUser("U-owner"), "posting", "plan 2/week"));
            await using var scope = first.Services.CreateAsyncScope();
            practiceId = (await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().PostingPlans.SingleAsync()).PracticeId;
            var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            Assert.True(await scheduler.DeleteJob(BotSchedules.JobKeyFor(PostingSchedules.Rotate, practiceId)));
        }

        // Act
        await using var second = new BotFactory(settings);
        _ = second.Server;

        // Assert
        var restarted = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await restarted.GetTrigger(BotSchedules.TriggerKeyFor(PostingSchedules.Rotate, practiceId)));
        Assert.Equal("Australia/Sydney", trigger.TimeZone.Id);
    }
}

public sealed class PostgresPostingCalendarApiTests : PostingCalendarApiTests
{
    [PostgresFact]
    public Task Feed_OnPostgres_ParsesBackAndSchedulesTriggers() => Feed_PlanVolunteersRotation_ParsesBackAndSchedulesTriggers();

    [PostgresFact]
    public Task Feed_OnPostgresWrongToken_Is404() => Feed_WrongMissingOrOtherPracticeToken_Is404();

    protected override async Task<(BotFactory, Func<Task>)> StartAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var factory = new BotFactory(BotFactory.Postgres(database, ("Demo:Enabled", "false")));
        _ = factory.Server;
        return (factory, async () =>
        {
            await factory.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(database);
        });
    }
}
