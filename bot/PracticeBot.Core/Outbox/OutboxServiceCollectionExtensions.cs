using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PracticeBot.Core.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outbox delivery worker (also resolvable as itself, for <see cref="OutboxDeliveryWorker.Wake"/>) and its options (section <c>Outbox</c>, validated at start-up).
    /// The host registers <c>PracticeBotDb</c>, the <see cref="IPlatformSender"/>s and <see cref="TimeProvider"/>.
    /// Senders are captured by a singleton: register them as singletons (or transient).
    /// </summary>
    public static IServiceCollection AddOutboxDelivery(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());

        services.TryAddSingleton(sp => new OutboxDeliverer(
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetServices<IPlatformSender>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<OutboxOptions>>(),
            sp.GetRequiredService<ILogger<OutboxDeliverer>>(),
            OutboxDeliverer.NewWorkerId()));
        // One instance, both the hosted service and what transports resolve to wake it after a commit.
        services.TryAddSingleton<OutboxDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDeliveryWorker>());
        return services;
    }
}
