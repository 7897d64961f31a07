using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Demo;
using PracticeBot.Adapters.Reviews.Facebook;
using PracticeBot.Adapters.Reviews.Google;
using PracticeBot.Adapters.Reviews.Yelp;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Adapters.Reviews;

public static class ReviewConnectorsServiceCollectionExtensions
{
    /// <summary>
    /// The review-source connectors (sections <c>Sources:Google</c>, <c>Sources:Yelp</c>, <c>Sources:Facebook</c>,
    /// <c>Sources:Demo</c>, validated at start), each a typed HttpClient with the standard resilience handler (retries
    /// with back-off on 429 and 5xx, honouring <c>Retry-After</c>). Needs <c>IConfiguration</c> and <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddReviewConnectors(this IServiceCollection services)
    {
        services.AddOptions<GoogleSourceOptions>().BindConfiguration(GoogleSourceOptions.SectionName).ValidateOnStart();
        services.AddOptions<YelpSourceOptions>().BindConfiguration(YelpSourceOptions.SectionName).ValidateOnStart();
        services.AddOptions<FacebookSourceOptions>().BindConfiguration(FacebookSourceOptions.SectionName).ValidateOnStart();
        services.AddOptions<DemoSourceOptions>().BindConfiguration(DemoSourceOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GoogleSourceOptions>, SourceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<YelpSourceOptions>, SourceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FacebookSourceOptions>, SourceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<GoogleTokenCache>();
        services.AddHttpClient<GoogleTokenClient>().AddStandardResilienceHandler();
        services.AddHttpClient<GoogleReviewSource>((sp, c) => c.BaseAddress = BaseAddress(sp.GetRequiredService<IOptions<GoogleSourceOptions>>().Value.BaseUrl))
            .AddStandardResilienceHandler();

        services.TryAddSingleton<YelpCallBudget>();
        services.TryAddTransient<YelpBudgetHandler>();
        services.AddHttpClient<YelpReviewSource>((sp, c) => c.BaseAddress = BaseAddress(sp.GetRequiredService<IOptions<YelpSourceOptions>>().Value.BaseUrl))
            .AddStandardResilienceHandler().Services
            .AddHttpClient<YelpReviewSource>()
            .AddHttpMessageHandler<YelpBudgetHandler>();

        services.AddHttpClient<FacebookReviewSource>((sp, c) => c.BaseAddress = BaseAddress(sp.GetRequiredService<IOptions<FacebookSourceOptions>>().Value.BaseUrl))
            .AddStandardResilienceHandler();

        services.AddHttpClient<FacebookPageHealthReader>((sp, c) => c.BaseAddress = BaseAddress(sp.GetRequiredService<IOptions<FacebookSourceOptions>>().Value.BaseUrl))
            .AddStandardResilienceHandler();
        services.AddTransient<PracticeBot.Core.CheckIns.PageHealth.IPageHealthReader>(sp => sp.GetRequiredService<FacebookPageHealthReader>());

        services.TryAddSingleton<DemoReviewSource>();

        services.AddHttpClient<Connect.GoogleAuthorizer>().AddStandardResilienceHandler();
        services.AddHttpClient<Connect.FacebookAuthorizer>().AddStandardResilienceHandler();
        services.AddTransient<ISourceAuthorizer>(sp => sp.GetRequiredService<Connect.GoogleAuthorizer>());
        services.AddTransient<ISourceAuthorizer>(sp => sp.GetRequiredService<Connect.FacebookAuthorizer>());

        services.AddTransient<IReviewSource>(sp => sp.GetRequiredService<GoogleReviewSource>());
        services.AddTransient<IReviewReplyPublisher>(sp => sp.GetRequiredService<GoogleReviewSource>());
        services.AddTransient<IReviewSource>(sp => sp.GetRequiredService<YelpReviewSource>());
        services.AddTransient<IReviewSource>(sp => sp.GetRequiredService<FacebookReviewSource>());
        services.AddTransient<IReviewSource>(sp => sp.GetRequiredService<DemoReviewSource>());
        return services;
    }

    /// <summary>A base URL with a trailing slash, so relative paths append to it instead of replacing its last segment.</summary>
    private static Uri BaseAddress(string url) => new(url.EndsWith('/') ? url : url + "/");
}
