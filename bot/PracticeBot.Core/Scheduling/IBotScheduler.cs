namespace PracticeBot.Core.Scheduling;

/// <summary>
/// The core's port to the scheduler: per-practice triggers that fire <see cref="Conversation.Events.ScheduleFired"/>
/// with the schedule id at a local time of the practice's time zone (daylight saving included). Ensuring a trigger
/// that exists replaces it, so a changed time or zone takes effect at once.
/// </summary>
public interface IBotScheduler
{
    Task EnsureWeeklyAsync(string scheduleId, long practiceId, DayOfWeek day, TimeOnly localTime, string timeZoneId, CancellationToken cancellationToken);

    Task EnsureDailyAsync(string scheduleId, long practiceId, TimeOnly localTime, string timeZoneId, CancellationToken cancellationToken);

    /// <summary>Removes the trigger; removing one that does not exist is fine.</summary>
    Task RemoveAsync(string scheduleId, long practiceId, CancellationToken cancellationToken);
}
