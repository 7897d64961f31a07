using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using PracticeBot.Core.Reviews.Suggestions;

namespace PracticeBot.Host.Reviews.Suggestions;

public static class SuggestionsExtensions
{
    public const string HttpClientName = "suggestions";

    /// <summary>
    /// <c>AI:*</c> validated at start; with an endpoint, the core's <see cref="ReplySuggester"/> gets an
    /// <see cref="IChatClient"/> over OpenAI's chat-completions API. Without one it uses the templates only.
    /// </summary>
    public static WebApplicationBuilder AddReplySuggestions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.SectionName).ValidateOnStart();
        services.AddOptions<ReplySuggesterOptions>()
            .Configure<IOptions<AiOptions>>((suggester, ai) => suggester.Timeout = ai.Value.Timeout);

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{AiOptions.SectionName}:{nameof(AiOptions.Endpoint)}"]))
        {
            return builder;
        }

        // No resilience handler: the suggestion has one short budget, and a failed call falls back to the template
        // at once rather than spending the budget on retries. The body (review text) is never logged by the factory.
        services.AddHttpClient(HttpClientName);
        services.AddChatClient(sp =>
        {
            var ai = sp.GetRequiredService<IOptions<AiOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // the suggester's budget decides
            var client = new ChatClient(
                ai.Model,
                // OpenAI's client requires a credential; a local server without keys ignores this one.
                new ApiKeyCredential(string.IsNullOrWhiteSpace(ai.ApiKey) ? "no-key" : ai.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(ai.Endpoint!),
                    Transport = new HttpClientPipelineTransport(http),
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = ai.Timeout + TimeSpan.FromSeconds(5),
                });
            return client.AsIChatClient();
        });
        return builder;
    }
}
