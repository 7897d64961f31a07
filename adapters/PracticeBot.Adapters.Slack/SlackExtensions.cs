using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Adapters.Slack.Home;
using PracticeBot.Adapters.Slack.Install;
using PracticeBot.Adapters.Slack.SocketMode;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack;

public static class SlackExtensions
{
    /// <summary>
    /// Slack, when any <c>Slack:*</c> credential is set: options validated at start, the Web API client, the outbox
    /// sender for platform <c>slack</c>, the request handler shared by HTTP and Socket Mode, and Socket Mode itself
    /// when <c>Slack:AppToken</c> is set. With no Slack settings nothing is registered and the endpoints are absent.
    /// Tokens and the OAuth state are encrypted with the host's Data Protection key ring, which the host configures.
    /// </summary>
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        var configured = builder.Configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>()?.Configured == true;
        if (!configured)
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApiClient.HttpClientName).AddResilienceHandler("slack-web-api", ConfigureResilience);
        // A response_url is a credential (whoever holds it may post to the channel for 30 minutes) and the HttpClient
        // loggers write every request's URL at Information: this client logs nothing (its failures surface as SlackApiException, which the callers log).
        services.AddHttpClient(SlackApiClient.ResponseUrlClientName).RemoveAllLoggers().AddResilienceHandler("slack-response-url", ConfigureResilience);

        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackTokenStore>();
        services.AddSingleton<DeliveryFailureReporter>();
        // Without any bot token (only a signing secret) requests are answered in their acks, but nothing can be sent.
        var settings = builder.Configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>()!;
        if (!string.IsNullOrWhiteSpace(settings.BotToken) || !string.IsNullOrWhiteSpace(settings.ClientId))
        {
            services.AddSingleton<IPlatformSender, SlackPlatformSender>();
        }

        services.AddMemoryCache();
        services.AddSingleton<IGuestDirectory, Members.SlackGuestDirectory>();
        services.AddSingleton<SlackReplies>();
        services.TryAddSingleton<InboundEventLog>();
        services.AddSingleton<AppHomePublisher>();
        services.AddSingleton<SlackBackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackBackgroundWork>());
        services.AddSingleton<SlackRequestHandler>();
        services.AddSingleton<SlackInboxHandler>();
        services.AddSingleton<IInboxHandler>(sp => sp.GetRequiredService<SlackInboxHandler>());
        services.AddSingleton<OAuthState>();

        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.AppToken)}"]))
        {
            services.AddSingleton<SocketModeClient>();
            services.AddHostedService(sp => sp.GetRequiredService<SocketModeClient>());
        }

        return builder;
    }

    /// <summary><c>POST /slack/events</c>, <c>GET /slack/install</c> and <c>GET /slack/oauth_redirect</c>, when Slack is configured.</summary>
    public static WebApplication MapSlack(this WebApplication app)
    {
        if (app.Services.GetService<SlackRequestHandler>() is null)
        {
            return app;
        }

        app.MapSlackEvents();
        app.MapSlackInstall();
        return app;
    }

    /// <summary>
    /// Failures that prove Slack never processed the call (no connection, a 503) are retried briefly; a 429 is not, so
    /// the outbox sees it and waits as long as Slack asked. Posts are not idempotent: a call that may have been processed
    /// (a timeout, a connection cut after the request went out, another 5xx) is never replayed here, but handed to the
    /// outbox, which looks the message up on Slack before it posts it again.
    /// </summary>
    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddTimeout(TimeSpan.FromSeconds(30));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(300),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
                || args.Outcome.Result?.StatusCode is HttpStatusCode.ServiceUnavailable),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(10));
    }
}
