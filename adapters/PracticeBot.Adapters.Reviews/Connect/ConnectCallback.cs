using PracticeBot.Core.Hosting;

namespace PracticeBot.Adapters.Reviews.Connect;

/// <summary>
/// Where providers send people back after consent (<c>{PublicBaseUrl}/api/sources/google/callback</c>,
/// <c>…/facebook/callback</c>), made by <see cref="IPublicLinks"/> from the one <c>PublicBaseUrl</c> setting that every
/// link in chat starts with (the dashboard's sign-in, the calendar feed).
/// </summary>
public static class ConnectCallback
{
    public const string MissingSetting = "PublicBaseUrl is not set";

    public static string Path(string source) => $"/api/sources/{source}/callback";

    /// <summary>The absolute callback address; null while <c>PublicBaseUrl</c> is unset (links are then bare paths).</summary>
    public static string? Uri(IPublicLinks links, string source)
    {
        var link = links.To(Path(source));
        return link.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? link : null;
    }
}
