using PracticeBot.Core.Conversation;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// <c>Sources:Workspaces:&lt;slug&gt;</c>: the chat workspace that owns a practice the source configuration names
/// (<c>Sources:Google:Practices:&lt;slug&gt;</c>, …). Only that workspace's <c>practice setup</c> gets the slug, and
/// with it the sources; values are <c>slack:&lt;team id&gt;</c>, <c>teams:&lt;tenant id&gt;</c> or
/// <c>teams:&lt;tenant id&gt;:&lt;team id&gt;</c>.
/// </summary>
public sealed class SourceWorkspacesOptions
{
    public const string SectionName = "Sources";

    public Dictionary<string, string> Workspaces { get; set; } = [];

    /// <summary>What is wrong with the configured values, naming the key to fix.</summary>
    public IEnumerable<string> Problems() =>
        Workspaces.Where(w => Parse(w.Value) is null).Select(w =>
            $"{SectionName}:Workspaces:{w.Key} must be slack:<team id>, teams:<tenant id> or teams:<tenant id>:<team id> (it is '{w.Value}').");

    /// <summary>True when <paramref name="owner"/> (a configured value) names the workspace of <paramref name="conversation"/>.</summary>
    public static bool Names(string owner, ConversationReference conversation) =>
        Parse(owner) is var (platform, workspace, team)
        && conversation.Platform == platform
        && conversation.WorkspaceId == workspace
        && (team is null || conversation.TeamId == team);

    /// <summary>The value that names <paramref name="conversation"/>'s workspace, for an administrator to copy.</summary>
    public static string ValueFor(ConversationReference conversation) =>
        conversation.Platform == Platforms.Teams && !string.IsNullOrEmpty(conversation.TeamId)
            ? $"{conversation.Platform}:{conversation.WorkspaceId}:{conversation.TeamId}"
            : $"{conversation.Platform}:{conversation.WorkspaceId}";

    private static (string Platform, string Workspace, string? Team)? Parse(string? value)
    {
        var parts = (value ?? "").Trim().Split(':');
        return parts switch
        {
            [Platforms.Slack, { Length: > 0 } team] => (Platforms.Slack, team, null),
            [Platforms.Teams, { Length: > 0 } tenant] => (Platforms.Teams, tenant, null),
            [Platforms.Teams, { Length: > 0 } tenant, { Length: > 0 } team] => (Platforms.Teams, tenant, team),
            _ => null,
        };
    }
}
