using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PracticeBot.Adapters.Teams.Auth;
using PracticeBot.Adapters.Teams.Inbound;
using PracticeBot.Adapters.Teams.Outbound;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;
using Polly;

namespace PracticeBot.Adapters.Teams;

public static class TeamsExtensions
{
    public const string Path = "/api/messages";
    internal const string OpenIdClient = "teams-openid";
    internal const string TokenClient = "teams-token";

    /// <summary>
    /// The Teams adapter: options (validated at start), inbound authentication, the connector client and the outbox
    /// sender for platform <c>teams</c>.
    /// </summary>
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(OpenIdClient);
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
        {
            var url = sp.GetRequiredService<IOptions<TeamsOptions>>().Value.OpenIdMetadataUrl;
            var retriever = new HttpDocumentRetriever(sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenIdClient))
            {
                RequireHttps = url.StartsWith("https:", StringComparison.OrdinalIgnoreCase),
            };
            return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever);
        });
        services.AddSingleton<BotFrameworkAuthenticator>();

        services.AddHttpClient(TokenClient).AddStandardResilienceHandler();
        services.AddSingleton(sp => new BotTokenProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenClient),
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient<ConnectorClient>().AddResilienceHandler("teams-connector", ConnectorResilience);

        services.AddSingleton<ActivityLog>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddScoped<TeamsConversationStore>();
        services.AddScoped<TeamsReplier>();
        services.AddScoped<ActivityProcessor>();
        services.AddSingleton<IPlatformSender, TeamsPlatformSender>();
        services.AddMemoryCache();
        services.AddSingleton<PracticeBot.Core.Conversation.IGuestDirectory, TeamsGuestDirectory>();
        services.AddHostedService<TeamsModeBanner>();
        return builder;
    }

    /// <summary><c>POST /api/messages</c> for activities; <c>GET</c>/<c>HEAD</c> answer 200 so probes and people see it is there.</summary>
    public static WebApplication MapTeams(this WebApplication app)
    {
        app.MapPost(Path, (HttpContext http, ActivityProcessor processor, CancellationToken ct) => processor.ProcessAsync(http, ct));
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], () => Results.Text("PracticeBot's Teams endpoint: the Bot Framework POSTs activities here.\n"));
        return app;
    }

    /// <summary>
    /// Retries what the Bot Framework documents as transient (429, 412, 502, 504) when the wait is short; a longer
    /// Retry-After goes back to the outbox, which waits without holding a connection.
    /// </summary>
    private static void ConnectorResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Result: { } response } => IsTransient(response.StatusCode)
                    && (ConnectorClient.RetryAfterOf(response, DateTimeOffset.MinValue) is not { } wait || wait <= TimeSpan.FromSeconds(2)),
                _ => false,
            }),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(15));
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;
}
