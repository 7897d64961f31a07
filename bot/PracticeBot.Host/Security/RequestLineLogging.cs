using Microsoft.Extensions.Logging;

namespace PracticeBot.Host.Security;

/// <summary>
/// ASP.NET Core's request lines ("Request starting … GET /practice/1/posting.ics?token=…") quote each URL whole, and
/// the calendar feed's URL carries its secret token. They are held at Warning whatever the configuration says, for
/// every logging provider, so turning all logging up to Debug still writes no token.
/// </summary>
public static class RequestLineLogging
{
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection HoldRequestLinesAtWarning(this IServiceCollection services) =>
        services.PostConfigure<LoggerFilterOptions>(Hold);

    /// <summary>Replaces every rule that could let the category through below Warning with one that holds it, per provider.</summary>
    public static void Hold(LoggerFilterOptions options)
    {
        var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
        foreach (var rule in options.Rules.Where(r => r.CategoryName is { } c && c.StartsWith(Category, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            options.Rules.Remove(rule);
        }

        foreach (var provider in providers)
        {
            options.Rules.Add(new LoggerFilterRule(provider, Category, LogLevel.Warning, filter: null));
        }
    }
}
