using PracticeBot.Core.Reviews;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Scheduling;
using Quartz;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>
/// Keeps one Quartz poll trigger per configured source and practice, with the source's interval. Each trigger fires the
/// one <see cref="ScheduleEventJob"/>, which raises <see cref="ReviewSchedules.Poll"/> with the source in its data;
/// triggers of sources no longer configured are removed. Runs at start, after the database is migrated.
/// </summary>
public sealed partial class ReviewPollScheduler(
    ISchedulerFactory schedulers,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<ReviewPollScheduler> logger) : IHostedService
{
    public const string Group = "review-polls";

    public Task StartAsync(CancellationToken cancellationToken) => ReconcileAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static JobKey KeyFor(string source, long practiceId) =>
        new($"{ReviewSchedules.Poll}:{source}:{practiceId.ToString(CultureInfo.InvariantCulture)}", Group);

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        var practices = await db.Practices.AsNoTracking().ToListAsync(cancellationToken);
        var sources = scope.ServiceProvider.GetServices<IReviewSource>().ToList();
        var connected = await ConnectedAsync(db, null, cancellationToken);

        var wanted = new Dictionary<JobKey, (IReviewSource Source, long PracticeId)>();
        foreach (var source in sources)
        {
            foreach (var practice in practices.Where(p => source.Serves(p) || connected.Contains((p.Id, source.Name))))
            {
                wanted[KeyFor(source.Name, practice.Id)] = (source, practice.Id);
            }
        }

        foreach (var stale in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken)).Where(k => !wanted.ContainsKey(k)))
        {
            await scheduler.DeleteJob(stale, cancellationToken);
        }

        foreach (var (key, (source, practiceId)) in wanted)
        {
            // Left alone when its interval is unchanged; replaced when the configuration changed it.
            if (await scheduler.GetTrigger(new TriggerKey(key.Name, Group), cancellationToken) is ISimpleTrigger existing
                && existing.RepeatInterval == IntervalOf(source))
            {
                continue;
            }

            await scheduler.DeleteJob(key, cancellationToken);
            await ScheduleAsync(scheduler, key, source, practiceId, cancellationToken);
        }

        LogScheduled(logger, wanted.Count);
    }

    /// <summary>A practice set up while the host runs gets its poll triggers at once; existing ones are left as they are.</summary>
    public async Task SyncPracticeAsync(Practice practice, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var connected = await ConnectedAsync(scope.ServiceProvider.GetRequiredService<PracticeBotDb>(), practice.Id, cancellationToken);
        foreach (var source in scope.ServiceProvider.GetServices<IReviewSource>().Where(s => s.Serves(practice) || connected.Contains((practice.Id, s.Name))))
        {
            var key = KeyFor(source.Name, practice.Id);
            if (!await scheduler.Exists(key, cancellationToken))
            {
                await ScheduleAsync(scheduler, key, source, practice.Id, cancellationToken);
            }
        }
    }

    private async Task ScheduleAsync(IScheduler scheduler, JobKey key, IReviewSource source, long practiceId, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<ScheduleEventJob>()
            .WithIdentity(key)
            .UsingJobData(ScheduleEventJob.ScheduleIdKey, ReviewSchedules.Poll)
            .UsingJobData(ScheduleEventJob.PracticeIdKey, practiceId.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(ReviewSchedules.SourceKey, source.Name)
            .RequestRecovery()
            .Build();
        var interval = IntervalOf(source);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, Group)
            .ForJob(job)
            .StartAt(time.GetUtcNow().AddSeconds(5))
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
    }

    /// <summary>The (practice, source) pairs connected from chat (<c>practice connect</c>).</summary>
    private static async Task<HashSet<(long, string)>> ConnectedAsync(PracticeBotDb db, long? practiceId, CancellationToken ct)
    {
        db.PracticeScope = null;
        var rows = await db.SourceConnections.AsNoTracking()
            .Where(c => c.Status == PracticeBot.Core.Reviews.Sources.Connections.SourceConnectionStatus.Connected && (practiceId == null || c.PracticeId == practiceId))
            .Select(c => new { c.PracticeId, c.Source }).ToListAsync(ct);
        return rows.Select(r => (r.PracticeId, r.Source)).ToHashSet();
    }

    private static TimeSpan IntervalOf(IReviewSource source) =>
        source.PollInterval > TimeSpan.Zero ? source.PollInterval : TimeSpan.FromMinutes(15);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review polling: {Count} source triggers scheduled")]
    private static partial void LogScheduled(ILogger logger, int count);
}
