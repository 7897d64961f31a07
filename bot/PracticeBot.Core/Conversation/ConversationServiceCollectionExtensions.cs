using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Dashboard;
using PracticeBot.Core.Conversation.Middleware;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Help;
using PracticeBot.Core.Home;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Core.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The conversation core: router with its middleware pipeline and every feature's routes, the dispatcher, and
    /// the services handlers use. The host adds storage (<see cref="Storage.PracticeBotDb"/>) and platform senders.
    /// </summary>
    public static IServiceCollection AddPracticeBotCore(this IServiceCollection services)
    {
        services.AddBotRoutes(bot => bot
            .Use<ErrorReplyMiddleware>()
            .Use<RefusalAuditMiddleware>()
            .Use<TenantMiddleware>()
            .Use<MemberMiddleware>()
            .Use<GuestMiddleware>()
            .Use<AuthorizationMiddleware>()
            .Use<UnitOfWorkMiddleware>()
            .Use<HomeRefreshMiddleware>()
            .MapHelp()
            .MapPractices()
            .MapReviews()
            .MapPosting()
            .MapReviewSources()
            .MapCheckIns()
            .MapHome()
            .MapDashboard());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Hosting.IPublicLinks, Hosting.RelativeLinks>();
        services.TryAddSingleton<BotDispatcher>();
        services.TryAddScoped<WorkspaceDirectory>();
        services.TryAddScoped<MemberLookup>();
        services.TryAddScoped<OutboxWriter>();
        services.TryAddScoped<ReviewBook>();
        services.TryAddScoped<ReviewWorkflow>();
        services.TryAddScoped<ReviewPeople>();
        services.TryAddSingleton<Reviews.Suggestions.ReplySuggester>();
        services.AddOptions<Reviews.Suggestions.ReplySuggesterOptions>(); // the host sets it from AI:Timeout
        services.AddSingleton(new RepeatingSchedule(ReviewSchedules.Sla, ReviewSchedules.SlaEvery));
        services.AddSingleton(new RepeatingSchedule(ReviewSchedules.Publish, ReviewSchedules.PublishEvery));
        services.TryAddScoped<PostingDesk>();
        services.TryAddScoped<PostingRota>();
        services.TryAddScoped<PersonHome>();
        services.TryAddScoped<HomeRefresh>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPracticeSchedules, PostingPracticeSchedules>());
        services.TryAddScoped<CheckInDesk>();
        services.TryAddScoped<CheckInRun>();
        services.TryAddScoped<CheckIns.PageHealth.PageHealthDesk>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPracticeSchedules, CheckInPracticeSchedules>());
        services.TryAddScoped<ReviewIngestion>();
        services.TryAddScoped<ReviewIntake>();
        services.TryAddScoped<Reviews.Sources.Connections.ConnectedSources>();
        services.TryAddScoped<Reviews.Sources.Connections.SourceAuthorizations>();
        services.TryAddScoped<Reviews.Sources.SourcePushIntake>();
        services.AddOptions<SourceSyncOptions>(); // the host binds Sources:FailuresBeforeAlert
        services.AddOptions<SourceWorkspacesOptions>(); // the host binds Sources:Workspaces
        services.TryAddScoped<SlugReservations>();
        services.TryAddScoped<DashboardSignIns>();
        services.TryAddScoped<DashboardViewers>();
        services.TryAddScoped<DashboardAccounts>();
        services.TryAddScoped<ReviewTable>();
        services.TryAddScoped<ReviewHistory>();
        services.TryAddScoped<ActivityLog>();
        services.TryAddScoped<OverviewReader>();
        services.TryAddScoped<PostingBoardReader>();
        return services;
    }

    /// <summary>
    /// Adds routes to the one router of the container (creating it on first use) and registers their handlers.
    /// Features and tests call this; a duplicate route name throws here, while the host is being built.
    /// </summary>
    public static IServiceCollection AddBotRoutes(this IServiceCollection services, Action<BotRouter> configure)
    {
        var router = services.FirstOrDefault(d => d.ServiceType == typeof(BotRouter))?.ImplementationInstance as BotRouter;
        if (router is null)
        {
            router = new BotRouter();
            services.AddSingleton(router);
        }

        var before = router.Routes.Select(r => r.HandlerType).Concat(router.Middleware).ToHashSet();
        configure(router);
        foreach (var type in router.Routes.Select(r => r.HandlerType).Concat(router.Middleware).Where(t => !before.Contains(t)).Distinct())
        {
            services.TryAddScoped(type);
        }

        return services;
    }
}
