namespace PracticeBot.Core.Practices;

/// <summary>Binds one chat workspace (a Slack team, a Teams tenant + team) to exactly one practice.</summary>
public sealed class WorkspaceBinding
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public required string Platform { get; set; }
    /// <summary>Slack team id or Teams tenant id.</summary>
    public required string WorkspaceId { get; set; }
    /// <summary>Teams team id; empty for Slack and for a tenant-wide binding.</summary>
    public string TeamId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
