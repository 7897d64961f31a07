using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;
using Quartz;

namespace PracticeBot.Host.Scheduling;

/// <summary>
/// At start, once the database is migrated and the scheduler runs: every feature's triggers of every practice are
/// brought in line with the practice (see <see cref="IPracticeSchedules"/>).
/// </summary>
public sealed partial class PracticeScheduleSync(IServiceScopeFactory scopes, ISchedulerFactory schedulers, ILogger<PracticeScheduleSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var schedules = scope.ServiceProvider.GetServices<IPracticeSchedules>().ToList();
        var scheduler = scope.ServiceProvider.GetRequiredService<IBotScheduler>();
        foreach (var repeating in scope.ServiceProvider.GetServices<RepeatingSchedule>())
        {
            await scheduler.EnsureRepeatingAsync(repeating.ScheduleId, repeating.Every, cancellationToken);
        }

        var practices = await db.Practices.IgnoreQueryFilters().ToListAsync(cancellationToken);
        foreach (var practice in practices)
        {
            await schedules.SyncAllAsync(practice, cancellationToken);
        }

        var quartz = await schedulers.GetScheduler(cancellationToken);
        LogSynced(logger, practices.Count, schedules.Count, quartz.SchedulerInstanceId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled triggers in line for {Practices} practices ({Features} features); scheduler instance {InstanceId}")]
    private static partial void LogSynced(ILogger logger, int practices, int features, string instanceId);
}
