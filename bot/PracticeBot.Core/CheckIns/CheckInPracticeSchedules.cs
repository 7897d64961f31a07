using PracticeBot.Core.Practices;
using PracticeBot.Core.Scheduling;

namespace PracticeBot.Core.CheckIns;

/// <summary>Every practice has its weekly check-in trigger, at its check-in day and time in its time zone.</summary>
public sealed class CheckInPracticeSchedules(IBotScheduler scheduler) : IPracticeSchedules
{
    public Task SyncAsync(Practice practice, CancellationToken cancellationToken) =>
        scheduler.EnsureWeeklyAsync(CheckInSchedules.Weekly, practice.Id, practice.Settings.CheckInDay, practice.Settings.CheckInTime, practice.TimeZone, cancellationToken);
}
