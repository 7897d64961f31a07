using PracticeBot.Core.Posting;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Posting;

public sealed class PostingTriggersTests
{
    [Fact]
    public async Task Sync_LostTriggersOfActivePlan_AreScheduledAgain()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week");
        world.Bot.Scheduler.Triggers.Clear();
        await using var db = world.Bot.OpenDb();

        // Act
        await new PostingPracticeSchedules(db, world.Bot.Scheduler).SyncAsync(db.Practices.Single(), CancellationToken.None);

        // Assert
        Assert.Equal(
            [PostingSchedules.Remind, PostingSchedules.Rotate, PostingSchedules.Sweep],
            world.Bot.Scheduler.Triggers.Keys.Select(k => k.ScheduleId).Order(StringComparer.Ordinal));
        Assert.All(world.Bot.Scheduler.Triggers.Values, t => Assert.Equal("America/Los_Angeles", t.TimeZoneId));
    }

    [Fact]
    public async Task Sync_PausedPlan_RemovesLeftoverTriggers()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week");
        await world.Bot.CommandAsync("U-owner", "posting plan off");
        await world.Bot.Scheduler.EnsureDailyAsync(PostingSchedules.Remind, world.PracticeId, new TimeOnly(8, 0), "UTC", CancellationToken.None);
        await using var db = world.Bot.OpenDb();

        // Act
        await new PostingPracticeSchedules(db, world.Bot.Scheduler).SyncAsync(db.Practices.Single(), CancellationToken.None);

        // Assert
        Assert.DoesNotContain(world.Bot.Scheduler.Triggers.Keys, k => k.ScheduleId.StartsWith("posting.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimeZoneChanged_ActivePlan_TriggersMoveToTheNewZone()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week");

        // Act
        await world.Bot.CommandAsync("U-owner", "practice set timezone Australia/Sydney");

        // Assert
        Assert.Equal(3, world.Bot.Scheduler.Triggers.Keys.Count(k => k.ScheduleId.StartsWith("posting.", StringComparison.Ordinal)));
        Assert.All(world.Bot.Scheduler.Triggers.Values, t => Assert.Equal("Australia/Sydney", t.TimeZoneId));
    }
}
