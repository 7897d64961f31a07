using PracticeBot.Core.Posting;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Posting;

/// <summary>
/// At start, after the database is migrated and the scheduler runs: every practice's posting triggers match its
/// plan and time zone (see <see cref="PostingTriggers.ReconcileAsync"/>).
/// </summary>
public sealed partial class PostingTriggerSync(IServiceScopeFactory scopes, IBotScheduler scheduler, ILogger<PostingTriggerSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var active = await PostingTriggers.ReconcileAsync(scope.ServiceProvider.GetRequiredService<PracticeBotDb>(), scheduler, cancellationToken);
        LogReconciled(logger, active);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Posting triggers in line with {Count} active plans")]
    private static partial void LogReconciled(ILogger logger, int count);
}
