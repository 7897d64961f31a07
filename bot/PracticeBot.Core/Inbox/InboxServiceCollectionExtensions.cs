using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the inbox worker (a hosted service on every instance) and its options (section <c>Inbox</c>,
    /// validated at start-up). Adapters register their <see cref="IInboxHandler"/>s as singletons.
    /// </summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddOptions<InboxOptions>()
            .BindConfiguration(InboxOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>());
        services.TryAddSingleton(sp => new InboxProcessor(
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetServices<IInboxHandler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<InboxOptions>>(),
            sp.GetRequiredService<ILogger<InboxProcessor>>(),
            OutboxDeliverer.NewWorkerId()));
        services.TryAddSingleton<InboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        return services;
    }
}
