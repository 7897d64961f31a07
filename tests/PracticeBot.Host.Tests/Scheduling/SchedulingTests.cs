using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Host.Scheduling;
using PracticeBot.Host.Tests.TestSupport;
using Quartz;

namespace PracticeBot.Host.Tests.Scheduling;

/// <summary>A Quartz trigger in the bot's database fires a neutral schedule event that a core route handles.</summary>
public sealed class SchedulingTests
{
    private const string TestSchedule = "test.ping";

    [Fact]
    public async Task Trigger_OnSqlite_FiresScheduleEventThatReachesHandler()
    {
        using var file = new TempDatabaseFile();
        await AssertTriggerReachesHandler(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));
    }

    [PostgresFact]
    public async Task Trigger_OnClusteredPostgres_FiresScheduleEventThatReachesHandler()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await AssertTriggerReachesHandler(BotFactory.Postgres(database, ("Demo:Enabled", "false")));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Start_Sqlite_SchedulesTheResponseTimeSweepEveryFiveMinutes()
    {
        using var file = new TempDatabaseFile();
        await using var factory = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));
        _ = factory.Server;
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        ITrigger? trigger = null;
        await Eventually.TrueAsync(
            async () => (trigger = await scheduler.GetTrigger(BotSchedules.TriggerKeyFor(PracticeBot.Core.Reviews.ReviewSchedules.Sla, null))) is not null,
            "the response-time sweep trigger");

        Assert.Equal(TimeSpan.FromMinutes(5), Assert.IsAssignableFrom<ISimpleTrigger>(trigger).RepeatInterval);
    }

    private static async Task AssertTriggerReachesHandler(IReadOnlyDictionary<string, string?> settings)
    {
        var received = new TaskCompletionSource<ScheduleFired>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new BotFactory(settings, s =>
        {
            s.AddSingleton(received);
            s.AddBotRoutes(bot => bot.OnSchedule<PingHandler>(TestSchedule));
        });
        _ = factory.Server;
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.ScheduleJob(
            BotSchedules.Job(TestSchedule, practiceId: null),
            TriggerBuilder.Create().WithIdentity(BotSchedules.TriggerKeyFor(TestSchedule, null)).StartNow().Build());

        var fired = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((TestSchedule, (long?)null), (fired.ScheduleId, fired.PracticeId));
    }

    private sealed class PingHandler(TaskCompletionSource<ScheduleFired> received) : IBotHandler<ScheduleFired>
    {
        public ValueTask HandleAsync(ScheduleFired input, TurnContext turn, CancellationToken cancellationToken)
        {
            received.TrySetResult(input);
            return ValueTask.CompletedTask;
        }
    }
}
