using Microsoft.Extensions.DependencyInjection.Extensions;
using PracticeBot.Adapters.Reviews;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Host.Reviews;

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
        services.AddOptions<SourceSyncOptions>().BindConfiguration(SourceSyncOptions.SectionName);
        services.AddOptions<ReviewWebhookOptions>().BindConfiguration(ReviewWebhookOptions.SectionName);
        services.AddSingleton<IWebhookSecretVault, PracticeWebhookSecrets>();
        services.AddSingleton<ReviewPollScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReviewPollScheduler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<PracticeBot.Core.Scheduling.IPracticeSchedules, ReviewPollSchedules>());
        return builder;
    }

    public static WebApplication MapReviewSources(this WebApplication app)
    {
        app.MapPost(ReviewWebhookApi.Path, ReviewWebhookApi.ReceiveAsync).DisableAntiforgery();
        return app;
    }
}
