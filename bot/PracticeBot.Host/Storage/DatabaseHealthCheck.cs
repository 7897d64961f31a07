using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Storage;

/// <summary>Healthy while the database answers; unhealthy within 3 s when it does not, and healthy again when it is back.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            // A real round trip: opening a pooled connection proves nothing when the network under it is gone.
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            return HealthCheckResult.Healthy("database reachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("database did not answer within 3 s");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException || StorageFailure.IsUnavailable(ex))
        {
            // Expected while the database is away: a plain unhealthy status, not an error logged on every probe.
            return HealthCheckResult.Unhealthy($"database unreachable ({ex.GetType().Name})");
        }
    }
}
