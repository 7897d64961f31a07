using System.Net;
using Microsoft.Extensions.Options;

namespace PracticeBot.Host.Reviews.Suggestions;

/// <summary>Fails the start with a message naming the key when the suggestion service is half or wrongly configured.</summary>
public sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    private const string Section = AiOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > AiOptions.MaxTimeout)
        {
            failures.Add($"{Section}:Timeout must be more than 0 and at most {AiOptions.MaxTimeout:c} (Teams waits about 15 seconds for a turn).");
        }

        if (!options.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(options.Model) || !string.IsNullOrWhiteSpace(options.ApiKey))
            {
                failures.Add($"{Section}:Endpoint is missing: {Section}:Model or {Section}:ApiKey is set, but suggestions need the service's base URL (e.g. https://api.openai.com/v1).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Section}:Endpoint must be an absolute http(s) URL such as https://api.openai.com/v1 or http://127.0.0.1:11434/v1.");
        }
        else if (endpoint.Scheme == "http" && !IsLoopback(endpoint))
        {
            // Review text would cross the network in clear (and the key with it).
            failures.Add($"{Section}:Endpoint must use https unless the service runs on this machine (loopback).");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{Section}:Model is missing: name the model (or Azure deployment) that writes suggestions, e.g. gpt-4o-mini.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host, out var address) && IPAddress.IsLoopback(address));
}
