using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PracticeBot.Host.Health;

/// <summary>
/// Wraps every registered health check so that <c>/healthz</c> answers within <see cref="Limit"/> even when a check
/// waits on a database that stopped answering (a cancelled query over a dead network can take far longer to give up).
/// A check that has not answered by then is reported with its failure status.
/// </summary>
public sealed class TimeBoundHealthCheck(IHealthCheck inner) : IHealthCheck
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(4);

    public static void Apply(HealthCheckServiceOptions options)
    {
        foreach (var registration in options.Registrations)
        {
            var factory = registration.Factory;
            registration.Factory = services => new TimeBoundHealthCheck(factory(services));
        }
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.CheckHealthAsync(context, cancellationToken).WaitAsync(Limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"no answer within {Limit.TotalSeconds:0} s");
        }
    }
}
