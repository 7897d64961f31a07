using PracticeBot.Core.Telemetry;
using Quartz;

namespace PracticeBot.Host.Scheduling;

/// <summary>
/// Counts triggers that fired late (<c>practicebot.jobs.misfires</c>), by schedule id. Every other member of the
/// listener keeps Quartz's default (it never vetoes a run).
/// </summary>
public sealed class MisfireCounter : ITriggerListener
{
    public string Name => "practicebot-misfires";

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        PracticeBotTelemetry.RecordJobMisfire(trigger.JobDataMap.GetString(ScheduleEventJob.ScheduleIdKey) ?? trigger.Key.Group);
        return ValueTask.CompletedTask;
    }
}
