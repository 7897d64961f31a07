using PracticeBot.Core.Posting;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Posting;

public sealed class PostingTriggersTests
{
    [Fact]
    public async Task Reconcile_LostTriggersOfActivePlan_AreScheduledAgain()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week");
        world.Bot.Scheduler.Triggers.Clear();

        // Act
        await using var db = world.Bot.OpenDb();
        var active = await PostingTriggers.ReconcileAsync(db, world.Bot.Scheduler, CancellationToken.None);

        // Assert
        Assert.Equal(1, active);
        Assert.Equal(
            [PostingSchedules.Remind, PostingSchedules.Rotate, PostingSchedules.Sweep],
            world.Bot.Scheduler.Triggers.Keys.Select(k => k.ScheduleId).Order(StringComparer.Ordinal));
        Assert.All(world.Bot.Scheduler.Triggers.Values, t => Assert.Equal("America/Los_Angeles", t.TimeZoneId));
    }

    [Fact]
    public async Task Reconcile_PausedPlan_RemovesLeftoverTriggers()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week");
        await world.Bot.CommandAsync("U-owner", "posting plan off");
        await world.Bot.Scheduler.EnsureDailyAsync(PostingSchedules.Remind, world.PracticeId, new TimeOnly(8, 0), "UTC", CancellationToken.None);

        // Act
        await using var db = world.Bot.OpenDb();
        var active = await PostingTriggers.ReconcileAsync(db, world.Bot.Scheduler, CancellationToken.None);

        // Assert
        Assert.Equal(0, active);
        Assert.Empty(world.Bot.Scheduler.Triggers);
    }
}
