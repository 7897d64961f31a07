using Microsoft.Extensions.Options;

namespace PracticeBot.Adapters.Slack;

/// <summary>Checks the Slack settings as a set, naming the key that is missing or wrong.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    private const string Section = SlackOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        var signing = Has(options.SigningSecret);
        if (Has(options.BotToken) && !signing && !options.SocketMode)
        {
            failures.Add($"{Section}:SigningSecret is required when {Section}:BotToken is set (or set {Section}:AppToken for Socket Mode).");
        }

        if (Has(options.BotToken) && !options.BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add($"{Section}:BotToken must be a bot token (xoxb-…).");
        }

        if (options.SocketMode)
        {
            if (!options.AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
            {
                failures.Add($"{Section}:AppToken must be an app-level token (xapp-…) with the connections:write scope.");
            }

            if (!Has(options.BotToken))
            {
                failures.Add($"{Section}:BotToken is required when {Section}:AppToken is set.");
            }
        }

        if (Has(options.ClientId) && !Has(options.ClientSecret))
        {
            failures.Add($"{Section}:ClientSecret is required when {Section}:ClientId is set.");
        }

        if (Has(options.ClientSecret) && !Has(options.ClientId))
        {
            failures.Add($"{Section}:ClientId is required when {Section}:ClientSecret is set.");
        }

        if (Has(options.ClientId) && !signing)
        {
            failures.Add($"{Section}:SigningSecret is required when {Section}:ClientId is set.");
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add($"{Section}:ApiBaseUrl must be an absolute http(s) URL, e.g. {SlackOptions.DefaultApiBaseUrl}.");
        }

        if (!IsHttpUrl(options.AuthorizeUrl))
        {
            failures.Add($"{Section}:AuthorizeUrl must be an absolute http(s) URL.");
        }

        if (options.AckBudget <= TimeSpan.Zero || options.AckBudget > TimeSpan.FromSeconds(2.8))
        {
            failures.Add($"{Section}:AckBudget must be more than 0 and at most 00:00:02.8 (Slack waits 3 seconds).");
        }

        if (options.MaxBodyBytes <= 0)
        {
            failures.Add($"{Section}:MaxBodyBytes must be a positive number of bytes (default {SlackOptions.DefaultMaxBodyBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
