namespace PracticeBot.Core.Conversation.Events;

/// <summary>A scheduled trigger fired. Jobs carry no logic: they only raise this event.</summary>
/// <param name="ScheduleId">The schedule's constant id, shared by the trigger and the route.</param>
/// <param name="PracticeId">The practice it is for, or null for schedules that span all practices.</param>
/// <param name="ScheduledFor">When the trigger was meant to fire (may be earlier than now after downtime).</param>
public sealed record ScheduleFired(
    string ScheduleId,
    long? PracticeId,
    DateTimeOffset ScheduledFor,
    IReadOnlyDictionary<string, string> Data) : BotEvent
{
    public static ScheduleFired Create(string scheduleId, long? practiceId, DateTimeOffset scheduledFor) =>
        new(scheduleId, practiceId, scheduledFor, new Dictionary<string, string>());
}
