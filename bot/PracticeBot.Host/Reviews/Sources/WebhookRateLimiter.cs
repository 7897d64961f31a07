using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>
/// The webhook's per-practice limit: a fixed window per practice slug. Only requests whose signature was verified for
/// known practices reach it, so the partitions are bounded by the number of practices, and one noisy practice never
/// uses up another's permits.
/// </summary>
public sealed class WebhookRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public WebhookRateLimiter(IOptions<ReviewWebhookOptions> options)
    {
        var limit = options.Value.RateLimit;
        _limiter = PartitionedRateLimiter.Create<string, string>(slug => RateLimitPartition.GetFixedWindowLimiter(slug, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitsPerPractice,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>
    /// Takes one permit for each practice of a request. Null when all were granted; otherwise the first practice over
    /// its limit and how long until its window resets.
    /// </summary>
    public (string Practice, TimeSpan RetryAfter)? TryAcquire(IEnumerable<string> practices)
    {
        foreach (var practice in practices)
        {
            using var lease = _limiter.AttemptAcquire(practice);
            if (!lease.IsAcquired)
            {
                return (practice, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1));
            }
        }

        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
