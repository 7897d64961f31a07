using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

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

    /// <summary>
    /// Brings every practice's triggers in line with its plan and time zone: run at start, it repairs a trigger lost
    /// between a plan's commit and its scheduling, and follows a time zone changed since. Returns the active plans.
    /// </summary>
    public static async Task<int> ReconcileAsync(PracticeBotDb db, IBotScheduler scheduler, CancellationToken ct)
    {
        var plans = await db.PostingPlans.IgnoreQueryFilters().ToListAsync(ct);
        var ids = plans.Select(p => p.PracticeId).ToList();
        var practices = await db.Practices.IgnoreQueryFilters().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var plan in plans)
        {
            if (plan.Paused)
            {
                await RemoveAsync(scheduler, plan.PracticeId, ct);
            }
            else
            {
                await EnsureAsync(scheduler, practices[plan.PracticeId], plan, ct);
            }
        }

        return plans.Count(p => !p.Paused);
    }
}
