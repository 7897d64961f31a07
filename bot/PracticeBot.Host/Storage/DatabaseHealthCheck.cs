using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Storage;

/// <summary>Healthy while the database answers; unhealthy within 3 s when it does not, and healthy again when it is back.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The answer does not wait for the driver's own cancellation: on a network that drops packets, Npgsql first
        // tries to send a cancel request over the same dead network and waits for it, which took the probe to 7 s.
        // The round trip goes on in the background until its token stops it, and cleans up after itself.
        var roundTrip = RoundTripAsync(cancellationToken);
        Exception? failure;
        try
        {
            failure = await roundTrip.WaitAsync(Limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database did not answer within 3 s");
        }

        return failure switch
        {
            null => HealthCheckResult.Healthy("database reachable"),
            OperationCanceledException => HealthCheckResult.Unhealthy("database did not answer within 3 s"),
            // Expected while the database is away: a plain unhealthy status, not an error logged on every probe.
            _ when failure is System.Data.Common.DbException || StorageFailure.IsUnavailable(failure) =>
                HealthCheckResult.Unhealthy($"database unreachable ({failure.GetType().Name})"),
            _ => HealthCheckResult.Unhealthy("database check failed", failure),
        };
    }

    /// <summary>A real round trip (opening a pooled connection proves nothing when the network under it is gone); its failure, if any.</summary>
    private async Task<Exception?> RoundTripAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            return null;
        }
#pragma warning disable CA1031 // every failure is the check's answer, reported by the caller
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }
}
