using Microsoft.Extensions.DependencyInjection.Extensions;
using PracticeBot.Adapters.Reviews;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Host.Reviews.Sources.Email;

namespace PracticeBot.Host.Reviews.Sources;

public static class ReviewSourcesExtensions
{
    /// <summary>
    /// Review sources: the connectors (<c>Sources:*</c>), their poll triggers, the webhook and its secrets (encrypted
    /// with the host's Data Protection key ring, see <c>AddKeyRing</c>).
    /// </summary>
    public static WebApplicationBuilder AddReviewSources(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddReviewConnectors();
        services.AddEmailAlerts();
        services.AddOptions<SourceSyncOptions>().BindConfiguration(SourceSyncOptions.SectionName);
        services.AddOptions<SourceWorkspacesOptions>().BindConfiguration(SourceWorkspacesOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<SourceWorkspacesOptions>, SourceWorkspacesValidator>());
        services.AddOptions<ReviewWebhookOptions>().BindConfiguration(ReviewWebhookOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0, $"{ReviewWebhookOptions.SectionName}:MaxBodyBytes must be a positive number of bytes (default {ReviewWebhookOptions.DefaultMaxBodyBytes}).")
            .Validate(o => o.RateLimit.PermitsPerPractice > 0 && o.RateLimit.PermitsPerAddress > 0,
                $"{ReviewWebhookOptions.SectionName}:RateLimit:PermitsPerPractice and PermitsPerAddress must be positive.")
            .Validate(o => o.RateLimit.Window > TimeSpan.Zero, $"{ReviewWebhookOptions.SectionName}:RateLimit:Window must be a positive time span, e.g. 00:01:00.")
            .ValidateOnStart();
        services.AddSingleton<WebhookRateLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, WebhookAddressRateLimitPolicy>(ReviewWebhookApi.AddressRateLimitPolicy);
        });
        services.AddSingleton<IWebhookSecretVault, PracticeWebhookSecrets>();
        services.AddSingleton<PracticeBot.Core.Reviews.Sources.Connections.ISourceSecrets, SourceSecrets>();
        services.AddScoped<Push.PushTargets>();
        services.AddOptions<Push.GooglePushOptions>().BindConfiguration(Push.GooglePushOptions.SectionName);
        services.AddHttpClient(nameof(Push.GoogleJwks));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Push.GoogleJwks>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(Push.GoogleJwks))));
        services.AddSingleton<ReviewPollScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReviewPollScheduler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<PracticeBot.Core.Scheduling.IPracticeSchedules, ReviewPollSchedules>());
        return builder;
    }

    public static WebApplication MapReviewSources(this WebApplication app)
    {
        app.MapPost(ReviewWebhookApi.Path, ReviewWebhookApi.ReceiveAsync).DisableAntiforgery().RequireRateLimiting(ReviewWebhookApi.AddressRateLimitPolicy);
        app.MapGet(SourceConnectApi.Path, SourceConnectApi.CallbackAsync).RequireRateLimiting(ReviewWebhookApi.AddressRateLimitPolicy);
        app.MapPost(Push.GooglePushApi.Path, Push.GooglePushApi.ReceiveAsync).DisableAntiforgery().RequireRateLimiting(ReviewWebhookApi.AddressRateLimitPolicy);
        app.MapGet(Push.FacebookWebhookApi.Path, Push.FacebookWebhookApi.Verify).RequireRateLimiting(ReviewWebhookApi.AddressRateLimitPolicy);
        app.MapPost(Push.FacebookWebhookApi.Path, Push.FacebookWebhookApi.ReceiveAsync).DisableAntiforgery().RequireRateLimiting(ReviewWebhookApi.AddressRateLimitPolicy);
        return app;
    }
}
