namespace PracticeBot.Adapters.Reviews.Connect;

/// <summary>
/// The public address of this bot, where providers send people back after consent
/// (<c>{PublicBaseUrl}/api/sources/google/callback</c>, <c>…/facebook/callback</c>): the top-level <c>PublicBaseUrl</c>
/// setting, the one every link in chat starts with (the dashboard's sign-in, the calendar feed).
/// </summary>
public sealed class ConnectOptions
{
    public const string SettingName = "PublicBaseUrl";

    public string? PublicBaseUrl { get; set; }

    public static string CallbackPath(string source) => $"/api/sources/{source}/callback";

    public string? RedirectUri(string source) =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var root) ? root.AbsoluteUri.TrimEnd('/') + CallbackPath(source) : null;
}
