using Microsoft.Extensions.Options;

namespace PracticeBot.Adapters.Teams;

/// <summary>Fails start-up with the missing or wrong key named, never later on the first activity.</summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (options.IsConfigured && string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add($"{TeamsOptions.SectionName}:AppPassword is required when {TeamsOptions.SectionName}:AppId is set (the client secret of the bot's app registration).");
        }

        if (!IsHttpUrl(options.OpenIdMetadataUrl))
        {
            failures.Add($"{TeamsOptions.SectionName}:OpenIdMetadataUrl must be an absolute http(s) URL.");
        }

        if (!IsHttpUrl(options.TokenEndpoint))
        {
            failures.Add($"{TeamsOptions.SectionName}:TokenEndpoint must be an absolute http(s) URL.");
        }

        if (options.MaxBodyBytes <= 0)
        {
            failures.Add($"{TeamsOptions.SectionName}:MaxBodyBytes must be a positive number of bytes (default {TeamsOptions.DefaultMaxBodyBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
