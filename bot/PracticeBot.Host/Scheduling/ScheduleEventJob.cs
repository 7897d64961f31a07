using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Telemetry;
using Quartz;

namespace PracticeBot.Host.Scheduling;

/// <summary>
/// The one Quartz job: it turns a fired trigger into a neutral <see cref="ScheduleFired"/> event and routes it
/// through the core. No logic lives here.
/// </summary>
/// <remarks>
/// Each firing is logged (Debug) with the scheduler instance that ran it: with several instances on one database, that
/// shows which one took a trigger.
/// </remarks>
[DisallowConcurrentExecution]
public sealed partial class ScheduleEventJob(BotDispatcher dispatcher, TimeProvider time, ILogger<ScheduleEventJob> logger) : IJob
{
    public const string ScheduleIdKey = "scheduleId";
    public const string PracticeIdKey = "practiceId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var scheduleId = data.GetString(ScheduleIdKey)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} has no '{ScheduleIdKey}'.");
        long? practiceId = data.TryGetString(PracticeIdKey, out var practice) && long.TryParse(practice, out var id) ? id : null;
        var extra = data.Keys
            .Where(k => k is not ScheduleIdKey and not PracticeIdKey)
            .ToDictionary(k => k, k => data.GetString(k) ?? "");

        LogFired(logger, scheduleId, practiceId, context.Scheduler.SchedulerInstanceId);
        var outcome = "error";
        try
        {
            var result = await dispatcher.DispatchAsync(
                new ScheduleFired(scheduleId, practiceId, context.ScheduledFireTimeUtc ?? time.GetUtcNow(), extra),
                cancellationToken);
            outcome = result.Failure is null ? "ok" : "error";
        }
        finally
        {
            PracticeBotTelemetry.RecordJobRun(scheduleId, outcome);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Schedule {ScheduleId} fired for practice {PracticeId} on scheduler instance {InstanceId}")]
    private static partial void LogFired(ILogger logger, string scheduleId, long? practiceId, string instanceId);
}
