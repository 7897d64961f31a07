using PracticeBot.Core.Hosting;

namespace PracticeBot.Host.Dashboard;

/// <summary>
/// <c>PublicBaseUrl</c>: the address people reach the bot at (<c>https://bot.example.org</c>), one setting for every
/// link the bot puts in chat (the dashboard's sign-in link, the calendar feed). Unset, links are bare paths.
/// </summary>
public sealed class PublicLinks(string? baseUrl) : IPublicLinks
{
    public const string SettingName = "PublicBaseUrl";

    private readonly string _base = (baseUrl ?? "").TrimEnd('/');

    public string To(string pathAndQuery) => _base + pathAndQuery;

    /// <summary>Null when the setting is unset or an absolute http(s) URL without query; otherwise what is wrong.</summary>
    public static string? Problem(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0)
            ? null
            : $"{SettingName} must be the absolute http(s) address people reach the bot at, e.g. https://bot.example.org (it was '{value}').";
}
