namespace PracticeBot.Adapters.Slack.Storage;

/// <summary>
/// A chat workspace that installed the app through OAuth: its bot credentials, encrypted by the adapter before they
/// are stored (this type never sees a token in clear).
/// </summary>
public sealed class WorkspaceInstallation
{
    public long Id { get; set; }
    public required string Platform { get; set; }
    /// <summary>Slack team id (or enterprise id for an org-wide install).</summary>
    public required string WorkspaceId { get; set; }
    public string? WorkspaceName { get; set; }
    public string? BotUserId { get; set; }
    /// <summary>The bot token, protected with ASP.NET Core Data Protection.</summary>
    public required string ProtectedBotToken { get; set; }
    public string? Scopes { get; set; }
    public string? InstalledByUserId { get; set; }
    public DateTimeOffset InstalledAt { get; set; }
}
