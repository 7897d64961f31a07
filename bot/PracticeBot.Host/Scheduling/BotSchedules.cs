using System.Globalization;
using Quartz;

namespace PracticeBot.Host.Scheduling;

/// <summary>Builds the Quartz job for a schedule id, with an explicit identity per schedule and practice.</summary>
public static class BotSchedules
{
    public const string Group = "practicebot";

    public static JobKey JobKeyFor(string scheduleId, long? practiceId) =>
        new($"{scheduleId}:{practiceId?.ToString(CultureInfo.InvariantCulture) ?? "all"}", Group);

    public static TriggerKey TriggerKeyFor(string scheduleId, long? practiceId) =>
        new($"{scheduleId}:{practiceId?.ToString(CultureInfo.InvariantCulture) ?? "all"}", Group);

    public static IJobDetail Job(string scheduleId, long? practiceId)
    {
        var job = JobBuilder.Create<ScheduleEventJob>()
            .WithIdentity(JobKeyFor(scheduleId, practiceId))
            .UsingJobData(ScheduleEventJob.ScheduleIdKey, scheduleId)
            .RequestRecovery();
        if (practiceId is { } id)
        {
            job = job.UsingJobData(ScheduleEventJob.PracticeIdKey, id.ToString(CultureInfo.InvariantCulture));
        }

        return job.Build();
    }
}
