using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Webhook;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>
/// The webhook's coarse limit, per client address, before the body is read or a signature checked: it caps what
/// unauthenticated floods cost. Generous, since one integration may send for many practices from one address.
/// </summary>
public sealed class WebhookAddressRateLimitPolicy(IOptions<ReviewWebhookOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = static (context, _) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var result = ReviewWebhookApi.TooManyRequests(context.HttpContext, wait,
            $"Too many webhook requests from this address. Nothing was stored; send them again after {ReviewWebhookApi.Seconds(wait)} s (Retry-After), " +
            $"and put up to {WebhookPayload.MaxReviews} reviews in one request instead of one per request.");
        return new ValueTask(result.ExecuteAsync(context.HttpContext));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limit = options.Value.RateLimit;
        return RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitsPerAddress,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
