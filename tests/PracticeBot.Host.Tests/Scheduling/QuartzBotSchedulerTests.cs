using PracticeBot.Core.Posting;
using PracticeBot.Host.Scheduling;
using Quartz;

namespace PracticeBot.Host.Tests.Scheduling;

/// <summary>Per-practice cron triggers fire at the practice's local time on both sides of daylight-saving changes.</summary>
public sealed class QuartzBotSchedulerTests
{
    [Theory]
    // Los Angeles: 08:00 PST is 16:00Z until 8 Mar 2026, then 08:00 PDT is 15:00Z; back to 16:00Z after 1 Nov.
    [InlineData("America/Los_Angeles", "2026-03-07T00:00:00Z", "2026-03-07T16:00:00Z", "2026-03-08T15:00:00Z")]
    [InlineData("America/Los_Angeles", "2026-10-31T00:00:00Z", "2026-10-31T15:00:00Z", "2026-11-01T16:00:00Z")]
    // Sydney: 08:00 AEDT is 21:00Z the day before until 5 Apr 2026, then 08:00 AEST is 22:00Z; AEDT again from 4 Oct.
    [InlineData("Australia/Sydney", "2026-04-03T12:00:00Z", "2026-04-03T21:00:00Z", "2026-04-04T22:00:00Z")]
    [InlineData("Australia/Sydney", "2026-10-02T12:00:00Z", "2026-10-02T22:00:00Z", "2026-10-03T21:00:00Z")]
    public void DailyTrigger_AcrossDaylightSaving_FiresAtTheSameLocalTime(string zone, string after, string first, string second)
    {
        // Arrange
        var trigger = StartingAt(QuartzBotScheduler.DailyTrigger(PostingSchedules.Remind, 42, new TimeOnly(8, 0), zone), after);

        // Act
        var one = trigger.GetFireTimeAfter(Utc(after))!.Value;
        var two = trigger.GetFireTimeAfter(one)!.Value;

        // Assert
        Assert.Equal(zone, ((ICronTrigger)trigger).TimeZone.Id);
        Assert.Equal((Utc(first), Utc(second)), (one, two));
    }

    [Fact]
    public void WeeklyTrigger_FridayTenLocal_FiresFridaysAtTenInTheZone()
    {
        // Arrange
        var trigger = StartingAt(
            QuartzBotScheduler.WeeklyTrigger(PostingSchedules.Rotate, 42, DayOfWeek.Friday, new TimeOnly(10, 0), "America/Los_Angeles"), "2026-10-26T00:00:00Z");

        // Act: the Fridays either side of the November clock change.
        var before = trigger.GetFireTimeAfter(Utc("2026-10-26T00:00:00Z"))!.Value;
        var after = trigger.GetFireTimeAfter(before)!.Value;

        // Assert
        Assert.Equal((Utc("2026-10-30T17:00:00Z"), Utc("2026-11-06T18:00:00Z")), (before, after));
        Assert.Equal(BotSchedules.TriggerKeyFor(PostingSchedules.Rotate, 42), trigger.Key);
        Assert.Equal(BotSchedules.JobKeyFor(PostingSchedules.Rotate, 42), trigger.JobKey);
    }

    /// <summary>The same trigger as if it had been made at <paramref name="start"/> (triggers start when they are made).</summary>
    private static ITrigger StartingAt(ITrigger trigger, string start) => trigger.GetTriggerBuilder().StartAt(Utc(start)).Build();

    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
