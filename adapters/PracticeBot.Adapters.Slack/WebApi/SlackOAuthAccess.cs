namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>What <c>oauth.v2.access</c> returns for a bot install. <see cref="BotToken"/> must never be logged.</summary>
public sealed record SlackOAuthAccess(
    string BotToken,
    string? Scope,
    string? BotUserId,
    string? TeamId,
    string? TeamName,
    string? EnterpriseId,
    bool IsEnterpriseInstall,
    string? InstallerUserId)
{
    /// <summary>The workspace the token belongs to: the enterprise for an org-wide install, otherwise the team.</summary>
    public string WorkspaceId => (IsEnterpriseInstall ? EnterpriseId : TeamId) ?? TeamId ?? EnterpriseId ?? "";

    public override string ToString() => $"SlackOAuthAccess {{ WorkspaceId = {WorkspaceId}, BotUserId = {BotUserId} }}";
}
