using PracticeBot.Core.Practices;
using PracticeBot.Core.Scheduling;

namespace PracticeBot.Core.Posting;

/// <summary>The practice's posting triggers: the weekly rotation, the morning reminders and the missed-slot sweep.</summary>
public static class PostingTriggers
{
    public static async Task EnsureAsync(IBotScheduler scheduler, Practice practice, PostingPlan plan, CancellationToken ct)
    {
        await scheduler.EnsureWeeklyAsync(PostingSchedules.Rotate, practice.Id, PostingSchedules.RotateDay, PostingSchedules.RotateTime, practice.TimeZone, ct);
        await scheduler.EnsureDailyAsync(PostingSchedules.Remind, practice.Id, PostingClock.ReminderTime(plan.DueLocalTime), practice.TimeZone, ct);
        await scheduler.EnsureDailyAsync(PostingSchedules.Sweep, practice.Id, plan.DueLocalTime, practice.TimeZone, ct);
    }

    public static async Task RemoveAsync(IBotScheduler scheduler, long practiceId, CancellationToken ct)
    {
        await scheduler.RemoveAsync(PostingSchedules.Rotate, practiceId, ct);
        await scheduler.RemoveAsync(PostingSchedules.Remind, practiceId, ct);
        await scheduler.RemoveAsync(PostingSchedules.Sweep, practiceId, ct);
    }
}
