using System.Globalization;
using PracticeBot.Core.Scheduling;
using Quartz;
using CoreTimeZones = PracticeBot.Core.Conversation.Commands.TimeZones;

namespace PracticeBot.Host.Scheduling;

/// <summary>
/// The core's scheduler port on Quartz: one cron trigger per schedule and practice, in the practice's time zone, so
/// "Friday 10:00" stays 10:00 local across daylight-saving changes. Ensuring replaces the job and its trigger.
/// </summary>
public sealed class QuartzBotScheduler(ISchedulerFactory schedulers) : IBotScheduler
{
    public Task EnsureWeeklyAsync(string scheduleId, long practiceId, DayOfWeek day, TimeOnly localTime, string timeZoneId, CancellationToken cancellationToken) =>
        EnsureAsync(WeeklyTrigger(scheduleId, practiceId, day, localTime, timeZoneId), scheduleId, practiceId, cancellationToken);

    public Task EnsureDailyAsync(string scheduleId, long practiceId, TimeOnly localTime, string timeZoneId, CancellationToken cancellationToken) =>
        EnsureAsync(DailyTrigger(scheduleId, practiceId, localTime, timeZoneId), scheduleId, practiceId, cancellationToken);

    public async Task EnsureRepeatingAsync(string scheduleId, TimeSpan every, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(BotSchedules.TriggerKeyFor(scheduleId, null))
            .ForJob(BotSchedules.JobKeyFor(scheduleId, null))
            .StartNow()
            // A sweep works out what is due from stored state: after downtime one firing catches up, never a burst.
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(BotSchedules.Job(scheduleId, null), [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public async Task RemoveAsync(string scheduleId, long practiceId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(BotSchedules.JobKeyFor(scheduleId, practiceId), cancellationToken);
    }

    public static ITrigger WeeklyTrigger(string scheduleId, long practiceId, DayOfWeek day, TimeOnly localTime, string timeZoneId) =>
        Trigger(scheduleId, practiceId, Cron(localTime, "?", day.ToString()[..3].ToUpperInvariant()), timeZoneId);

    public static ITrigger DailyTrigger(string scheduleId, long practiceId, TimeOnly localTime, string timeZoneId) =>
        Trigger(scheduleId, practiceId, Cron(localTime, "*", "?"), timeZoneId);

    private static ITrigger Trigger(string scheduleId, long practiceId, CronScheduleBuilder schedule, string timeZoneId) =>
        TriggerBuilder.Create()
            .WithIdentity(BotSchedules.TriggerKeyFor(scheduleId, practiceId))
            .ForJob(BotSchedules.JobKeyFor(scheduleId, practiceId))
            // After downtime, fire once and carry on: the handlers work out what is due from the scheduled time.
            .WithSchedule(schedule.InTimeZone(CoreTimeZones.Find(timeZoneId)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

    /// <summary>Quartz cron: seconds, minutes, hours, day of month, month, day of week.</summary>
    private static CronScheduleBuilder Cron(TimeOnly at, string dayOfMonth, string dayOfWeek) =>
        CronScheduleBuilder.Create(string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} {dayOfMonth} * {dayOfWeek}"));

    private async Task EnsureAsync(ITrigger trigger, string scheduleId, long practiceId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Every start ensures every practice's triggers: one read when nothing changed, instead of a delete and a write.
        if (await scheduler.GetTrigger(trigger.Key, cancellationToken) is ICronTrigger existing
            && trigger is ICronTrigger wanted
            && existing.CronExpressionString == wanted.CronExpressionString
            && existing.TimeZone.Id == wanted.TimeZone.Id)
        {
            return;
        }

        await scheduler.ScheduleJob(BotSchedules.Job(scheduleId, practiceId), [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }
}
