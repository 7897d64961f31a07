using System.Collections.Concurrent;
using PracticeBot.Core.Scheduling;

namespace PracticeBot.Core.Tests.TestSupport;

/// <summary>The scheduler port, recording the triggers the core asked for instead of running them.</summary>
public sealed class RecordingBotScheduler : IBotScheduler
{
    public ConcurrentDictionary<(string ScheduleId, long PracticeId), RecordedTrigger> Triggers { get; } = new();

    public Task EnsureWeeklyAsync(string scheduleId, long practiceId, DayOfWeek day, TimeOnly localTime, string timeZoneId, CancellationToken cancellationToken)
    {
        Triggers[(scheduleId, practiceId)] = new RecordedTrigger(day, localTime, timeZoneId);
        return Task.CompletedTask;
    }

    public Task EnsureDailyAsync(string scheduleId, long practiceId, TimeOnly localTime, string timeZoneId, CancellationToken cancellationToken)
    {
        Triggers[(scheduleId, practiceId)] = new RecordedTrigger(null, localTime, timeZoneId);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string scheduleId, long practiceId, CancellationToken cancellationToken)
    {
        Triggers.TryRemove((scheduleId, practiceId), out _);
        return Task.CompletedTask;
    }
}

/// <summary>A trigger as asked for: weekly on <paramref name="Day"/>, or daily when it is null.</summary>
public sealed record RecordedTrigger(DayOfWeek? Day, TimeOnly LocalTime, string TimeZoneId);
