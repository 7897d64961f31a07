using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Telemetry;

namespace PracticeBot.Host.Health;

/// <summary>
/// Readiness: degraded while the oldest unsent outbox message is older than <see cref="HealthOptions.OutboxLagLimit"/>
/// (a platform refusing or a delivery worker stuck); the instance still answers, so readiness stays 200 and says so.
/// </summary>
public sealed class OutboxLagHealthCheck(IServiceScopeFactory scopes, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        var (depth, age) = await OutboxBacklog.ReadAsync(db, time.GetUtcNow(), cancellationToken);
        var limit = options.Value.OutboxLagLimit;
        var said = depth == 0 ? "nothing waiting" : $"{depth} waiting, oldest {Math.Round(age.TotalSeconds)} s";
        return age > limit
            ? HealthCheckResult.Degraded($"{said}: over the {limit.TotalSeconds:0} s limit (Health:OutboxLagLimit)")
            : HealthCheckResult.Healthy(said);
    }
}

/// <summary>The <c>Health</c> section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How old the oldest unsent message may be before readiness says the outbox lags.</summary>
    public TimeSpan OutboxLagLimit { get; set; } = TimeSpan.FromMinutes(5);
}
