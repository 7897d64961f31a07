using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Demo;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;
using Quartz;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>Polling end to end: a Quartz trigger per source and practice fires the poll event; the demo feed's cards arrive.</summary>
public sealed class ReviewPollingTests
{
    [Fact]
    public async Task DemoPractice_PollTriggerFires_NewReviewCardsArriveInItsChannel()
    {
        using var file = new TempDatabaseFile();
        await using var factory = new BotFactory(BotFactory.Sqlite(file.Path,
            ("Demo:Enabled", "true"), ("Sources:Demo:ReleaseEvery", "00:00:00.500"), ("Sources:Demo:PollInterval", "00:00:01")));
        _ = factory.Server;
        var local = factory.Services.GetServices<IPlatformSender>().OfType<RecordingPlatformSender>().Single(s => s.Platform == Platforms.Local);

        await Eventually.TrueAsync(
            () => Task.FromResult(local.Sent.Count(s => s.Message.CardKey is { } key && key.StartsWith("review:", StringComparison.Ordinal)) >= 3),
            "demo review cards to arrive", seconds: 60);

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var demo = await db.Practices.SingleAsync(p => p.Slug == DemoPractice.Slug);
        Assert.NotNull(await scheduler.GetJobDetail(ReviewPollScheduler.KeyFor("demo", demo.Id)));
        var sync = await db.SourceSyncs.SingleAsync(s => s.PracticeId == demo.Id);
        Assert.Equal(("demo", SourceSyncStatus.Ok), (sync.Source, sync.Status));
        Assert.True(await db.Reviews.CountAsync(r => r.PracticeId == demo.Id && r.ExternalId.StartsWith("demo-feed-")) >= 3);
        Assert.All(local.Sent.Where(s => s.Message.CardKey?.StartsWith("review:", StringComparison.Ordinal) == true),
            s => Assert.Equal(DemoPractice.ChannelId, s.Target.Conversation.ChannelId));
    }

    [Fact]
    public async Task Reconcile_SourceNoLongerServesPractice_RemovesItsTrigger()
    {
        using var file = new TempDatabaseFile();
        await using var factory = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "true"), ("Sources:Demo:Enabled", "false")));
        _ = factory.Server;
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var stale = ReviewPollScheduler.KeyFor("demo", 1);
        await scheduler.ScheduleJob(
            JobBuilder.Create<PracticeBot.Host.Scheduling.ScheduleEventJob>().WithIdentity(stale).Build(),
            TriggerBuilder.Create().WithIdentity(stale.Name, stale.Group).StartAt(TimeProvider.System.GetUtcNow().AddDays(1)).Build());

        await factory.Services.GetRequiredService<ReviewPollScheduler>().ReconcileAsync(CancellationToken.None);

        Assert.Null(await scheduler.GetJobDetail(stale));
    }
}
