namespace PracticeBot.Adapters.Reviews.Connect;

/// <summary>
/// <c>Sources:Connect</c>: the public address of this bot, where providers send people back after consent
/// (<c>{PublicBaseUrl}/api/sources/google/callback</c>, <c>…/facebook/callback</c>).
/// </summary>
public sealed class ConnectOptions
{
    public const string SectionName = "Sources:Connect";

    public string? PublicBaseUrl { get; set; }

    public static string CallbackPath(string source) => $"/api/sources/{source}/callback";

    public string? RedirectUri(string source) =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var root) ? root.AbsoluteUri.TrimEnd('/') + CallbackPath(source) : null;
}
